import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { countries, countryCalendarDays } from "../schema";
import { InvalidInputError } from "@/lib/errors";
import type { WorkingCalendar } from "@/lib/rules/working-days";
import type { calendarDayInput } from "@/lib/validation/catalogue";
import type { z } from "zod";
import type { Actor } from "./actor";
import { catalogueSnapshot, recordVersion, refuseWrite } from "./catalogue";

type CalendarDayInput = z.output<typeof calendarDayInput>;

/** Saturday and Sunday (0 = Sunday … 6 = Saturday): the weekend in Kazakhstan and Russia. */
const WEEKEND = [0, 6] as const;

/**
 * The working calendar of a country from its rows in country_calendar_days (RULES C4): days off
 * (holidays, carried-over and transferred days) and worked weekend days; archived rows do not
 * count. coversYears lists the years that have any row, so deadlines know when they run past
 * the data the DPO has entered.
 */
export async function loadWorkingCalendar(countryCode: string, db: Db = getDb()): Promise<WorkingCalendar> {
  const rows = await db
    .select({ date: countryCalendarDays.date, kind: countryCalendarDays.kind })
    .from(countryCalendarDays)
    .where(and(eq(countryCalendarDays.countryCode, countryCode), eq(countryCalendarDays.status, "active")))
    .orderBy(asc(countryCalendarDays.date));
  return {
    weekend: WEEKEND,
    holidays: new Set(rows.filter((r) => r.kind !== "working-day").map((r) => r.date)),
    workingWeekends: rows.filter((r) => r.kind === "working-day").map((r) => r.date),
    coversYears: [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))].sort(),
  };
}

/** A country's calendar rows, archived ones included (the page shows them struck through). */
export async function listCalendarDays(countryCode: string, db: Db = getDb()) {
  return db.select().from(countryCalendarDays).where(eq(countryCalendarDays.countryCode, countryCode)).orderBy(asc(countryCalendarDays.date));
}

const dayKey = (countryCode: string, date: string) => `${countryCode}:${date}`;

export async function createCalendarDay(input: CalendarDayInput, actor: Actor, reason: string | null = null, db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const [country] = await tx.select({ status: countries.status }).from(countries).where(eq(countries.code, input.countryCode));
    if (!country || country.status !== "active") throw new InvalidInputError({ countryCode: "unknownCountry" });
    const [existing] = await tx
      .select({ version: countryCalendarDays.version })
      .from(countryCalendarDays)
      .where(and(eq(countryCalendarDays.countryCode, input.countryCode), eq(countryCalendarDays.date, input.date)));
    if (existing) throw new InvalidInputError({ date: "dayTaken" });
    const [row] = await tx.insert(countryCalendarDays).values({ ...input, version: 1 }).returning();
    await recordVersion(tx, { entity: "calendar-day", key: dayKey(row.countryCode, row.date), version: 1, change: "created", snapshot: catalogueSnapshot(row), reason, actor });
    return row;
  });
}

/** Edits a day's kind, name or source; the date is the row's identity and does not change. */
export async function updateCalendarDay(input: CalendarDayInput, expectedVersion: number, actor: Actor, reason: string | null, db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const where = and(eq(countryCalendarDays.countryCode, input.countryCode), eq(countryCalendarDays.date, input.date));
    const [row] = await tx
      .update(countryCalendarDays)
      .set({ kind: input.kind, name: input.name, source: input.source, version: sql`${countryCalendarDays.version} + 1`, updatedAt: new Date() })
      .where(and(where, eq(countryCalendarDays.version, expectedVersion), sql`${countryCalendarDays.status} <> 'archived'`))
      .returning();
    if (!row) {
      const [current] = await tx.select({ version: countryCalendarDays.version, status: countryCalendarDays.status }).from(countryCalendarDays).where(where);
      return await refuseWrite(tx, "calendar-day", dayKey(input.countryCode, input.date), expectedVersion, current, "Calendar day");
    }
    await recordVersion(tx, { entity: "calendar-day", key: dayKey(row.countryCode, row.date), version: row.version, change: "updated", snapshot: catalogueSnapshot(row), reason, actor });
    return row;
  });
}

/** Archives (the day no longer counts as a day off) or restores a calendar day. */
export async function setCalendarDayArchived(
  input: { countryCode: string; date: string; archived: boolean; expectedVersion: number; reason: string },
  actor: Actor,
  db: Db = getDb(),
) {
  return db.transaction(async (tx) => {
    const where = and(eq(countryCalendarDays.countryCode, input.countryCode), eq(countryCalendarDays.date, input.date));
    const [row] = await tx
      .update(countryCalendarDays)
      .set({ status: input.archived ? "archived" : "active", version: sql`${countryCalendarDays.version} + 1`, updatedAt: new Date() })
      .where(and(where, eq(countryCalendarDays.version, input.expectedVersion)))
      .returning();
    if (!row) {
      const [current] = await tx.select({ version: countryCalendarDays.version, status: countryCalendarDays.status }).from(countryCalendarDays).where(where);
      return await refuseWrite(tx, "calendar-day", dayKey(input.countryCode, input.date), input.expectedVersion, current, "Calendar day");
    }
    await recordVersion(tx, {
      entity: "calendar-day",
      key: dayKey(row.countryCode, row.date),
      version: row.version,
      change: input.archived ? "archived" : "restored",
      snapshot: catalogueSnapshot(row),
      reason: input.reason,
      actor,
    });
    return row;
  });
}
