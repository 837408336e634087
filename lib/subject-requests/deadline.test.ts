import { describe, expect, it } from "vitest";
import { SEED_CALENDARS } from "@/lib/rules/holidays-seed";
import { SUBJECT_REQUEST_DEADLINES } from "@/lib/rules/legal-facts";
import { dayOfWeek } from "@/lib/rules/working-days";
import { RIGHT_TO_LAW, SUBJECT_RIGHTS, lawRightOf } from "./facts";
import { extensionOf, requestDeadline, timeLeft } from "./deadline";

const { KZ, RU } = SEED_CALENDARS;
const FRIDAY = 5;

describe("request deadlines on the law's country calendar (RULES C1-C4)", () => {
  it("maps every policy right to a right each law has a deadline for", () => {
    for (const right of SUBJECT_RIGHTS) {
      expect(SUBJECT_REQUEST_DEADLINES.KZ).toHaveProperty(RIGHT_TO_LAW[right].KZ);
      expect(SUBJECT_REQUEST_DEADLINES.RU).toHaveProperty(RIGHT_TO_LAW[right].RU);
      // The rights table is the policy's 5.2 (5.1 is the contacts, 5.3 automated decisions, 5.4 minors).
      expect(RIGHT_TO_LAW[right].source).toMatch(/^policy 5\.2 \(/);
    }
  });

  it("a Russian citizen's access request on Friday 8 May 2026, before Monday 11 May (Victory Day carried over): 10 working days end on Mon 25 May", () => {
    expect(dayOfWeek("2026-05-08")).toBe(FRIDAY);
    const d = requestDeadline({ law: "RU", right: "information", deletionGround: null, receivedOn: "2026-05-08", extended: false }, RU);
    // 12-15 May (4), 18-22 May (9), 25 May (10): 11 May is a day off.
    expect(d).toMatchObject({ dueOn: "2026-05-25", days: 10, unit: "working", ruleId: "C2", lawRight: "access", extendable: true, calendarWarning: null });
    // Without the holiday it would be Friday 22 May: the calendar matters.
    expect(requestDeadline({ law: "RU", right: "information", deletionGround: null, receivedOn: "2026-05-08", extended: false }, { weekend: [0, 6], holidays: [] }).dueOn).toBe("2026-05-22");
  });

  it("a Russian citizen's blocking request is due the day it arrives (RU-152 art. 21 p. 1, \"с момента такого обращения\"), even on a day off; Kazakhstan's in 1 working day", () => {
    // Saturday 9 May 2026 (Victory Day): not a working day, and still due at once.
    const ru = requestDeadline({ law: "RU", right: "blocking", deletionGround: null, receivedOn: "2026-05-09", extended: false }, RU);
    expect(ru).toMatchObject({ dueOn: "2026-05-09", days: 0, ruleId: "C3", lawRight: "block", extendable: false });
    expect(SUBJECT_REQUEST_DEADLINES.RU.block.source).toBe("RU-152 art. 21 p. 1");
    const kz = requestDeadline({ law: "KZ", right: "blocking", deletionGround: null, receivedOn: "2026-05-13", extended: false }, KZ);
    expect(kz).toMatchObject({ dueOn: "2026-05-14", days: 1, unit: "working", lawRight: "block" });
  });

  it("extends a Russian access request once by 5 working days from the original deadline", () => {
    const d = requestDeadline({ law: "RU", right: "information", deletionGround: null, receivedOn: "2026-05-08", extended: true }, RU);
    expect(d).toMatchObject({ dueOn: "2026-06-01", days: 15, extended: true });
  });

  it("a Russian access request on Friday 11 Dec 2026 is due Friday 25 Dec; extended, it runs into 2027, which the seed calendar lacks, and says so", () => {
    expect(requestDeadline({ law: "RU", right: "information", deletionGround: null, receivedOn: "2026-12-11", extended: false }, RU)).toMatchObject({ dueOn: "2026-12-25", calendarWarning: null });
    const extended = requestDeadline({ law: "RU", right: "information", deletionGround: null, receivedOn: "2026-12-11", extended: true }, RU);
    // 28, 29, 30 Dec; 31 Dec is a transferred day off; 1 Jan 2027 is counted because 2027 has no data.
    expect(extended.dueOn).toBe("2027-01-04");
    expect(extended.calendarWarning).toMatch(/2027/);
  });

  it("a Kazakh information request on Friday 11 Dec 2026 skips Independence Day (Wed 16 Dec): due Thursday 17 Dec", () => {
    const d = requestDeadline({ law: "KZ", right: "information", deletionGround: null, receivedOn: "2026-12-11", extended: false }, KZ);
    expect(d).toMatchObject({ dueOn: "2026-12-17", days: 3, ruleId: "C1", lawRight: "information", extendable: false });
  });

  it("a Kazakh deletion on Friday 8 May 2026 is due the next working day after the Monday carry-over: Tue 12 May", () => {
    expect(requestDeadline({ law: "KZ", right: "deletion", deletionGround: "purpose-achieved", receivedOn: "2026-05-08", extended: false }, KZ).dueOn).toBe("2026-05-12");
  });

  it("a Russian deletion's deadline depends on its ground (RU-152 art. 21)", () => {
    const q = { law: "RU" as const, right: "deletion" as const, receivedOn: "2026-10-30", extended: false };
    // Unlawful: 10 working days; 4 Nov (Unity Day) is off → Mon 16 Nov.
    expect(requestDeadline({ ...q, deletionGround: "unlawful" }, RU)).toMatchObject({ dueOn: "2026-11-16", unit: "working", lawRight: "destroy-unlawful" });
    // Purpose achieved or consent withdrawn: 30 calendar days.
    expect(requestDeadline({ ...q, deletionGround: "purpose-achieved" }, RU)).toMatchObject({ dueOn: "2026-11-29", unit: "calendar" });
    expect(requestDeadline({ ...q, deletionGround: "consent-withdrawn" }, RU).lawRight).toBe("destroy-consent-withdrawn");
    expect(lawRightOf("KZ", "deletion", "unlawful")).toBe("destroy");
  });

  it("only a Russian access request can be extended", () => {
    expect(extensionOf("RU", "information", null)).toEqual({ days: 5, unit: "working" });
    expect(extensionOf("RU", "complaint", null)).toEqual({ days: 5, unit: "working" });
    expect(extensionOf("KZ", "information", null)).toBeNull();
    expect(extensionOf("RU", "deletion", "unlawful")).toBeNull();
  });
});

describe("time left", () => {
  it("tells overdue, due today, due soon and on time, in calendar and working days", () => {
    expect(timeLeft("2026-05-25", "2026-05-26", RU)).toEqual({ urgency: "overdue", calendarDays: -1, workingDays: -1 });
    expect(timeLeft("2026-05-25", "2026-05-25", RU)).toEqual({ urgency: "due-today", calendarDays: 0, workingDays: 0 });
    // Friday → Monday: three calendar days, one working day.
    expect(timeLeft("2026-05-25", "2026-05-22", RU)).toEqual({ urgency: "due-soon", calendarDays: 3, workingDays: 1 });
    // Over the Monday holiday: 8 May → 25 May is 10 working days.
    expect(timeLeft("2026-05-25", "2026-05-08", RU)).toEqual({ urgency: "on-time", calendarDays: 17, workingDays: 10 });
  });
});
