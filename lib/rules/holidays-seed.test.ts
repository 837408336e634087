import { describe, expect, it } from "vitest";
import { KZ_CALENDAR_ENTRIES, KZ_SEED_CALENDAR, RU_CALENDAR_ENTRIES, RU_SEED_CALENDAR } from "./holidays-seed";
import { addCalendarDays, dayOfWeek, isIsoDate, workingDaysBetween } from "./working-days";

describe("holiday seed", () => {
  it.each([
    ["KZ", KZ_CALENDAR_ENTRIES],
    ["RU", RU_CALENDAR_ENTRIES],
  ])("%s entries are valid, unique and sourced", (_, entries) => {
    for (const e of entries) {
      expect(isIsoDate(e.date), e.date).toBe(true);
      expect(e.source.length).toBeGreaterThan(0);
    }
    expect(new Set(entries.map((e) => e.date)).size).toBe(entries.length);
  });

  it("carry-overs and transfers land on weekdays; working days on weekends", () => {
    for (const e of [...KZ_CALENDAR_ENTRIES, ...RU_CALENDAR_ENTRIES]) {
      const weekend = [0, 6].includes(dayOfWeek(e.date));
      if (e.kind === "carry-over" || e.kind === "transfer") expect(weekend, e.date).toBe(false);
      if (e.kind === "working-day") expect(weekend, e.date).toBe(true);
    }
  });

  it("KZ carry-overs match the weekend-falling holidays, minus Christmas and Kurban Ait", () => {
    const religious = new Set(["Orthodox Christmas", "Kurban Ait (first day)"]);
    const weekendHolidays = KZ_CALENDAR_ENTRIES.filter(
      (e) => e.kind === "holiday" && !religious.has(e.name) && [0, 6].includes(dayOfWeek(e.date)),
    );
    const carryOvers = KZ_CALENDAR_ENTRIES.filter((e) => e.kind === "carry-over");
    expect(carryOvers.length).toBe(weekendHolidays.length);
  });

  it("RU gives the official totals of the production calendar: 247 working days in 2025 and in 2026", () => {
    expect(workingDaysBetween("2024-12-31", "2025-12-31", RU_SEED_CALENDAR)).toBe(247);
    expect(workingDaysBetween("2025-12-31", "2026-12-31", RU_SEED_CALENDAR)).toBe(247);
  });

  it("covers 2025 and 2026", () => {
    expect(KZ_SEED_CALENDAR.coversYears).toEqual([2025, 2026]);
    expect(RU_SEED_CALENDAR.coversYears).toEqual([2025, 2026]);
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
