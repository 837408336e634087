import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPublication, listPublications } from "@/db/queries/publications";
import { PolicyShell } from "../_components/policy-shell";
import { PolicyView } from "../_components/policy-view";
import { policyLanguage } from "../_components/policy-lang";

export async function generateMetadata({ params, searchParams }: { params: Promise<{ version: string }>; searchParams: Promise<{ lang?: string }> }) {
  const t = await getTranslations({ locale: await policyLanguage((await searchParams).lang) });
  return { title: `${t("policy.title")} ${(await params).version}` };
}

/** One published edition, as it was published. No sign-in. */
export default async function PolicyEditionPage({ params, searchParams }: { params: Promise<{ version: string }>; searchParams: Promise<{ lang?: string }> }) {
  const { version } = await params;
  const lang = await policyLanguage((await searchParams).lang);
  const [edition, editions] = await Promise.all([getPublication(decodeURIComponent(version)), listPublications()]);
  if (!edition) notFound();
  return (
    <PolicyShell lang={lang} hrefFor={(l) => `/policy/${edition.version}?lang=${l}`} editions={editions} current={edition.version}>
      <PolicyView snapshot={edition.snapshot} lang={lang} version={edition.version} publishedOn={edition.publishedOn} />
    </PolicyShell>
  );
}
