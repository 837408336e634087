import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { History } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { getCatalogueEntry, getCatalogueHistory } from "@/db/queries/catalogue";
import { listCalendarDays, loadWorkingCalendar } from "@/db/queries/calendars";
import { localized, type Locale } from "@/lib/i18n/config";
import { addWorkingDays } from "@/lib/rules/working-days";
import { todayInAlmaty } from "@/lib/register/record";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ArchiveDialog } from "@/components/registry/archive-dialog";
import { EntryDialog } from "@/components/registry/entry-dialog";
import { VersionHistory } from "@/components/registry/version-history";
import { archiveCatalogueEntryAction, updateCatalogueEntryAction } from "../../catalogue/actions";
import { archiveCalendarDayAction, createCalendarDayAction, updateCalendarDayAction } from "../actions";
import { calendarDayForm, countryForm } from "../_components/country-fields";

type Country = {
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
  status: "active" | "archived";
  version: number;
};

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  return { title: (await params).code };
}

export default async function CountryPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ tab?: string }> }) {
  const { code } = await params;
  const user = await requirePagePermission("register.read", `/registry/countries/${encodeURIComponent(code)}`);
  const country = (await getCatalogueEntry("country", code)) as unknown as Country | null;
  if (!country) notFound();
  const { tab } = await searchParams;
  const [days, history, calendar] = await Promise.all([listCalendarDays(code), getCatalogueHistory("country", code), loadWorkingCalendar(code)]);
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const canWrite = can(user.role, "register.write");
  const name = localized(locale, { en: country.nameEn, kk: country.nameKk, ru: country.nameRu });
  const form = await countryForm(country);
  const createDayFields = await calendarDayForm(true);
  const editDayFields = await calendarDayForm(false);
  const today = todayInAlmaty();
  const yesNo = (v: boolean | null) => (v === null ? t("countries.unknown") : v ? t("common.yes") : t("common.no"));
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 border-b py-2 last:border-0 sm:grid-cols-[16rem_1fr]">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-sm">{value || <span className="text-muted-foreground">{t("record.none")}</span>}</dd>
    </div>
  );

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {name} <code className="text-base font-normal text-muted-foreground">{country.code}</code>
          </h1>
          <div className="mt-1 flex items-center gap-2 text-sm text-muted-foreground">
            <Badge variant={country.status === "active" ? "success" : "secondary"}>{t(`record.status.${country.status}`)}</Badge>
            <span>{t("record.versionN", { version: country.version })}</span>
          </div>
        </div>
        {canWrite && (
          <div className="flex gap-2">
            {country.status === "active" && (
              <EntryDialog
                action={updateCatalogueEntryAction}
                payload={{ entity: "country", key: country.code, expectedVersion: country.version }}
                fields={form.fields}
                initial={form.initial}
                mode="edit"
                title={t("countries.editTitle", { entry: name })}
                label={name}
              />
            )}
            <ArchiveDialog action={archiveCatalogueEntryAction} payload={{ entity: "country", key: country.code, expectedVersion: country.version }} archived={country.status === "archived"} label={name} />
          </div>
        )}
      </div>
      <Tabs defaultValue={tab === "history" ? "history" : "details"}>
        <TabsList>
          <TabsTrigger value="details">{t("record.tabs.details")}</TabsTrigger>
          <TabsTrigger value="history">{t("record.tabs.history", { count: history.length })}</TabsTrigger>
        </TabsList>
        <TabsContent value="details" className="grid gap-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("countries.facts")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl>
                {row(t("countries.fields.nameEn"), country.nameEn)}
                {row(t("countries.fields.nameRu"), country.nameRu)}
                {row(t("countries.fields.nameKk"), country.nameKk)}
                {row(t("countries.fields.kzAdequate"), yesNo(country.kzAdequate))}
                {row(t("countries.fields.kzAdequacySource"), country.kzAdequacySource)}
                {row(t("countries.fields.rknAdequate"), yesNo(country.rknAdequate))}
                {row(t("countries.fields.rknAdequacySource"), country.rknAdequacySource)}
                {row(t("countries.fields.rknAdequacyAsOf"), country.rknAdequacyAsOf)}
                {row(t("countries.fields.convention108"), yesNo(country.convention108))}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
              <div className="grid gap-1">
                <CardTitle>{t("countries.calendar.title")}</CardTitle>
                <p className="text-sm text-muted-foreground">
                  {t("countries.calendar.hint", { years: calendar.coversYears?.join(", ") || t("record.none"), today, due: addWorkingDays(today, 10, calendar) })}
                </p>
              </div>
              {canWrite && country.status === "active" && (
                <EntryDialog
                  action={createCalendarDayAction}
                  payload={{}}
                  fields={createDayFields}
                  initial={{ countryCode: country.code, date: "", kind: "holiday", name: "", source: "" }}
                  mode="create"
                  title={t("countries.calendar.add")}
                />
              )}
            </CardHeader>
            <CardContent>
              <div className="rounded-lg border">
                <Table aria-label={t("countries.calendar.title")}>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("countries.calendar.date")}</TableHead>
                      <TableHead>{t("countries.calendar.kind")}</TableHead>
                      <TableHead>{t("countries.calendar.name")}</TableHead>
                      <TableHead>{t("countries.calendar.source")}</TableHead>
                      <TableHead />
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {days.map((d) => {
                      const key = `${d.countryCode}:${d.date}`;
                      const archived = d.status === "archived";
                      return (
                        <TableRow key={d.date} className={archived ? "text-muted-foreground line-through" : undefined}>
                          <TableCell className="tabular-nums whitespace-nowrap">{d.date}</TableCell>
                          <TableCell>{t(`countries.calendar.kinds.${d.kind}`)}</TableCell>
                          <TableCell>{d.name}</TableCell>
                          <TableCell className="max-w-sm text-xs">{d.source}</TableCell>
                          <TableCell>
                            <div className="flex justify-end gap-1">
                              {canWrite && !archived && (
                                <EntryDialog
                                  action={updateCalendarDayAction}
                                  payload={{ expectedVersion: d.version }}
                                  fields={editDayFields}
                                  initial={{ countryCode: d.countryCode, date: d.date, kind: d.kind, name: d.name, source: d.source ?? "" }}
                                  mode="edit"
                                  title={t("countries.calendar.editTitle", { date: d.date })}
                                  label={d.date}
                                />
                              )}
                              {canWrite && (
                                <ArchiveDialog action={archiveCalendarDayAction} payload={{ countryCode: d.countryCode, date: d.date, expectedVersion: d.version }} archived={archived} label={d.date} />
                              )}
                              <Button variant="ghost" size="sm" asChild>
                                <Link href={`/registry/catalogue/history?entity=calendar-day&key=${encodeURIComponent(key)}`} aria-label={t("record.actionOn", { action: t("record.history"), entry: d.date })}>
                                  <History aria-hidden />
                                </Link>
                              </Button>
                            </div>
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </div>
            </CardContent>
          </Card>
        </TabsContent>
        <TabsContent value="history">
          <VersionHistory versions={history} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
