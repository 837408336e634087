import { describe, expect, it } from "vitest";
import { TRANSFER_PURPOSE_TEXTS } from "./fixtures";
import {
  CROSS_BORDER_GROUNDS,
  CROSS_BORDER_GROUND_LABELS,
  RULES,
  SUBJECT_REQUEST_DEADLINES,
  TRANSFER_RULE_IDS,
  classifyResearchPurpose,
  isCrossBorderGround,
  isDirectIdentifier,
} from "./legal-facts";
import { TRANSFER_RULES } from "./transfer-rules";

describe("rule catalogue", () => {
  it("has an entry with a source and a function for every rule id", () => {
    for (const id of TRANSFER_RULE_IDS) {
      expect(RULES[id].source.length).toBeGreaterThan(0);
      expect(typeof TRANSFER_RULES[id]).toBe("function");
    }
    expect(Object.keys(RULES).sort()).toEqual([...TRANSFER_RULE_IDS].sort());
  });

  it("warns rather than blocks only for B7 and B5", () => {
    const warnOnly = TRANSFER_RULE_IDS.filter((id) => RULES[id].severity === "warn");
    expect(warnOnly.sort()).toEqual(["B5", "B7"]);
  });
});

describe("B1 grounds", () => {
  it("labels every ground and recognises only those", () => {
    for (const g of CROSS_BORDER_GROUNDS) expect(CROSS_BORDER_GROUND_LABELS[g]).toBeTruthy();
    expect(isCrossBorderGround("consent")).toBe(true);
    expect(isCrossBorderGround("contract")).toBe(false);
  });
});

describe("B2 facts", () => {
  it("classifies the seed's research purposes", () => {
    expect(classifyResearchPurpose("Marketing research")).toEqual({ isResearch: true, marker: "research" });
    const qiwi = TRANSFER_PURPOSE_TEXTS["qiwi-jsc"].map((t) => classifyResearchPurpose(t).isResearch);
    // Only "Prepare analytical research and reports" of QIWI JSC's three purposes.
    expect(qiwi).toEqual([false, false, true]);
    expect(
      classifyResearchPurpose("Management reporting, analysis, models of trade terms and forecasts for the company's products")
        .isResearch,
    ).toBe(false);
    expect(classifyResearchPurpose("Статистическое исследование").isResearch).toBe(true);
  });

  it("recognises direct identifiers by their register names", () => {
    expect(isDirectIdentifier("contact: phone")).toBe(true);
    expect(isDirectIdentifier("  Document-Details: IIN ")).toBe(true);
    expect(isDirectIdentifier("identifiers: wallet number")).toBe(true);
    expect(isDirectIdentifier("online: cookies: analytical")).toBe(false);
    expect(isDirectIdentifier("financial: balance")).toBe(false);
  });
});

describe("C1-C3 deadlines", () => {
  it("holds the periods of RULES.md", () => {
    const kz = SUBJECT_REQUEST_DEADLINES.KZ;
    expect([kz.information.days, kz.change.days, kz.block.days, kz.unblock.days, kz.destroy.days]).toEqual([3, 1, 1, 1, 1]);
    const ru = SUBJECT_REQUEST_DEADLINES.RU;
    expect(ru.access).toMatchObject({ days: 10, unit: "working", extension: { days: 5, unit: "working" } });
    expect([ru.correct.days, ru["stop-unlawful-processing"].days, ru["destroy-unlawful"].days]).toEqual([7, 3, 10]);
    expect(ru["destroy-purpose-achieved"]).toMatchObject({ days: 30, unit: "calendar" });
  });
});
