import "server-only";
import { getDb, type Db } from "@/db/client";
import { appendTransfers, type AppendResult, type PreparedTransfer } from "@/db/queries/transfer-log";
import { recipientsByIdOrKey } from "@/db/queries/recipients";
import { transferEventInput, type TransferEventInput } from "@/lib/validation/transfer-event";
import { fieldErrorsOf } from "@/lib/validation/common";
import { assessTransfer, type ApprovalCoverage } from "@/lib/transfer-log/assess";
import { MAX_EVENTS_PER_BATCH } from "@/lib/transfer-log/config";

type Recipient = Awaited<ReturnType<typeof recipientsByIdOrKey>>[number];

/** Checks that need other registers (approvals, rules); plugged in where those exist. */
export type IngestChecks = {
  approvalCoverage?: (event: TransferEventInput, recipient: Recipient, db: Db) => Promise<ApprovalCoverage>;
  failedRules?: (event: TransferEventInput, recipient: Recipient, db: Db) => Promise<{ ruleId: string; reason: string; severity: string }[]>;
  onFlagged?: (flagged: { result: AppendResult; recipient: Recipient; sendingSystem: string }[], db: Db) => Promise<void>;
};

export type IngestOutcome =
  | { ok: true; results: (AppendResult & { recipientId: string })[] }
  | { ok: false; errors: Record<string, string> };

/**
 * Validates a batch, resolves recipients, notes flags, and appends it. A batch with any invalid
 * event is refused whole, naming each bad field, and nothing is written; a valid batch is logged
 * whole, flagged events included (nothing is dropped).
 */
export async function ingestTransfers(raw: unknown[], checks: IngestChecks = {}, db: Db = getDb()): Promise<IngestOutcome> {
  if (raw.length === 0) return { ok: false, errors: { events: "required" } };
  if (raw.length > MAX_EVENTS_PER_BATCH) return { ok: false, errors: { events: "tooManyEvents" } };
  const errors: Record<string, string> = {};
  const events: TransferEventInput[] = [];
  raw.forEach((item, i) => {
    const parsed = transferEventInput.safeParse(item);
    if (parsed.success) events[i] = parsed.data;
    else for (const [field, message] of Object.entries(fieldErrorsOf(parsed.error))) errors[`events.${i}.${field}`] = message;
  });
  const refs = [...new Set(events.filter(Boolean).map((e) => e.recipient))];
  const found = await recipientsByIdOrKey(refs, db);
  const byRef = new Map<string, Recipient>();
  for (const r of found) {
    byRef.set(r.id, r);
    byRef.set(r.key, r);
  }
  events.forEach((e, i) => {
    if (e && !byRef.has(e.recipient)) errors[`events.${i}.recipient`] = "unknownRecipient";
  });
  if (Object.keys(errors).length) return { ok: false, errors };

  const prepared: PreparedTransfer[] = [];
  const recipientOf: Recipient[] = [];
  const receivedAt = new Date().toISOString();
  for (const e of events) {
    const recipient = byRef.get(e.recipient)!;
    const approval: ApprovalCoverage = checks.approvalCoverage ? await checks.approvalCoverage(e, recipient, db) : e.approvalId ? { state: "unknown" } : { state: "none" };
    const failedRules = checks.failedRules ? await checks.failedRules(e, recipient, db) : [];
    const flags = assessTransfer({
      recipient: { name: recipient.nameEn, status: recipient.status, countryCode: recipient.countryCode },
      destinationCountry: e.destinationCountry,
      approval,
      failedRules,
      occurredAt: e.occurredAt,
      receivedAt,
    });
    recipientOf.push(recipient);
    prepared.push({
      occurredAt: e.occurredAt,
      recipientId: recipient.id,
      recipientVersion: recipient.version,
      approvalId: e.approvalId,
      purposeCodes: e.purposeCodes,
      dataItems: e.dataItems,
      recordCount: e.recordCount,
      subjectPopulations: e.subjectPopulations,
      sendingSystem: e.sendingSystem,
      destinationCountry: e.destinationCountry,
      idempotencyKey: e.idempotencyKey,
      externalReference: e.externalReference,
      flags,
    });
  }
  const results = await appendTransfers(prepared, db);
  const withRecipients = results.map((r, i) => ({ ...r, recipientId: recipientOf[i].id }));
  const flagged = withRecipients
    .map((result, i) => ({ result, recipient: recipientOf[i], sendingSystem: prepared[i].sendingSystem }))
    .filter((x) => !x.result.duplicate && x.result.flags.length > 0);
  if (flagged.length && checks.onFlagged) await checks.onFlagged(flagged, db);
  return { ok: true, results: withRecipients };
}
