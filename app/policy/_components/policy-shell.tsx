import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ShieldCheck } from "lucide-react";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";

// Each language names itself, so a reader finds theirs whatever the page's language is.
const SELF_NAMES: Record<Locale, string> = { kk: "Қазақша", ru: "Русский", en: "English" };

/**
 * The frame of the public policy pages: no sign-in, the controller's name, the editions, and a
 * language switch made of plain links (the language is in the URL, so a link shows what it says).
 */
export async function PolicyShell({
  lang,
  hrefFor,
  editions,
  current,
  children,
}: {
  lang: Locale;
  hrefFor: (lang: Locale) => string;
  editions: { version: string; publishedOn: string }[];
  current?: string;
  children: React.ReactNode;
}) {
  const t = await getTranslations({ locale: lang });
  return (
    <div lang={lang} className="min-h-screen bg-muted/30">
      <header className="border-b bg-background">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-2 font-semibold">
            <ShieldCheck className="size-5 text-primary" aria-hidden />
            {t("policy.controller")}
          </div>
          <nav aria-label={t("policy.languages")} className="flex gap-1 text-sm">
            {(["kk", "ru", "en"] as const).filter((l) => LOCALES.includes(l)).map((l) => (
              <Link
                key={l}
                href={hrefFor(l)}
                lang={l}
                hrefLang={l}
                aria-current={l === lang ? "true" : undefined}
                className={cn("rounded-md px-2 py-1 hover:bg-accent", l === lang && "bg-accent font-medium")}
              >
                {SELF_NAMES[l]}
              </Link>
            ))}
          </nav>
        </div>
        {editions.length > 0 && (
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-4 pb-3 text-sm">
            <span className="text-muted-foreground">{t("policy.editions")}</span>
            {editions.map((e) => (
              <Link
                key={e.version}
                href={`/policy/${e.version}?lang=${lang}`}
                aria-current={e.version === current ? "page" : undefined}
                className={cn("rounded-md border px-2 py-0.5 hover:bg-accent", e.version === current && "bg-accent font-medium")}
              >
                {e.version}
              </Link>
            ))}
            {editions.length > 1 && (
              <Link href={`/policy/compare?from=${editions[1].version}&to=${editions[0].version}&lang=${lang}`} className="ml-2 underline-offset-4 hover:underline">
                {t("policy.compareLatest")}
              </Link>
            )}
          </div>
        )}
      </header>
      <main id="main" className="mx-auto grid max-w-6xl gap-6 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
