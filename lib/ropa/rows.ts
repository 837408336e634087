/**
 * The record of processing activities (RoPA) as a table: one row per purpose × recipient (a
 * purpose without recipients still gets one row), with the columns of GDPR art. 30(1) — used as
 * reference practice (RULES A2) — plus the Kazakhstan and Russia fields: the retention article,
 * the cross-border ground (KZ-PDL art. 16) and the Roskomnadzor notification (RU-152 art. 12).
 *
 * Column keys are stable English identifiers; `localized` swaps them, and enumerated values,
 * for the reader's language.
 */
import { localized, type Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/lint/present";
import { CONTROLLER } from "@/lib/register/controller";
import { comparePurposeCodes, type RecordOfProcessing, type Text3 } from "@/lib/register/record";

export const ROPA_COLUMNS = [
  "controllerName", // art. 30(1)(a)
  "controllerContact",
  "purposeCode", // (b)
  "purposeName",
  "legalBases",
  "subjectCategory", // (c)
  "dataCategories",
  "dataItems",
  "collectionChannels",
  "recipientKey", // (d)
  "recipientName",
  "recipientRole",
  "recipientCountry",
  "transferBasis",
  "contractNumber",
  "contractExpiresOn",
  "permittedActions",
  "crossBorder", // (e)
  "crossBorderGround",
  "destinationRknAdequate",
  "rknNotificationNumber",
  "rknNotificationDate",
  "retentionYears", // (f)
  "retentionFrom",
  "retentionReferences",
  "retentionArticle",
  "deletionEvent",
  "deletionDelayYears",
  "securityMeasures", // (g)
  "responsiblePerson",
] as const;
export type RopaColumn = (typeof ROPA_COLUMNS)[number];

export interface RopaOptions {
  /** null: English content, stable keys in headers and enumerations. */
  locale: Locale | null;
  t?: Translate;
}

export function ropaTable(record: RecordOfProcessing, options: RopaOptions = { locale: null }): { header: string[]; rows: string[][] } {
  const { locale, t } = options;
  const text = (v: Text3 | null | undefined) => (v ? (locale ? localized(locale, v) : v.en) : "");
  const label = (key: string, value: string | null | undefined) => (!value ? "" : locale && t ? t(`${key}.${value}`) : value);
  const bool = (v: boolean | null) => (v === null ? "" : locale && t ? t(v ? "common.yes" : "common.no") : String(v));
  const list = (values: string[]) => values.filter(Boolean).join("; ");

  const subjects = new Map(record.subjectCategories.map((s) => [s.key, s]));
  const items = new Map(record.dataItems.map((i) => [i.key, i]));
  const categories = new Map(record.dataCategories.map((c) => [c.key, c]));
  const references = new Map(record.legalReferences.map((l) => [l.code, l]));
  const countries = new Map(record.countries.map((c) => [c.code, c]));
  const actions = new Map(record.actions.map((a) => [a.key, a]));
  const recipients = record.recipients.filter((r) => r.status !== "archived").sort((a, b) => a.name.en.localeCompare(b.name.en));
  const purposes = record.purposes.filter((p) => p.status === "active").sort((a, b) => comparePurposeCodes(a.code, b.code));

  const rows: string[][] = [];
  for (const p of purposes) {
    const linked = recipients.filter((r) => r.linkedPurposeCodes.includes(p.code));
    const categoryKeys = [...new Set(p.dataItemKeys.map((k) => items.get(k)?.categoryKey).filter((k): k is string => !!k))];
    const purposeCells: Partial<Record<RopaColumn, string>> = {
      controllerName: CONTROLLER.name,
      controllerContact: `${CONTROLLER.address}; ${CONTROLLER.email}`,
      purposeCode: p.code,
      purposeName: text(p.name),
      legalBases: list(p.legalBases.map((b) => (b.referenceCode ? `${label("purposes.basis", b.kind)} (${b.referenceCode})` : label("purposes.basis", b.kind)))),
      subjectCategory: text(subjects.get(p.subjectCategory)?.name) || p.subjectCategory,
      dataCategories: list(categoryKeys.map((k) => text(categories.get(k)?.name) || k)),
      dataItems: list(p.dataItemKeys.map((k) => text(items.get(k)?.name) || k)),
      collectionChannels: list(p.channels.map((c) => label("purposes.channels", c))),
      retentionYears: p.retentionYears === null ? "" : String(p.retentionYears),
      retentionFrom: label("purposes.events", p.retentionFrom),
      retentionReferences: list(p.retentionLawCodes),
      retentionArticle: list(p.retentionLawCodes.map((c) => text(references.get(c)?.title) || c)),
      deletionEvent: label("purposes.events", p.deletionEvent),
      deletionDelayYears: p.deletionDelayYears === null ? "" : String(p.deletionDelayYears),
      securityMeasures: p.securityMeasures ?? "",
      responsiblePerson: p.responsiblePerson ?? "",
    };
    for (const r of linked.length ? linked : [null]) {
      const cells: Partial<Record<RopaColumn, string>> = { ...purposeCells };
      if (r) {
        const country = countries.get(r.countryCode);
        Object.assign(cells, {
          recipientKey: r.key,
          recipientName: text(r.name),
          recipientRole: label("recipients.role", r.role),
          recipientCountry: country ? `${text(country.name)} (${r.countryCode})` : r.countryCode,
          transferBasis: label("recipients.basis", r.basis),
          contractNumber: r.contractNumber ?? "",
          contractExpiresOn: r.contractExpiresOn ?? "",
          permittedActions: list(r.permittedActions.map((a) => text(actions.get(a)?.name) || a)),
          crossBorder: bool(r.crossBorder),
          crossBorderGround: label("recipients.ground", r.transferGround),
          destinationRknAdequate: r.crossBorder ? bool(country?.rknAdequate ?? null) : "",
          rknNotificationNumber: r.rknNotificationNumber ?? "",
          rknNotificationDate: r.rknNotificationDate ?? "",
        });
      }
      rows.push(ROPA_COLUMNS.map((c) => cells[c] ?? ""));
    }
  }
  const header = ROPA_COLUMNS.map((c) => (locale && t ? t(`ropa.columns.${c}`) : c));
  return { header, rows };
}
