import "server-only";
import { deletionActFacts } from "./subject-requests";
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, rowsOf, type Db, type Tx } from "../client";
import { dataCategories, dataItems, deletionActDecisions, deletionActEvents, deletionActs, legalReferences, logCheckpoints, processingPurposes, purposeDataItems, users } from "../schema";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { formatActNumber, type DeletionActFormat } from "@/lib/deletion-acts/constants";
import { OPERATOR } from "@/lib/deletion-acts/operator";
import type { ActSnapshot, DeletionActRecord, DeletionActStatus } from "@/lib/deletion-acts/types";
import type { DecideDeletionActInput, DeletionActInput, DeletionActListQuery } from "@/lib/validation/deletion-act";
import { todayInAlmaty } from "@/lib/register/record";

/** Who acts on an act: a signed-in person (acts are never made by tokens). */
export type ActActor = { id: string; email: string; name: string; role: string | null };
/** Who downloads: a person, or an API token (no person: id null). */
export type ActReader = { id: string | null; label: string; role: string | null };

const t3 = (en: string, kk: string | null, ru: string | null) => ({ en, kk, ru });

/** The options of the new-act form: purposes with their items, the catalogue, references, people. */
export async function deletionActFormOptions(db: Db = getDb()) {
  const [purposes, links, items, categories, references, people] = await Promise.all([
    db
      .select({ code: processingPurposes.code, nameEn: processingPurposes.nameEn, nameKk: processingPurposes.nameKk, nameRu: processingPurposes.nameRu, retentionLawCodes: processingPurposes.retentionLawCodes })
      .from(processingPurposes)
      .where(eq(processingPurposes.status, "active")),
    db.select().from(purposeDataItems),
    db.select({ key: dataItems.key, categoryKey: dataItems.categoryKey, nameEn: dataItems.nameEn, nameKk: dataItems.nameKk, nameRu: dataItems.nameRu }).from(dataItems).orderBy(asc(dataItems.key)),
    db.select({ key: dataCategories.key, nameEn: dataCategories.nameEn, nameKk: dataCategories.nameKk, nameRu: dataCategories.nameRu }).from(dataCategories).orderBy(asc(dataCategories.position)),
    db.select({ code: legalReferences.code, titleEn: legalReferences.titleEn, titleKk: legalReferences.titleKk, titleRu: legalReferences.titleRu }).from(legalReferences).where(eq(legalReferences.status, "active")),
    db.select({ id: users.id, name: users.name, email: users.email, role: users.role }).from(users).where(eq(users.active, true)).orderBy(asc(users.name)),
  ]);
  return {
    purposes: purposes.map((p) => ({ code: p.code, name: t3(p.nameEn, p.nameKk, p.nameRu), retentionLawCodes: p.retentionLawCodes, itemKeys: links.filter((l) => l.purposeCode === p.code).map((l) => l.itemKey) })),
    items: items.map((i) => ({ key: i.key, categoryKey: i.categoryKey, name: t3(i.nameEn, i.nameKk, i.nameRu) })),
    categories: categories.map((c) => ({ key: c.key, name: t3(c.nameEn, c.nameKk, c.nameRu) })),
    references: references.map((r) => ({ code: r.code, title: t3(r.titleEn, r.titleKk, r.titleRu) })),
    people,
  };
}
export type DeletionActFormOptions = Awaited<ReturnType<typeof deletionActFormOptions>>;

/**
 * The next number of the year: increments the year's counter row in the caller's transaction.
 * The upsert takes the row lock, so a concurrent creator waits until this transaction ends and
 * then reads the committed value; a rollback returns the number. Gap-free, no duplicates.
 */
async function nextActSeq(tx: Tx, year: number): Promise<number> {
  const [row] = rowsOf<{ last_number: number }>(
    await tx.execute(sql`insert into deletion_act_counters (year, last_number) values (${year}, 1)
      on conflict (year) do update set last_number = deletion_act_counters.last_number + 1
      returning last_number`),
  );
  return Number(row.last_number);
}

async function latestCheckpointIn(tx: Tx) {
  const [c] = await tx.select({ treeSize: logCheckpoints.treeSize, rootHash: logCheckpoints.rootHash, issuedAt: logCheckpoints.issuedAt, keyId: logCheckpoints.keyId }).from(logCheckpoints).orderBy(desc(logCheckpoints.treeSize), desc(logCheckpoints.id)).limit(1);
  return c ? { treeSize: Number(c.treeSize), rootHash: c.rootHash, issuedAt: c.issuedAt.toISOString(), keyId: c.keyId } : null;
}

/**
 * Records a deletion act (status: awaiting approval) and its "created" event in one transaction.
 * The catalogue's names, the operator and the people are copied into the act's snapshot, so the
 * act keeps saying what it said when it was made. The transfer log's latest checkpoint is noted in
 * the event: the log's state at the time, for the extract (RULES D4).
 */
export async function createDeletionAct(input: DeletionActInput, actor: ActActor, db: Db = getDb()): Promise<{ id: string; number: string }> {
  return db.transaction(async (tx) => {
    const errors: Record<string, string> = {};
    const purposes = await tx.select().from(processingPurposes).where(inArray(processingPurposes.code, input.purposeCodes));
    if (purposes.length !== input.purposeCodes.length) errors.purposeCodes = "unknownPurpose";
    const items = await tx.select().from(dataItems).where(inArray(dataItems.key, input.dataItems));
    if (items.length !== input.dataItems.length) errors.dataItems = "unknownDataItem";
    const refs = input.legalReferenceCodes.length ? await tx.select().from(legalReferences).where(inArray(legalReferences.code, input.legalReferenceCodes)) : [];
    if (refs.length !== input.legalReferenceCodes.length) errors.legalReferenceCodes = "unknownReference";
    const [executor] = await tx.select({ id: users.id, name: users.name, email: users.email, active: users.active }).from(users).where(eq(users.id, input.executorUserId));
    if (!executor?.active) errors.executorUserId = "unknownExecutor";
    const [creator] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));

    let supersedes: ActSnapshot["supersedes"] = null;
    if (input.supersedesActId) {
      // for update: two corrections of one act cannot both pass the "not yet superseded" check.
      const [old] = rowsOf<{ id: string; number: string }>(await tx.execute(sql`select id, number from deletion_acts where id = ${input.supersedesActId} for update`));
      const [decision] = old ? await tx.select({ outcome: deletionActDecisions.outcome }).from(deletionActDecisions).where(eq(deletionActDecisions.actId, old.id)) : [];
      const pendingOrApproved = old
        ? rowsOf<{ n: number }>(
            await tx.execute(sql`select count(*)::int as n from deletion_acts a left join deletion_act_decisions d on d.act_id = a.id
              where a.supersedes_act_id = ${old.id} and (d.outcome is null or d.outcome = 'approved')`),
          )[0]
        : null;
      if (!old) errors.supersedesActId = "unknownAct";
      else if (decision?.outcome !== "approved") errors.supersedesActId = "supersedeOnlyApproved";
      else if (Number(pendingOrApproved?.n ?? 0) > 0) errors.supersedesActId = "alreadySuperseded";
      else supersedes = { id: old.id, number: old.number };
    }
    if (input.subjectRequestId) {
      // An act for a subject's request records that request's completed deletion, of that subject.
      const facts = await deletionActFacts(input.subjectRequestId, tx as unknown as Db);
      if (!facts) errors.subjectRequestId = "requestNotCompletedDeletion";
      else if (facts.subject.idKind !== input.subjectKind || facts.subject.id !== input.subjectValue) errors.subjectValue = "subjectDiffersFromRequest";
    }
    if (Object.keys(errors).length) throw new InvalidInputError(errors);

    const categoryKeys = [...new Set(items.map((i) => i.categoryKey))];
    const categories = await tx.select().from(dataCategories).where(inArray(dataCategories.key, categoryKeys)).orderBy(asc(dataCategories.position));
    const snapshot: ActSnapshot = {
      operator: OPERATOR,
      purposes: input.purposeCodes.map((code) => {
        const p = purposes.find((x) => x.code === code)!;
        return { code, name: t3(p.nameEn, p.nameKk, p.nameRu) };
      }),
      categories: categories.map((c) => ({ key: c.key, name: t3(c.nameEn, c.nameKk, c.nameRu) })),
      items: input.dataItems.map((key) => {
        const i = items.find((x) => x.key === key)!;
        return { key, categoryKey: i.categoryKey, name: t3(i.nameEn, i.nameKk, i.nameRu) };
      }),
      references: input.legalReferenceCodes.map((code) => {
        const r = refs.find((x) => x.code === code)!;
        return { code, title: t3(r.titleEn, r.titleKk, r.titleRu) };
      }),
      executor: { name: executor!.name, email: executor!.email },
      createdBy: { name: creator?.name ?? actor.name, email: actor.email },
      supersedes,
    };

    const year = Number(input.actDate.slice(0, 4));
    const seq = await nextActSeq(tx, year);
    const number = formatActNumber(year, seq);
    const [act] = await tx
      .insert(deletionActs)
      .values({
        number,
        year,
        seq,
        kind: input.kind,
        supersedesActId: input.supersedesActId,
        supersedeReason: input.supersedeReason,
        subjectRequestId: input.subjectRequestId,
        actDate: input.actDate,
        deletedOn: input.deletedOn,
        subjectKind: input.subjectKind,
        subjectValue: input.subjectValue,
        purposeCodes: input.purposeCodes,
        dataItems: input.dataItems,
        systems: input.systems,
        reason: input.reason,
        legalReferenceCodes: input.legalReferenceCodes,
        legalGround: input.legalGround,
        method: input.method,
        language: input.language,
        notes: input.notes,
        executorUserId: input.executorUserId,
        snapshot,
        createdByUserId: actor.id,
        createdByEmail: actor.email,
      })
      .returning({ id: deletionActs.id });
    await tx.insert(deletionActEvents).values({
      actId: act.id,
      kind: "created",
      actorUserId: actor.id,
      actorLabel: actor.email,
      role: actor.role,
      detail: { number, logCheckpoint: await latestCheckpointIn(tx), subjectRequestId: input.subjectRequestId, supersedes: supersedes?.number ?? null },
    });
    return { id: act.id, number };
  });
}

/**
 * The approver's decision. Four eyes: the approver is neither the executor nor the person who
 * recorded the act (ForbiddenError "deletionActFourEyes"). One decision per act: a second one is a
 * conflict (the decision's primary key settles a race). Approving a correction or a void marks the
 * old act superseded in its trail.
 */
export async function decideDeletionAct(input: DecideDeletionActInput, approver: ActActor, db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const [act] = rowsOf<{ id: string; number: string; executor_user_id: string; created_by_user_id: string; supersedes_act_id: string | null; kind: string }>(
      await tx.execute(sql`select id, number, executor_user_id, created_by_user_id, supersedes_act_id, kind from deletion_acts where id = ${input.actId} for update`),
    );
    if (!act) throw new NotFoundError("deletion act");
    if (act.executor_user_id === approver.id || act.created_by_user_id === approver.id) throw new ForbiddenError("deletionActFourEyes");
    const [existing] = await tx.select({ outcome: deletionActDecisions.outcome }).from(deletionActDecisions).where(eq(deletionActDecisions.actId, act.id));
    if (existing) throw new ConflictError("alreadyDecided", { currentVersion: 1, changes: [] });
    const [person] = await tx.select({ name: users.name }).from(users).where(eq(users.id, approver.id));
    await tx.insert(deletionActDecisions).values({ actId: act.id, outcome: input.outcome, approverUserId: approver.id, approverName: person?.name ?? approver.name, approverEmail: approver.email, comment: input.comment });
    await tx.insert(deletionActEvents).values({ actId: act.id, kind: input.outcome, actorUserId: approver.id, actorLabel: approver.email, role: approver.role, detail: { comment: input.comment } });
    if (input.outcome === "approved" && act.supersedes_act_id) {
      await tx.insert(deletionActEvents).values({ actId: act.supersedes_act_id, kind: "superseded", actorUserId: approver.id, actorLabel: approver.email, role: approver.role, detail: { by: act.number, kind: act.kind } });
    }
    return { id: act.id, number: act.number, outcome: input.outcome };
  });
}

const statusSql = sql<DeletionActStatus>`coalesce(${deletionActDecisions.outcome}, 'pending')`;

/** One act with its decision and the approved acts that supersede it. */
export async function getDeletionAct(id: string, db: Db = getDb()): Promise<DeletionActRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select({ act: deletionActs, decision: deletionActDecisions }).from(deletionActs).leftJoin(deletionActDecisions, eq(deletionActDecisions.actId, deletionActs.id)).where(eq(deletionActs.id, id));
  if (!row) return null;
  const later = await db
    .select({ id: deletionActs.id, number: deletionActs.number, kind: deletionActs.kind })
    .from(deletionActs)
    .innerJoin(deletionActDecisions, and(eq(deletionActDecisions.actId, deletionActs.id), eq(deletionActDecisions.outcome, "approved")))
    .where(eq(deletionActs.supersedesActId, id));
  const a = row.act;
  const d = row.decision;
  return {
    id: a.id,
    number: a.number,
    kind: a.kind,
    supersedeReason: a.supersedeReason,
    subjectRequestId: a.subjectRequestId,
    actDate: a.actDate,
    deletedOn: a.deletedOn,
    subject: { kind: a.subjectKind, value: a.subjectValue },
    purposeCodes: a.purposeCodes,
    dataItems: a.dataItems,
    systems: a.systems,
    reason: a.reason,
    legalReferenceCodes: a.legalReferenceCodes,
    legalGround: a.legalGround,
    method: a.method,
    language: a.language,
    notes: a.notes,
    createdAt: a.createdAt.toISOString(),
    snapshot: a.snapshot,
    status: d?.outcome ?? "pending",
    decision: d ? { outcome: d.outcome, approverName: d.approverName, approverEmail: d.approverEmail, comment: d.comment, decidedAt: d.decidedAt.toISOString() } : null,
    supersededBy: later,
  };
}

/** The list: search by number or subject identifier, filter by status, reason and kind, sort. */
export async function listDeletionActs(query: DeletionActListQuery, db: Db = getDb()) {
  const where: SQL[] = [];
  if (query.q) where.push(or(ilike(deletionActs.number, `%${query.q}%`), ilike(deletionActs.subjectValue, `%${query.q}%`))!);
  if (query.status) where.push(sql`${statusSql} = ${query.status}`);
  if (query.reason) where.push(eq(deletionActs.reason, query.reason));
  if (query.kind) where.push(eq(deletionActs.kind, query.kind));
  if (query.request) where.push(eq(deletionActs.subjectRequestId, query.request));
  const dir = query.dir === "asc" ? asc : desc;
  const order =
    query.sort === "actDate" ? [dir(deletionActs.actDate), dir(deletionActs.year), dir(deletionActs.seq)] : query.sort === "subject" ? [dir(deletionActs.subjectValue), desc(deletionActs.seq)] : [dir(deletionActs.year), dir(deletionActs.seq)];
  const rows = await db
    .select({
      id: deletionActs.id,
      number: deletionActs.number,
      kind: deletionActs.kind,
      actDate: deletionActs.actDate,
      subjectKind: deletionActs.subjectKind,
      subjectValue: deletionActs.subjectValue,
      purposeCodes: deletionActs.purposeCodes,
      reason: deletionActs.reason,
      method: deletionActs.method,
      executorEmail: sql<string>`${deletionActs.snapshot}->'executor'->>'email'`,
      status: statusSql,
      approverEmail: deletionActDecisions.approverEmail,
      // An approved correction or annulment replaces it.
      superseded: sql<boolean>`exists (select 1 from deletion_acts s join deletion_act_decisions sd on sd.act_id = s.id and sd.outcome = 'approved' where s.supersedes_act_id = ${deletionActs.id})`,
    })
    .from(deletionActs)
    .leftJoin(deletionActDecisions, eq(deletionActDecisions.actId, deletionActs.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...order)
    .limit(500);
  return rows;
}
export type DeletionActListRow = Awaited<ReturnType<typeof listDeletionActs>>[number];

/** The act's trail, oldest first. */
export async function listDeletionActEvents(actId: string, db: Db = getDb()) {
  const rows = await db.select().from(deletionActEvents).where(eq(deletionActEvents.actId, actId)).orderBy(asc(deletionActEvents.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
export type DeletionActEvent = Awaited<ReturnType<typeof listDeletionActEvents>>[number];

/**
 * Records a download before it is handed out (no unrecorded access): who, when, which act, which
 * format and language, and the SHA-256 of the bytes, so a copy shown later can be matched.
 */
export async function recordDeletionActDownload(
  entry: { actId: string; format: DeletionActFormat; language: string | null; sha256: string; address: string | null },
  reader: ActReader,
  db: Db = getDb(),
) {
  await db.insert(deletionActEvents).values({ actId: entry.actId, kind: "download", actorUserId: reader.id, actorLabel: reader.label, role: reader.role, format: entry.format, detail: { language: entry.language, sha256: entry.sha256 }, address: entry.address });
}

/**
 * What the transfer log says about the act's purposes: per recipient, how many logged transfers
 * carried data of these purposes, and the last one. The log holds no subjects (only purposes,
 * items, counts and populations), so this tells whom the deleted data may have reached, not that it did.
 */
export async function transfersOfPurposes(purposeCodes: string[], until: Date, db: Db = getDb()) {
  if (!purposeCodes.length) return [];
  const rows = rowsOf<{ recipient_id: string; name_en: string | null; transfers: string | number; last_occurred: string | Date; last_seq: string | number }>(
    await db.execute(sql`select e.recipient_id, r.name_en, count(*) as transfers, max(e.occurred_at) as last_occurred, max(e.seq) as last_seq
      from transfer_log_entries e left join recipients r on r.id = e.recipient_id
      where e.purpose_codes ?| (select array_agg(x) from jsonb_array_elements_text(${JSON.stringify(purposeCodes)}::jsonb) x) and e.logged_at <= ${until.toISOString()}
      group by e.recipient_id, r.name_en order by r.name_en`),
  );
  return rows.map((r) => ({ recipientId: r.recipient_id, recipient: r.name_en ?? r.recipient_id, transfers: Number(r.transfers), lastOccurredAt: new Date(r.last_occurred).toISOString(), lastSeq: Number(r.last_seq) }));
}

/** The business date for a new act's default. */
export const actToday = () => todayInAlmaty();

/** Acts awaiting the approver's decision (the dashboard's tile). */
export async function countPendingDeletionActs(db: Db = getDb()) {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from deletion_acts a where not exists (select 1 from deletion_act_decisions d where d.act_id = a.id)`));
  return Number(row?.n ?? 0);
}
