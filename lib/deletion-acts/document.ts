/**
 * The data behind a deletion act, as JSON with stable English keys, and its log extract
 * (RULES D4: "an act plus a log extract — subject, data categories, system, reason, date").
 * Pure: plain objects in, plain objects out; the route handlers add the database's parts.
 */
import type { DeletionActRecord } from "./types";

export const ACT_JSON_FORMAT = "qplus-deletion-act/v1";
export const ACT_EXTRACT_FORMAT = "qplus-deletion-act-extract/v1";

export function actJson(act: DeletionActRecord) {
  const s = act.snapshot;
  return {
    format: ACT_JSON_FORMAT,
    id: act.id,
    number: act.number,
    kind: act.kind,
    status: act.status,
    actDate: act.actDate,
    deletedOn: act.deletedOn,
    operator: s.operator,
    subject: act.subject,
    subjectRequestId: act.subjectRequestId,
    purposes: s.purposes,
    dataCategories: s.categories,
    dataItems: s.items.map((i) => ({ key: i.key, category: i.categoryKey, name: i.name })),
    systems: act.systems,
    reason: act.reason,
    legalGround: act.legalGround,
    legalReferences: s.references,
    method: act.method,
    language: act.language,
    notes: act.notes,
    executor: s.executor,
    recordedBy: s.createdBy,
    recordedAt: act.createdAt,
    approval: act.decision,
    supersedes: s.supersedes ? { ...s.supersedes, reason: act.supersedeReason } : null,
    supersededBy: act.supersededBy,
  };
}

/**
 * One line per system × data category: what the destruction log holds for this act. The transfer
 * log holds no subjects' identities, so the portal's own destruction record is this act.
 */
export function extractLines(act: DeletionActRecord) {
  return act.systems.flatMap((system) =>
    act.snapshot.categories.map((category) => ({
      actNumber: act.number,
      subject: act.subject,
      system,
      dataCategory: category.key,
      dataItems: act.snapshot.items.filter((i) => i.categoryKey === category.key).map((i) => i.key),
      reason: act.reason,
      method: act.method,
      deletedOn: act.deletedOn,
    })),
  );
}

export type ActTrailEvent = { at: string; kind: string; actorLabel: string; role: string | null; format: string | null; detail: Record<string, unknown> };
export type TransferLogContext = {
  /** The log's latest signed checkpoint when the act was recorded (from the act's "created" event). */
  checkpointAtCreation: unknown;
  /** Per recipient: logged transfers that carried data of the act's purposes, up to the act. */
  transfersOfPurposes: { recipientId: string; recipient: string; transfers: number; lastOccurredAt: string; lastSeq: number }[];
};

export function actExtract(act: DeletionActRecord, trail: ActTrailEvent[], log: TransferLogContext) {
  return {
    format: ACT_EXTRACT_FORMAT,
    act: { id: act.id, number: act.number, status: act.status, actDate: act.actDate },
    lines: extractLines(act),
    trail,
    transferLog: log,
  };
}
