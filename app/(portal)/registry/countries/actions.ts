"use server";
import { runAction } from "@/lib/server/auth/session";
import { archiveCalendarDayDef, createCalendarDayDef, updateCalendarDayDef } from "@/lib/server/actions/record";

// Thin entry points for the holiday calendars: declared in lib/server/actions/record.ts.
export async function createCalendarDayAction(input: unknown) {
  return runAction(createCalendarDayDef, input);
}

export async function updateCalendarDayAction(input: unknown) {
  return runAction(updateCalendarDayDef, input);
}

export async function archiveCalendarDayAction(input: unknown) {
  return runAction(archiveCalendarDayDef, input);
}
