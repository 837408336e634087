/**
 * The vocabulary of data-subject requests (policy section 5; RULES C1-C3), shared by the schema,
 * validation, the rules, the UI and the API. Pure data: safe to import from client components.
 *
 * The mapping from the policy's six rights to the rights the two laws set deadlines for lives
 * here as data, each with its source; the deadlines themselves stay in lib/rules/legal-facts.ts.
 */
import type { Confidence, KzSubjectRight, RuSubjectRight, SubjectRequestLaw } from "@/lib/rules/legal-facts";

/** The applicable laws (RULES A5): Kazakhstan's for everyone, Russia's for Russian citizens. */
export const SUBJECT_LAWS = ["KZ", "RU"] as const satisfies readonly SubjectRequestLaw[];

/** The country whose working-day calendar counts a law's deadlines (RULES C4). */
export const LAW_CALENDAR_COUNTRY: Readonly<Record<SubjectRequestLaw, string>> = { KZ: "KZ", RU: "RU" };

/** How the subject is identified: only what the portal needs to find their data (policy 5; data minimisation). */
export const SUBJECT_ID_KINDS = ["wallet", "login"] as const;
export type SubjectIdKind = (typeof SUBJECT_ID_KINDS)[number];

/** Policy 5: requests come by email or by post. */
export const REQUEST_CHANNELS = ["email", "post"] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** The six rights of policy section 5, in its order. */
export const SUBJECT_RIGHTS = ["information", "rectification", "consent-withdrawal", "blocking", "deletion", "complaint"] as const;
export type SubjectRight = (typeof SUBJECT_RIGHTS)[number];

/** Policy 5.5: the grounds on which deletion is asked; Russia's law sets different deadlines for them. */
export const DELETION_GROUNDS = ["purpose-achieved", "period-expired", "consent-withdrawn", "unlawful"] as const;
export type DeletionGround = (typeof DELETION_GROUNDS)[number];

export const ANSWER_LOCALES = ["kk", "ru", "en"] as const;
export type AnswerLocale = (typeof ANSWER_LOCALES)[number];

/**
 * Stored states. "Extended" is an event on the timeline, not a state. Requests are never deleted:
 * a request the subject withdraws is "cancelled", with the reason on the timeline.
 */
export const SUBJECT_REQUEST_STATUSES = ["received", "in-progress", "answered", "refused", "cancelled"] as const;
export type SubjectRequestStatus = (typeof SUBJECT_REQUEST_STATUSES)[number];
export const OPEN_STATUSES: readonly SubjectRequestStatus[] = ["received", "in-progress"];

/** How a request was closed: in full, in part (some purposes kept by law), or refused. */
export const DECISION_OUTCOMES = ["granted", "partial", "refused"] as const;
export type SubjectDecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const SUBJECT_EVENT_ACTIONS = ["recorded", "started", "extended", "answered", "refused", "cancelled"] as const;
export type SubjectEventAction = (typeof SUBJECT_EVENT_ACTIONS)[number];

export interface RightMapping {
  KZ: KzSubjectRight;
  /** Russia's right; for deletion it depends on the ground (see RU_DELETION_RIGHT). */
  RU: RuSubjectRight;
  source: string;
  confidence: Confidence;
  note?: string;
}

/**
 * Policy section 5's rights → the rights KZ-PDL art. 25 p. 2 and RU-152 art. 20-21 give deadlines for.
 * Where the law has no exact match the portal takes the closer (shorter) deadline, and says so.
 */
export const RIGHT_TO_LAW: Readonly<Record<SubjectRight, RightMapping>> = {
  information: { KZ: "information", RU: "access", source: "policy 5.2 (information row); KZ-PDL art. 25 p. 2; RU-152 art. 20", confidence: "H" },
  rectification: { KZ: "change", RU: "correct", source: "policy 5.2 (rectification row); KZ-PDL art. 25 p. 2; RU-152 art. 21", confidence: "H" },
  "consent-withdrawal": {
    KZ: "destroy",
    RU: "destroy-consent-withdrawn",
    source: "policy 5.2 (consent-withdrawal row), 4.3; KZ-PDL art. 25 p. 2; RU-152 art. 21 p. 5",
    confidence: "M",
    note: "Withdrawal ends processing and leads to destruction; KZ counts it as a destruction request.",
  },
  blocking: {
    KZ: "block",
    RU: "block",
    source: "policy 5.2 (blocking row); KZ-PDL art. 25 p. 2; RU-152 art. 21 p. 1",
    confidence: "H",
    note: "RU-152 art. 21 p. 1: on a subject's request the operator blocks the data \"from the moment of such request\" (с момента такого обращения), so it is due the day it arrives; stopping the unlawful processing or correcting the data follows (art. 21 p. 2-3).",
  },
  deletion: { KZ: "destroy", RU: "destroy-purpose-achieved", source: "policy 5.2 (deletion row); KZ-PDL art. 25 p. 2; RU-152 art. 21", confidence: "H" },
  complaint: {
    KZ: "information",
    RU: "access",
    source: "policy 5.2 (protection-of-rights row); KZ-PDL art. 25 p. 2; RU-152 art. 20",
    confidence: "L",
    note: "The complaint itself goes to the authority (the Ministry; Roskomnadzor for Russian citizens); a complaint sent to the operator is answered as an information request — the portal's reading.",
  },
};

/** RU-152 art. 21: the destruction deadline depends on why the data is destroyed. */
export const RU_DELETION_RIGHT: Readonly<Record<DeletionGround, RuSubjectRight>> = {
  "purpose-achieved": "destroy-purpose-achieved",
  "period-expired": "destroy-purpose-achieved",
  "consent-withdrawn": "destroy-consent-withdrawn",
  unlawful: "destroy-unlawful",
};

/** The law's right (a key of SUBJECT_REQUEST_DEADLINES[law]) for a request. */
export function lawRightOf(law: SubjectRequestLaw, right: SubjectRight, deletionGround: DeletionGround | null): KzSubjectRight | RuSubjectRight {
  if (law === "RU" && right === "deletion" && deletionGround) return RU_DELETION_RIGHT[deletionGround];
  return RIGHT_TO_LAW[right][law];
}

/** Rights whose closing may be blocked by a retention law (policy 5.2, the consent-withdrawal and deletion rows: a reasoned decision). */
export const RETENTION_SENSITIVE_RIGHTS: readonly SubjectRight[] = ["deletion", "consent-withdrawal"];

/**
 * Purposes without which the service cannot be given (policy 4.3: "refusing essential processing,
 * e.g. anti-fraud, means the service cannot be given and the contract ends"). The policy names
 * anti-fraud (C9); the others are the portal's reading of section 3.4 — registration,
 * identification, top-up, payment confirmation, wallet notifications and the profile — for the
 * DPO to confirm.
 */
export const ESSENTIAL_PURPOSES: { codes: readonly string[]; source: string; confidence: Confidence } = {
  codes: ["C1", "C2", "C3", "C4", "C5", "C9", "C10"],
  source: "policy 4.3 (C9 named; the rest the portal's reading of 3.4)",
  confidence: "L",
};

export function isEssentialPurpose(code: string): boolean {
  return ESSENTIAL_PURPOSES.codes.includes(code);
}
