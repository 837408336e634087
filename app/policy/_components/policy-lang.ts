import "server-only";
import { getLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/config";

/** The public policy's language: ?lang= when given (the page's own switch), else the reader's. */
export async function policyLanguage(lang: string | string[] | undefined): Promise<Locale> {
  const wanted = Array.isArray(lang) ? lang[0] : lang;
  return isLocale(wanted) ? wanted : ((await getLocale()) as Locale);
}
