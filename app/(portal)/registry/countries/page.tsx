import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { listCountries } from "@/db/queries/catalogue";
import { localized, type Locale } from "@/lib/i18n/config";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { EntryDialog } from "@/components/registry/entry-dialog";
import { createCatalogueEntryAction } from "../catalogue/actions";
import { countryForm } from "./_components/country-fields";

export async function generateMetadata() {
  const t = await getTranslations("countries");
  return { title: t("title") };
}

export default async function CountriesPage() {
  const user = await requirePagePermission("register.read", "/registry/countries");
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const countries = await listCountries();
  const form = await countryForm();
  const yesNo = (v: boolean | null) => (v === null ? <span className="text-muted-foreground">{t("countries.unknown")}</span> : v ? t("common.yes") : t("common.no"));
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("countries.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("countries.subtitle")}</p>
        </div>
        {can(user.role, "register.write") && (
          <EntryDialog action={createCatalogueEntryAction} payload={{ entity: "country" }} fields={form.fields} initial={form.initial} mode="create" title={t("countries.add")} />
        )}
      </div>
      <div className="rounded-lg border">
        <Table aria-label={t("countries.title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("countries.fields.code")}</TableHead>
              <TableHead>{t("countries.fields.name")}</TableHead>
              <TableHead>{t("countries.fields.kzAdequate")}</TableHead>
              <TableHead>{t("countries.fields.rknAdequate")}</TableHead>
              <TableHead>{t("countries.fields.convention108")}</TableHead>
              <TableHead>{t("countries.calendarDays")}</TableHead>
              <TableHead>{t("countries.fields.status")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {countries.map((c) => (
              <TableRow key={c.code}>
                <TableCell>
                  <code>{c.code}</code>
                </TableCell>
                <TableCell className="font-medium">
                  <Link href={`/registry/countries/${c.code}`} className="hover:underline">
                    {localized(locale, { en: c.nameEn, kk: c.nameKk, ru: c.nameRu })}
                  </Link>
                </TableCell>
                <TableCell>
                  {yesNo(c.kzAdequate)}
                  {c.kzAdequacySource && <span className="block max-w-xs text-xs text-muted-foreground">{c.kzAdequacySource}</span>}
                </TableCell>
                <TableCell>
                  {yesNo(c.rknAdequate)}
                  {c.rknAdequacySource && (
                    <span className="block max-w-xs text-xs text-muted-foreground">
                      {c.rknAdequacySource}
                      {c.rknAdequacyAsOf ? ` · ${c.rknAdequacyAsOf}` : ""}
                    </span>
                  )}
                </TableCell>
                <TableCell>{yesNo(c.convention108)}</TableCell>
                <TableCell className="tabular-nums">{c.calendarDays}</TableCell>
                <TableCell>
                  <Badge variant={c.status === "active" ? "success" : "secondary"}>{t(`record.status.${c.status}`)}</Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
