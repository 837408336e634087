import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { purposeFormOptions, type PurposeDetail } from "@/db/queries/purposes";
import { COLLECTION_CHANNELS as collectionChannels, RETENTION_EVENTS as retentionEvents } from "@/lib/registry/facts";
import { localized, type Locale } from "@/lib/i18n/config";
import type { PurposeFormValues } from "./purpose-form";

/** What the create and edit pages hand to the purpose form, in the reader's language. */
export async function purposeFormProps(purpose?: PurposeDetail) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("purposes");
  const options = await purposeFormOptions();
  const name = (r: { nameEn: string; nameKk: string | null; nameRu: string | null }) => localized(locale, { en: r.nameEn, kk: r.nameKk, ru: r.nameRu });
  const bases = purpose?.legalBases ?? [{ kind: "consent" as const }];
  const defaults: PurposeFormValues = {
    code: purpose?.code ?? "",
    subjectCategory: purpose?.subjectCategory ?? options.subjects[0]?.key ?? "",
    nameEn: purpose?.nameEn ?? "",
    nameRu: purpose?.nameRu ?? "",
    nameKk: purpose?.nameKk ?? "",
    consent: bases.some((b) => b.kind === "consent"),
    contract: bases.some((b) => b.kind === "contract"),
    lawReferences: bases.flatMap((b) => (b.kind === "law" && b.referenceCode ? [b.referenceCode] : [])),
    dataItemKeys: purpose?.dataItemKeys ?? [],
    channels: purpose?.channels ?? [],
    retentionYears: purpose?.retentionYears?.toString() ?? "",
    retentionFrom: purpose?.retentionFrom ?? "",
    retentionLawCodes: purpose?.retentionLawCodes ?? [],
    deletionEvent: purpose?.deletionEvent ?? "",
    deletionDelayYears: purpose?.deletionDelayYears?.toString() ?? "",
    isResearch: purpose?.isResearch ?? false,
    securityMeasures: purpose?.securityMeasures ?? "",
    responsiblePerson: purpose?.responsiblePerson ?? "",
    sourceNote: purpose?.sourceNote ?? "",
    reason: "",
  };
  const items = options.items;
  return {
    defaults,
    subjects: options.subjects.map((s) => ({ value: s.key, label: name(s) })),
    itemGroups: options.categories
      .map((c) => ({ category: name(c), items: items.filter((i) => i.categoryKey === c.key).map((i) => ({ value: i.key, label: name(i) })) }))
      .filter((g) => g.items.length > 0),
    references: options.references.map((r) => ({ value: r.code, label: `${r.code} — ${localized(locale, { en: r.titleEn, kk: r.titleKk, ru: r.titleRu })}` })),
    channels: collectionChannels.map((c) => ({ value: c, label: t(`channels.${c}`) })),
    events: retentionEvents.map((e) => ({ value: e, label: t(`events.${e}`) })),
  };
}
