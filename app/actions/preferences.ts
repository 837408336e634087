"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { setUserLocale } from "@/db/queries/users";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";

/** Switches the language: a cookie for this browser, and the profile when signed in. */
export async function setLocaleAction(locale: string) {
  if (!isLocale(locale)) return { ok: false as const };
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  const user = await currentUser();
  if (user) await setUserLocale(user.id, locale);
  revalidatePath("/", "layout");
  return { ok: true as const };
}
