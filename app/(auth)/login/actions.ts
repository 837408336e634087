"use server";
import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { signIn } from "@/lib/server/auth";
import { safeCallbackPath } from "@/lib/auth/callback";
import { getUserLocaleByEmail } from "@/db/queries/users";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";

export type SignInState = { error?: "invalid" } | undefined;

/** Signs in; every failure (unknown account, wrong password, throttled) gets one generic message. */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const target = safeCallbackPath(String(form.get("callbackUrl") ?? "/"));
  try {
    await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirect: false });
  } catch (err) {
    if (err instanceof AuthError) return { error: "invalid" };
    throw err;
  }
  // The person's saved language wins over the browser's from now on.
  const locale = await getUserLocaleByEmail(email);
  if (isLocale(locale)) (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  const { redirect } = await import("next/navigation");
  redirect(target);
}
