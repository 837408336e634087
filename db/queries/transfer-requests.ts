import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import {
  dataItems,
  processingActions,
  processingPurposes,
  purposeDataItems,
  recipientPurposes,
  recipients,
  subjectCategories,
  transferDecisions,
  transferRequestEvents,
  transferRequests,
  transferRuleEvaluations,
} from "../schema";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { evaluateTransfer } from "@/lib/rules/transfer-rules";
import { isCrossBorderGround } from "@/lib/rules/legal-facts";
import type { TransferEvaluation, TransferProposal } from "@/lib/rules/types";
import { EDITABLE_STATUSES, businessDate, effectiveStatus, type TransferRequestStatus } from "@/lib/transfers/constants";
import type { DecideTransferRequestInput, TransferListQuery, TransferRequestInput } from "@/lib/validation/transfer-request";
import type { NotificationKind, NotificationParams } from "@/lib/notifications/render";
import { loadRuleContext } from "./rule-context";
import { notify } from "./notifications";
import type { Actor } from "./actor";

/**
 * Who asks or acts on a request: a person (signed in, or through their personal token — then
 * userId is the token's owner) or a service token (userId null). Four eyes compares these.
 */
export type Requester = { userId: string | null; tokenId: string | null; label: string };

/** A decider is always a person: decisions carry a reason and the four-eyes rule. */
export type Decider = Actor & { id: string };

type Row = typeof transferRequests.$inferSelect;

const link = (id: string) => `/transfers/${id}`;

/** The request as lib/rules sees it. Origin and primary copy take the controller's defaults. */
export function proposalOf(row: Pick<Row, "recipientId" | "purposeCodes" | "dataItems" | "actions" | "populations" | "mode" | "periodStart" | "periodEnd" | "crossBorderGround" | "depersonalised">): TransferProposal {
  return {
    recipientId: row.recipientId,
    purposeCodes: row.purposeCodes,
    dataItems: row.dataItems,
    actions: row.actions,
    populations: row.populations,
    mode: row.mode,
    period: { start: row.periodStart, end: row.periodEnd },
    crossBorderGround: isCrossBorderGround(row.crossBorderGround) ? row.crossBorderGround : null,
    depersonalised: row.depersonalised,
  };
}

function valuesOf(input: TransferRequestInput) {
  return {
    recipientId: input.recipientId,
    purposeCodes: input.purposeCodes,
    subjectCategories: input.subjectCategories,
    populations: input.populations,
    dataItems: input.dataItems,
    actions: input.actions,
    mode: input.mode,
    periodStart: input.periodStart,
    periodEnd: input.mode === "one-off" ? input.periodStart : (input.periodEnd ?? input.periodStart),
    expectedVolume: input.expectedVolume,
    volumePeriod: input.volumePeriod,
    sendingSystem: input.sendingSystem,
    crossBorderGround: input.crossBorderGround,
    depersonalised: input.depersonalised,
    justification: input.justification,
  };
}

/**
 * Facts the schema cannot check: the recipient, purposes, subject categories and data items exist,
 * and a cross-border ground is given exactly for a recipient abroad (required once submitted: RULES B1
 * "the request must name its ground"). Errors name the form's fields.
 */
type ReferencedFields = { recipientId: string; purposeCodes: string[]; subjectCategories: string[]; dataItems: string[]; crossBorderGround: string | null };

async function checkReferences(tx: Tx, v: ReferencedFields, forSubmission: boolean) {
  const errors: Record<string, string> = {};
  const [recipient] = await tx.select({ crossBorder: recipients.crossBorder }).from(recipients).where(eq(recipients.id, v.recipientId));
  if (!recipient) errors.recipientId = "unknownRecipient";
  const known = async (codes: string[], select: () => Promise<{ key: string }[]>) => codes.length === 0 || (await select()).length === codes.length;
  if (!(await known(v.purposeCodes, () => tx.select({ key: processingPurposes.code }).from(processingPurposes).where(inArray(processingPurposes.code, v.purposeCodes))))) {
    errors.purposeCodes = "unknownPurpose";
  }
  if (!(await known(v.subjectCategories, () => tx.select({ key: subjectCategories.key }).from(subjectCategories).where(inArray(subjectCategories.key, v.subjectCategories))))) {
    errors.subjectCategories = "unknownSubjectCategory";
  }
  if (!(await known(v.dataItems, () => tx.select({ key: dataItems.key }).from(dataItems).where(inArray(dataItems.key, v.dataItems))))) {
    errors.dataItems = "unknownDataItem";
  }
  if (recipient && !recipient.crossBorder && v.crossBorderGround) errors.crossBorderGround = "groundOnlyCrossBorder";
  if (recipient && recipient.crossBorder && !v.crossBorderGround && forSubmission) errors.crossBorderGround = "groundRequired";
  if (Object.keys(errors).length) throw new InvalidInputError(errors);
}

function isRequester(row: Pick<Row, "requesterUserId" | "requesterTokenId">, who: Requester) {
  if (row.requesterUserId) return row.requesterUserId === who.userId;
  return !!row.requesterTokenId && row.requesterTokenId === who.tokenId;
}

async function lockRequest(tx: Tx, id: string): Promise<Row> {
  if (!isUuid(id)) throw new NotFoundError("Transfer request");
  // FOR UPDATE: a second decider waits here until the first commits, then sees the new state.
  const [row] = await tx.select().from(transferRequests).where(eq(transferRequests.id, id)).for("update");
  if (!row) throw new NotFoundError("Transfer request");
  return row;
}

/** Refuses a write that started from another version or state, saying who changed it last. */
async function refuseStale(tx: Tx, row: Row, expectedVersion: number, allowed: readonly TransferRequestStatus[], message: string) {
  if (row.version === expectedVersion && allowed.includes(row.status)) return;
  // A state that no longer allows the write says so ("alreadyDecided"); otherwise the version moved.
  const reason = allowed.includes(row.status) ? "stale" : message;
  const [last] = await tx
    .select({ by: transferRequestEvents.actorLabel, at: transferRequestEvents.at, action: transferRequestEvents.action })
    .from(transferRequestEvents)
    .where(eq(transferRequestEvents.requestId, row.id))
    .orderBy(desc(transferRequestEvents.seq))
    .limit(1);
  throw new ConflictError(reason, {
    currentVersion: row.version,
    changes: [{ field: "status", before: null, after: row.status }],
    by: last?.by,
    at: last?.at.toISOString(),
  });
}

async function notificationParams(tx: Tx, row: Pick<Row, "number" | "recipientId">, actor: string, extra: Partial<NotificationParams> = {}): Promise<NotificationParams> {
  const [r] = await tx.select({ en: recipients.nameEn, ru: recipients.nameRu, kk: recipients.nameKk }).from(recipients).where(eq(recipients.id, row.recipientId));
  return { number: row.number, recipientEn: r?.en ?? "", recipientRu: r?.ru ?? "", recipientKk: r?.kk ?? "", actor, ...extra };
}

async function recordEvaluation(tx: Tx, row: Row, stage: "submission" | "decision", today: string) {
  const ctx = await loadRuleContext({ recipientId: row.recipientId, purposeCodes: row.purposeCodes, today, proposal: proposalOf(row) }, tx as unknown as Db);
  const evaluation = evaluateTransfer(ctx);
  const [saved] = await tx
    .insert(transferRuleEvaluations)
    .values({
      requestId: row.id,
      stage,
      evaluatedOn: today,
      recipientVersion: ctx.recipient.version,
      purposeVersions: ctx.purposeVersions,
      results: evaluation.results,
      blocked: evaluation.blocked,
    })
    .returning({ id: transferRuleEvaluations.id });
  return { evaluation, evaluationId: saved.id, recipientVersion: ctx.recipient.version, purposeVersions: ctx.purposeVersions };
}

/** Submission: the rules run and are stored with the state change; the DPOs are notified. */
async function submitInTx(tx: Tx, row: Row, who: Requester, now: Date) {
  await checkReferences(tx, row, true);
  const { evaluation, evaluationId } = await recordEvaluation(tx, row, "submission", businessDate(now));
  const [updated] = await tx
    .update(transferRequests)
    .set({ status: "submitted", version: sql`${transferRequests.version} + 1`, submittedAt: now, submittedByUserId: who.userId, updatedAt: now })
    .where(and(eq(transferRequests.id, row.id), eq(transferRequests.version, row.version)))
    .returning();
  if (!updated) throw new ConflictError("stale", { currentVersion: row.version, changes: [] });
  await tx.insert(transferRequestEvents).values({
    requestId: row.id,
    action: "submitted",
    fromStatus: row.status,
    toStatus: "submitted",
    actorUserId: who.userId,
    actorTokenId: who.tokenId,
    actorLabel: who.label,
    evaluationId,
    at: now,
  });
  await notify(tx as unknown as Db, { role: "dpo" }, { kind: "transferSubmitted", params: await notificationParams(tx, row, who.label), link: link(row.id), actorUserId: who.userId });
  return { row: updated, evaluation };
}

export type TransferWriteResult = { id: string; number: number; status: TransferRequestStatus; version: number; evaluation: TransferEvaluation | null };

/** Files a request as a draft, or submits it at once (then the rules run and are stored). */
export async function createTransferRequest(input: TransferRequestInput, who: Requester, options: { submit: boolean; now?: Date }, db: Db = getDb()): Promise<TransferWriteResult> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const values = valuesOf(input);
    await checkReferences(tx, values, options.submit);
    const [row] = await tx
      .insert(transferRequests)
      .values({ ...values, requesterUserId: who.userId, requesterTokenId: who.tokenId, requesterLabel: who.label, createdAt: now, updatedAt: now })
      .returning();
    await tx.insert(transferRequestEvents).values({
      requestId: row.id,
      action: "created",
      fromStatus: null,
      toStatus: "draft",
      actorUserId: who.userId,
      actorTokenId: who.tokenId,
      actorLabel: who.label,
      at: now,
    });
    if (!options.submit) return { id: row.id, number: row.number, status: row.status, version: row.version, evaluation: null };
    const submitted = await submitInTx(tx, row, who, now);
    return { id: row.id, number: row.number, status: submitted.row.status, version: submitted.row.version, evaluation: submitted.evaluation };
  });
}

/** The requester changes a draft or a returned request (and may resubmit it in the same step). */
export async function updateTransferRequest(
  id: string,
  expectedVersion: number,
  input: TransferRequestInput,
  who: Requester,
  options: { submit: boolean; now?: Date },
  db: Db = getDb(),
): Promise<TransferWriteResult> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, id);
    if (!isRequester(row, who)) throw new ForbiddenError("notRequester");
    await refuseStale(tx, row, expectedVersion, EDITABLE_STATUSES, "notEditable");
    const values = valuesOf(input);
    await checkReferences(tx, values, options.submit);
    const [updated] = await tx
      .update(transferRequests)
      .set({ ...values, version: sql`${transferRequests.version} + 1`, updatedAt: now })
      .where(and(eq(transferRequests.id, id), eq(transferRequests.version, expectedVersion)))
      .returning();
    await tx.insert(transferRequestEvents).values({
      requestId: id,
      action: "updated",
      fromStatus: row.status,
      toStatus: row.status,
      actorUserId: who.userId,
      actorTokenId: who.tokenId,
      actorLabel: who.label,
      at: now,
    });
    if (!options.submit) return { id, number: updated.number, status: updated.status, version: updated.version, evaluation: null };
    const submitted = await submitInTx(tx, updated, who, now);
    return { id, number: updated.number, status: submitted.row.status, version: submitted.row.version, evaluation: submitted.evaluation };
  });
}

/** The requester submits a draft or a returned request as it stands. */
export async function submitTransferRequest(id: string, expectedVersion: number, who: Requester, now = new Date(), db: Db = getDb()): Promise<TransferWriteResult> {
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, id);
    if (!isRequester(row, who)) throw new ForbiddenError("notRequester");
    await refuseStale(tx, row, expectedVersion, EDITABLE_STATUSES, "notEditable");
    const submitted = await submitInTx(tx, row, who, now);
    return { id, number: row.number, status: submitted.row.status, version: submitted.row.version, evaluation: submitted.evaluation };
  });
}

/**
 * The DPO's decision: approve, reject or return for changes, with a reason. In one transaction:
 * lock the request, refuse a stale or already-decided one (ConflictError: exactly one of two
 * concurrent deciders wins), refuse the requester (four eyes, admins included), run the rules
 * again on the register as it is now, refuse an approval the rules block or whose warnings are not
 * all acknowledged, then store the evaluation, the decision pinning the recipient and purpose
 * versions, the state change, the timeline event and the notice to the requester.
 */
export async function decideTransferRequest(
  input: Omit<DecideTransferRequestInput, "validUntil" | "acknowledgedRuleIds"> & { validUntil?: string | null; acknowledgedRuleIds?: string[] },
  decider: Decider,
  now = new Date(),
  db: Db = getDb(),
) {
  const today = businessDate(now);
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, input.id);
    await refuseStale(tx, row, input.expectedVersion, ["submitted"], "alreadyDecided");
    if (row.requesterUserId === decider.id || row.submittedByUserId === decider.id) throw new ForbiddenError("fourEyes");

    const checked = await recordEvaluation(tx, row, "decision", today);
    let validUntil: string | null = null;
    const acknowledged = [...new Set(input.acknowledgedRuleIds ?? [])];
    if (input.outcome === "approved") {
      // RULES B: a blocking failure makes approval impossible, for everyone.
      if (checked.evaluation.blocked) throw new InvalidInputError({ outcome: "blockedByRules" });
      const unacknowledged = checked.evaluation.warnings.filter((w) => !acknowledged.includes(w.ruleId));
      if (unacknowledged.length) throw new InvalidInputError({ acknowledgedRuleIds: "acknowledgeWarnings" });
      validUntil = input.validUntil ?? null;
      if (!validUntil || validUntil < today || validUntil > row.periodEnd) throw new InvalidInputError({ validUntil: "validUntilRange" });
    }
    const keptAcknowledgements = input.outcome === "approved" ? acknowledged.filter((id) => checked.evaluation.warnings.some((w) => w.ruleId === id)) : [];

    const [decision] = await tx
      .insert(transferDecisions)
      .values({
        requestId: row.id,
        outcome: input.outcome,
        reason: input.reason,
        recipientId: row.recipientId,
        recipientVersion: checked.recipientVersion,
        purposeVersions: checked.purposeVersions,
        validUntil,
        acknowledgedRuleIds: keptAcknowledgements,
        evaluationId: checked.evaluationId,
        decidedBy: decider.id,
        decidedByEmail: decider.email,
        decidedAt: now,
      })
      .returning({ id: transferDecisions.id });
    const [updated] = await tx
      .update(transferRequests)
      .set({
        status: input.outcome,
        version: sql`${transferRequests.version} + 1`,
        decidedAt: now,
        updatedAt: now,
        ...(input.outcome === "approved" ? { approvedAt: now, validUntil } : {}),
      })
      .where(and(eq(transferRequests.id, row.id), eq(transferRequests.version, input.expectedVersion), eq(transferRequests.status, "submitted")))
      .returning();
    if (!updated) throw new ConflictError("alreadyDecided", { currentVersion: row.version, changes: [] });
    await tx.insert(transferRequestEvents).values({
      requestId: row.id,
      action: input.outcome,
      fromStatus: "submitted",
      toStatus: input.outcome,
      actorUserId: decider.id,
      actorLabel: decider.email,
      reason: input.reason,
      evaluationId: checked.evaluationId,
      decisionId: decision.id,
      at: now,
    });
    if (row.requesterUserId) {
      const kind: NotificationKind = input.outcome === "approved" ? "transferApproved" : input.outcome === "rejected" ? "transferRejected" : "transferReturned";
      const params = await notificationParams(tx, row, decider.email, { reason: input.reason, ...(validUntil ? { validUntil } : {}) });
      await notify(tx as unknown as Db, { userId: row.requesterUserId }, { kind, params, link: link(row.id), actorUserId: decider.id });
    }
    return { id: row.id, status: updated.status, version: updated.version, evaluation: checked.evaluation, decisionId: decision.id };
  });
}

/**
 * Revokes an approval with a reason. Effective from this instant: transfers logged after it are
 * no longer covered (findCoveringApproval), earlier ones stay covered.
 */
export async function revokeApproval(input: { id: string; expectedVersion: number; reason: string }, actor: Decider, now = new Date(), db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, input.id);
    await refuseStale(tx, row, input.expectedVersion, ["approved"], "notApproved");
    const [updated] = await tx
      .update(transferRequests)
      .set({ status: "revoked", version: sql`${transferRequests.version} + 1`, revokedAt: now, updatedAt: now })
      .where(and(eq(transferRequests.id, row.id), eq(transferRequests.version, input.expectedVersion)))
      .returning();
    await tx.insert(transferRequestEvents).values({
      requestId: row.id,
      action: "revoked",
      fromStatus: "approved",
      toStatus: "revoked",
      actorUserId: actor.id,
      actorLabel: actor.email,
      reason: input.reason,
      at: now,
    });
    if (row.requesterUserId) {
      const params = await notificationParams(tx, row, actor.email, { reason: input.reason });
      await notify(tx as unknown as Db, { userId: row.requesterUserId }, { kind: "approvalRevoked", params, link: link(row.id), actorUserId: actor.id });
    }
    return { id: row.id, status: updated.status, version: updated.version };
  });
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

/** One request with its recipient's names and the decision in force (if any). */
export async function getTransferRequest(id: string, db: Db = getDb()) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      request: transferRequests,
      recipient: {
        nameEn: recipients.nameEn,
        nameRu: recipients.nameRu,
        nameKk: recipients.nameKk,
        countryCode: recipients.countryCode,
        crossBorder: recipients.crossBorder,
        version: recipients.version,
        status: recipients.status,
      },
    })
    .from(transferRequests)
    .innerJoin(recipients, eq(recipients.id, transferRequests.recipientId))
    .where(eq(transferRequests.id, id));
  if (!row) return null;
  const [decision] = await db
    .select()
    .from(transferDecisions)
    .where(eq(transferDecisions.requestId, id))
    .orderBy(desc(transferDecisions.decidedAt), desc(transferDecisions.id))
    .limit(1);
  return { ...row.request, recipient: row.recipient, decision: decision ?? null };
}
export type TransferRequestDetail = NonNullable<Awaited<ReturnType<typeof getTransferRequest>>>;

/** The timeline, oldest first: each state change with who, when, from → to, why, and the rule results of its check. */
export async function getTransferTimeline(id: string, db: Db = getDb()) {
  if (!isUuid(id)) return [];
  const rows = await db
    .select({
      id: transferRequestEvents.id,
      action: transferRequestEvents.action,
      fromStatus: transferRequestEvents.fromStatus,
      toStatus: transferRequestEvents.toStatus,
      actorLabel: transferRequestEvents.actorLabel,
      reason: transferRequestEvents.reason,
      at: transferRequestEvents.at,
      evaluation: {
        id: transferRuleEvaluations.id,
        stage: transferRuleEvaluations.stage,
        evaluatedOn: transferRuleEvaluations.evaluatedOn,
        recipientVersion: transferRuleEvaluations.recipientVersion,
        purposeVersions: transferRuleEvaluations.purposeVersions,
        results: transferRuleEvaluations.results,
        blocked: transferRuleEvaluations.blocked,
      },
      decision: {
        validUntil: transferDecisions.validUntil,
        acknowledgedRuleIds: transferDecisions.acknowledgedRuleIds,
        recipientVersion: transferDecisions.recipientVersion,
        purposeVersions: transferDecisions.purposeVersions,
      },
    })
    .from(transferRequestEvents)
    .leftJoin(transferRuleEvaluations, eq(transferRuleEvaluations.id, transferRequestEvents.evaluationId))
    .leftJoin(transferDecisions, eq(transferDecisions.id, transferRequestEvents.decisionId))
    .where(eq(transferRequestEvents.requestId, id))
    .orderBy(asc(transferRequestEvents.seq));
  return rows.map((r) => ({
    ...r,
    evaluation: r.evaluation?.id ? r.evaluation : null,
    decision: r.decision?.recipientVersion != null ? r.decision : null,
  }));
}
export type TransferTimelineEvent = Awaited<ReturnType<typeof getTransferTimeline>>[number];

/**
 * Rules as they would run now on a stored request (the DPO's view before deciding). Nothing is
 * written: the decision itself evaluates again, in its transaction.
 */
export async function previewStoredRequestRules(row: Pick<Row, "recipientId" | "purposeCodes" | "dataItems" | "actions" | "populations" | "mode" | "periodStart" | "periodEnd" | "crossBorderGround" | "depersonalised">, today: string, db: Db = getDb()) {
  const ctx = await loadRuleContext({ recipientId: row.recipientId, purposeCodes: row.purposeCodes, today, proposal: proposalOf(row) }, db);
  return evaluateTransfer(ctx);
}

/** Rules on a draft that is not saved (the form's live check). */
export async function previewTransferRules(proposal: TransferProposal, today: string, db: Db = getDb()) {
  const ctx = await loadRuleContext({ recipientId: proposal.recipientId, purposeCodes: proposal.purposeCodes, today, proposal }, db);
  return { evaluation: evaluateTransfer(ctx), recipientVersion: ctx.recipient.version, purposeVersions: ctx.purposeVersions };
}

export type TransferListViewer = { userId: string | null; tokenId?: string | null; view: "mine" | "queue" | "all" };

/**
 * The request lists. "mine": what this person (or token) asked for, drafts included. "queue":
 * submitted requests waiting for a decision, oldest first. "all": every request past draft, with
 * its status (approvals, expired, revoked …) — the auditors' view. Expiry is computed against `today`.
 */
export async function listTransferRequests(query: TransferListQuery, viewer: TransferListViewer, today: string, db: Db = getDb()) {
  const where: SQL[] = [];
  if (viewer.view === "mine") {
    if (viewer.userId) where.push(eq(transferRequests.requesterUserId, viewer.userId));
    else if (viewer.tokenId) where.push(eq(transferRequests.requesterTokenId, viewer.tokenId));
    else where.push(sql`false`);
  } else {
    // Drafts are the requester's own until submitted.
    where.push(ne(transferRequests.status, "draft"));
  }
  if (viewer.view === "queue") where.push(eq(transferRequests.status, "submitted"));
  else if (query.status === "expired") where.push(eq(transferRequests.status, "approved"), lt(transferRequests.validUntil, today));
  else if (query.status === "approved") where.push(eq(transferRequests.status, "approved"), gte(transferRequests.validUntil, today));
  else if (query.status) where.push(eq(transferRequests.status, query.status));
  if (query.recipient) where.push(eq(transferRequests.recipientId, query.recipient));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const number = /^\d{1,9}$/.test(query.q) ? Number(query.q) : null;
    where.push(
      or(
        ...(number !== null ? [eq(transferRequests.number, number)] : []),
        ilike(transferRequests.requesterLabel, like),
        ilike(transferRequests.justification, like),
        ilike(transferRequests.sendingSystem, like),
        ilike(recipients.nameEn, like),
        ilike(recipients.nameRu, like),
        ilike(recipients.nameKk, like),
      )!,
    );
  }
  const pageSize = query.pageSize ?? 25;
  const page = query.page ?? 1;
  const condition = and(...where);
  // The latest rule check of each request: blocked, and how many warnings it raised.
  const latestEvaluation = (expression: string) =>
    sql.raw(`(select ${expression} from transfer_rule_evaluations e where e.request_id = "transfer_requests"."id" order by e.created_at desc, e.id desc limit 1)`);
  const order = viewer.view === "queue" ? [asc(transferRequests.submittedAt), asc(transferRequests.number)] : [desc(transferRequests.updatedAt), desc(transferRequests.number)];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: transferRequests.id,
        number: transferRequests.number,
        status: transferRequests.status,
        version: transferRequests.version,
        validUntil: transferRequests.validUntil,
        recipientId: transferRequests.recipientId,
        recipientEn: recipients.nameEn,
        recipientRu: recipients.nameRu,
        recipientKk: recipients.nameKk,
        crossBorder: recipients.crossBorder,
        purposeCodes: transferRequests.purposeCodes,
        mode: transferRequests.mode,
        periodStart: transferRequests.periodStart,
        periodEnd: transferRequests.periodEnd,
        requesterLabel: transferRequests.requesterLabel,
        createdAt: transferRequests.createdAt,
        updatedAt: transferRequests.updatedAt,
        submittedAt: transferRequests.submittedAt,
        decidedAt: transferRequests.decidedAt,
        blocked: sql<boolean | null>`${latestEvaluation("e.blocked")}`,
        warnings: sql<number | null>`${latestEvaluation("(select count(*) from jsonb_array_elements(e.results) r where r->>'severity' = 'warn')::int")}`,
      })
      .from(transferRequests)
      .innerJoin(recipients, eq(recipients.id, transferRequests.recipientId))
      .where(condition)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(transferRequests).innerJoin(recipients, eq(recipients.id, transferRequests.recipientId)).where(condition),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, warnings: Number(r.warnings ?? 0), effectiveStatus: effectiveStatus(r, today) })),
    total: Number(total),
    page,
    pageSize,
  };
}
export type TransferListRow = Awaited<ReturnType<typeof listTransferRequests>>["rows"][number];

/** What the request form offers: recipients still in the register, purposes with their items, categories, actions. */
export async function transferRequestFormOptions(db: Db = getDb()) {
  const [recipientRows, links, purposeRows, items, itemNames, categories, actions] = await Promise.all([
    db
      .select({ id: recipients.id, nameEn: recipients.nameEn, nameRu: recipients.nameRu, nameKk: recipients.nameKk, countryCode: recipients.countryCode, crossBorder: recipients.crossBorder, status: recipients.status })
      .from(recipients)
      .where(ne(recipients.status, "archived"))
      .orderBy(asc(recipients.nameEn)),
    db.select().from(recipientPurposes),
    db
      .select({ code: processingPurposes.code, nameEn: processingPurposes.nameEn, nameRu: processingPurposes.nameRu, nameKk: processingPurposes.nameKk, isResearch: processingPurposes.isResearch, subjectCategory: processingPurposes.subjectCategory })
      .from(processingPurposes)
      .where(eq(processingPurposes.status, "active")),
    db.select().from(purposeDataItems),
    db.select({ key: dataItems.key, nameEn: dataItems.nameEn, nameRu: dataItems.nameRu, nameKk: dataItems.nameKk, directIdentifier: dataItems.directIdentifier }).from(dataItems),
    db.select({ key: subjectCategories.key, nameEn: subjectCategories.nameEn, nameRu: subjectCategories.nameRu, nameKk: subjectCategories.nameKk }).from(subjectCategories).where(ne(subjectCategories.status, "archived")),
    db.select({ key: processingActions.key, nameEn: processingActions.nameEn, nameRu: processingActions.nameRu, nameKk: processingActions.nameKk }).from(processingActions).orderBy(asc(processingActions.position)),
  ]);
  const order = (code: string) => (code.startsWith("V") ? 0 : 1) * 1000 + Number(code.slice(1));
  return {
    recipients: recipientRows.map((r) => ({ ...r, linkedPurposeCodes: links.filter((l) => l.recipientId === r.id).map((l) => l.purposeCode) })),
    purposes: purposeRows
      .sort((a, b) => order(a.code) - order(b.code))
      .map((p) => ({ ...p, dataItems: items.filter((i) => i.purposeCode === p.code).map((i) => i.itemKey) })),
    dataItems: itemNames,
    subjectCategories: categories,
    actions,
  };
}

function isUuid(id: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
