import { describe, expect, it } from "vitest";
import { lintInput, purpose, recipient } from "@/lib/lint/fixtures";
import type { RecordOfProcessing } from "@/lib/register/record";
import { ANSWER_LOCALES, SUBJECT_RIGHTS } from "./facts";
import { ANSWER_TEMPLATES, fillAnswer, serviceEndsSentence } from "./templates";

const { today: _today, ...rest } = lintInput({
  purposes: [purpose({ code: "C1" }), purpose({ code: "C12", retentionYears: 3, retentionLawCodes: ["CC-178-1"] })],
  recipients: [
    recipient(),
    recipient({ id: "00000000-0000-4000-8000-000000000002", key: "qiwi-jsc", name: { en: "QIWI JSC", ru: "АО «КИВИ»", kk: "«КИВИ» АҚ" }, countryCode: "RU", crossBorder: true, linkedPurposeCodes: ["C12"] }),
    recipient({ id: "00000000-0000-4000-8000-000000000003", key: "gone", name: { en: "Archived Ltd", ru: null, kk: null }, status: "archived", linkedPurposeCodes: ["C1"] }),
  ],
});
void _today;
const record = rest as unknown as RecordOfProcessing;
record.countries = [
  { code: "KZ", name: { en: "Kazakhstan", ru: "Казахстан", kk: "Қазақстан" }, kzAdequate: null, kzAdequacySource: null, rknAdequate: true, rknAdequacySource: null, rknAdequacyAsOf: null, convention108: null, status: "active" },
  { code: "RU", name: { en: "Russia", ru: "Россия", kk: "Ресей" }, kzAdequate: null, kzAdequacySource: null, rknAdequate: null, rknAdequacySource: null, rknAdequacyAsOf: null, convention108: null, status: "active" },
];
const request = { number: 7, law: "RU" as const, right: "deletion" as const, subjectIdKind: "wallet" as const, subjectId: "77010000001", receivedOn: "2026-05-08", purposeCodes: ["C1", "C12"] };

describe("answer templates", () => {
  it("have every sentence in Kazakh, Russian and English", () => {
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v).map((x) => `${k}.${x}`) : [k]));
    for (const l of ANSWER_LOCALES) expect(keys(ANSWER_TEMPLATES[l]).sort()).toEqual(keys(ANSWER_TEMPLATES.en).sort());
    for (const l of ANSWER_LOCALES) for (const r of SUBJECT_RIGHTS) expect(ANSWER_TEMPLATES[l].granted[r].length).toBeGreaterThan(10);
  });

  it("fills the information from the register: data, retention, recipients in force and the cross-border transfer", () => {
    const { subject, text } = fillAnswer("en", { ...request, right: "information" }, { outcome: "granted", legalGroundCode: null, reason: null, grantedCodes: ["C1", "C12"], retained: [], serviceEnds: false }, record);
    expect(subject).toBe("Your personal-data request No. 7");
    expect(text).toContain("your request of May 8, 2026 concerning the wallet number 77010000001");
    expect(text).toContain("• C12 — Register the client.");
    expect(text).toContain("Kept for 3 years from the end of the contract");
    expect(text).toContain("Recipients: Kazpost JSC (Kazakhstan; no cross-border transfer).");
    expect(text).toContain("Cross-border transfer of your data takes place to: QIWI JSC (Russia).");
    expect(text).not.toContain("Archived Ltd");
    expect(text).toContain("Roskomnadzor");
  });

  it("a refusal in Kazakh names the law that keeps the data, until when, and the reasons", () => {
    const { text } = fillAnswer(
      "kk",
      request,
      { outcome: "partial", legalGroundCode: "AML-11-4", reason: "Заң талабы", grantedCodes: ["C12"], retained: [{ code: "C1", retainedUntil: "2030-01-09" }], serviceEnds: true },
      record,
    );
    expect(text).toContain("Өтінішіңіз ішінара қанағаттандырылды: C12 мақсаттары үшін ол орындалды.");
    expect(text).toContain("C1 мақсаттарына арналған деректер заң талап ететіндіктен сақталады: AML law art. 11 p. 4 (kk)");
    expect(text).toContain("2030");
    expect(text).toContain("Шешімнің уәждері: Заң талабы");
    expect(text).toContain(serviceEndsSentence("kk"));
    expect(text).toContain("Роскомнадзор");
  });
});
