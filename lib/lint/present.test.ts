import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import ru from "@/lib/i18n/messages/ru.json";
import kk from "@/lib/i18n/messages/kk.json";
import { lintRecord } from "./rules";
import { explainProblem, entityHref, type Translate } from "./present";
import { lintInput, purpose, recipient } from "./fixtures";

const translator = (locale: "en" | "ru" | "kk", messages: object) => createTranslator({ locale, messages: messages as never }) as unknown as Translate;

describe("explaining lint problems", () => {
  const problems = lintRecord(
    lintInput({
      purposes: [purpose({ code: "C12", retentionYears: 3, retentionLawCodes: ["CC-178-1"], deletionDelayYears: 0 })],
      recipients: [recipient({ instructionSecurity: false, linkedPurposeCodes: ["C12"] })],
    }),
  );

  it("says every problem in each language, with its values filled in", () => {
    for (const [locale, messages] of [["en", en], ["ru", ru], ["kk", kk]] as const) {
      const t = translator(locale, messages);
      for (const p of problems) {
        const text = explainProblem(p, locale, t);
        expect(text, `${locale} ${p.ruleId}`).not.toMatch(/[{}]|lint\.messages/);
        expect(text.length).toBeGreaterThan(20);
      }
    }
    const [deletion] = problems;
    expect(explainProblem(deletion, "en", translator("en", en))).toContain("«End of the contract»");
    expect(explainProblem(problems[1], "ru", translator("ru", ru))).toContain(ru.recipients.fields.instructionSecurity);
  });

  it("links to the entry to fix", () => {
    expect(problems.map((p) => entityHref(p.entity))).toEqual(["/registry/purposes/C12", "/registry/recipients/00000000-0000-4000-8000-000000000001"]);
  });
});
