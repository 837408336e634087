import { describe, expect, it } from "vitest";
import { recipientInput } from "./recipient";

const halyk = {
  nameEn: "Halyk Bank of Kazakhstan JSC",
  countryCode: "KZ",
  role: "operator",
  transferPurposes: ["Issue and redeem e-money"],
  basis: "contract",
  crossBorder: false,
};

describe("recipientInput", () => {
  it("accepts a minimal recipient and fills absent optional fields with null", () => {
    const r = recipientInput.parse(halyk);
    expect(r.email).toBeNull();
    expect(r.contractDate).toBeNull();
    expect(r.permittedActions).toEqual([]);
  });
  it("keeps cross-border consistent with the country", () => {
    const r = recipientInput.safeParse({ ...halyk, countryCode: "RU" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["crossBorder", "crossBorderMismatch"]);
    expect(recipientInput.safeParse({ ...halyk, countryCode: "RU", crossBorder: true }).success).toBe(true);
  });
  it("checks a Kazakhstan BIN has 12 digits", () => {
    const r = recipientInput.safeParse({ ...halyk, registrationNumber: "94014000" });
    expect(r.error?.issues[0]).toMatchObject({ path: ["registrationNumber"], message: "binFormat" });
    expect(recipientInput.safeParse({ ...halyk, registrationNumber: "940140000385" }).success).toBe(true);
  });
  it("refuses an expiry before the contract date, an unknown action and an empty name", () => {
    const r = recipientInput.safeParse({ ...halyk, nameEn: " ", contractNumber: "1", contractDate: "2026-05-01", contractExpiresOn: "2026-01-01", permittedActions: ["sell"] });
    const paths = r.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["nameEn", "permittedActions.0"]));
    expect(recipientInput.safeParse({ ...halyk, contractNumber: "1", contractDate: "2026-05-01", contractExpiresOn: "2026-01-01" }).error?.issues[0].path).toEqual(["contractExpiresOn"]);
  });
});
