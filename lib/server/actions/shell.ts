"use server";
/**
 * The server actions the shell's components call (language switch, sign-out, notification bell).
 * They live with the other server glue so components never import from app/.
 */
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { currentUser, runAction } from "@/lib/server/auth/session";
import { signOut } from "@/lib/server/auth";
import { setUserLocale } from "@/db/queries/users";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { markNotificationsReadDef } from "@/lib/server/actions/notifications";

export async function markNotificationsReadAction(input: unknown) {
  return runAction(markNotificationsReadDef, input);
}

/** Switches the language: a cookie for this browser, and the profile when signed in. */
export async function setLocaleAction(locale: string) {
  if (!isLocale(locale)) return { ok: false as const };
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  const user = await currentUser();
  if (user) await setUserLocale(user.id, locale);
  revalidatePath("/", "layout");
  return { ok: true as const };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
