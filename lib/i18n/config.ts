export const LOCALES = ["ru", "kk", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ru";
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** Dates are shown in Almaty time; everything is stored in UTC. */
export const DISPLAY_TIME_ZONE = "Asia/Almaty";
/** Register content in several languages falls back in this order, never to an empty cell. */
export const CONTENT_FALLBACK: Record<Locale, Locale[]> = { ru: ["ru", "kk", "en"], kk: ["kk", "ru", "en"], en: ["en", "ru", "kk"] };

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** Picks the best supported locale from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { lang: tag.toLowerCase().split("-")[0], q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLocale(lang)) return lang;
  return null;
}

/** The value of a multilingual field in the chosen language, else the next one that has it. */
export function localized(locale: Locale, values: Partial<Record<Locale, string | null | undefined>>): string {
  for (const l of CONTENT_FALLBACK[locale]) {
    const v = values[l];
    if (v) return v;
  }
  return "";
}

/** A multilingual list (e.g. purposes of transfer): the chosen language's, else the next non-empty one. */
export function localizedList(locale: Locale, values: Partial<Record<Locale, readonly string[] | null | undefined>>): string[] {
  for (const l of CONTENT_FALLBACK[locale]) {
    const v = values[l];
    if (v && v.length) return [...v];
  }
  return [];
}
