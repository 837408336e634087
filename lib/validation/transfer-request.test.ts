import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { createTransferRequestBody, decideTransferRequestInput, transferRequestInput } from "./transfer-request";
import { fieldErrorsOf } from "./common";

const valid = {
  recipientId: "0b6f4f61-3c1e-4c55-9a53-0b0f7a0d2c11",
  purposeCodes: ["C3", "C3"],
  subjectCategories: ["clients"],
  populations: ["kz-subjects"],
  dataItems: ["financial: balance"],
  actions: ["storage", "use", "use"],
  mode: "one-off",
  periodStart: "2026-03-02",
  expectedVolume: "1200",
  volumePeriod: "once",
  sendingSystem: "payments-core",
  justification: "Wallet top-ups need the bank to see balances.",
};

const errorsOf = (input: unknown, schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } } = transferRequestInput) => {
  const r = schema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error as never);
};

describe("transfer request input", () => {
  it("accepts a one-off request, dedupes lists and coerces the volume", () => {
    const r = transferRequestInput.parse(valid);
    expect(r).toMatchObject({ purposeCodes: ["C3"], actions: ["storage", "use"], expectedVolume: 1200, periodEnd: null, crossBorderGround: null, depersonalised: false });
  });

  it("checks the period and the volume's unit against the mode", () => {
    expect(errorsOf({ ...valid, periodEnd: "2026-03-05" })).toEqual({ periodEnd: "oneOffSingleDay" });
    expect(errorsOf({ ...valid, volumePeriod: "month" })).toEqual({ volumePeriod: "volumePeriodOneOff" });
    expect(errorsOf({ ...valid, mode: "recurring", volumePeriod: "month" })).toEqual({ periodEnd: "required" });
    expect(errorsOf({ ...valid, mode: "recurring", periodEnd: "2026-03-01", volumePeriod: "once" })).toEqual({ periodEnd: "periodEndBeforeStart", volumePeriod: "volumePeriodRecurring" });
    expect(errorsOf({ ...valid, mode: "recurring", periodEnd: "2026-06-30", volumePeriod: "month" })).toEqual({});
  });

  it("names every missing or bad field with a message the UI can translate", () => {
    const missing = errorsOf({});
    expect(Object.values(missing).filter((m) => !(m in en.errors))).toEqual([]);
    const errors = errorsOf({ recipientId: "x", purposeCodes: [], populations: ["children"], dataItems: [], actions: ["sell"], mode: "sometimes", periodStart: "2026-02-30x", expectedVolume: "-3", volumePeriod: "", sendingSystem: "", justification: "short", crossBorderGround: "vibes" });
    expect(Object.keys(errors).sort()).toEqual(
      ["actions.0", "crossBorderGround", "dataItems", "expectedVolume", "justification", "mode", "periodStart", "populations.0", "purposeCodes", "recipientId", "sendingSystem", "subjectCategories", "volumePeriod"].sort(),
    );
    const known = new Set(Object.keys(en.errors));
    const untranslated = Object.entries(errors).filter(([, message]) => !known.has(message));
    expect(untranslated).toEqual([]);
  });

  it("the API body may ask to submit at once; the DPO's approval needs a last valid day", () => {
    expect(createTransferRequestBody.parse({ ...valid, submit: true }).submit).toBe(true);
    expect(createTransferRequestBody.parse(valid).submit).toBe(false);
    const decision = { id: valid.recipientId, expectedVersion: 2, outcome: "approved", reason: "ok, covered by the contract" };
    expect(errorsOf(decision, decideTransferRequestInput)).toEqual({ validUntil: "required" });
    expect(errorsOf({ ...decision, outcome: "rejected", reason: "" }, decideTransferRequestInput)).toEqual({ reason: "reasonRequired" });
    expect(decideTransferRequestInput.parse({ ...decision, validUntil: "2026-06-30" }).acknowledgedRuleIds).toEqual([]);
  });
});
