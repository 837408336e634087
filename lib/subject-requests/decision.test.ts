import { describe, expect, it } from "vitest";
import { checkClosingDecision, retentionOf, type ClosingDecision, type PurposeRetentionFacts } from "./decision";
import { serviceEndsSentence } from "./templates";

const REFERENCES = { "AML-11-4": 5, "CC-178-1": 3, "KZ-PDL": null, "ORDER-263-202": null };
const C3: PurposeRetentionFacts = { code: "C3", retentionLawCodes: ["AML-11-4", "ORDER-263-202"], retentionYears: 5 };
const C7: PurposeRetentionFacts = { code: "C7", retentionLawCodes: ["CC-178-1"], retentionYears: 3 };
const TODAY = "2026-11-25";
const SERVICE_ENDS = serviceEndsSentence("en");

const decision = (over: Partial<ClosingDecision> = {}): ClosingDecision => ({
  right: "deletion",
  outcome: "granted",
  reason: null,
  legalGroundCode: null,
  serviceEndsAcknowledged: false,
  answerText: "Your personal data for these purposes has been destroyed.",
  serviceEndsSentence: SERVICE_ENDS,
  ...over,
});

describe("retention (RULES D1-D3)", () => {
  it("applies while the period has not started, and until its last day once it has", () => {
    expect(retentionOf([C3], REFERENCES, null, TODAY)).toEqual([{ code: "C3", lawCodes: ["AML-11-4"], retainedUntil: null, applies: true }]);
    // Contract ended 26 Nov 2021: AML keeps the data 5 years, to 25 Nov 2026 inclusive.
    expect(retentionOf([C3], REFERENCES, "2021-11-26", TODAY)[0]).toMatchObject({ retainedUntil: "2026-11-25", applies: true });
    expect(retentionOf([C3], REFERENCES, "2021-11-25", TODAY)[0]).toMatchObject({ retainedUntil: "2026-11-24", applies: false });
    expect(retentionOf([C7], REFERENCES, "2022-01-10", TODAY)[0]).toMatchObject({ retainedUntil: "2025-01-09", applies: false });
  });
  it("a purpose with no reference that sets a period is not retained", () => {
    expect(retentionOf([{ code: "X", retentionLawCodes: ["KZ-PDL"], retentionYears: null }], REFERENCES, null, TODAY)[0].applies).toBe(false);
  });
});

describe("the reasoned-decision rule (policy 5.2, consent-withdrawal and deletion rows)", () => {
  it("refuses to grant a deletion in full while AML retention applies", () => {
    const check = checkClosingDecision(decision(), [C3], REFERENCES, null, TODAY);
    expect(check.ok).toBe(false);
    expect(check.errors.outcome).toBe("retentionApplies");
    expect(check.retainedCodes).toEqual(["C3"]);
  });

  it("a refusal needs reasons and the retention law as its ground", () => {
    expect(checkClosingDecision(decision({ outcome: "refused" }), [C3], REFERENCES, null, TODAY).errors).toMatchObject({ reason: "reasonedDecisionRequired", legalGroundCode: "legalGroundRequired" });
    expect(checkClosingDecision(decision({ outcome: "refused", reason: "The AML law keeps operations.", legalGroundCode: "CC-178-1" }), [C3], REFERENCES, null, TODAY).errors).toEqual({ legalGroundCode: "groundNotRetentionLaw" });
    const ok = checkClosingDecision(decision({ outcome: "refused", reason: "The AML law keeps operations for 5 years.", legalGroundCode: "AML-11-4" }), [C3], REFERENCES, null, TODAY);
    expect(ok).toMatchObject({ ok: true, grantedCodes: [], retainedCodes: ["C3"] });
  });

  it("grants the purposes whose period has run out and keeps the others in a partial answer", () => {
    const partial = checkClosingDecision(decision({ outcome: "partial", reason: "AML keeps wallet operations.", legalGroundCode: "AML-11-4" }), [C3, C7], REFERENCES, "2022-01-10", TODAY);
    expect(partial).toMatchObject({ ok: true, grantedCodes: ["C7"], retainedCodes: ["C3"] });
    // A partial deletion must delete something.
    expect(checkClosingDecision(decision({ outcome: "partial", reason: "AML keeps wallet operations.", legalGroundCode: "AML-11-4" }), [C3], REFERENCES, null, TODAY).errors.outcome).toBe("nothingToGrant");
  });

  it("completes a deletion once every retention period has run out", () => {
    expect(checkClosingDecision(decision(), [C7], REFERENCES, "2022-01-10", TODAY)).toMatchObject({ ok: true, grantedCodes: ["C7"], retainedCodes: [] });
  });

  it("does not look at retention for rights that delete nothing", () => {
    expect(checkClosingDecision(decision({ right: "information", answerText: "Here is the information you asked for." }), [C3], REFERENCES, null, TODAY)).toMatchObject({ ok: true, grantedCodes: ["C3"] });
  });

  it("withdrawing consent to essential processing: the answer must say the service ends (policy 4.3)", () => {
    const base = decision({ right: "consent-withdrawal", outcome: "partial", reason: "AML keeps wallet operations.", legalGroundCode: "AML-11-4" });
    expect(checkClosingDecision(base, [C3], REFERENCES, null, TODAY).errors).toEqual({ serviceEndsAcknowledged: "serviceEndsRequired", answerText: "serviceEndsStatementMissing" });
    const withStatement = { ...base, serviceEndsAcknowledged: true, answerText: `Processing has stopped.\n${SERVICE_ENDS.replace(" ", "  ")}` };
    // A partial withdrawal may keep every record (processing stops, the law keeps the data).
    expect(checkClosingDecision(withStatement, [C3], REFERENCES, null, TODAY)).toMatchObject({ ok: true, serviceEnds: true, grantedCodes: [] });
    // Marketing (C7) is not essential: no such statement is needed.
    expect(checkClosingDecision(decision({ right: "consent-withdrawal" }), [C7], REFERENCES, "2022-01-10", TODAY)).toMatchObject({ ok: true, serviceEnds: false });
  });

  it("every closing needs an answer", () => {
    expect(checkClosingDecision(decision({ right: "information", answerText: "ok" }), [C7], REFERENCES, null, TODAY).errors).toEqual({ answerText: "answerRequired" });
  });
});
