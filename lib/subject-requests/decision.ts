/**
 * The reasoned-decision rule (policy 5.2, consent-withdrawal and deletion rows; 4.3; RULES D1-D3): when a subject asks for deletion or
 * withdraws consent, data whose retention law (AML-11-4, CC-178-1 …) still runs is kept, and the
 * request is closed only by a refusal or a partial answer that names the legal ground and says why.
 * Withdrawing consent to essential processing ends the service, and the answer must say so.
 * Pure: the server runs it in the closing transaction; the form runs it to show the same errors.
 */
import type { IsoDate } from "@/lib/rules/types";
import { addCalendarDays } from "@/lib/rules/working-days";
import { RETENTION_SENSITIVE_RIGHTS, isEssentialPurpose, type SubjectDecisionOutcome, type SubjectRight } from "./facts";

export interface PurposeRetentionFacts {
  code: string;
  /** The purpose's retention references (processing_purposes.retention_law_codes). */
  retentionLawCodes: readonly string[];
  /** The purpose's own period in years, when it states one. */
  retentionYears: number | null;
}

/** Legal references with the period they set (legal_references.years); null = sets none. */
export type ReferenceYears = Readonly<Record<string, number | null>>;

export interface PurposeRetention {
  code: string;
  /** The references that set a retention period for this purpose. */
  lawCodes: string[];
  /** Last day the law demands keeping the data; null = unknown because the period has not started. */
  retainedUntil: IsoDate | null;
  /** The law still demands keeping the data on `today`. */
  applies: boolean;
}

/**
 * Whether each purpose's retention law still applies. The period runs from the trigger (contract end
 * or the operation, as the purpose records); without a trigger date the period has not started —
 * e.g. the contract is still in force — so the law applies.
 */
export function retentionOf(purposes: readonly PurposeRetentionFacts[], references: ReferenceYears, triggerOn: IsoDate | null, today: IsoDate): PurposeRetention[] {
  return purposes.map((p) => {
    const lawCodes = p.retentionLawCodes.filter((c) => (references[c] ?? null) !== null);
    if (lawCodes.length === 0) return { code: p.code, lawCodes, retainedUntil: null, applies: false };
    const years = Math.max(p.retentionYears ?? 0, ...lawCodes.map((c) => references[c] ?? 0));
    if (!triggerOn) return { code: p.code, lawCodes, retainedUntil: null, applies: true };
    const retainedUntil = addYears(triggerOn, years);
    return { code: p.code, lawCodes, retainedUntil, applies: retainedUntil >= today };
  });
}

/** The same day `years` later (29 Feb → 28 Feb), minus one: a 5-year period from 1 Mar 2021 ends on 28 Feb 2026. */
function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return addCalendarDays(target.toISOString().slice(0, 10), -1);
}

export interface ClosingDecision {
  right: SubjectRight;
  outcome: SubjectDecisionOutcome;
  reason: string | null;
  legalGroundCode: string | null;
  serviceEndsAcknowledged: boolean;
  answerText: string;
  /** The sentence the answer template uses to say the service ends (in the answer's language). */
  serviceEndsSentence: string;
}

export interface DecisionCheck {
  ok: boolean;
  /** Field → message key (under subjectRequests.errors). */
  errors: Record<string, string>;
  retention: PurposeRetention[];
  /** Purposes the law keeps: not deleted, whatever is decided. */
  retainedCodes: string[];
  /** Purposes the request is granted for (deleted, withdrawn …); empty for a refusal. */
  grantedCodes: string[];
  /** Withdrawal of consent to essential processing: the answer must say the service ends. */
  serviceEnds: boolean;
}

export const MIN_REASON_LENGTH = 10;
export const MIN_ANSWER_LENGTH = 20;

/** Checks a closing decision against the reasoned-decision rule; returns every problem at once. */
export function checkClosingDecision(decision: ClosingDecision, purposes: readonly PurposeRetentionFacts[], references: ReferenceYears, triggerOn: IsoDate | null, today: IsoDate): DecisionCheck {
  const errors: Record<string, string> = {};
  const sensitive = RETENTION_SENSITIVE_RIGHTS.includes(decision.right);
  const retention = sensitive ? retentionOf(purposes, references, triggerOn, today) : [];
  const retainedCodes = retention.filter((r) => r.applies).map((r) => r.code);
  const free = purposes.map((p) => p.code).filter((c) => !retainedCodes.includes(c));
  const reason = decision.reason?.trim() ?? "";
  const needsReasonedDecision = decision.outcome !== "granted";

  if (retainedCodes.length > 0 && decision.outcome === "granted") errors.outcome = "retentionApplies";
  // A partial deletion deletes something; a partial withdrawal may stop processing yet keep every record.
  if (decision.outcome === "partial" && decision.right === "deletion" && free.length === 0) errors.outcome = "nothingToGrant";
  if (needsReasonedDecision) {
    if (reason.length < MIN_REASON_LENGTH) errors.reason = "reasonedDecisionRequired";
    if (!decision.legalGroundCode) errors.legalGroundCode = "legalGroundRequired";
    else if (retainedCodes.length > 0) {
      // The ground must be a law that actually keeps one of the retained purposes' data.
      const keeping = new Set(retention.filter((r) => r.applies).flatMap((r) => r.lawCodes));
      if (!keeping.has(decision.legalGroundCode)) errors.legalGroundCode = "groundNotRetentionLaw";
    }
  }

  const serviceEnds = decision.right === "consent-withdrawal" && purposes.some((p) => isEssentialPurpose(p.code));
  if (serviceEnds) {
    if (!decision.serviceEndsAcknowledged) errors.serviceEndsAcknowledged = "serviceEndsRequired";
    if (!normalise(decision.answerText).includes(normalise(decision.serviceEndsSentence))) errors.answerText = "serviceEndsStatementMissing";
  }
  if (decision.answerText.trim().length < MIN_ANSWER_LENGTH) errors.answerText = "answerRequired";

  const grantedCodes = decision.outcome === "refused" ? [] : sensitive ? free : purposes.map((p) => p.code);
  return { ok: Object.keys(errors).length === 0, errors, retention, retainedCodes: decision.outcome === "refused" ? purposes.map((p) => p.code) : retainedCodes, grantedCodes, serviceEnds };
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}
