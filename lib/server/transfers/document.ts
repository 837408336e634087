import type { TransferRequestDetail, TransferTimelineEvent } from "@/db/queries/transfer-requests";
import { effectiveStatus } from "@/lib/transfers/constants";

/**
 * A request as the API returns it: its status (expiry computed for `today`), what was asked, the
 * approval in force, the latest rule results, and the timeline with the rule results of each check.
 */
export function transferRequestDocument(r: TransferRequestDetail, timeline: TransferTimelineEvent[], today: string) {
  const checks = timeline.filter((e) => e.evaluation);
  const latest = checks.at(-1)?.evaluation ?? null;
  const evaluationOf = (e: NonNullable<TransferTimelineEvent["evaluation"]>) => ({
    stage: e.stage,
    evaluatedOn: e.evaluatedOn,
    recipientVersion: e.recipientVersion,
    purposeVersions: e.purposeVersions,
    blocked: e.blocked,
    results: e.results,
  });
  return {
    id: r.id,
    number: r.number,
    status: effectiveStatus(r, today),
    version: r.version,
    recipient: { id: r.recipientId, name: r.recipient.nameEn, countryCode: r.recipient.countryCode, crossBorder: r.recipient.crossBorder },
    requester: r.requesterLabel,
    purposeCodes: r.purposeCodes,
    subjectCategories: r.subjectCategories,
    populations: r.populations,
    dataItems: r.dataItems,
    actions: r.actions,
    mode: r.mode,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    expectedVolume: r.expectedVolume,
    volumePeriod: r.volumePeriod,
    sendingSystem: r.sendingSystem,
    crossBorderGround: r.crossBorderGround,
    depersonalised: r.depersonalised,
    justification: r.justification,
    createdAt: r.createdAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decision: r.decision
      ? {
          outcome: r.decision.outcome,
          reason: r.decision.reason,
          decidedBy: r.decision.decidedByEmail,
          decidedAt: r.decision.decidedAt.toISOString(),
          validUntil: r.decision.validUntil,
          recipientVersion: r.decision.recipientVersion,
          purposeVersions: r.decision.purposeVersions,
          acknowledgedRuleIds: r.decision.acknowledgedRuleIds,
        }
      : null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    ruleResults: latest ? evaluationOf(latest) : null,
    timeline: timeline.map((e) => ({
      action: e.action,
      from: e.fromStatus,
      to: e.toStatus,
      by: e.actorLabel,
      at: e.at.toISOString(),
      reason: e.reason,
      evaluation: e.evaluation ? evaluationOf(e.evaluation) : null,
    })),
  };
}
