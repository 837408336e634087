import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import { dataItems, legalReferences, processingPurposes, purposeDataItems, subjectRequestEvents, subjectRequests } from "../schema";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { LAW_CALENDAR_COUNTRY, OPEN_STATUSES, type SubjectRequestStatus } from "@/lib/subject-requests/facts";
import { requestDeadline, timeLeft } from "@/lib/subject-requests/deadline";
import { checkClosingDecision, type PurposeRetentionFacts, type ReferenceYears } from "@/lib/subject-requests/decision";
import { fillAnswer, serviceEndsSentence } from "@/lib/subject-requests/templates";
import type { CloseSubjectRequestInput, RecordSubjectRequestInput, SubjectRequestListQuery } from "@/lib/validation/subject-request";
import type { z } from "zod";
import type { previewSubjectAnswerInput } from "@/lib/validation/subject-request";
import type { WorkingCalendar } from "@/lib/rules/working-days";
import { loadWorkingCalendar } from "./calendars";
import { loadRecordOfProcessing } from "./record";
import type { Actor } from "./actor";

type Row = typeof subjectRequests.$inferSelect;
type PreviewInput = z.output<typeof previewSubjectAnswerInput>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The working calendar of the request's law (RULES C4): KZ days for KZ-PDL, RU days for RU-152. */
export function loadLawCalendar(law: Row["law"], db: Db = getDb()): Promise<WorkingCalendar> {
  return loadWorkingCalendar(LAW_CALENDAR_COUNTRY[law], db);
}

async function event(tx: Tx, row: Pick<Row, "id">, action: (typeof subjectRequestEvents.$inferInsert)["action"], from: SubjectRequestStatus | null, to: SubjectRequestStatus, actor: Actor, now: Date, reason: string | null = null, detail: Record<string, unknown> = {}) {
  await tx.insert(subjectRequestEvents).values({ requestId: row.id, action, fromStatus: from, toStatus: to, actorUserId: actor.id, actorLabel: actor.email, reason, detail, at: now });
}

async function checkPurposes(tx: Tx, codes: string[]) {
  const rows = await tx
    .select({ code: processingPurposes.code })
    .from(processingPurposes)
    .where(and(inArray(processingPurposes.code, codes), eq(processingPurposes.status, "active")));
  if (rows.length !== codes.length) throw new InvalidInputError({ purposeCodes: "unknownPurpose" });
}

/**
 * Records a request: the deadline is counted on the law's country calendar as it stands now,
 * stored with the request (the queue sorts on it), and the step goes on the timeline.
 */
export async function recordSubjectRequest(input: RecordSubjectRequestInput, actor: Actor, now = new Date(), db: Db = getDb()) {
  return db.transaction(async (tx) => {
    await checkPurposes(tx, input.purposeCodes);
    const calendar = await loadLawCalendar(input.law, tx as unknown as Db);
    const deadline = requestDeadline({ law: input.law, right: input.right, deletionGround: input.deletionGround, receivedOn: input.receivedOn, extended: false }, calendar);
    const [row] = await tx
      .insert(subjectRequests)
      .values({
        subjectIdKind: input.subjectIdKind,
        subjectId: input.subjectId,
        contactAddress: input.contactAddress,
        law: input.law,
        channel: input.channel,
        right: input.right,
        deletionGround: input.right === "deletion" ? input.deletionGround : null,
        lawRight: deadline.lawRight,
        purposeCodes: input.purposeCodes,
        summary: input.summary,
        answerLocale: input.answerLocale,
        receivedOn: input.receivedOn,
        dueOn: deadline.dueOn,
        createdByUserId: actor.id,
        createdByEmail: actor.email,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await event(tx, row, "recorded", null, "received", actor, now, null, { dueOn: deadline.dueOn, ruleId: deadline.ruleId, source: deadline.source, lawRight: deadline.lawRight, calendarWarning: deadline.calendarWarning });
    return { id: row.id, number: row.number, dueOn: row.dueOn, version: row.version, calendarWarning: deadline.calendarWarning };
  });
}

async function lockRequest(tx: Tx, id: string): Promise<Row> {
  if (!UUID.test(id)) throw new NotFoundError("Subject request");
  // FOR UPDATE: a second person working the same request waits, then sees the new state.
  const [row] = await tx.select().from(subjectRequests).where(eq(subjectRequests.id, id)).for("update");
  if (!row) throw new NotFoundError("Subject request");
  return row;
}

/** Refuses a write that started from another version, or on a request no longer in a state that allows it. */
async function refuseStale(tx: Tx, row: Row, expectedVersion: number, allowed: readonly SubjectRequestStatus[]) {
  if (row.version === expectedVersion && allowed.includes(row.status)) return;
  const [last] = await tx
    .select({ by: subjectRequestEvents.actorLabel, at: subjectRequestEvents.at })
    .from(subjectRequestEvents)
    .where(eq(subjectRequestEvents.requestId, row.id))
    .orderBy(desc(subjectRequestEvents.seq))
    .limit(1);
  throw new ConflictError(allowed.includes(row.status) ? "stale" : "notOpen", {
    currentVersion: row.version,
    changes: [{ field: "status", before: null, after: row.status }],
    by: last?.by,
    at: last?.at.toISOString(),
  });
}

async function transition(tx: Tx, row: Row, set: Partial<typeof subjectRequests.$inferInsert>, now: Date) {
  const [updated] = await tx
    .update(subjectRequests)
    .set({ ...set, version: sql`${subjectRequests.version} + 1`, updatedAt: now })
    .where(and(eq(subjectRequests.id, row.id), eq(subjectRequests.version, row.version)))
    .returning();
  if (!updated) throw new ConflictError("stale", { currentVersion: row.version, changes: [] });
  return updated;
}

/** received → in progress: someone has taken the request in hand. */
export async function startSubjectRequest(id: string, expectedVersion: number, actor: Actor, now = new Date(), db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, id);
    await refuseStale(tx, row, expectedVersion, ["received"]);
    const updated = await transition(tx, row, { status: "in-progress" }, now);
    await event(tx, row, "started", row.status, "in-progress", actor, now);
    return { id, status: updated.status, version: updated.version };
  });
}

/**
 * The one extension RU-152 art. 20 allows for an access request (+5 working days), with the reasoned
 * notice sent to the subject before the original deadline passes. Not a state: an event and a new due date.
 */
export async function extendSubjectRequest(id: string, expectedVersion: number, notice: string, actor: Actor, today: string, now = new Date(), db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, id);
    await refuseStale(tx, row, expectedVersion, OPEN_STATUSES);
    if (row.extendedAt) throw new InvalidInputError({ notice: "alreadyExtended" });
    const calendar = await loadLawCalendar(row.law, tx as unknown as Db);
    const question = { law: row.law, right: row.right, deletionGround: row.deletionGround, receivedOn: row.receivedOn };
    const current = requestDeadline({ ...question, extended: false }, calendar);
    if (!current.extendable) throw new InvalidInputError({ notice: "notExtendable" });
    if (today > row.dueOn) throw new InvalidInputError({ notice: "extensionTooLate" });
    const extended = requestDeadline({ ...question, extended: true }, calendar);
    const updated = await transition(tx, row, { dueOn: extended.dueOn, extendedAt: now, extensionNotice: notice }, now);
    await event(tx, row, "extended", row.status, row.status, actor, now, notice, { fromDueOn: row.dueOn, dueOn: extended.dueOn, days: extended.extensionDays, calendarWarning: extended.calendarWarning });
    return { id, status: updated.status, version: updated.version, dueOn: extended.dueOn };
  });
}

/** The subject withdrew the request: it is kept, closed as cancelled, with the reason. */
export async function cancelSubjectRequest(id: string, expectedVersion: number, reason: string, actor: Actor, now = new Date(), db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, id);
    await refuseStale(tx, row, expectedVersion, OPEN_STATUSES);
    const updated = await transition(tx, row, { status: "cancelled", closedAt: now, closedByUserId: actor.id, closedByEmail: actor.email }, now);
    await event(tx, row, "cancelled", row.status, "cancelled", actor, now, reason);
    return { id, status: updated.status, version: updated.version };
  });
}

/** What the decision rule needs about the request's purposes, and their data items. */
async function purposeFacts(db: Db | Tx, codes: string[]) {
  const [purposes, items, references] = await Promise.all([
    db
      .select({ code: processingPurposes.code, retentionLawCodes: processingPurposes.retentionLawCodes, retentionYears: processingPurposes.retentionYears })
      .from(processingPurposes)
      .where(inArray(processingPurposes.code, codes)),
    db.select().from(purposeDataItems).where(inArray(purposeDataItems.purposeCode, codes)),
    db.select({ code: legalReferences.code, years: legalReferences.years, status: legalReferences.status }).from(legalReferences),
  ]);
  const facts: PurposeRetentionFacts[] = codes.map((c) => purposes.find((p) => p.code === c) ?? { code: c, retentionLawCodes: [], retentionYears: null });
  const years: ReferenceYears = Object.fromEntries(references.map((r) => [r.code, r.years]));
  return { facts, years, itemsOf: (code: string) => items.filter((i) => i.purposeCode === code).map((i) => i.itemKey), references };
}

type DecisionDraft = Pick<PreviewInput, "outcome" | "reason" | "legalGroundCode" | "retentionTriggerOn" | "answerLanguage"> & { serviceEndsAcknowledged?: boolean; answerText?: string };

function assess(row: Row, draft: DecisionDraft, facts: Awaited<ReturnType<typeof purposeFacts>>, today: string) {
  return checkClosingDecision(
    {
      right: row.right,
      outcome: draft.outcome,
      reason: draft.reason,
      legalGroundCode: draft.legalGroundCode,
      serviceEndsAcknowledged: draft.serviceEndsAcknowledged ?? false,
      answerText: draft.answerText ?? "",
      serviceEndsSentence: serviceEndsSentence(draft.answerLanguage),
    },
    facts.facts,
    facts.years,
    draft.retentionTriggerOn,
    today,
  );
}

/**
 * The filled answer template for a decision being drafted, and what the decision rule says about
 * it (retention per purpose, which purposes are granted). Writes nothing.
 */
export async function previewSubjectAnswer(input: PreviewInput, today: string, db: Db = getDb()) {
  const row = await getSubjectRequestRow(input.id, db);
  if (!row) throw new NotFoundError("Subject request");
  const [facts, record] = await Promise.all([purposeFacts(db, row.purposeCodes), loadRecordOfProcessing(db)]);
  const check = assess(row, input, facts, today);
  const answer = fillAnswer(input.answerLanguage, row, { outcome: input.outcome, legalGroundCode: input.legalGroundCode, reason: input.reason, grantedCodes: check.grantedCodes, retained: check.retention.filter((r) => r.applies), serviceEnds: check.serviceEnds }, record);
  // The text is not written yet, so only the decision's own problems are shown here.
  const { answerText: _unused, ...errors } = check.errors;
  void _unused;
  return { ...answer, retention: check.retention, grantedCodes: check.grantedCodes, serviceEnds: check.serviceEnds, errors };
}

/**
 * Closes a request with the DPO's decision and the answer as sent. The reasoned-decision rule runs
 * here, in the transaction that writes: a deletion or withdrawal on a purpose whose retention law
 * still applies closes only as a refusal or partial answer with the law as ground and reasons.
 */
export async function closeSubjectRequest(input: CloseSubjectRequestInput, actor: Actor, today: string, now = new Date(), db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, input.id);
    await refuseStale(tx, row, input.expectedVersion, ["in-progress"]);
    const facts = await purposeFacts(tx, row.purposeCodes);
    if (input.legalGroundCode && !facts.references.some((r) => r.code === input.legalGroundCode && r.status === "active")) {
      throw new InvalidInputError({ legalGroundCode: "unknownReference" });
    }
    const check = assess(row, input, facts, today);
    if (!check.ok) throw new InvalidInputError(check.errors);
    const status = input.outcome === "refused" ? "refused" : "answered";
    const retained = check.retention.filter((r) => r.applies).map((r) => ({ code: r.code, lawCodes: r.lawCodes, retainedUntil: r.retainedUntil }));
    const dataItemsConcerned = [...new Set(check.grantedCodes.flatMap(facts.itemsOf))].sort();
    const updated = await transition(
      tx,
      row,
      {
        status,
        outcome: input.outcome,
        decisionReason: input.reason,
        legalGroundCode: input.legalGroundCode,
        retentionTriggerOn: input.retentionTriggerOn,
        grantedPurposeCodes: check.grantedCodes,
        retainedPurposes: retained,
        dataItemsConcerned,
        serviceEndsAcknowledged: check.serviceEnds ? input.serviceEndsAcknowledged : null,
        answerText: input.answerText,
        answerSubject: input.answerSubject,
        answerLanguage: input.answerLanguage,
        closedAt: now,
        closedByUserId: actor.id,
        closedByEmail: actor.email,
      },
      now,
    );
    await event(tx, row, status === "refused" ? "refused" : "answered", row.status, status, actor, now, input.reason, {
      outcome: input.outcome,
      legalGroundCode: input.legalGroundCode,
      grantedCodes: check.grantedCodes,
      retained,
      answerLanguage: input.answerLanguage,
      inTime: today <= row.dueOn,
    });
    return { id: row.id, status: updated.status, version: updated.version };
  });
}

async function getSubjectRequestRow(id: string, db: Db = getDb()) {
  if (!UUID.test(id)) return null;
  const [row] = await db.select().from(subjectRequests).where(eq(subjectRequests.id, id));
  return row ?? null;
}

/** A request with its deadline as the law's calendar counts it today, and the time left. */
export async function getSubjectRequest(id: string, today: string, db: Db = getDb()) {
  const row = await getSubjectRequestRow(id, db);
  if (!row) return null;
  const calendar = await loadLawCalendar(row.law, db);
  const deadline = requestDeadline({ law: row.law, right: row.right, deletionGround: row.deletionGround, receivedOn: row.receivedOn, extended: !!row.extendedAt }, calendar);
  return { ...row, deadline, left: timeLeft(row.dueOn, today, calendar), open: OPEN_STATUSES.includes(row.status) };
}
export type SubjectRequestDetail = NonNullable<Awaited<ReturnType<typeof getSubjectRequest>>>;

export async function getSubjectRequestTimeline(id: string, db: Db = getDb()) {
  if (!UUID.test(id)) return [];
  return db.select().from(subjectRequestEvents).where(eq(subjectRequestEvents.requestId, id)).orderBy(asc(subjectRequestEvents.seq));
}
export type SubjectRequestEvent = Awaited<ReturnType<typeof getSubjectRequestTimeline>>[number];

const openCondition = inArray(subjectRequests.status, [...OPEN_STATUSES]);

/**
 * The queue: by default open requests, the nearest deadline first. Time left is computed for each
 * row on its law's calendar, so "due today" and "overdue" agree with the detail page.
 */
export async function listSubjectRequests(query: SubjectRequestListQuery, today: string, db: Db = getDb()) {
  const where: SQL[] = [];
  const status = query.status ?? "open";
  if (status === "open") where.push(openCondition);
  else if (status === "overdue") where.push(openCondition, lt(subjectRequests.dueOn, today));
  else if (status === "due-today") where.push(openCondition, eq(subjectRequests.dueOn, today));
  else if (status !== "all") where.push(eq(subjectRequests.status, status));
  if (query.right) where.push(eq(subjectRequests.right, query.right));
  if (query.law) where.push(eq(subjectRequests.law, query.law));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const number = /^\d{1,9}$/.test(query.q) ? Number(query.q) : null;
    where.push(
      or(
        ...(number !== null ? [eq(subjectRequests.number, number)] : []),
        ilike(subjectRequests.subjectId, like),
        ilike(subjectRequests.contactAddress, like),
        ilike(subjectRequests.summary, like),
        sql`${subjectRequests.purposeCodes}::text ilike ${like}`,
      )!,
    );
  }
  const sort = query.sort ?? "due";
  const dir = query.dir ?? (sort === "due" ? "asc" : "desc");
  const column = sort === "due" ? subjectRequests.dueOn : sort === "received" ? subjectRequests.receivedOn : subjectRequests.number;
  const pageSize = query.pageSize ?? 25;
  const page = query.page ?? 1;
  const condition = and(...where);
  const [rows, [{ total }], kz, ru] = await Promise.all([
    db
      .select({
        id: subjectRequests.id,
        number: subjectRequests.number,
        status: subjectRequests.status,
        subjectIdKind: subjectRequests.subjectIdKind,
        subjectId: subjectRequests.subjectId,
        law: subjectRequests.law,
        right: subjectRequests.right,
        channel: subjectRequests.channel,
        purposeCodes: subjectRequests.purposeCodes,
        receivedOn: subjectRequests.receivedOn,
        dueOn: subjectRequests.dueOn,
        extended: sql<boolean>`${subjectRequests.extendedAt} is not null`,
        outcome: subjectRequests.outcome,
      })
      .from(subjectRequests)
      .where(condition)
      .orderBy(dir === "asc" ? asc(column) : desc(column), asc(subjectRequests.number))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(subjectRequests).where(condition),
    loadLawCalendar("KZ", db),
    loadLawCalendar("RU", db),
  ]);
  const calendars = { KZ: kz, RU: ru };
  return {
    rows: rows.map((r) => ({ ...r, left: OPEN_STATUSES.includes(r.status) ? timeLeft(r.dueOn, today, calendars[r.law]) : null })),
    total: Number(total),
    page,
    pageSize,
  };
}
export type SubjectRequestListRow = Awaited<ReturnType<typeof listSubjectRequests>>["rows"][number];

/** The dashboard's tiles: open requests, those due today, and those overdue. */
export async function subjectRequestCounts(today: string, db: Db = getDb()) {
  const [c] = await db
    .select({
      open: sql<number>`count(*)`,
      dueToday: sql<number>`count(*) filter (where ${subjectRequests.dueOn} = ${today})`,
      overdue: sql<number>`count(*) filter (where ${subjectRequests.dueOn} < ${today})`,
    })
    .from(subjectRequests)
    .where(openCondition);
  return { open: Number(c.open), dueToday: Number(c.dueToday), overdue: Number(c.overdue) };
}

/** What the form offers: active purposes (with their subject category) and legal references for grounds. */
export async function subjectRequestFormOptions(db: Db = getDb()) {
  const [purposes, references] = await Promise.all([
    db
      .select({ code: processingPurposes.code, nameEn: processingPurposes.nameEn, nameRu: processingPurposes.nameRu, nameKk: processingPurposes.nameKk, retentionLawCodes: processingPurposes.retentionLawCodes })
      .from(processingPurposes)
      .where(eq(processingPurposes.status, "active")),
    db
      .select({ code: legalReferences.code, titleEn: legalReferences.titleEn, titleRu: legalReferences.titleRu, titleKk: legalReferences.titleKk, years: legalReferences.years })
      .from(legalReferences)
      .where(eq(legalReferences.status, "active"))
      .orderBy(asc(legalReferences.code)),
  ]);
  return { purposes, references };
}

/**
 * What a deletion act needs for a completed deletion (or consent withdrawal) request: the subject
 * reference, the purposes whose data was destroyed, their data items, the decision and who made it.
 * Null unless the request is closed as answered (granted in full or in part) for one of those rights.
 */
export async function deletionActFacts(id: string, db: Db = getDb()) {
  const row = await getSubjectRequestRow(id, db);
  if (!row || row.status !== "answered" || !["deletion", "consent-withdrawal"].includes(row.right) || !row.grantedPurposeCodes?.length) return null;
  return {
    requestId: row.id,
    requestNumber: row.number,
    subject: { idKind: row.subjectIdKind, id: row.subjectId },
    law: row.law,
    right: row.right,
    deletionGround: row.deletionGround,
    receivedOn: row.receivedOn,
    purposeCodes: row.grantedPurposeCodes,
    dataItems: row.dataItemsConcerned ?? [],
    retainedPurposes: row.retainedPurposes ?? [],
    outcome: row.outcome,
    reason: row.decisionReason,
    legalGroundCode: row.legalGroundCode,
    completedAt: row.closedAt,
    completedBy: { userId: row.closedByUserId, email: row.closedByEmail },
  };
}
export type DeletionActFacts = NonNullable<Awaited<ReturnType<typeof deletionActFacts>>>;

