/**
 * Working-day arithmetic over a country calendar given as data (RULES.md C4).
 *
 * Convention (used for every deadline in the portal):
 * - The day of receipt (or filing) is day 0 and never counts, even if it is a working day.
 * - "Within n working days" ends on the n-th working day AFTER day 0; that whole day is
 *   still in time. addWorkingDays(d, 0) is d itself.
 * - A working day is a day that is not a weekend day and not a holiday, or that is a
 *   transferred working weekend day (a "working Saturday").
 * So: addWorkingDays(a, n) === b  ⇔  workingDaysBetween(a, b) === n  (for b a working day).
 *
 * Dates are ISO calendar dates ("YYYY-MM-DD") computed in UTC, so the server's time zone
 * never shifts a day.
 */
import {
  SUBJECT_REQUEST_DEADLINES,
  type Confidence,
  type KzSubjectRight,
  type RuSubjectRight,
} from "./legal-facts";
import type { IsoDate } from "./types";

export interface WorkingCalendar {
  /** Weekend days of the week, 0 = Sunday … 6 = Saturday. */
  weekend: readonly number[];
  /** Days off on top of the weekend (public holidays, carried-over and transferred days). */
  holidays: ReadonlySet<string> | readonly string[];
  /** Weekend days that are working days by a transfer (e.g. a working Saturday). */
  workingWeekends?: readonly string[];
  /** Years whose holidays the calendar holds; a date outside them is computed with weekends only. */
  coversYears?: readonly number[];
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toEpochDay(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: refuse instead.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return ms / DAY_MS;
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  try {
    toEpochDay(value);
    return true;
  } catch {
    return false;
  }
}

export function assertIsoDate(value: string, label = "date"): void {
  if (!isIsoDate(value)) throw new RangeError(`${label} is not an ISO date (YYYY-MM-DD): ${JSON.stringify(value)}`);
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + n);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 (epoch day 0) was a Thursday.
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

// Arrays given as calendars are turned into sets once per array.
const setCache = new WeakMap<readonly string[], ReadonlySet<string>>();
function asSet(days: ReadonlySet<string> | readonly string[] | undefined): ReadonlySet<string> {
  if (!days) return new Set();
  if (!Array.isArray(days)) return days as ReadonlySet<string>;
  const list = days as readonly string[];
  let set = setCache.get(list);
  if (!set) {
    set = new Set(list);
    setCache.set(list, set);
  }
  return set;
}

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar): boolean {
  if (asSet(calendar.workingWeekends).has(date)) return true;
  if (calendar.weekend.includes(dayOfWeek(date))) return false;
  return !asSet(calendar.holidays).has(date);
}

// A calendar with no working day would loop forever; no real calendar has a year off.
const MAX_SCAN_DAYS = 366 * 3;

/** The n-th working day after `start` (start is day 0). n must be a whole number ≥ 0. */
export function addWorkingDays(start: IsoDate, n: number, calendar: WorkingCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  let day = toEpochDay(start);
  let counted = 0;
  let scanned = 0;
  while (counted < n) {
    day += 1;
    if (++scanned > MAX_SCAN_DAYS + n * 7) throw new RangeError("calendar has no working days");
    if (isWorkingDay(fromEpochDay(day), calendar)) counted += 1;
  }
  return fromEpochDay(day);
}

/**
 * Working days d with from < d ≤ to (same convention as addWorkingDays).
 * Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): number {
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  if (b < a) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = a + 1; day <= b; day++) {
    if (isWorkingDay(fromEpochDay(day), calendar)) count += 1;
  }
  return count;
}

/** True when the calendar says it holds holidays for the date's year (or does not say). */
export function calendarCovers(date: IsoDate, calendar: WorkingCalendar): boolean {
  if (!calendar.coversYears) return true;
  return calendar.coversYears.includes(Number(date.slice(0, 4)));
}

// ---------------------------------------------------------------------------
// Data-subject request deadlines (C1-C3)
// ---------------------------------------------------------------------------

export type SubjectRequestInput =
  | { law: "KZ"; right: KzSubjectRight; receivedOn: IsoDate; calendar: WorkingCalendar; extended?: false }
  | { law: "RU"; right: RuSubjectRight; receivedOn: IsoDate; calendar: WorkingCalendar; extended?: boolean };

export interface SubjectRequestDeadline {
  /** Last day on which the answer/action is in time. */
  dueOn: IsoDate;
  days: number;
  unit: "working" | "calendar";
  extended: boolean;
  ruleId: string;
  source: string;
  confidence: Confidence;
  title: string;
  /** Set when the calendar holds no holidays for a year the count runs through. */
  calendarWarning: string | null;
}

/**
 * Deadline for a data-subject request under the applicable law's calendar.
 * `extended` (RU access only, once, by 5 working days with a reasoned notice) counts the
 * extension on from the original deadline.
 */
export function subjectRequestDeadline(input: SubjectRequestInput): SubjectRequestDeadline {
  const { law, right, receivedOn, calendar } = input;
  assertIsoDate(receivedOn, "receivedOn");
  const fact =
    law === "KZ"
      ? SUBJECT_REQUEST_DEADLINES.KZ[right as KzSubjectRight]
      : SUBJECT_REQUEST_DEADLINES.RU[right as RuSubjectRight];
  if (!fact) throw new RangeError(`Unknown ${law} right: ${right}`);
  const extended = input.extended === true;
  if (extended && !fact.extension) {
    throw new RangeError(`${law} "${right}" requests cannot be extended`);
  }

  let dueOn =
    fact.unit === "working"
      ? addWorkingDays(receivedOn, fact.days, calendar)
      : addCalendarDays(receivedOn, fact.days);
  let days = fact.days;
  if (extended && fact.extension) {
    dueOn =
      fact.extension.unit === "working"
        ? addWorkingDays(dueOn, fact.extension.days, calendar)
        : addCalendarDays(dueOn, fact.extension.days);
    days += fact.extension.days;
  }

  // Every year the count runs through must be in the calendar, or holidays are missing.
  const uncoveredYears: number[] = [];
  for (let y = Number(receivedOn.slice(0, 4)); y <= Number(dueOn.slice(0, 4)); y++) {
    if (!calendarCovers(`${y}-01-01`, calendar)) uncoveredYears.push(y);
  }
  const calendarWarning =
    fact.unit === "working" && uncoveredYears.length > 0
      ? `The ${law} calendar holds no holidays for ${uncoveredYears.join(", ")}: the deadline counts weekends only there.`
      : null;

  return {
    dueOn,
    days,
    unit: fact.unit,
    extended,
    ruleId: fact.ruleId,
    source: fact.source,
    confidence: fact.confidence,
    title: fact.title,
    calendarWarning,
  };
}
