import { describe, expect, it } from "vitest";
import { KZ_SEED_CALENDAR as KZ, RU_SEED_CALENDAR as RU } from "./holidays-seed";
import {
  addCalendarDays,
  addWorkingDays,
  dayOfWeek,
  isWorkingDay,
  subjectRequestDeadline,
  workingDaysBetween,
  type WorkingCalendar,
} from "./working-days";

const plain: WorkingCalendar = { weekend: [0, 6], holidays: [] };

describe("working-day arithmetic", () => {
  it("counts from the day after receipt: day 0 never counts", () => {
    expect(addWorkingDays("2026-11-27", 0, plain)).toBe("2026-11-27");
    expect(addWorkingDays("2026-11-27", 1, plain)).toBe("2026-11-30"); // Fri → Mon
    expect(addWorkingDays("2026-11-28", 1, plain)).toBe("2026-11-30"); // received Sat → Mon
    expect(addWorkingDays("2026-11-30", 1, plain)).toBe("2026-12-01");
  });

  it("skips holidays given as an array or a set", () => {
    expect(addWorkingDays("2026-12-04", 1, { weekend: [0, 6], holidays: ["2026-12-07"] })).toBe("2026-12-08");
    expect(addWorkingDays("2026-12-04", 1, { weekend: [0, 6], holidays: new Set(["2026-12-07"]) })).toBe("2026-12-08");
  });

  it("counts transferred working weekend days", () => {
    expect(isWorkingDay("2025-11-01", RU)).toBe(true); // RU working Saturday
    expect(isWorkingDay("2025-01-05", KZ)).toBe(true); // KZ working Sunday
    expect(isWorkingDay("2025-11-08", RU)).toBe(false);
  });

  it("is the inverse of workingDaysBetween", () => {
    for (let i = 0; i < 60; i++) {
      const start = addCalendarDays("2025-12-20", i * 3);
      for (const n of [1, 3, 7, 10]) {
        for (const cal of [KZ, RU]) {
          expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
        }
      }
    }
    expect(workingDaysBetween("2026-12-11", "2026-11-27", RU)).toBe(-10);
  });

  it("refuses bad input", () => {
    expect(() => addWorkingDays("2026-02-30", 1, plain)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-02-27", -1, plain)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-02-27", 1, { weekend: [0, 1, 2, 3, 4, 5, 6], holidays: [] })).toThrow(/no working days/);
  });

  it("knows the days of the week", () => {
    expect(dayOfWeek("2026-11-27")).toBe(5);
    expect(dayOfWeek("1969-12-31")).toBe(3);
  });
});

describe("data-subject request deadlines: Russia", () => {
  it("access request received Friday 2026-11-27: 10 working days → Friday 2026-12-11", () => {
    const d = subjectRequestDeadline({ law: "RU", right: "access", receivedOn: "2026-11-27", calendar: RU });
    expect(d).toMatchObject({ dueOn: "2026-12-11", days: 10, unit: "working", ruleId: "C2", source: "RU-152 art. 20" });
    expect(d.calendarWarning).toBeNull();
  });

  it("extends an access request once by 5 working days", () => {
    const d = subjectRequestDeadline({ law: "RU", right: "access", receivedOn: "2026-11-27", calendar: RU, extended: true });
    expect(d).toMatchObject({ dueOn: "2026-12-18", days: 15, extended: true });
  });

  it("correction received the day before Russia Day (Thu 2026-06-11): 7 working days → 2026-06-23", () => {
    // Fri 12 Jun is a holiday, 13-14 Jun the weekend.
    expect(subjectRequestDeadline({ law: "RU", right: "correct", receivedOn: "2026-06-11", calendar: RU }).dueOn).toBe(
      "2026-06-23",
    );
  });

  it("access request received 2025-12-30 runs past the New Year holidays to 2026-01-23", () => {
    // 31 Dec 2025 (transfer) and 1-11 Jan 2026 are days off.
    expect(subjectRequestDeadline({ law: "RU", right: "access", receivedOn: "2025-12-30", calendar: RU }).dueOn).toBe(
      "2026-01-23",
    );
  });

  it("counts the working Saturday 1 Nov 2025 and skips 3-4 Nov", () => {
    const d = subjectRequestDeadline({ law: "RU", right: "stop-unlawful-processing", receivedOn: "2025-10-31", calendar: RU });
    expect(d.dueOn).toBe("2025-11-06");
    expect(d.ruleId).toBe("C3");
  });

  it("destroys within 10 working days data that cannot be made lawful", () => {
    expect(subjectRequestDeadline({ law: "RU", right: "destroy-unlawful", receivedOn: "2026-04-30", calendar: RU }).dueOn).toBe(
      "2026-05-18", // 1-3 May and 9-11 May are off
    );
  });

  it("destroys within 30 calendar days after the purpose is met or consent withdrawn", () => {
    for (const right of ["destroy-purpose-achieved", "destroy-consent-withdrawn"] as const) {
      const d = subjectRequestDeadline({ law: "RU", right, receivedOn: "2026-12-20", calendar: RU });
      expect(d).toMatchObject({ dueOn: "2027-01-19", unit: "calendar", calendarWarning: null });
    }
  });

  it("refuses to extend anything but an access request", () => {
    expect(() =>
      subjectRequestDeadline({ law: "RU", right: "correct", receivedOn: "2026-11-27", calendar: RU, extended: true }),
    ).toThrow(/cannot be extended/);
  });

  it("warns when the count runs into a year the calendar has no holidays for", () => {
    const d = subjectRequestDeadline({ law: "RU", right: "access", receivedOn: "2026-12-28", calendar: RU });
    expect(d.calendarWarning).toContain("2027");
  });
});

describe("data-subject request deadlines: Kazakhstan", () => {
  it("information request received before Independence Day (Tue 2026-12-15): 3 working days → Mon 2026-12-21", () => {
    const d = subjectRequestDeadline({ law: "KZ", right: "information", receivedOn: "2026-12-15", calendar: KZ });
    expect(d).toMatchObject({ dueOn: "2026-12-21", ruleId: "C1", source: "KZ-PDL art. 25 p. 2" });
  });

  it("change request received the day before Defender's Day (Wed 2026-05-06): 1 working day → 2026-05-08", () => {
    expect(subjectRequestDeadline({ law: "KZ", right: "change", receivedOn: "2026-05-06", calendar: KZ }).dueOn).toBe(
      "2026-05-08",
    );
  });

  it("blocking request received Friday before Victory Day on a Saturday: carried-over Monday is off", () => {
    // Sat 9 May 2026 is Victory Day; the day off moves to Mon 11 May.
    expect(subjectRequestDeadline({ law: "KZ", right: "block", receivedOn: "2026-05-08", calendar: KZ }).dueOn).toBe(
      "2026-05-12",
    );
  });

  it("information request received Friday 2026-03-20 skips Nauryz (21-25 Mar) → 2026-03-30", () => {
    expect(subjectRequestDeadline({ law: "KZ", right: "information", receivedOn: "2026-03-20", calendar: KZ }).dueOn).toBe(
      "2026-03-30",
    );
  });

  it("destroy request received on the New Year's Eve 2024 counts the working Sunday 5 Jan 2025", () => {
    // 1-4 Jan 2025 are off (3 Jan by transfer), Sun 5 Jan works.
    expect(subjectRequestDeadline({ law: "KZ", right: "destroy", receivedOn: "2024-12-31", calendar: KZ }).dueOn).toBe(
      "2025-01-05",
    );
  });

  it("does not allow extensions", () => {
    expect(() =>
      // @ts-expect-error KZ requests have no extension
      subjectRequestDeadline({ law: "KZ", right: "information", receivedOn: "2026-12-15", calendar: KZ, extended: true }),
    ).toThrow(/cannot be extended/);
  });
});
