/**
 * Plain inputs of the domain rules. No DB rows, no Next: callers map their data into these
 * shapes, so the same rules run when an engineer files a request, when the DPO decides,
 * and when a transfer event arrives in the log.
 */
import type { CrossBorderGround, TransferRuleId } from "./legal-facts";
import type { WorkingCalendar } from "./working-days";

/** A calendar date, "YYYY-MM-DD". Dates are days, never instants: no time zones here. */
export type IsoDate = string;

export type RecipientStatus = "active" | "suspended" | "archived";
export type RecipientRole = "operator" | "processor";
export type RecipientBasis = "contract" | "law" | "consent";

export interface ContractFacts {
  number: string;
  /** Date of signature: the contract is in force from this day. */
  date: IsoDate;
  /** Last day the contract is in force; null = open-ended. */
  expiresOn: IsoDate | null;
}

/** Which duties the processor's instruction states (RU-152 art. 6 p. 3). */
export interface InstructionFacts {
  actions: boolean;
  purposes: boolean;
  confidentiality: boolean;
  security: boolean;
  incidentReporting: boolean;
}

export interface RknNotificationFacts {
  number: string;
  /** Date the notification was filed with Roskomnadzor. */
  date: IsoDate;
}

/** One version of a recipient's register entry. */
export interface RecipientFacts {
  id: string;
  /** Legal name in English, used in the English `reason` and as the names' last fallback. */
  name: string;
  /** The register's Russian and Kazakh names, when it has them: carried into reason messages. */
  nameRu?: string | null;
  nameKk?: string | null;
  version: number;
  status: RecipientStatus;
  role: RecipientRole;
  /** ISO 3166-1 alpha-2 code of the recipient's country. */
  countryCode: string;
  crossBorder: boolean;
  basis: RecipientBasis;
  /** null = no contract recorded. */
  contract: ContractFacts | null;
  instruction: InstructionFacts;
  /** Processing-action keys (registry-seed.json `processingActions[].key`). */
  permittedActions: string[];
  /** Purpose codes (C1…C12, V1) this recipient may receive data for. */
  linkedPurposeCodes: string[];
  /** The cross-border ground recorded in the register, used when a proposal names none. */
  transferGround: CrossBorderGround | null;
  rknNotification: RknNotificationFacts | null;
}

export type PurposeStatus = "active" | "archived";

export interface PurposeFacts {
  code: string;
  /** "group: item" strings, as in registry-seed.json. */
  dataItems: string[];
  /** Statistical, sociological, scientific or marketing research (KZ-PDL art. 17 p. 1). */
  isResearch: boolean;
  status: PurposeStatus;
}

export interface CountryFacts {
  code: string;
  /** The DPO's reading for KZ-PDL art. 16 (Kazakhstan has no official adequacy list). */
  kzAdequate: boolean;
  /** On Roskomnadzor's list of adequate countries (order No. 128 of 5 Aug 2022). */
  rknAdequate: boolean;
}

export type SubjectPopulation = "kz-subjects" | "ru-citizens" | "minors";

/**
 * A transfer as requested by an engineer, or as reported by a transfer event (then use
 * mode "one-off" and a period of the event's date).
 */
export interface TransferProposal {
  recipientId: string;
  purposeCodes: string[];
  dataItems: string[];
  actions: string[];
  populations: SubjectPopulation[];
  mode: "one-off" | "recurring";
  /** Inclusive on both ends. */
  period: { start: IsoDate; end: IsoDate };
  /** The KZ-PDL art. 16 ground the request names; null = none named. */
  crossBorderGround: CrossBorderGround | null;
  depersonalised: boolean;
  /** Country the data is transferred from. Default "KZ". */
  originCountry?: string;
  /** Whether the primary copy stays in a database in Kazakhstan. Default true. */
  primaryCopyInKazakhstan?: boolean;
}

export interface RuleContext {
  /** The day the rules are evaluated on (filing, decision, or event date). */
  today: IsoDate;
  /** The recipient version the transfer is made under. */
  recipient: RecipientFacts;
  /** The register's purposes (at least those the proposal names). */
  purposes: PurposeFacts[];
  /** Country facts keyed by code. */
  countries: Record<string, CountryFacts>;
  proposal: TransferProposal;
  /** Working-day calendars keyed by country code; defaults to the seed calendars. */
  holidays?: Partial<Record<string, WorkingCalendar>>;
}

/**
 * A value a reason message names. Lists are codes or register keys (purpose codes, data-item
 * keys, action keys, duty keys), rendered with the reader's list format and register names;
 * ISO days are formatted for the reader's locale (lib/i18n/rule-reasons.ts).
 */
export type RuleMessageParam = string | number | string[];

/**
 * A reason as a message key (under "ruleReasons" in lib/i18n/messages) and its ICU params, so
 * each reader sees it in their language. Language-neutral: facts as codes, keys and ISO days.
 */
export interface RuleMessage {
  key: string;
  params: Record<string, RuleMessageParam>;
}

/**
 * One rule's verdict.
 * - ok: the legal condition holds.
 * - severity: "block" (refused; only when !ok), "warn" (a person must look: a failed
 *   warning rule, or a passed rule with a heads-up), "info" (nothing to do).
 */
export interface RuleResult {
  ruleId: TransferRuleId;
  ok: boolean;
  severity: "block" | "warn" | "info";
  /**
   * Plain English sentence naming the concrete facts: kept for the API and for stored
   * evaluations; screens render `message` in the reader's language instead.
   */
  reason: string;
  /** The reason as a translatable message. Absent in results stored before it existed. */
  message?: RuleMessage;
  source: string;
}

export type TransferRule = (ctx: RuleContext) => RuleResult;

export interface TransferEvaluation {
  results: RuleResult[];
  blocked: boolean;
  /** Results with severity "warn" (B5's must be acknowledged by the DPO). */
  warnings: RuleResult[];
}
