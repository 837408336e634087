/**
 * Legal facts: the ONE module where deadlines, lists and dates taken from the law live.
 *
 * Every fact carries the rule id from shared/domain/RULES.md, its source and a confidence
 * mark (H = read in the law's text, M = reliable secondary source, L = weak). Laws change:
 * change a fact here (or, for country lists and holidays, in the portal's data), never in
 * the logic that uses it. This is not legal advice; the UI should show `source` and flag
 * anything that is not "H".
 */

export type Confidence = "H" | "M" | "L";

/** A number of days and how they are counted. */
export interface DayCount {
  days: number;
  unit: "working" | "calendar";
}

interface Sourced {
  ruleId: string;
  source: string;
  confidence: Confidence;
  /** Set where RULES.md qualifies the mark (e.g. "M-H", "H (2021 text)"). */
  confidenceNote?: string;
}

// ---------------------------------------------------------------------------
// Rule catalogue (transfer gating)
// ---------------------------------------------------------------------------

export const TRANSFER_RULE_IDS = [
  "REG-ACTIVE",
  "B6-CONTRACT",
  "B6-PURPOSE",
  "B6-DATA",
  "B6-ACTIONS",
  "B7",
  "B1",
  "B3",
  "B4",
  "B5",
  "B2",
  "B8",
] as const;
export type TransferRuleId = (typeof TRANSFER_RULE_IDS)[number];

export interface RuleCatalogueEntry {
  title: string;
  source: string;
  confidence: Confidence;
  confidenceNote?: string;
  /** What a failure of this rule does to a transfer. */
  severity: "block" | "warn";
  /** A warning the DPO must explicitly acknowledge before approving. */
  requiresAcknowledgement?: boolean;
}

export const RULES: Readonly<Record<TransferRuleId, RuleCatalogueEntry>> = {
  "REG-ACTIVE": {
    title: "The recipient is active in the register",
    source: "RU-152 art. 6 p. 3; KZ-PDL art. 10",
    confidence: "M",
    severity: "block",
  },
  "B6-CONTRACT": {
    title: "A processor's contract (instruction) is in force for the whole transfer period",
    source: "RU-152 art. 6 p. 3; KZ-PDL art. 10",
    confidence: "M",
    confidenceNote: "RULES.md: M-H",
    severity: "block",
  },
  "B6-PURPOSE": {
    title: "Every purpose of the transfer is linked to the recipient in the register",
    source: "RU-152 art. 6 p. 3; KZ-PDL art. 10",
    confidence: "M",
    confidenceNote: "RULES.md: M-H",
    severity: "block",
  },
  "B6-DATA": {
    title: "Every data item is within the data lists of the transfer's purposes",
    source: "RU-152 art. 6 p. 3; KZ-PDL art. 10",
    confidence: "M",
    confidenceNote: "RULES.md: M-H",
    severity: "block",
  },
  "B6-ACTIONS": {
    title: "Every processing action is within the recipient's permitted actions",
    source: "RU-152 art. 6 p. 3; KZ-PDL art. 10",
    confidence: "M",
    confidenceNote: "RULES.md: M-H",
    severity: "block",
  },
  B7: {
    title:
      "A processor's instruction states actions, purposes, confidentiality, security and incident-reporting duties",
    source: "RU-152 art. 6 p. 3",
    confidence: "M",
    confidenceNote: "RULES.md: M-H",
    severity: "warn",
  },
  B1: {
    title: "A cross-border transfer from Kazakhstan names a lawful ground",
    source: "KZ-PDL art. 16 p. 2-3",
    confidence: "H",
    severity: "block",
  },
  B3: {
    title: "The primary copy of Kazakhstan's subjects' data stays in a database in Kazakhstan",
    source: "KZ-PDL art. 12 p. 2",
    confidence: "H",
    severity: "block",
  },
  B4: {
    title: "A transfer out of Russia is notified to Roskomnadzor (and waits 10 working days to a non-adequate country)",
    source: "RU-152 art. 12 p. 3; RKN news of 10 Feb 2023",
    confidence: "H",
    severity: "block",
  },
  B5: {
    title: "Transfers touching Russian citizens' data are flagged for the DPO (localisation at collection)",
    source: "RU-152 art. 18 p. 5",
    confidence: "M",
    severity: "warn",
    requiresAcknowledgement: true,
  },
  B2: {
    title: "Data for statistical, sociological, scientific or marketing research is depersonalised",
    source: "KZ-PDL art. 17 p. 1",
    confidence: "H",
    severity: "block",
  },
  B8: {
    title: "Minors' data is not processed",
    source: "the policy, 5.4",
    confidence: "H",
    severity: "block",
  },
};

// ---------------------------------------------------------------------------
// B1: grounds for cross-border transfer from Kazakhstan
// ---------------------------------------------------------------------------

export const CROSS_BORDER_GROUNDS = [
  "adequate-protection",
  "consent",
  "treaty",
  "statutory-ground",
  "subject-rights-protection",
] as const;
export type CrossBorderGround = (typeof CROSS_BORDER_GROUNDS)[number];

/** KZ-PDL art. 16 p. 2-3 (H). */
export const CROSS_BORDER_GROUND_LABELS: Readonly<Record<CrossBorderGround, string>> = {
  "adequate-protection": "The destination country ensures protection of personal data",
  consent: "The data subjects' consent to cross-border transfer",
  treaty: "An international treaty ratified by Kazakhstan",
  "statutory-ground": "A statutory ground (constitutional order, public order, defence, security)",
  "subject-rights-protection":
    "Protection of the subject's rights and freedoms where consent cannot be obtained",
};

export const CROSS_BORDER_GROUNDS_FACT: Sourced = {
  ruleId: "B1",
  source: "KZ-PDL art. 16 p. 2-3",
  confidence: "H",
};

export function isCrossBorderGround(value: unknown): value is CrossBorderGround {
  return typeof value === "string" && (CROSS_BORDER_GROUNDS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------
// B2: direct identifiers and research purposes
// ---------------------------------------------------------------------------

/**
 * Data items (the register's "group: item" strings, as in registry-seed.json) that name a
 * person directly. RULES.md B2 lists "name, phone, IIN, wallet number, document data" as
 * examples; email is added because an address identifies a person as directly as a phone.
 * Quasi-identifiers (date of birth, gender, citizenship, IP address, cookies) are not here:
 * combined they may still identify, which is why B2 also warns on research data that is
 * not declared depersonalised.
 */
export const DIRECT_IDENTIFIER_ITEMS: readonly string[] = [
  "contact: full name",
  "contact: phone",
  "contact: email",
  "identifiers: login (phone number)",
  "identifiers: wallet number",
  "identifiers: identity-document details",
  "document-details: IIN",
  "document-details: passport number",
  "document-details: passport series",
  "document-copies: scanned passport",
  "document-copies: identity-document copy",
  "document-copies: phone-ownership document (details, telecom operator)",
];

export const DIRECT_IDENTIFIERS_FACT: Sourced = {
  ruleId: "B2",
  source: "KZ-PDL art. 17 p. 1",
  confidence: "H",
  confidenceNote: "the rule is H; which items count as direct identifiers is the portal's reading",
};

const directIdentifierSet = new Set(DIRECT_IDENTIFIER_ITEMS.map(normaliseItem));

function normaliseItem(item: string): string {
  return item.trim().replace(/\s+/g, " ").toLowerCase();
}

export function isDirectIdentifier(item: string): boolean {
  return directIdentifierSet.has(normaliseItem(item));
}

/**
 * KZ-PDL art. 17 p. 1 names statistical, sociological, scientific and marketing research.
 * Purposes carry an explicit `isResearch` flag set by the DPO; these markers only suggest
 * the flag when a purpose is entered (they classify the seed's C8 "Marketing research" and
 * QIWI JSC's "Prepare analytical research and reports" as research).
 */
export const RESEARCH_MARKERS: readonly string[] = [
  "research",
  "statistic",
  "sociolog",
  "scientific",
  // Russian and Kazakh forms, for purposes entered in those languages.
  "исследован",
  "статистич",
  "социолог",
  "зерттеу",
];

export function classifyResearchPurpose(purposeText: string): {
  isResearch: boolean;
  marker: string | null;
} {
  const text = purposeText.toLowerCase();
  const marker = RESEARCH_MARKERS.find((m) => text.includes(m)) ?? null;
  return { isResearch: marker !== null, marker };
}

// ---------------------------------------------------------------------------
// B4: Roskomnadzor notification
// ---------------------------------------------------------------------------

/**
 * After notifying RKN of a cross-border transfer to a country not on RKN's adequacy list,
 * the operator may not transfer until 10 working days (Russian calendar) have passed.
 */
export const RKN_NOTIFICATION_WAIT: Sourced & DayCount = {
  ruleId: "B4",
  source: "RU-152 art. 12 p. 3; RKN news of 10 Feb 2023",
  confidence: "H",
  days: 10,
  unit: "working",
};

// ---------------------------------------------------------------------------
// B5: Russian localisation at collection
// ---------------------------------------------------------------------------

/** Date from which RU-152 art. 18 p. 5 forbids recording/storing first in a database abroad. */
export const RU_LOCALISATION_FROM: Sourced & { date: string } = {
  ruleId: "B5",
  source: "RU-152 art. 18 p. 5 (as amended, in force 1 Jul 2025)",
  confidence: "M",
  date: "2025-07-01",
};

// ---------------------------------------------------------------------------
// B6: contracts
// ---------------------------------------------------------------------------

/**
 * How many days before a contract's expiry the portal starts warning. A portal convention
 * (B6 only says an expired contract blocks), not a legal period.
 */
export const CONTRACT_EXPIRY_WARNING: Sourced & DayCount = {
  ruleId: "B6-CONTRACT",
  source: "portal convention supporting RU-152 art. 6 p. 3 / KZ-PDL art. 10 (not a legal period)",
  confidence: "M",
  days: 30,
  unit: "calendar",
};

// ---------------------------------------------------------------------------
// C1-C3: data-subject request deadlines
// ---------------------------------------------------------------------------

export type SubjectRequestLaw = "KZ" | "RU";

export const KZ_SUBJECT_RIGHTS = ["information", "change", "block", "unblock", "destroy"] as const;
export type KzSubjectRight = (typeof KZ_SUBJECT_RIGHTS)[number];

export const RU_SUBJECT_RIGHTS = [
  "access",
  "correct",
  "block",
  "stop-unlawful-processing",
  "destroy-unlawful",
  "destroy-purpose-achieved",
  "destroy-consent-withdrawn",
] as const;
export type RuSubjectRight = (typeof RU_SUBJECT_RIGHTS)[number];

export interface SubjectRequestDeadlineFact extends Sourced, DayCount {
  title: string;
  /** One extension allowed, with a reasoned notice to the subject (RU access only). */
  extension?: DayCount;
}

const C1: Sourced = {
  ruleId: "C1",
  source: "KZ-PDL art. 25 p. 2",
  confidence: "H",
  confidenceNote: "RULES.md: H (2021 text)",
};

export const SUBJECT_REQUEST_DEADLINES: {
  readonly KZ: Readonly<Record<KzSubjectRight, SubjectRequestDeadlineFact>>;
  readonly RU: Readonly<Record<RuSubjectRight, SubjectRequestDeadlineFact>>;
} = {
  KZ: {
    information: { ...C1, title: "Information or a reasoned refusal", days: 3, unit: "working" },
    change: { ...C1, title: "Change the data", days: 1, unit: "working" },
    block: { ...C1, title: "Block the data", days: 1, unit: "working" },
    unblock: { ...C1, title: "Unblock the data", days: 1, unit: "working" },
    destroy: { ...C1, title: "Destroy the data", days: 1, unit: "working" },
  },
  RU: {
    access: {
      ruleId: "C2",
      source: "RU-152 art. 20",
      confidence: "M",
      confidenceNote: "RULES.md: M-H",
      title: "Answer an access request",
      days: 10,
      unit: "working",
      extension: { days: 5, unit: "working" },
    },
    correct: {
      ruleId: "C3",
      source: "RU-152 art. 21",
      confidence: "H",
      title: "Correct inaccurate data",
      days: 7,
      unit: "working",
    },
    // "с момента такого обращения": the block is due on the day the request arrives, not in 3 working days.
    block: {
      ruleId: "C3",
      source: "RU-152 art. 21 p. 1",
      confidence: "H",
      title: "Block the data from the moment of the request",
      days: 0,
      unit: "calendar",
    },
    "stop-unlawful-processing": {
      ruleId: "C3",
      source: "RU-152 art. 21",
      confidence: "H",
      title: "Stop unlawful processing",
      days: 3,
      unit: "working",
    },
    "destroy-unlawful": {
      ruleId: "C3",
      source: "RU-152 art. 21",
      confidence: "H",
      title: "Destroy data whose processing cannot be made lawful",
      days: 10,
      unit: "working",
    },
    "destroy-purpose-achieved": {
      ruleId: "C3",
      source: "RU-152 art. 21",
      confidence: "H",
      title: "Destroy data once the purpose is achieved",
      days: 30,
      unit: "calendar",
    },
    "destroy-consent-withdrawn": {
      ruleId: "C3",
      source: "RU-152 art. 21",
      confidence: "H",
      title: "Destroy data after consent is withdrawn",
      days: 30,
      unit: "calendar",
    },
  },
};

// ---------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------

/** The controller (QIWI Kazakhstan LLP) collects in Kazakhstan; a proposal may say otherwise. */
export const DEFAULT_ORIGIN_COUNTRY = "KZ";
