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
  it("flags an event reported as happening more than the clock-skew tolerance after it was received, not within it", () => {
    const at = (occurredAt: string) =>
      assessTransfer({ recipient: halyk, destinationCountry: "KZ", approval: { state: "covered" }, failedRules: [], occurredAt, receivedAt: "2026-11-20T08:00:00.000Z" }).map((f) => f.code);
    expect(at("2026-11-20T08:05:00.000Z")).toEqual([]); // 5 minutes: a clock that is off
    expect(at("2026-11-20T08:05:00.001Z")).toEqual(["occurred-in-future"]);
    expect(at("2026-11-19T08:00:00.000Z")).toEqual([]); // late reports are not this flag's business
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
