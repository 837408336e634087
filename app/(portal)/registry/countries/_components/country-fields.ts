import "server-only";
import { getTranslations } from "next-intl/server";
import type { EntryField } from "@/components/registry/entry-dialog";
import { calendarDayKinds } from "@/lib/validation/catalogue";

type CountryRow = {
  code: string;
  nameEn: string;
  nameKk: string;
  nameRu: string;
  kzAdequate: boolean | null;
  kzAdequacySource: string | null;
  rknAdequate: boolean | null;
  rknAdequacySource: string | null;
  rknAdequacyAsOf: string | null;
  convention108: boolean | null;
};

const tri = (v: boolean | null) => (v === true ? "yes" : v === false ? "no" : "");

/** The country form's fields and initial values (adequacy is a legal fact with its source: RULES A4). */
export async function countryForm(country?: CountryRow) {
  const t = await getTranslations();
  const f = (k: string) => t(`countries.fields.${k}` as never);
  const triOptions = [
    { value: "", label: t("countries.unknown") },
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
  ];
  const fields: EntryField[] = [
    { name: "code", label: f("code"), kind: "text", readOnly: !!country },
    { name: "nameEn", label: f("nameEn"), kind: "text" },
    { name: "nameRu", label: f("nameRu"), kind: "text" },
    { name: "nameKk", label: f("nameKk"), kind: "text" },
    { name: "kzAdequate", label: f("kzAdequate"), kind: "select", options: triOptions },
    { name: "kzAdequacySource", label: f("kzAdequacySource"), kind: "text" },
    { name: "rknAdequate", label: f("rknAdequate"), kind: "select", options: triOptions },
    { name: "rknAdequacySource", label: f("rknAdequacySource"), kind: "text" },
    { name: "rknAdequacyAsOf", label: f("rknAdequacyAsOf"), kind: "date" },
    { name: "convention108", label: f("convention108"), kind: "select", options: triOptions },
  ];
  const initial = {
    code: country?.code ?? "",
    nameEn: country?.nameEn ?? "",
    nameRu: country?.nameRu ?? "",
    nameKk: country?.nameKk ?? "",
    kzAdequate: tri(country?.kzAdequate ?? null),
    kzAdequacySource: country?.kzAdequacySource ?? "",
    rknAdequate: tri(country?.rknAdequate ?? null),
    rknAdequacySource: country?.rknAdequacySource ?? "",
    rknAdequacyAsOf: country?.rknAdequacyAsOf ?? "",
    convention108: tri(country?.convention108 ?? null),
  };
  return { fields, initial };
}

/** The calendar day form: the date is the row's identity, fixed once created. */
export async function calendarDayForm(create: boolean) {
  const t = await getTranslations();
  const f = (k: string) => t(`countries.calendar.${k}` as never);
  const fields: EntryField[] = [
    { name: "date", label: f("date"), kind: "date", readOnly: !create },
    { name: "kind", label: f("kind"), kind: "select", options: calendarDayKinds.map((k) => ({ value: k, label: t(`countries.calendar.kinds.${k}`) })) },
    { name: "name", label: f("name"), kind: "text" },
    { name: "source", label: f("source"), kind: "text" },
  ];
  return fields;
}
