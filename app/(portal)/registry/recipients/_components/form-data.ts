import "server-only";
import { getLocale } from "next-intl/server";
import { recipientFormOptions, type RecipientDetail } from "@/db/queries/recipients";
import { processingActionNames } from "@/db/queries/catalogue";
import { localized, type Locale } from "@/lib/i18n/config";
import { CONTROLLER_COUNTRY } from "@/lib/registry/facts";
import type { RecipientFormValues } from "./recipient-form";

/** What the create and edit pages hand to the form, in the reader's language. */
export async function recipientFormProps(recipient?: RecipientDetail) {
  const locale = (await getLocale()) as Locale;
  const [options, actions] = await Promise.all([recipientFormOptions(), processingActionNames()]);
  const defaults: RecipientFormValues = {
    nameEn: recipient?.nameEn ?? "",
    nameKk: recipient?.nameKk ?? "",
    nameRu: recipient?.nameRu ?? "",
    legalForm: recipient?.legalForm ?? "",
    registrationNumber: recipient?.registrationNumber ?? "",
    countryCode: recipient?.countryCode ?? CONTROLLER_COUNTRY,
    address: recipient?.address ?? "",
    email: recipient?.email ?? "",
    phone: recipient?.phone ?? "",
    role: recipient?.role ?? "processor",
    transferPurposesText: (recipient?.transferPurposes ?? []).join("\n"),
    transferPurposesKkText: (recipient?.transferPurposesKk ?? []).join("\n"),
    transferPurposesRuText: (recipient?.transferPurposesRu ?? []).join("\n"),
    linkedPurposeCodes: recipient?.linkedPurposeCodes ?? [],
    basis: recipient?.basis ?? "contract",
    contractNumber: recipient?.contractNumber ?? "",
    contractDate: recipient?.contractDate ?? "",
    contractExpiresOn: recipient?.contractExpiresOn ?? "",
    instructionActions: recipient?.instructionActions ?? false,
    instructionPurposes: recipient?.instructionPurposes ?? false,
    instructionConfidentiality: recipient?.instructionConfidentiality ?? false,
    instructionSecurity: recipient?.instructionSecurity ?? false,
    instructionIncidentReporting: recipient?.instructionIncidentReporting ?? false,
    permittedActions: recipient?.permittedActions ?? [],
    transferGround: recipient?.transferGround ?? "",
    rknNotificationNumber: recipient?.rknNotificationNumber ?? "",
    rknNotificationDate: recipient?.rknNotificationDate ?? "",
    status: recipient?.status === "suspended" ? "suspended" : "active",
    notes: recipient?.notes ?? "",
    reason: "",
  };
  return {
    defaults,
    countries: options.countries.map((c) => ({ code: c.code, name: localized(locale, { en: c.nameEn, kk: c.nameKk, ru: c.nameRu }) })),
    purposes: options.purposes.map((p) => ({ code: p.code, name: `${p.code} — ${localized(locale, { en: p.nameEn, kk: p.nameKk, ru: p.nameRu })}` })),
    actionNames: Object.fromEntries(actions.map((a) => [a.key, localized(locale, { en: a.nameEn, kk: a.nameKk, ru: a.nameRu })])),
  };
}
