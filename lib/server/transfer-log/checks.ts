import "server-only";
import type { Db } from "@/db/client";
import { findCoveringApproval } from "@/db/queries/approvals";
import { loadRuleContext } from "@/db/queries/rule-context";
import { notify } from "@/db/queries/notifications";
import { evaluateTransfer } from "@/lib/rules/transfer-rules";
import type { TransferProposal } from "@/lib/rules/types";
import type { ApprovalCoverage } from "@/lib/transfer-log/assess";
import type { IngestChecks } from "./ingest";
import type { TransferEventInput } from "@/lib/validation/transfer-event";

type Recipient = Parameters<NonNullable<IngestChecks["approvalCoverage"]>>[1];

/**
 * Whether the approval an event names covers it at the moment it happened: every purpose of the
 * event, the recipient and every data item (db/queries/approvals.ts findCoveringApproval).
 */
async function approvalCoverage(e: TransferEventInput, recipient: Recipient, db: Db): Promise<ApprovalCoverage> {
  if (!e.approvalId) return { state: "none" };
  const missing = new Set<string>();
  for (const purposeCode of e.purposeCodes) {
    const a = await findCoveringApproval({ approvalId: e.approvalId, recipientId: recipient.id, purposeCode, dataItems: e.dataItems, at: new Date(e.occurredAt) }, db);
    if (!a) return { state: "unknown" };
    if (a.statusAt !== "active") return { state: "inactive", status: a.statusAt };
    if (!a.covers.recipient) missing.add(`recipient ${recipient.nameEn}`);
    if (!a.covers.purpose) missing.add(`purpose ${purposeCode}`);
    for (const item of a.covers.missingItems) missing.add(`data item ${item}`);
  }
  return missing.size ? { state: "outside", what: [...missing] } : { state: "covered" };
}

/**
 * The transfer rules (lib/rules) on the event, as of the day it happened. The register facts are
 * loaded once per recipient, purposes and day within a batch, and evaluated once per distinct
 * proposal (data items, populations) on those facts.
 */
function ruleChecker() {
  const contexts = new Map<string, ReturnType<typeof loadRuleContext>>();
  // Events of one system repeat the same shape: the same facts and proposal give the same answer.
  const answers = new Map<string, { ruleId: string; reason: string; severity: string }[]>();
  return async (e: TransferEventInput, recipient: Recipient, db: Db) => {
    const day = e.occurredAt.slice(0, 10);
    const proposal: TransferProposal = {
      recipientId: recipient.id,
      purposeCodes: e.purposeCodes,
      dataItems: e.dataItems,
      actions: ["transfer"],
      populations: e.subjectPopulations,
      mode: "one-off",
      period: { start: day, end: day },
      crossBorderGround: null,
      depersonalised: false,
    };
    const key = `${recipient.id}|${recipient.version}|${[...e.purposeCodes].sort().join(",")}|${day}`;
    if (!contexts.has(key)) contexts.set(key, loadRuleContext({ recipientId: recipient.id, recipientVersion: recipient.version, purposeCodes: e.purposeCodes, today: day, proposal }, db));
    const ctx = await contexts.get(key)!;
    const answerKey = `${key}|${JSON.stringify(e.dataItems)}|${JSON.stringify(e.subjectPopulations)}`;
    let failed = answers.get(answerKey);
    if (!failed) {
      const { results } = evaluateTransfer({ ...ctx, proposal });
      failed = results.filter((r) => !r.ok).map((r) => ({ ruleId: r.ruleId, reason: r.reason, severity: r.severity }));
      answers.set(answerKey, failed);
    }
    return failed;
  };
}

/** Tells the DPOs, once per recipient and batch, that transfers were logged without cover. */
async function notifyDpo(flagged: Parameters<NonNullable<IngestChecks["onFlagged"]>>[0], db: Db) {
  const byRecipient = new Map<string, typeof flagged>();
  for (const f of flagged) byRecipient.set(f.recipient.id, [...(byRecipient.get(f.recipient.id) ?? []), f]);
  for (const [recipientId, items] of byRecipient) {
    const r = items[0].recipient;
    const codes = [...new Set(items.flatMap((i) => i.result.flags.map((f) => f.code)))];
    await notify(db, { role: "dpo" }, {
      kind: "transfersFlagged",
      // The codes, not their English reasons: the notification renders them in each reader's language.
      params: { number: items.length, recipientEn: r.nameEn, recipientRu: r.nameRu ?? r.nameEn, recipientKk: r.nameKk ?? r.nameEn, actor: items[0].sendingSystem, reason: codes.join(", ") },
      link: `/log?flagged=1&recipient=${recipientId}`,
      actorUserId: null,
    });
  }
}

/** The checks for one ingestion request (the rule-context cache lives as long as the batch). */
export function ingestChecks(): IngestChecks {
  return { approvalCoverage, failedRules: ruleChecker(), onFlagged: notifyDpo };
}
