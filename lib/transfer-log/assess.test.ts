import { describe, expect, it } from "vitest";
import { assessTransfer } from "./assess";

const halyk = { name: "Halyk Bank of Kazakhstan JSC", status: "active", countryCode: "KZ" };

describe("assessTransfer", () => {
  it("gives no flag to a covered transfer to an active recipient in its country", () => {
    expect(assessTransfer({ recipient: halyk, destinationCountry: "KZ", approval: { state: "covered" }, failedRules: [] })).toEqual([]);
  });
  it("flags a missing, unknown, inactive or exceeded approval", () => {
    const codes = (approval: Parameters<typeof assessTransfer>[0]["approval"]) =>
      assessTransfer({ recipient: halyk, destinationCountry: "KZ", approval, failedRules: [] }).map((f) => f.code);
    expect(codes({ state: "none" })).toEqual(["no-approval"]);
    expect(codes({ state: "unknown" })).toEqual(["approval-unknown"]);
    expect(codes({ state: "inactive", status: "revoked" })).toEqual(["approval-not-active"]);
    expect(codes({ state: "outside", what: ["data item contact: phone"] })).toEqual(["outside-approval"]);
  });
  it("flags an archived recipient, a destination elsewhere than the register says, and blocking rule failures only", () => {
    const flags = assessTransfer({
      recipient: { ...halyk, status: "archived" },
      destinationCountry: "RU",
      approval: { state: "covered" },
      failedRules: [
        { ruleId: "B2", reason: "direct identifiers", severity: "block" },
        { ruleId: "B5", reason: "Russian citizens", severity: "warn" },
      ],
    });
    expect(flags.map((f) => f.code)).toEqual(["recipient-not-active", "destination-mismatch", "rule:B2"]);
    expect(flags[1].reason).toContain("RU");
  });
});
