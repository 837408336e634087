import { describe, expect, it } from "vitest";
import { lintInput, purpose } from "@/lib/lint/fixtures";
import { addMonths, cohortsOf, retentionCsvRows, retentionSchedule } from "./schedule";

/** The record of processing without the lint's `today`: the schedule takes the day separately. */
const record = (purposes: ReturnType<typeof purpose>[]) => {
  const input: Partial<ReturnType<typeof lintInput>> = lintInput({ purposes });
  delete input.today;
  return input as Omit<ReturnType<typeof lintInput>, "today">;
};

describe("addMonths", () => {
  it("crosses year boundaries both ways", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-12", -60)).toBe("2021-12");
  });
});

describe("the retention schedule", () => {
  it("makes the cohort of contracts ended N years earlier fall due each month", () => {
    const s = retentionSchedule(record([purpose({ code: "C1" })]), "2026-11-25", { pastMonths: 0, futureMonths: 12 });
    expect(s.months).toHaveLength(12);
    expect(s.months[0]).toMatchObject({ month: "2026-11", current: true, past: false });
    const december = s.months.find((m) => m.month === "2026-12")!;
    expect(december.due).toEqual([{ month: "2026-12", code: "C1", trigger: "contract-end", cohortMonth: "2021-12", years: 5, alsoAfter: null }]);
    expect(s.months.at(-1)!.month).toBe("2027-10");
    expect(s.attention).toEqual([]);
  });

  it("shows past months as overdue cohorts", () => {
    const s = retentionSchedule(record([purpose({ code: "C6", retentionYears: 3, deletionDelayYears: 3, retentionLawCodes: ["CC-178-1"] })]), "2026-03-10", { pastMonths: 2, futureMonths: 1 });
    expect(s.months.map((m) => [m.month, m.past, m.due[0].cohortMonth])).toEqual([
      ["2026-01", true, "2023-01"],
      ["2026-02", true, "2023-02"],
      ["2026-03", false, "2023-03"],
    ]);
  });

  it("flags a deletion before the end of retention (the policy's C12) and leaves it out of the due list", () => {
    const s = retentionSchedule(record([purpose({ code: "C1" }), purpose({ code: "C12", retentionYears: 3, deletionDelayYears: 0, retentionLawCodes: ["CC-178-1"] })]), "2026-11-25");
    expect(s.attention.map((r) => [r.code, r.attention, r.lintRuleIds])).toEqual([["C12", ["deletionBeforeRetention"], ["D1-DELETION-BEFORE-RETENTION"]]]);
    expect(s.months.flatMap((m) => m.due.map((d) => d.code))).not.toContain("C12");
    expect(s.months[0].due.map((d) => d.code)).toEqual(["C1"]);
  });

  it("flags a purpose with no period, and retention from a contract the subjects do not have", () => {
    const s = retentionSchedule(
      record([purpose({ code: "C7", retentionYears: null, deletionDelayYears: null }), purpose({ code: "V1", subjectCategory: "visitors", retentionYears: 3, deletionDelayYears: 3 })]),
      "2026-11-25",
    );
    const byCode = Object.fromEntries(s.attention.map((r) => [r.code, r.attention]));
    expect(byCode).toEqual({ C7: ["noPeriod"], V1: ["retentionFromMissingContract"] });
    expect(s.months.every((m) => m.due.length === 0)).toBe(true);
  });

  it("runs from the transaction and keeps a second condition (C9: deleted only after the contract ended too)", () => {
    const s = retentionSchedule(record([purpose({ code: "C9", retentionFrom: "transaction", deletionEvent: "contract-end", deletionDelayYears: 5 })]), "2026-11-25", { pastMonths: 0, futureMonths: 1 });
    expect(s.months[0].due).toEqual([{ month: "2026-11", code: "C9", trigger: "transaction", cohortMonth: "2021-11", years: 5, alsoAfter: "contract-end" }]);
  });

  it("takes a longer deletion delay on the same event as the due date", () => {
    const s = retentionSchedule(record([purpose({ code: "C3", deletionDelayYears: 6 })]), "2026-11-25", { pastMonths: 0, futureMonths: 1 });
    expect(s.months[0].due[0]).toMatchObject({ years: 6, cohortMonth: "2020-11" });
  });

  it("ignores archived purposes and writes the due list as CSV rows", () => {
    const s = retentionSchedule(record([purpose({ code: "C1" }), purpose({ code: "C2", status: "archived" })]), "2026-11-25", { pastMonths: 0, futureMonths: 2 });
    expect(s.rules.map((r) => r.code)).toEqual(["C1"]);
    expect(retentionCsvRows(s)).toEqual([
      ["due_month", "purpose", "trigger", "cohort_month", "years", "also_after"],
      ["2026-11", "C1", "contract-end", "2021-11", "5", ""],
      ["2026-12", "C1", "contract-end", "2021-12", "5", ""],
    ]);
  });

  it("groups a month's purposes by cohort: same trigger and period, one line", () => {
    const s = retentionSchedule(
      record([
        purpose({ code: "C1" }),
        purpose({ code: "C2" }),
        purpose({ code: "C6", retentionYears: 3, deletionDelayYears: 3, retentionLawCodes: ["CC-178-1"] }),
        purpose({ code: "C9", retentionFrom: "transaction", deletionEvent: "contract-end" }),
      ]),
      "2026-11-25",
      { pastMonths: 0, futureMonths: 2 },
    );
    expect(cohortsOf(s.months[1])).toEqual([
      { trigger: "contract-end", cohortMonth: "2021-12", years: 5, alsoAfter: null, codes: ["C1", "C2"] },
      { trigger: "transaction", cohortMonth: "2021-12", years: 5, alsoAfter: "contract-end", codes: ["C9"] },
      { trigger: "contract-end", cohortMonth: "2023-12", years: 3, alsoAfter: null, codes: ["C6"] },
    ]);
  });
});
