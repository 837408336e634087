import { describe, expect, it } from "vitest";
import { buildPolicySnapshot } from "./snapshot";
import { comparePolicies, compareVersions } from "./compare";
import { lintInput, purpose, recipient } from "@/lib/lint/fixtures";

describe("the published snapshot", () => {
  it("holds active purposes and current recipients, data grouped by category, names in three languages", () => {
    const record = lintInput({
      purposes: [purpose(), purpose({ code: "C2", status: "archived" }), purpose({ code: "V1", subjectCategory: "visitors", dataItemKeys: ["online: cookies: analytical"] })],
      recipients: [recipient(), recipient({ id: "x", key: "gone", status: "archived" })],
    });
    const s = buildPolicySnapshot(record);
    expect(s.purposes.map((p) => p.code)).toEqual(["V1", "C1"]);
    expect(s.subjectCategories.map((c) => c.key)).toEqual(["clients", "visitors"]);
    expect(s.purposes[1]).toMatchObject({
      data: [{ category: { en: "Identifiers" }, items: [{ en: "wallet number", ru: "wallet number (ru)" }] }],
      legalBases: [{ kind: "consent", reference: null }, { kind: "law", reference: { code: "KZ-PDL" } }],
      retention: { years: 5, from: "contract-end", references: [{ code: "AML-11-4" }] },
      recipientKeys: ["kazpost"],
    });
    expect(s.recipients.map((r) => r.key)).toEqual(["kazpost"]);
    expect(s.recipients[0].actions).toHaveLength(11);
  });
});

describe("comparing editions", () => {
  const before = buildPolicySnapshot(lintInput());
  it("finds no difference between an edition and itself", () => {
    expect(comparePolicies(before, before).differences).toBe(0);
  });
  it("marks the changed field, and entries added or removed", () => {
    const after = buildPolicySnapshot(
      lintInput({ purposes: [purpose({ deletionDelayYears: 6 }), purpose({ code: "C2" })], recipients: [recipient({ key: "kazpost-2" })] }),
    );
    const diff = comparePolicies(before, after);
    expect(diff.purposes.map((p) => [p.key, p.change, p.fields])).toEqual([
      ["C1", "changed", ["deletion", "recipientKeys"]],
      ["C2", "added", []],
    ]);
    expect(diff.recipients.map((r) => [r.key, r.change])).toEqual([
      ["kazpost", "removed"],
      ["kazpost-2", "added"],
    ]);
    expect(diff.differences).toBe(4);
  });
  it("ignores the order of object keys (jsonb reorders them)", () => {
    const reordered = JSON.parse(JSON.stringify(before), (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));
    expect(comparePolicies(before, reordered).differences).toBe(0);
  });
  it("orders edition numbers numerically", () => {
    expect(["1.10", "1.2", "2.0", "1.0"].sort(compareVersions)).toEqual(["1.0", "1.2", "1.10", "2.0"]);
  });
});
