import { describe, expect, it } from "vitest";
import { createFormatter, createTranslator } from "next-intl";
import en from "./messages/en.json";
import kk from "./messages/kk.json";
import ru from "./messages/ru.json";
import { LOCALES, type Locale } from "./config";
import { flagExplanation, flagLabel, renderRuleReason, renderRuleSource, type Format, type RegisterNames, type Translate } from "./rule-reasons";
import { ALL_ACTIONS, COUNTRIES, PURPOSES, RECIPIENTS, proposal } from "@/lib/rules/fixtures";
import { RULES, TRANSFER_RULE_IDS } from "@/lib/rules/legal-facts";
import { TRANSFER_RULES } from "@/lib/rules/transfer-rules";
import type { RecipientFacts, RuleContext, RuleResult, TransferProposal } from "@/lib/rules/types";
import { FLAG_CODES } from "@/lib/transfer-log/assess";
import { dataItemNames } from "@/db/seed-data/catalogue";
import { policyV1 } from "@/db/seed-data/policy-v1";

/**
 * Every reason every rule can give exists in all three catalogues and renders in kk, ru and en
 * with the params the rule really produces: the rules are driven through the fixtures into each
 * of their branches, passing and failing.
 */

const CATALOGUES = { en, ru, kk } as const;

function deps(locale: Locale, names?: RegisterNames) {
  const errors: string[] = [];
  const t = createTranslator({ locale, messages: CATALOGUES[locale] as never, onError: (e) => errors.push(e.message) }) as unknown as Translate;
  const format = createFormatter({ locale, timeZone: "Asia/Almaty" }) as unknown as Format;
  return { t, format, locale, names, errors };
}

/** The register's names as the seed writes them, by language (what the screens pass). */
function seedNames(locale: Locale): RegisterNames {
  if (locale === "en") return {};
  return {
    dataItems: Object.fromEntries(Object.entries(dataItemNames).map(([key, n]) => [key, n[locale]])),
    actions: Object.fromEntries(policyV1.processingActions.map((a) => [a.key, a[locale]])),
  };
}

/** Fixture recipients with the register's Russian and Kazakh names from the seed. */
function named(r: RecipientFacts): RecipientFacts {
  const seed = policyV1.recipients.find((s) => s.name === r.name) as { nameRu?: string; nameKk?: string } | undefined;
  return { ...r, nameRu: seed?.nameRu ?? null, nameKk: seed?.nameKk ?? null };
}

const TODAY = "2026-02-20";
const halyk = named(RECIPIENTS.halykBank);
const kazpost = named(RECIPIENTS.kazpost);
const qiwi = named(RECIPIENTS.qiwiJsc);
const kbs = named(RECIPIENTS.keyBusinessSolutions);
const stateBodies = named(RECIPIENTS.stateBodies);

function ctx(recipient: RecipientFacts, fields: Partial<TransferProposal> = {}, extra: Partial<RuleContext> = {}): RuleContext {
  return { today: TODAY, recipient, purposes: PURPOSES, countries: COUNTRIES, proposal: proposal({ recipientId: recipient.id, purposeCodes: ["C3"], dataItems: ["contact: phone"], ...fields }), ...extra };
}
const contract = (date: string, expiresOn: string | null) => ({ number: "QK-DPA-2025/07", date, expiresOn });
const rkn = (date: string) => ({ number: "77-1234", date });

/** Contexts that between them reach every branch of every rule. */
const CONTEXTS: RuleContext[] = [
  ctx(halyk),
  ctx({ ...halyk, status: "suspended" }),
  ctx({ ...halyk, status: "archived" }),
  ctx(stateBodies, { purposeCodes: ["C9"] }),
  ctx({ ...stateBodies, basis: "consent" }),
  ctx({ ...kazpost, contract: null }),
  ctx({ ...halyk, contract: null }),
  ctx({ ...halyk, contract: contract("2025-01-10", "2026-01-31") }),
  ctx({ ...halyk, contract: contract("2026-04-01", null) }),
  ctx({ ...halyk, contract: contract("2025-01-10", "2026-04-30") }),
  ctx({ ...halyk, contract: contract("2025-01-10", "2026-03-10") }, { period: { start: "2026-03-02", end: "2026-03-05" } }),
  ctx({ ...halyk, contract: contract("2025-01-10", null) }),
  ctx(halyk, { purposeCodes: [], dataItems: [], actions: [] }),
  ctx(halyk, { purposeCodes: ["C99"], dataItems: ["contact: phone"] }),
  ctx(halyk, { purposeCodes: ["C3"] }, { purposes: PURPOSES.map((p) => (p.code === "C3" ? { ...p, status: "archived" } : p)) }),
  ctx(halyk, { purposeCodes: ["C8", "C2"], dataItems: ["document-details: IIN", "contact: phone"] }),
  ctx(halyk, { purposeCodes: ["C1", "C3"], dataItems: ["document-details: IIN", "contact: phone"] }),
  ctx({ ...halyk, linkedPurposeCodes: [] }),
  ctx({ ...halyk, permittedActions: ["storage"] }, { actions: ["transfer", "destruction"] }),
  ctx({ ...kazpost, instruction: { actions: true, purposes: true, confidentiality: false, security: false, incidentReporting: false } }, { purposeCodes: ["C2"] }),
  ctx(kazpost, { purposeCodes: ["C2"] }),
  ctx(qiwi, { purposeCodes: ["V1"], dataItems: ["online: cookies: analytical"] }),
  ctx(qiwi, { purposeCodes: ["V1"], dataItems: ["online: cookies: analytical"], crossBorderGround: "consent" }),
  ctx(qiwi, { purposeCodes: ["V1"], dataItems: ["online: cookies: analytical"], crossBorderGround: "treaty" }),
  ctx({ ...qiwi, transferGround: "treaty" }, { purposeCodes: ["V1"] }),
  ctx({ ...qiwi, transferGround: "adequate-protection" }, { purposeCodes: ["V1"] }),
  ctx({ ...qiwi, countryCode: "DE", transferGround: "adequate-protection" }, { purposeCodes: ["V1"] }),
  ctx(halyk, { populations: ["ru-citizens"] }),
  ctx(halyk, { primaryCopyInKazakhstan: false }),
  ctx(halyk, { originCountry: "RU", populations: ["ru-citizens", "minors"] }),
  ctx(qiwi, { originCountry: "RU" }),
  ctx({ ...halyk, rknNotification: rkn("2026-01-12") }, { originCountry: "RU" }),
  ctx({ ...halyk, countryCode: "US", crossBorder: true, rknNotification: rkn("2026-02-16") }, { originCountry: "RU" }),
  ctx({ ...halyk, countryCode: "US", crossBorder: true, rknNotification: rkn("2026-01-12") }, { originCountry: "RU" }),
  ctx(halyk, { populations: ["ru-citizens"], period: { start: "2025-03-03", end: "2025-06-30" } }, { today: "2025-03-01" }),
  ctx(kbs, { purposeCodes: ["C8"], dataItems: ["contact: phone"], crossBorderGround: "consent" }),
  ctx(kbs, { purposeCodes: ["C8"], dataItems: ["contact: phone", "contact: full name"], depersonalised: true }),
  ctx(kbs, { purposeCodes: ["C8"], dataItems: ["other: interview answers"] }),
  ctx(kbs, { purposeCodes: ["C8"], dataItems: ["other: interview answers"], depersonalised: true }),
];

const RESULTS: RuleResult[] = CONTEXTS.flatMap((c) => TRANSFER_RULE_IDS.map((id) => TRANSFER_RULES[id](c)));
const RECIPIENT_OF = new Map(RESULTS.map((r) => [r, r.message?.params.recipient as string]));

/** Every ruleReasons.<ruleId>.<case> key of a catalogue. */
function reasonKeys(catalogue: typeof en): string[] {
  return TRANSFER_RULE_IDS.flatMap((id) => Object.keys((catalogue.ruleReasons as unknown as Record<string, Record<string, string>>)[id] ?? {}).map((c) => `ruleReasons.${id}.${c}`));
}

describe("rule reasons in every language", () => {
  it("every result carries a message, and the fixtures reach every reason of every rule", () => {
    expect(RESULTS.filter((r) => !r.message)).toEqual([]);
    const produced = new Set(RESULTS.map((r) => r.message!.key));
    expect([...produced].sort()).toEqual(reasonKeys(en).sort());
    for (const l of LOCALES) expect(reasonKeys(CATALOGUES[l]).sort(), l).toEqual(reasonKeys(en).sort());
    // Each rule's messages live under its own id.
    for (const r of RESULTS) expect(r.message!.key.startsWith(`ruleReasons.${r.ruleId}.`)).toBe(true);
  });

  it.each(LOCALES)("renders every reason in %s without errors, names in that language, no English in ru/kk", (locale) => {
    const d = deps(locale, seedNames(locale));
    for (const r of RESULTS) {
      d.errors.length = 0;
      const text = renderRuleReason(r, d);
      expect(d.errors, `${r.message!.key}: ${text}`).toEqual([]);
      expect(text, r.message!.key).not.toBe(r.message!.key);
      expect(text, r.message!.key).not.toMatch(/[{}]|(?<!\.)\.\.(?!\.)/);
      if (locale === "en") continue;
      // The recipient by its name in this language where the register has one.
      const p = r.message!.params;
      const name = (locale === "ru" ? p.recipientRu : p.recipientKk) ?? RECIPIENT_OF.get(r);
      expect(text).toContain(name as string);
      // Latin script only in proper names and codes the facts themselves carry.
      const proper = [name, p.number, ...(Array.isArray(p.purposes) ? p.purposes : []), ...(Array.isArray(p.linked) ? p.linked : []), "IP", "C99"].filter(Boolean).join(" ");
      const allowed = new Set(String(proper).match(/\p{Script=Latin}+/gu) ?? []);
      const latin = (text.match(/\p{Script=Latin}+/gu) ?? []).filter((w) => !allowed.has(w));
      expect(latin, `${locale} ${r.message!.key}: ${text}`).toEqual([]);
    }
  });

  it("the policy's example: Key Business Solutions and phone numbers for marketing research (B2)", () => {
    const b2 = RESULTS.find((r) => r.message?.key === "ruleReasons.B2.directIdentifiers" && r.message.params.recipient === "Key Business Solutions LLC")!;
    expect(b2.reason).toBe("Key Business Solutions LLC: research purpose C8 would receive direct identifiers: contact: phone.");
    expect(b2.message!.params).toMatchObject({ recipient: "Key Business Solutions LLC", recipientRu: "ООО «Ключевые Бизнес Решения»", purposes: ["C8"], count: 1, items: ["contact: phone"] });
    expect(renderRuleReason(b2, deps("ru", seedNames("ru")))).toBe("ООО «Ключевые Бизнес Решения»: для исследования по цели C8 передавались бы прямые идентификаторы: номер телефона.");
    expect(renderRuleReason(b2, deps("kk", seedNames("kk")))).toBe("«Ключевые Бизнес Решения» ЖШҚ: C8 зерттеу мақсаты бойынша тікелей сәйкестендіргіштер берілер еді: телефон нөмірі.");
    expect(renderRuleReason(b2, deps("en", { dataItems: { "contact: phone": "phone" } }))).toBe("Key Business Solutions LLC: research under purpose C8 would receive direct identifiers: phone.");
  });

  it("formats lists and dates for the locale", () => {
    const data = RESULTS.find((r) => r.message?.key === "ruleReasons.B6-DATA.outside" && r.message.params.recipient === halyk.name)!;
    expect(data.message!.params).toMatchObject({ purposes: ["C1", "C3"], items: ["document-details: IIN"] });
    expect(renderRuleReason(data, deps("ru", seedNames("ru")))).toContain("данные вне перечней целей (C1 и C3): ИИН.");
    const unlinked = RESULTS.find((r) => r.message?.key === "ruleReasons.B6-PURPOSE.unlinked" && (r.message.params.purposes as string[]).length === 2)!;
    expect(renderRuleReason(unlinked, deps("ru"))).toBe("АО «Народный Банк Казахстана»: цели C8 и C2 не связаны с этим получателем (связаны: C1 и C3).".replace("АО «Народный Банк Казахстана»", String(unlinked.message!.params.recipientRu)));
    expect(renderRuleReason(unlinked, deps("en"))).toContain("purposes C8 and C2 are not linked to this recipient (linked: C1 and C3)");
    const expired = RESULTS.find((r) => r.message?.key === "ruleReasons.B6-CONTRACT.expired")!;
    expect(renderRuleReason(expired, deps("ru"))).toContain("истёк 31 янв. 2026 г.");
    expect(renderRuleReason(expired, deps("en"))).toContain("expired on Jan 31, 2026");
    const waiting = RESULTS.find((r) => r.message?.key === "ruleReasons.B4.waiting")!;
    expect(renderRuleReason(waiting, deps("ru"))).toMatch(/страна Соедин[её]нные Штаты .*10 рабочих дней, до 4 мар\. 2026 г\.$/);
    const actions = RESULTS.find((r) => r.message?.key === "ruleReasons.B6-ACTIONS.outside")!;
    expect(renderRuleReason(actions, deps("kk", seedNames("kk")))).toContain(`${policyV1.processingActions.find((a) => a.key === "transfer")!.kk} және ${policyV1.processingActions.find((a) => a.key === "destruction")!.kk}`);
    const duties = RESULTS.find((r) => r.message?.key === "ruleReasons.B7.missing")!;
    expect(renderRuleReason(duties, deps("ru"))).toContain("обязанность соблюдать конфиденциальность, требования к защите данных и обязанность сообщать об инцидентах");
  });

  it("says a contract has no number in the reader's language", () => {
    const expired = RESULTS.find((r) => r.message?.key === "ruleReasons.B6-CONTRACT.expired")!;
    const noNumber = { ...expired, message: { ...expired.message!, params: { ...expired.message!.params, number: "" } } };
    expect(renderRuleReason(noNumber, deps("ru"))).toContain("(без номера)");
    expect(renderRuleReason(noNumber, deps("kk"))).toContain("(нөмірсіз)");
    expect(renderRuleReason(noNumber, deps("en"))).toContain("(no number)");
  });

  it("falls back to the stored English reason for results stored before messages existed", () => {
    const stored = { ruleId: "B2", ok: false, severity: "block", reason: "Old English reason.", source: "KZ-PDL art. 17 p. 1" } as RuleResult;
    expect(renderRuleReason(stored, deps("ru"))).toBe("Old English reason.");
    expect(renderRuleReason({ ...stored, message: { key: "ruleReasons.B2.noSuchCase", params: {} } }, deps("kk"))).toBe("Old English reason.");
  });

  it("renders each rule's source in the reader's language, keeping a source the catalogue no longer holds", () => {
    for (const l of LOCALES)
      for (const id of TRANSFER_RULE_IDS) {
        const text = renderRuleSource({ ruleId: id, source: RULES[id].source }, deps(l).t);
        if (l === "en") expect(text).toBe(RULES[id].source);
        else expect(text).not.toMatch(/\p{Script=Latin}/u);
      }
    expect(renderRuleSource({ ruleId: "B2", source: "KZ-PDL art. 17 p. 1" }, deps("ru").t)).toBe("п. 1 ст. 17 Закона РК о персональных данных");
    expect(renderRuleSource({ ruleId: "B2", source: "an older source" }, deps("ru").t)).toBe("an older source");
  });
});

describe("log flags in every language", () => {
  const codes = [FLAG_CODES.noApproval, FLAG_CODES.approvalUnknown, FLAG_CODES.approvalInactive, FLAG_CODES.outsideApproval, FLAG_CODES.recipientNotActive, FLAG_CODES.destinationMismatch, FLAG_CODES.rule("B2")];

  it.each(LOCALES)("every flag the ingestion writes has a label and an explanation in %s", (locale) => {
    const d = deps(locale);
    for (const code of codes) {
      expect(d.t.has(`logFlags.label.${code.startsWith("rule:") ? "rule" : code}`), code).toBe(true);
      const label = flagLabel(code, d.t);
      const explanation = flagExplanation(code, d.t);
      expect(d.errors).toEqual([]);
      expect(label).not.toBe(code);
      if (locale !== "en") expect(`${label} ${explanation}`.replace(/B2/g, ""), code).not.toMatch(/\p{Script=Latin}/u);
    }
    expect(flagLabel("rule:B2", d.t)).toContain("B2");
    expect(flagExplanation("rule:B2", d.t)).toContain(d.t("rules.titles.B2"));
  });

  it("names a flag it does not know by its code", () => {
    const d = deps("ru");
    expect(flagLabel("LATE_REPORT", d.t)).toBe("Отметка LATE_REPORT");
    expect(flagExplanation("LATE_REPORT", d.t)).toBe("Отметка вида, который эта версия портала не описывает.");
  });
});

// The fixtures' actions are the seed's: a name for each in ru and kk.
it("the seed names every processing action the fixtures use", () => {
  for (const a of ALL_ACTIONS) expect(seedNames("ru").actions?.[a], a).toBeTruthy();
});
