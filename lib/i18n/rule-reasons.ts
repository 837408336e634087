/**
 * Rule results and log flags in the reader's language. The rules (lib/rules/transfer-rules.ts)
 * return a message key under "ruleReasons" with language-neutral params; this module turns them
 * into text: register names in the reader's language (with the usual fallback), lists with the
 * locale's list format, ISO days as the locale writes dates, countries by their names.
 *
 * Pure (no React, no Next): components pass next-intl's translator and formatter, tests and the
 * notification renderer pass createTranslator/createFormatter.
 */
import type { RuleMessage, RuleResult } from "@/lib/rules/types";
import { RULES, TRANSFER_RULE_IDS, type TransferRuleId } from "@/lib/rules/legal-facts";
import { localized, type Locale } from "./config";

/** Register names by key, in the reader's language, for the register keys params carry. */
export type RegisterNames = {
  dataItems?: Readonly<Record<string, string>>;
  actions?: Readonly<Record<string, string>>;
  /** Country names by ISO code; without one, the locale's own name for the region. */
  countries?: Readonly<Record<string, string>>;
};

/** The parts of next-intl's translator and formatter this module uses (root namespace). */
export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};
export type Format = {
  list(value: Iterable<string>, options?: Intl.ListFormatOptions): string;
  dateTime(value: Date, options?: Intl.DateTimeFormatOptions): string;
};

export type ReasonDeps = { t: Translate; format: Format; locale: Locale; names?: RegisterNames };

/** Params that are calendar days ("YYYY-MM-DD"): the rules never carry instants. */
const DATE_PARAMS = new Set(["date", "expiresOn", "start", "end", "earliest", "waitEnds", "localisationFrom"]);
/** Params that are ISO 3166-1 alpha-2 country codes. */
const COUNTRY_PARAMS = new Set(["dest", "origin"]);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function countryName(code: string, { locale, names }: ReasonDeps): string {
  const fromRegister = names?.countries?.[code];
  if (fromRegister) return fromRegister;
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(code) ?? code;
  } catch {
    return code; // not a region code Intl knows
  }
}

function listItem(param: string, key: string, deps: ReasonDeps): string {
  if (param === "items") return deps.names?.dataItems?.[key] ?? key;
  if (param === "actions") return deps.names?.actions?.[key] ?? key;
  if (param === "duties" && deps.t.has(`ruleReasons.duties.${key}`)) return deps.t(`ruleReasons.duties.${key}`);
  return key; // purpose codes are shown as codes
}

/** The ICU values of a rule message, rendered for the reader. */
export function ruleMessageValues(message: RuleMessage, deps: ReasonDeps): Record<string, string | number> {
  const { params } = message;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === "recipientRu" || name === "recipientKk") continue;
    if (name === "recipient" && typeof value === "string") {
      const text = (v: unknown) => (typeof v === "string" ? v : null);
      out.recipient = localized(deps.locale, { en: value, ru: text(params.recipientRu), kk: text(params.recipientKk) });
    } else if (Array.isArray(value)) {
      out[name] = deps.format.list(value.map((key) => listItem(name, key, deps)), { type: "conjunction" });
    } else if (DATE_PARAMS.has(name) && typeof value === "string" && ISO_DAY.test(value)) {
      out[name] = deps.format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
    } else if (COUNTRY_PARAMS.has(name) && typeof value === "string") {
      out[name] = countryName(value, deps);
    } else if (name === "number" && value === "") {
      // A contract recorded without its number.
      out[name] = deps.t("ruleReasons.noNumber");
    } else if (name === "ground" && typeof value === "string" && deps.t.has(`transfers.ground.${value}`)) {
      out[name] = deps.t(`transfers.ground.${value}`);
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** Whether a result can be shown in the reader's language (results stored before messages cannot). */
export function isTranslatable(result: Pick<RuleResult, "message">, t: Pick<Translate, "has">): boolean {
  return !!result.message && result.message.key.startsWith("ruleReasons.") && t.has(result.message.key);
}

/** A rule result's reason in the reader's language; the stored English reason when it has no message. */
export function renderRuleReason(result: Pick<RuleResult, "reason" | "message">, deps: ReasonDeps): string {
  if (!isTranslatable(result, deps.t)) return result.reason;
  // A sentence ending on a date abbreviated with a period ("4 мар. 2026 г.") would end "..".
  return deps.t(result.message!.key, ruleMessageValues(result.message!, deps)).replace(/(?<!\.)\.\.(?!\.)/g, ".");
}

function isRuleId(id: string): id is TransferRuleId {
  return (TRANSFER_RULE_IDS as readonly string[]).includes(id);
}

/**
 * A rule's legal source in the reader's language. Only when the stored source is the one the
 * catalogue holds now: a result stored under an older source keeps the words it was decided on.
 */
export function renderRuleSource(result: Pick<RuleResult, "ruleId" | "source">, t: Translate): string {
  const key = `ruleReasons.sources.${result.ruleId}`;
  if (isRuleId(result.ruleId) && RULES[result.ruleId].source === result.source && t.has(key)) return t(key);
  return result.source;
}

// ---------------------------------------------------------------------------------------------
// Log flags. A flag is hashed into the transfer log exactly as written ({code, reason}, English),
// so it cannot carry a message key: its code is what the reader's language renders.

const RULE_FLAG = /^rule:(.+)$/;

/** A flag's short label, e.g. "Нет одобрения" or "Правило B2". */
export function flagLabel(code: string, t: Translate): string {
  const rule = RULE_FLAG.exec(code)?.[1];
  if (rule) return t("logFlags.label.rule", { rule });
  return t.has(`logFlags.label.${code}`) ? t(`logFlags.label.${code}`) : t("logFlags.label.unknown", { code });
}

/** What a flag means, in a sentence. */
export function flagExplanation(code: string, t: Translate): string {
  const rule = RULE_FLAG.exec(code)?.[1];
  if (rule) {
    const title = t.has(`rules.titles.${rule}`) ? t(`rules.titles.${rule}`) : rule;
    return t("logFlags.explain.rule", { rule, title });
  }
  return t.has(`logFlags.explain.${code}`) ? t(`logFlags.explain.${code}`) : t("logFlags.explain.unknown");
}
