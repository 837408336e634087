"use server";
import { runAction } from "@/lib/auth/session";
import { markNotificationsReadDef } from "@/lib/actions/notifications";

export async function markNotificationsReadAction(input: unknown) {
  return runAction(markNotificationsReadDef, input);
}
