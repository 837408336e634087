import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { latestPublication, listPublications } from "@/db/queries/publications";
import { PolicyShell } from "./_components/policy-shell";
import { PolicyView } from "./_components/policy-view";
import { policyLanguage } from "./_components/policy-lang";

export async function generateMetadata({ searchParams }: { searchParams: Promise<{ lang?: string }> }) {
  const t = await getTranslations({ locale: await policyLanguage((await searchParams).lang) });
  return { title: t("policy.title") };
}

/** The public policy in force: the latest published edition. No sign-in. */
export default async function PolicyPage({ searchParams }: { searchParams: Promise<{ lang?: string }> }) {
  const lang = await policyLanguage((await searchParams).lang);
  const [edition, editions] = await Promise.all([latestPublication(), listPublications()]);
  if (!edition) notFound();
  return (
    <PolicyShell lang={lang} hrefFor={(l) => `/policy?lang=${l}`} editions={editions} current={edition.version}>
      <PolicyView snapshot={edition.snapshot} lang={lang} version={edition.version} publishedOn={edition.publishedOn} />
    </PolicyShell>
  );
}
