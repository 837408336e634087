/**
 * Transfer-gating rules (RULES.md section B) as pure functions of a RuleContext.
 *
 * The same functions run when an engineer files a request, when the DPO decides, and when
 * a transfer event arrives in the log. Each returns { ruleId, ok, severity, reason, message, source }:
 * `reason` is the English sentence the API and stored evaluations have always carried, `message`
 * the same verdict as a key under "ruleReasons" with language-neutral params (codes, register
 * keys, ISO days) that screens render in the reader's language (lib/i18n/rule-reasons.ts).
 * Legal facts (periods, lists, dates) come from ./legal-facts, never from literals here.
 */
import {
  CONSENT_EVIDENCE_FACT,
  CONTRACT_EXPIRY_WARNING,
  CROSS_BORDER_GROUND_LABELS,
  DEFAULT_ORIGIN_COUNTRY,
  RKN_NOTIFICATION_WAIT,
  RULES,
  RU_LOCALISATION_FROM,
  TRANSFER_RULE_IDS,
  isDirectIdentifier,
  type TransferRuleId,
} from "./legal-facts";
import { SEED_CALENDARS } from "./holidays-seed";
import type {
  InstructionFacts,
  PurposeFacts,
  RecipientFacts,
  RuleContext,
  RuleMessage,
  RuleResult,
  TransferEvaluation,
  TransferRule,
} from "./types";
import { addCalendarDays, addWorkingDays, assertIsoDate } from "./working-days";

const KZ = "KZ";
const RU = "RU";

/** A reason's message: the key under "ruleReasons.<ruleId>" and its params beyond the recipient. */
type Said = [messageCase: string, params?: RuleMessage["params"]];

function message(ruleId: TransferRuleId, r: RecipientFacts, [messageCase, params = {}]: Said): RuleMessage {
  // Every reason names the recipient: its names in every language the register has.
  const names: RuleMessage["params"] = { recipient: r.name };
  if (r.nameRu) names.recipientRu = r.nameRu;
  if (r.nameKk) names.recipientKk = r.nameKk;
  return { key: `ruleReasons.${ruleId}.${messageCase}`, params: { ...names, ...params } };
}

function pass(ruleId: TransferRuleId, r: RecipientFacts, reason: string, said: Said, severity: "info" | "warn" = "info"): RuleResult {
  return { ruleId, ok: true, severity, reason, message: message(ruleId, r, said), source: RULES[ruleId].source };
}

function fail(ruleId: TransferRuleId, r: RecipientFacts, reason: string, said: Said, severity = RULES[ruleId].severity): RuleResult {
  return { ruleId, ok: false, severity, reason, message: message(ruleId, r, said), source: RULES[ruleId].source };
}

function list(items: readonly string[]): string {
  return items.join("; ");
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function originOf(ctx: RuleContext): string {
  return ctx.proposal.originCountry ?? DEFAULT_ORIGIN_COUNTRY;
}

function proposalPurposes(ctx: RuleContext): PurposeFacts[] {
  const byCode = new Map(ctx.purposes.map((p) => [p.code, p]));
  return ctx.proposal.purposeCodes.flatMap((code) => byCode.get(code) ?? []);
}

const normalise = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

// ---------------------------------------------------------------------------
// Register rules
// ---------------------------------------------------------------------------

/** RU-152 art. 6 p. 3; KZ-PDL art. 10: only a current register entry authorises transfers. */
export const checkRecipientActive: TransferRule = ({ recipient: r }) =>
  r.status === "active"
    ? pass("REG-ACTIVE", r, `${r.name} is active in the register (version ${r.version}).`, ["active", { version: r.version }])
    : fail("REG-ACTIVE", r, `${r.name} is ${r.status} in the register (version ${r.version}); it may not receive new transfers.`, ["inactive", { status: r.status, version: r.version }]);

export type ContractStatus = "not-required" | "missing" | "not-yet-in-force" | "expired" | "expiring" | "in-force";

/** Contract state on a day, for the register's list and for B6-CONTRACT. */
export function contractStatus(recipient: RecipientFacts, today: string): ContractStatus {
  if (!contractRequired(recipient)) return "not-required";
  const c = recipient.contract;
  if (!c) return "missing";
  if (c.expiresOn !== null && c.expiresOn < today) return "expired";
  if (c.date > today) return "not-yet-in-force";
  if (c.expiresOn !== null && c.expiresOn <= addCalendarDays(today, CONTRACT_EXPIRY_WARNING.days)) return "expiring";
  return "in-force";
}

// A processor acts only on a written instruction; a contract basis means the contract is the basis.
function contractRequired(r: RecipientFacts): boolean {
  return r.role === "processor" || r.basis === "contract";
}

/** RU-152 art. 6 p. 3; KZ-PDL art. 10: the contract must be in force over the whole period. */
export const checkContractInForce: TransferRule = ({ recipient: r, proposal: p, today }) => {
  const id = "B6-CONTRACT";
  if (!contractRequired(r)) {
    return pass(id, r, `${r.name} is an ${r.role} receiving under ${r.basis}; no contract is required.`, ["notRequired", { basis: r.basis }]);
  }
  const c = r.contract;
  if (!c) {
    // The seed records no contracts: say what the DPO must do, not only what is wrong.
    const who = r.role === "processor" ? "a processor (it acts only on a written instruction)" : `an ${r.role} receiving under a contract`;
    return fail(
      id,
      r,
      `${r.name}: no contract is recorded, but ${who} needs one in force. Record the contract's number, date and expiry on the recipient in the register.`,
      [r.role === "processor" ? "missingProcessor" : "missingOperator"],
    );
  }
  const label = `contract ${c.number ? `No. ${c.number}` : "(no number)"} of ${c.date}`;
  const contract = { number: c.number, date: c.date };
  const period = { start: p.period.start, end: p.period.end };
  if (c.expiresOn !== null && c.expiresOn < today) {
    return fail(id, r, `${r.name}: ${label} expired on ${c.expiresOn}; new transfers are blocked until it is renewed.`, ["expired", { ...contract, expiresOn: c.expiresOn }]);
  }
  if (c.date > p.period.start) {
    return fail(id, r, `${r.name}: ${label} is not yet in force on the period start ${p.period.start}.`, ["notYetInForce", { ...contract, start: p.period.start }]);
  }
  if (c.expiresOn !== null && c.expiresOn < p.period.end) {
    return fail(
      id,
      r,
      `${r.name}: ${label} expires on ${c.expiresOn}, inside the transfer period ${p.period.start} to ${p.period.end}.`,
      ["expiresInPeriod", { ...contract, expiresOn: c.expiresOn, ...period }],
    );
  }
  if (c.expiresOn !== null && contractStatus(r, today) === "expiring") {
    return pass(
      id,
      r,
      `${r.name}: ${label} covers the period but expires on ${c.expiresOn}, within ${CONTRACT_EXPIRY_WARNING.days} days; renew it.`,
      ["expiring", { ...contract, expiresOn: c.expiresOn, days: CONTRACT_EXPIRY_WARNING.days }],
      "warn",
    );
  }
  if (c.expiresOn === null) {
    return pass(id, r, `${r.name}: ${label} is open-ended, covering the period ${p.period.start} to ${p.period.end}.`, ["openEnded", { ...contract, ...period }]);
  }
  return pass(id, r, `${r.name}: ${label} runs until ${c.expiresOn}, covering the period ${p.period.start} to ${p.period.end}.`, ["inForce", { ...contract, expiresOn: c.expiresOn, ...period }]);
};

/** RU-152 art. 6 p. 3; KZ-PDL art. 10: only the purposes the register links to the recipient. */
export const checkPurposesLinked: TransferRule = (ctx) => {
  const { recipient: r, proposal: p } = ctx;
  const id = "B6-PURPOSE";
  if (p.purposeCodes.length === 0) return fail(id, r, `${r.name}: the transfer names no purpose.`, ["none"]);
  const known = new Map(ctx.purposes.map((x) => [x.code, x]));
  const unknown = p.purposeCodes.filter((c) => !known.has(c));
  if (unknown.length) return fail(id, r, `${r.name}: purpose ${list(unknown)} is not in the register.`, ["unknown", { purposes: unknown, count: unknown.length }]);
  const archived = p.purposeCodes.filter((c) => known.get(c)?.status !== "active");
  if (archived.length) return fail(id, r, `${r.name}: purpose ${list(archived)} is archived.`, ["archived", { purposes: archived, count: archived.length }]);
  const unlinked = p.purposeCodes.filter((c) => !r.linkedPurposeCodes.includes(c));
  if (unlinked.length) {
    const linked = r.linkedPurposeCodes.length ? r.linkedPurposeCodes.join(", ") : "none";
    return fail(
      id,
      r,
      `${r.name}: purpose ${list(unlinked)} is not linked to this recipient (linked: ${linked}).`,
      r.linkedPurposeCodes.length
        ? ["unlinked", { purposes: unlinked, count: unlinked.length, linked: r.linkedPurposeCodes }]
        : ["unlinkedNoneLinked", { purposes: unlinked, count: unlinked.length }],
    );
  }
  return pass(id, r, `${r.name}: purpose ${p.purposeCodes.join(", ")} is linked to this recipient.`, ["linked", { purposes: p.purposeCodes, count: p.purposeCodes.length }]);
};

/** RU-152 art. 6 p. 3; KZ-PDL art. 10: only the data categories the purposes list. */
export const checkDataWithinPurposes: TransferRule = (ctx) => {
  const { recipient: r, proposal: p } = ctx;
  const id = "B6-DATA";
  if (p.dataItems.length === 0) return fail(id, r, `${r.name}: the transfer names no data items.`, ["none"]);
  const purposes = proposalPurposes(ctx);
  const allowed = new Set(purposes.flatMap((x) => x.dataItems).map(normalise));
  const outside = p.dataItems.filter((item) => !allowed.has(normalise(item)));
  const codes = purposes.map((x) => x.code).join(", ") || "(none known)";
  const purposeCodes = purposes.map((x) => x.code);
  if (outside.length) {
    return fail(
      id,
      r,
      `${r.name}: data items outside the lists of purpose ${codes}: ${list(outside)}.`,
      purposeCodes.length ? ["outside", { purposes: purposeCodes, items: outside }] : ["outsideNoPurpose", { items: outside }],
    );
  }
  return pass(id, r, `${r.name}: all ${p.dataItems.length} data item(s) are within the lists of purpose ${codes}.`, ["within", { count: p.dataItems.length, purposes: purposeCodes }]);
};

/** RU-152 art. 6 p. 3; KZ-PDL art. 10: only the actions the register permits. */
export const checkActionsPermitted: TransferRule = ({ recipient: r, proposal: p }) => {
  const id = "B6-ACTIONS";
  if (p.actions.length === 0) return fail(id, r, `${r.name}: the transfer names no processing action.`, ["none"]);
  const permitted = new Set(r.permittedActions);
  const outside = p.actions.filter((a) => !permitted.has(a));
  if (outside.length) return fail(id, r, `${r.name}: actions not permitted for this recipient: ${list(outside)}.`, ["outside", { actions: outside }]);
  return pass(id, r, `${r.name}: actions ${p.actions.join(", ")} are permitted.`, ["permitted", { actions: p.actions }]);
};

const INSTRUCTION_DUTIES: Record<keyof InstructionFacts, string> = {
  actions: "the processing actions",
  purposes: "the purposes",
  confidentiality: "the confidentiality duty",
  security: "the security duties",
  incidentReporting: "the duty to report incidents",
};

/** RU-152 art. 6 p. 3: what a processor's instruction must state. A warning: the DPO decides. */
export const checkProcessorInstruction: TransferRule = ({ recipient: r }) => {
  const id = "B7";
  if (r.role !== "processor") return pass(id, r, `${r.name} is an ${r.role}, not a processor; no instruction is required.`, ["notProcessor"]);
  const missing = (Object.keys(INSTRUCTION_DUTIES) as (keyof InstructionFacts)[]).filter((k) => !r.instruction[k]);
  if (missing.length) {
    return fail(id, r, `${r.name}: the processor's instruction does not state ${list(missing.map((k) => INSTRUCTION_DUTIES[k]))}.`, ["missing", { duties: missing }]);
  }
  return pass(id, r, `${r.name}: the processor's instruction states all required duties.`, ["complete"]);
};

// ---------------------------------------------------------------------------
// Cross-border rules
// ---------------------------------------------------------------------------

/**
 * KZ-PDL art. 16 p. 2-3: a transfer from Kazakhstan abroad needs one of five grounds.
 * The request's ground wins; without one, the ground recorded for the recipient applies.
 */
export const checkCrossBorderGround: TransferRule = (ctx) => {
  const { recipient: r, proposal: p } = ctx;
  const id = "B1";
  const origin = originOf(ctx);
  if (origin !== KZ) return pass(id, r, `${r.name}: the data originates in ${origin}, not Kazakhstan; KZ-PDL art. 16 does not apply.`, ["foreignOrigin", { origin }]);
  if (!r.crossBorder && r.countryCode === KZ) return pass(id, r, `${r.name} is in Kazakhstan; not a cross-border transfer.`, ["domestic"]);
  const dest = r.countryCode;
  const ground = p.crossBorderGround ?? r.transferGround;
  const from = p.crossBorderGround ? "the request's" : "the register's";
  if (!ground) {
    return fail(
      id,
      r,
      `${r.name}: cross-border transfer to ${dest} names no ground under KZ-PDL art. 16 (adequate protection, consent, treaty, statutory ground, or protection of the subject's rights).`,
      ["noGround", { dest }],
    );
  }
  if (ground === "adequate-protection") {
    const country = ctx.countries[dest];
    if (!country) return fail(id, r, `${r.name}: ground "adequate protection", but no facts are recorded for ${dest}.`, ["noCountryFacts", { dest }]);
    if (!country.kzAdequate) {
      return fail(id, r, `${r.name}: ground "adequate protection", but ${dest} is not recorded as ensuring adequate protection of personal data.`, ["notAdequate", { dest }]);
    }
  }
  if (ground === "consent") {
    // The ground holds only if the consent can be shown, and the portal keeps no consent records yet.
    return pass(
      id,
      r,
      `${r.name}: cross-border transfer to ${dest} on ${from} ground: ${CROSS_BORDER_GROUND_LABELS[ground]}. The portal holds no consent records: check the evidence of the subjects' separate consent to cross-border transfer before approving (${CONSENT_EVIDENCE_FACT.source}).`,
      ["consentNoEvidence", { dest, ground }],
      "warn",
    );
  }
  return pass(
    id,
    r,
    `${r.name}: cross-border transfer to ${dest} on ${from} ground: ${CROSS_BORDER_GROUND_LABELS[ground]}.`,
    [p.crossBorderGround ? "requestGround" : "registerGround", { dest, ground }],
  );
};

/** KZ-PDL art. 12 p. 2: Kazakhstan subjects' primary copy stays in a database in Kazakhstan. */
export const checkPrimaryCopyInKazakhstan: TransferRule = ({ recipient: r, proposal: p }) => {
  const id = "B3";
  if (!p.populations.includes("kz-subjects")) return pass(id, r, `${r.name}: the transfer covers no Kazakhstan subjects.`, ["noKzSubjects"]);
  if (p.primaryCopyInKazakhstan === false) {
    return fail(id, r, `${r.name}: the primary copy of Kazakhstan subjects' data would not stay in a database in Kazakhstan.`, ["primaryCopyAbroad"]);
  }
  return pass(id, r, `${r.name}: the primary copy of Kazakhstan subjects' data stays in Kazakhstan; the recipient gets a copy.`, ["primaryCopyInKazakhstan"]);
};

/**
 * RU-152 art. 12 p. 3: a transfer out of Russia needs a prior RKN notification; to a country
 * not on RKN's list, no transfer until the 10 working days after filing have passed (Russian
 * calendar; the 10th working day is still inside the wait).
 */
export const checkRknNotification: TransferRule = (ctx) => {
  const { recipient: r, proposal: p, today } = ctx;
  const id = "B4";
  const origin = originOf(ctx);
  if (origin !== RU) return pass(id, r, `${r.name}: the data does not originate in Russia; no RKN notification is needed.`, ["notFromRussia"]);
  const dest = r.countryCode;
  if (dest === RU) return pass(id, r, `${r.name} is in Russia; the data does not leave Russia.`, ["inRussia"]);
  const n = r.rknNotification;
  if (!n) return fail(id, r, `${r.name}: transfer out of Russia to ${dest} without a Roskomnadzor notification on record.`, ["noNotification", { dest }]);
  const label = `RKN notification No. ${n.number} of ${n.date}`;
  const notification = { number: n.number, date: n.date, dest };
  if (ctx.countries[dest]?.rknAdequate === true) {
    return pass(id, r, `${r.name}: ${label} on record; ${dest} is on RKN's adequacy list, so there is no waiting period.`, ["adequate", notification]);
  }
  const calendar = ctx.holidays?.[RU] ?? SEED_CALENDARS.RU;
  const waitEnds = addWorkingDays(n.date, RKN_NOTIFICATION_WAIT.days, calendar);
  const earliest = addCalendarDays(waitEnds, 1);
  // The first day data could move: the later of today and the period's start.
  const firstTransfer = maxDate(today, p.period.start);
  if (firstTransfer < earliest) {
    return fail(
      id,
      r,
      `${r.name}: ${dest} is not on RKN's adequacy list; after ${label} transfers must wait ${RKN_NOTIFICATION_WAIT.days} working days, until ${earliest}.`,
      ["waiting", { ...notification, days: RKN_NOTIFICATION_WAIT.days, earliest }],
    );
  }
  return pass(
    id,
    r,
    `${r.name}: ${label}; the ${RKN_NOTIFICATION_WAIT.days}-working-day wait for ${dest} ended on ${waitEnds}.`,
    ["waitOver", { ...notification, days: RKN_NOTIFICATION_WAIT.days, waitEnds }],
  );
};

/**
 * RU-152 art. 18 p. 5: Russian citizens' data is recorded and stored first in Russia (from
 * 1 Jul 2025). It can collide with KZ-PDL art. 12 p. 2 (B3), so the DPO decides: a warning.
 */
export const checkRussianCitizensData: TransferRule = ({ recipient: r, proposal: p }) => {
  const id = "B5";
  if (!p.populations.includes("ru-citizens")) return pass(id, r, `${r.name}: the transfer covers no Russian citizens' data.`, ["noRuCitizens"]);
  const localisationFrom = RU_LOCALISATION_FROM.date;
  if (p.period.end < localisationFrom) {
    return pass(id, r, `${r.name}: the period ends before ${localisationFrom}, when the localisation rule took effect.`, ["beforeLocalisation", { localisationFrom }]);
  }
  return fail(
    id,
    r,
    `${r.name}: the transfer covers Russian citizens' data, which RU-152 art. 18 p. 5 requires to be recorded and stored first in Russia (from ${localisationFrom}); this can collide with keeping the primary copy in Kazakhstan. The DPO must decide and acknowledge.`,
    ["ruCitizens", { localisationFrom }],
  );
};

// ---------------------------------------------------------------------------
// Content rules
// ---------------------------------------------------------------------------

/**
 * KZ-PDL art. 17 p. 1: research data must be depersonalised first. Direct identifiers always
 * block: data declared depersonalised cannot carry them.
 */
export const checkResearchDepersonalised: TransferRule = (ctx) => {
  const { recipient: r, proposal: p } = ctx;
  const id = "B2";
  const research = proposalPurposes(ctx).filter((x) => x.isResearch);
  if (research.length === 0) return pass(id, r, `${r.name}: no research purpose; depersonalisation is not required.`, ["noResearch"]);
  const purposes = research.map((x) => x.code);
  const codes = purposes.join(", ");
  const identifiers = p.dataItems.filter(isDirectIdentifier);
  if (identifiers.length) {
    const note = p.depersonalised ? " (declared depersonalised, yet depersonalised data cannot carry direct identifiers)" : "";
    return fail(
      id,
      r,
      `${r.name}: research purpose ${codes} would receive direct identifiers: ${list(identifiers)}${note}.`,
      [p.depersonalised ? "identifiersDeclaredDepersonalised" : "directIdentifiers", { purposes, count: purposes.length, items: identifiers }],
    );
  }
  if (!p.depersonalised) {
    // No listed identifier, but nothing says the rest cannot identify: a person checks.
    return fail(
      id,
      r,
      `${r.name}: research purpose ${codes} lists no direct identifiers, but the data is not declared depersonalised; confirm it is before transfer.`,
      ["notDeclaredDepersonalised", { purposes, count: purposes.length }],
      "warn",
    );
  }
  return pass(id, r, `${r.name}: research purpose ${codes} receives depersonalised data without direct identifiers.`, ["depersonalised", { purposes, count: purposes.length }]);
};

/** The policy, 5.4: minors' data is not processed. */
export const checkNoMinors: TransferRule = ({ recipient: r, proposal: p }) =>
  p.populations.includes("minors")
    ? fail("B8", r, `${r.name}: the transfer covers minors, whose data the policy (5.4) does not process.`, ["minors"])
    : pass("B8", r, `${r.name}: the transfer covers no minors.`, ["noMinors"]);

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

export const TRANSFER_RULES: Readonly<Record<TransferRuleId, TransferRule>> = {
  "REG-ACTIVE": checkRecipientActive,
  "B6-CONTRACT": checkContractInForce,
  "B6-PURPOSE": checkPurposesLinked,
  "B6-DATA": checkDataWithinPurposes,
  "B6-ACTIONS": checkActionsPermitted,
  B7: checkProcessorInstruction,
  B1: checkCrossBorderGround,
  B3: checkPrimaryCopyInKazakhstan,
  B4: checkRknNotification,
  B5: checkRussianCitizensData,
  B2: checkResearchDepersonalised,
  B8: checkNoMinors,
};

/**
 * Runs every rule. Malformed input (bad dates, a proposal for another recipient) throws:
 * callers validate with zod first, so that is a programming error, not a verdict.
 */
export function evaluateTransfer(ctx: RuleContext): TransferEvaluation {
  assertIsoDate(ctx.today, "today");
  assertIsoDate(ctx.proposal.period.start, "period.start");
  assertIsoDate(ctx.proposal.period.end, "period.end");
  if (ctx.proposal.period.end < ctx.proposal.period.start) {
    throw new RangeError(`period ends (${ctx.proposal.period.end}) before it starts (${ctx.proposal.period.start})`);
  }
  const { contract, rknNotification } = ctx.recipient;
  if (contract) {
    assertIsoDate(contract.date, "contract.date");
    if (contract.expiresOn !== null) assertIsoDate(contract.expiresOn, "contract.expiresOn");
  }
  if (rknNotification) assertIsoDate(rknNotification.date, "rknNotification.date");
  if (ctx.proposal.recipientId !== ctx.recipient.id) {
    throw new Error(`proposal is for recipient ${ctx.proposal.recipientId}, context holds ${ctx.recipient.id}`);
  }
  const results = TRANSFER_RULE_IDS.map((id) => TRANSFER_RULES[id](ctx));
  return {
    results,
    blocked: results.some((r) => r.severity === "block"),
    warnings: results.filter((r) => r.severity === "warn"),
  };
}
