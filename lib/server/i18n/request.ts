import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, DISPLAY_TIME_ZONE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/config";

/**
 * The language of a request: the person's choice (a cookie, set from their profile at sign-in
 * and by the header switch), else the browser's Accept-Language, else Russian.
 */
export async function requestLocale(): Promise<Locale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async ({ locale: explicit }) => {
  // An explicit locale (getTranslations({ locale })) wins: the public policy renders in the
  // language its own switch chose, and API responses in the language asked for.
  const locale = isLocale(explicit) ? explicit : await requestLocale();
  return {
    locale,
    timeZone: DISPLAY_TIME_ZONE,
    messages: (await import(`@/lib/i18n/messages/${locale}.json`)).default,
  };
});
