/**
 * Domain facts the register's logic depends on, each with its source. Legal facts live here
 * (or in lib/rules/legal-facts.ts), never as literals inside logic.
 */

/** The controller's own country: a recipient elsewhere is a cross-border recipient (KZ-PDL art. 1, 16). */
export const CONTROLLER_COUNTRY = "KZ";

/** The eleven processing actions, in the policy's order (policy section 7, closed list). */
export const PROCESSING_ACTION_KEYS = [
  "collection",
  "recording",
  "storage",
  "clarification",
  "use",
  "transfer",
  "systematisation",
  "accumulation",
  "extraction",
  "blocking",
  "destruction",
] as const;
export type ProcessingActionKey = (typeof PROCESSING_ACTION_KEYS)[number];

/** Grounds for a cross-border transfer out of Kazakhstan (KZ-PDL art. 16 p. 2-3; RULES B1). */
export const CROSS_BORDER_GROUNDS = [
  "adequate-protection",
  "consent",
  "treaty",
  "statutory-ground",
  "subject-rights-protection",
] as const;
export type CrossBorderGround = (typeof CROSS_BORDER_GROUNDS)[number];

/** Elements a processor's written instruction must contain (RU-152 art. 6 p. 3; RULES B7). */
export const INSTRUCTION_ELEMENTS = [
  "instructionActions",
  "instructionPurposes",
  "instructionConfidentiality",
  "instructionSecurity",
  "instructionIncidentReporting",
] as const;

/** Kazakhstan's business identification number has 12 digits (Law on national registers, art. 3). */
export const KZ_BIN_PATTERN = /^\d{12}$/;

/** Register enums, shared by the schema (db/schema), validation and forms. */
export const RECIPIENT_ROLES = ["operator", "processor"] as const;
export const RECIPIENT_STATUSES = ["active", "suspended", "archived"] as const;
export const TRANSFER_BASES = ["contract", "law", "consent"] as const;
/** The policy's collection channels (section 3): the Resource, self-service terminals, POS terminals. */
export const COLLECTION_CHANNELS = ["resource", "self-service-terminals", "pos-terminals"] as const;
/** The events a retention period is counted from (policy section 4). */
export const RETENTION_EVENTS = ["contract-end", "transaction", "collection", "purpose-achieved"] as const;
/** Kinds of calendar rows: holiday / carry-over / transfer are days off; working-day is a worked weekend day. */
export const CALENDAR_DAY_KINDS = ["holiday", "carry-over", "transfer", "working-day"] as const;
