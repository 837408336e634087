import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPublication, listPublications } from "@/db/queries/publications";
import { comparePolicies, type EntryComparison } from "@/lib/policy/compare";
import { compareQuery } from "@/lib/validation/publication";
import type { Locale } from "@/lib/i18n/config";
import { PolicyShell } from "../_components/policy-shell";
import { ChangeBadge, PurposeArticle, RecipientArticle } from "../_components/policy-view";
import { policyLanguage } from "../_components/policy-lang";

export async function generateMetadata({ searchParams }: { searchParams: Promise<{ lang?: string }> }) {
  const t = await getTranslations({ locale: await policyLanguage((await searchParams).lang) });
  return { title: t("policy.compareTitle") };
}

/** Two editions side by side, entry by entry, with the differences marked. No sign-in. */
export default async function PolicyComparePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const raw = await searchParams;
  const lang = await policyLanguage(raw.lang);
  const editions = await listPublications();
  const query = compareQuery.parse(raw);
  // Defaults: the edition before the latest against the latest.
  const to = query.to ?? editions[0]?.version;
  const from = query.from ?? editions[1]?.version ?? to;
  const [a, b] = await Promise.all([from ? getPublication(from) : null, to ? getPublication(to) : null]);
  if (!a || !b) notFound();
  const t = await getTranslations({ locale: lang });
  const diff = comparePolicies(a.snapshot, b.snapshot);
  const showAll = raw.all === "1";
  const href = (l: Locale, all = showAll) => `/policy/compare?from=${a.version}&to=${b.version}&lang=${l}${all ? "&all=1" : ""}`;

  const rows = <E extends object>(entries: EntryComparison<E>[], render: (e: E, changed: string[]) => React.ReactNode, kind: "purpose" | "recipient") =>
    entries
      .filter((e) => showAll || e.change !== "same")
      .map((e) => (
        <div key={e.key} className="grid gap-2" data-compare={kind} data-key={e.key} data-change={e.change}>
          <div className="flex items-center gap-2">
            <span className="font-mono text-sm">{e.key}</span>
            <ChangeBadge change={e.change} label={t(`policy.changes.${e.change}`)} />
          </div>
          <div className="grid gap-3 md:grid-cols-2">
            <div aria-label={t("policy.editionN", { version: a.version })}>{e.from ? render(e.from, e.fields) : <p className="text-sm text-muted-foreground">{t("policy.absent")}</p>}</div>
            <div aria-label={t("policy.editionN", { version: b.version })}>{e.to ? render(e.to, e.fields) : <p className="text-sm text-muted-foreground">{t("policy.absent")}</p>}</div>
          </div>
        </div>
      ));

  return (
    <PolicyShell lang={lang} hrefFor={(l) => href(l)} editions={editions}>
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("policy.compareTitle")}</h1>
        <p className="text-sm text-muted-foreground" data-testid="compare-summary">
          {t("policy.compareSummary", { from: a.version, to: b.version, count: diff.differences })}
        </p>
        <p className="text-sm">
          <Link href={href(lang, !showAll)} className="underline-offset-4 hover:underline">
            {showAll ? t("policy.showChangedOnly") : t("policy.showAll")}
          </Link>
        </p>
      </div>
      <div className="hidden gap-3 md:grid md:grid-cols-2" aria-hidden>
        <p className="font-medium">{t("policy.editionN", { version: a.version })}</p>
        <p className="font-medium">{t("policy.editionN", { version: b.version })}</p>
      </div>
      <section aria-labelledby="compare-3" className="grid gap-4">
        <h2 id="compare-3" className="text-xl font-semibold">
          {t("policy.section3")}
        </h2>
        {rows(diff.purposes, (p, changed) => <PurposeArticle purpose={p} lang={lang} changed={changed} />, "purpose")}
      </section>
      <section aria-labelledby="compare-7-1" className="grid gap-4">
        <h2 id="compare-7-1" className="text-xl font-semibold">
          {t("policy.section71")}
        </h2>
        {rows(diff.recipients, (r, changed) => <RecipientArticle recipient={r} lang={lang} changed={changed} />, "recipient")}
      </section>
    </PolicyShell>
  );
}
