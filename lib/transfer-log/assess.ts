/**
 * What the log notes about a reported transfer: nothing is dropped, but an event that is not
 * covered by an active approval, or that breaks a rule, is recorded with flags saying why
 * (and the DPO is told). Pure: the caller loads the facts.
 */
import type { TransferFlag } from "@/lib/transfer-log";

export type ApprovalCoverage =
  | { state: "none" }
  | { state: "unknown" }
  | { state: "covered" }
  | { state: "inactive"; status: string }
  | { state: "outside"; what: string[] };

export type EventFacts = {
  recipient: { name: string; status: string; countryCode: string };
  destinationCountry: string;
  approval: ApprovalCoverage;
  /** Results of the transfer rules (lib/rules) that failed, when they were run. */
  failedRules: { ruleId: string; reason: string; severity: string }[];
  /** When the event says the transfer happened, and when the portal received the report (ISO instants). */
  occurredAt?: string;
  receivedAt?: string;
};

/**
 * How far in the future a reported `occurredAt` may lie before it is flagged: sending systems'
 * clocks drift, but a transfer cannot be reported before it happened. Flagged rather than refused,
 * so a system with a wrong clock still has every transfer in the log, and the DPO sees which.
 */
export const OCCURRED_AT_CLOCK_SKEW_MS = 5 * 60_000;

export const FLAG_CODES = {
  noApproval: "no-approval",
  approvalUnknown: "approval-unknown",
  approvalInactive: "approval-not-active",
  outsideApproval: "outside-approval",
  recipientNotActive: "recipient-not-active",
  destinationMismatch: "destination-mismatch",
  occurredInFuture: "occurred-in-future",
  rule: (ruleId: string) => `rule:${ruleId}`,
} as const;

export function assessTransfer(facts: EventFacts): TransferFlag[] {
  const flags: TransferFlag[] = [];
  const a = facts.approval;
  if (a.state === "none") flags.push({ code: FLAG_CODES.noApproval, reason: "The event names no approval." });
  if (a.state === "unknown") flags.push({ code: FLAG_CODES.approvalUnknown, reason: "The approval named by the event does not exist." });
  if (a.state === "inactive") flags.push({ code: FLAG_CODES.approvalInactive, reason: `The approval was ${a.status} when the transfer happened.` });
  if (a.state === "outside") flags.push({ code: FLAG_CODES.outsideApproval, reason: `Outside the approval: ${a.what.join("; ")}.` });
  if (facts.recipient.status !== "active") {
    flags.push({ code: FLAG_CODES.recipientNotActive, reason: `${facts.recipient.name} is ${facts.recipient.status} in the register.` });
  }
  if (facts.destinationCountry !== facts.recipient.countryCode) {
    flags.push({
      code: FLAG_CODES.destinationMismatch,
      reason: `Destination ${facts.destinationCountry} differs from the register's country of ${facts.recipient.name} (${facts.recipient.countryCode}).`,
    });
  }
  if (facts.occurredAt && facts.receivedAt) {
    const ahead = Date.parse(facts.occurredAt) - Date.parse(facts.receivedAt);
    if (ahead > OCCURRED_AT_CLOCK_SKEW_MS) {
      flags.push({
        code: FLAG_CODES.occurredInFuture,
        reason: `Reported as happening at ${facts.occurredAt}, ${Math.round(ahead / 1000)} s after the report was received (${facts.receivedAt}); more than the ${OCCURRED_AT_CLOCK_SKEW_MS / 60_000} minutes a clock may be off.`,
      });
    }
  }
  for (const r of facts.failedRules) {
    if (r.severity === "block") flags.push({ code: FLAG_CODES.rule(r.ruleId), reason: r.reason });
  }
  return flags;
}
