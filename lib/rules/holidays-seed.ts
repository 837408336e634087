/**
 * SEED holiday calendars for Kazakhstan and Russia, 2025-2026.
 *
 * The DPO maintains holiday calendars in the portal as data (RULES.md C4): this file only
 * seeds them and serves tests. Governments announce transfers late in the year before (and
 * sometimes within the year), so these lists go stale; the portal's rows win.
 *
 * When unsure whether a day is off, it is LEFT OUT: a missing day off makes a subject-request
 * deadline earlier than the real one, which is the safe side. (For the B4 wait after an RKN
 * notification a missing day off is the unsafe side; the RU lists below are the official decrees.)
 *
 * kinds:
 * - holiday:     a public holiday by statute
 * - carry-over:  a weekend-falling holiday moved to the next working day by statute
 * - transfer:    a day off moved by a government decree / ministerial order
 * - working-day: a weekend day made a working day by such a transfer
 */
import type { WorkingCalendar } from "./working-days";

export interface CalendarEntry {
  date: string;
  kind: "holiday" | "carry-over" | "transfer" | "working-day";
  name: string;
  source: string;
}

const KZ_HOLIDAYS_LAW = "KZ Law 'On holidays in the Republic of Kazakhstan' (2001), as amended";
const KZ_CARRY_OVER =
  "KZ statutory carry-over: a holiday on a weekend moves the day off to the next working day (not for Orthodox Christmas or Kurban Ait); eGov holiday calendar";
const KZ_KURBAN = "KZ holidays law (first day of Kurban Ait is a day off); date per eGov calendar";
const KZ_EGOV_2026 = "eGov holiday calendar for 2026 (published Jan 2026)";

function entries(kind: CalendarEntry["kind"], source: string, list: [string, string][]): CalendarEntry[] {
  return list.map(([date, name]) => ({ date, kind, name, source }));
}

export const KZ_CALENDAR_ENTRIES: readonly CalendarEntry[] = [
  // ---- 2025 ----
  ...entries("holiday", KZ_HOLIDAYS_LAW, [
    ["2025-01-01", "New Year"],
    ["2025-01-02", "New Year"],
    ["2025-01-07", "Orthodox Christmas"],
    ["2025-03-08", "International Women's Day"],
    ["2025-03-21", "Nauryz"],
    ["2025-03-22", "Nauryz"],
    ["2025-03-23", "Nauryz"],
    ["2025-05-01", "Unity Day"],
    ["2025-05-07", "Defender of the Fatherland Day"],
    ["2025-05-09", "Victory Day"],
    ["2025-07-06", "Capital Day"],
    ["2025-08-30", "Constitution Day"],
    ["2025-10-25", "Republic Day"],
    ["2025-12-16", "Independence Day"],
  ]),
  ...entries("holiday", KZ_KURBAN, [["2025-06-06", "Kurban Ait (first day)"]]),
  ...entries("carry-over", KZ_CARRY_OVER, [
    ["2025-03-10", "for Women's Day (Sat 8 Mar)"],
    ["2025-03-24", "for Nauryz (Sat 22 Mar)"],
    ["2025-03-25", "for Nauryz (Sun 23 Mar)"],
    ["2025-07-07", "for Capital Day (Sun 6 Jul)"],
    ["2025-09-01", "for Constitution Day (Sat 30 Aug)"],
    ["2025-10-27", "for Republic Day (Sat 25 Oct)"],
  ]),
  ...entries(
    "transfer",
    "Order of the KZ Minister of Labour and Social Protection (Nov 2024): day off moved from Sun 5 Jan to Fri 3 Jan 2025",
    [["2025-01-03", "New Year bridge"]],
  ),
  ...entries(
    "working-day",
    "Order of the KZ Minister of Labour and Social Protection (Nov 2024): day off moved from Sun 5 Jan to Fri 3 Jan 2025",
    [["2025-01-05", "working Sunday (for Fri 3 Jan)"]],
  ),

  // ---- 2026 ----
  ...entries("holiday", KZ_HOLIDAYS_LAW, [
    ["2026-01-01", "New Year"],
    ["2026-01-02", "New Year"],
    ["2026-01-07", "Orthodox Christmas"],
    ["2026-03-08", "International Women's Day"],
    ["2026-03-21", "Nauryz"],
    ["2026-03-22", "Nauryz"],
    ["2026-03-23", "Nauryz"],
    ["2026-05-01", "Unity Day"],
    ["2026-05-07", "Defender of the Fatherland Day"],
    ["2026-05-09", "Victory Day"],
    ["2026-07-06", "Capital Day"],
    // 30 Aug (Constitution Day) is left out: after the new Constitution adopted by the
    // referendum of 15 Mar 2026 the Ministry of Labour said 30 Aug 2026 is no longer a day
    // off (Constitution Day moves to 15 Mar from 2027). One press source; DPO to confirm.
    ["2026-10-25", "Republic Day"],
    ["2026-12-16", "Independence Day"],
  ]),
  ...entries("holiday", KZ_KURBAN, [["2026-05-27", "Kurban Ait (first day)"]]),
  ...entries("carry-over", `${KZ_CARRY_OVER}; ${KZ_EGOV_2026}`, [
    ["2026-03-09", "for Women's Day (Sun 8 Mar)"],
    ["2026-03-24", "for Nauryz (Sat 21 Mar)"],
    ["2026-03-25", "for Nauryz (Sun 22 Mar)"],
    ["2026-05-11", "for Victory Day (Sat 9 May)"],
    ["2026-10-26", "for Republic Day (Sun 25 Oct)"],
  ]),
];

const RU_LABOUR_CODE = "RU Labour Code art. 112";
const RU_DECREE_2025 = "RF Government decree No. 1335 of 4 Oct 2024 (days off in 2025)";
const RU_DECREE_2026 = "RF Government decree No. 1466 of 24 Sep 2025 (days off in 2026)";

function newYearHolidays(year: number): [string, string][] {
  // Jan 1-6 and 8 are New Year holidays, Jan 7 is Christmas (Labour Code art. 112).
  return [1, 2, 3, 4, 5, 6, 7, 8].map((d) => [
    `${year}-01-0${d}`,
    d === 7 ? "Orthodox Christmas" : "New Year holidays",
  ]);
}

export const RU_CALENDAR_ENTRIES: readonly CalendarEntry[] = [
  // ---- 2025 ----
  ...entries("holiday", RU_LABOUR_CODE, [
    ...newYearHolidays(2025),
    ["2025-02-23", "Defender of the Fatherland Day"],
    ["2025-03-08", "International Women's Day"],
    ["2025-05-01", "Spring and Labour Day"],
    ["2025-05-09", "Victory Day"],
    ["2025-06-12", "Russia Day"],
    ["2025-11-04", "Unity Day"],
  ]),
  ...entries("transfer", RU_DECREE_2025, [
    ["2025-05-02", "from Sat 4 Jan"],
    ["2025-05-08", "from Sun 23 Feb"],
    ["2025-06-13", "from Sat 8 Mar"],
    ["2025-11-03", "from Sat 1 Nov"],
    ["2025-12-31", "from Sun 5 Jan"],
  ]),
  ...entries("working-day", RU_DECREE_2025, [["2025-11-01", "working Saturday (for Mon 3 Nov)"]]),

  // ---- 2026 ----
  ...entries("holiday", RU_LABOUR_CODE, [
    ...newYearHolidays(2026),
    ["2026-02-23", "Defender of the Fatherland Day"],
    ["2026-03-08", "International Women's Day"],
    ["2026-05-01", "Spring and Labour Day"],
    ["2026-05-09", "Victory Day"],
    ["2026-06-12", "Russia Day"],
    ["2026-11-04", "Unity Day"],
  ]),
  ...entries("carry-over", RU_LABOUR_CODE, [
    ["2026-03-09", "for Women's Day (Sun 8 Mar)"],
    ["2026-05-11", "for Victory Day (Sat 9 May)"],
  ]),
  ...entries("transfer", RU_DECREE_2026, [
    ["2026-01-09", "from Sat 3 Jan"],
    ["2026-12-31", "from Sun 4 Jan"],
  ]),
];

/** Builds a working calendar (Sat-Sun weekend) from dated entries. */
export function calendarFromEntries(
  list: readonly CalendarEntry[],
  weekend: readonly number[] = [0, 6],
): WorkingCalendar {
  const daysOff = list.filter((e) => e.kind !== "working-day").map((e) => e.date);
  const workingWeekends = list.filter((e) => e.kind === "working-day").map((e) => e.date);
  const years = [...new Set(list.map((e) => Number(e.date.slice(0, 4))))].sort();
  return { weekend, holidays: new Set(daysOff), workingWeekends, coversYears: years };
}

export const KZ_SEED_CALENDAR: WorkingCalendar = calendarFromEntries(KZ_CALENDAR_ENTRIES);
export const RU_SEED_CALENDAR: WorkingCalendar = calendarFromEntries(RU_CALENDAR_ENTRIES);

export const SEED_CALENDARS: Readonly<Record<"KZ" | "RU", WorkingCalendar>> = {
  KZ: KZ_SEED_CALENDAR,
  RU: RU_SEED_CALENDAR,
};
