import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AlertTriangle, Download } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { localized, type Locale } from "@/lib/i18n/config";
import { retentionScheduleToday } from "@/lib/server/retention/load";
import { cohortsOf, type RetentionRule } from "@/lib/retention/schedule";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CsvFormulaNote } from "@/components/downloads/csv-formula-note";

export async function generateMetadata() {
  const t = await getTranslations("retention");
  return { title: t("title") };
}

/** The retention schedule (issue #7 part 3): the rule per purpose and the due list by month. */
export default async function RetentionPage() {
  const user = await requirePagePermission("register.read", "/retention");
  const t = await getTranslations("retention");
  const locale = (await getLocale()) as Locale;
  const format = await getFormatter();
  const schedule = await retentionScheduleToday();
  const monthName = (month: string) => format.dateTime(new Date(`${month}-15T00:00:00Z`), { month: "long", year: "numeric", timeZone: "UTC" });
  const period = (r: RetentionRule) => (r.years === null ? t("noPeriod") : t("years", { count: r.years }));
  const purposeName = (code: string) => {
    const rule = schedule.rules.find((r) => r.code === code);
    return rule ? localized(locale, rule.name) : code;
  };

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="max-w-3xl text-sm text-muted-foreground">{t("subtitle", { today: schedule.today, rules: "D1–D3" })}</p>
        </div>
        {can(user.role, "register.export") && (
          <Button size="sm" variant="outline" asChild>
            <a href="/api/v1/retention/export" download>
              <Download aria-hidden />
              {t("downloadCsv")}
            </a>
          </Button>
        )}
      </div>
      {can(user.role, "register.export") && <CsvFormulaNote className="justify-self-end text-right" />}

      {schedule.attention.length > 0 && (
        <Card className="border-amber-500/60">
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <AlertTriangle className="size-4 text-amber-600" aria-hidden />
              {t("attentionTitle")}
            </CardTitle>
            <CardDescription>{t("attentionHint")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-2" aria-label={t("attentionTitle")}>
              {schedule.attention.map((r) => (
                <li key={r.code} className="text-sm" data-testid={`attention-${r.code}`}>
                  <Link href={`/registry/purposes/${r.code}`} className="font-mono font-medium underline-offset-4 hover:underline">
                    {r.code}
                  </Link>{" "}
                  {purposeName(r.code)}: {r.attention.map((a) => t(`attention.${a}`)).join(" ")}
                  {r.sourceNote && <span className="block text-xs text-muted-foreground">{t("sourceNote")}: {r.sourceNote}</span>}
                </li>
              ))}
            </ul>
            <Link href="/registry/lint" className="mt-3 inline-block text-sm underline underline-offset-4">
              {t("openLint")}
            </Link>
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{t("dueTitle")}</CardTitle>
          <CardDescription>{t("dueHint")}</CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <Table aria-label={t("dueTitle")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.dueMonth")}</TableHead>
                <TableHead>{t("columns.purpose")}</TableHead>
                <TableHead>{t("columns.cohort")}</TableHead>
                <TableHead>{t("columns.period")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {schedule.months.map((m) => {
                const cohorts = cohortsOf(m);
                return cohorts.length === 0 ? (
                  <TableRow key={m.month}>
                    <TableCell className="whitespace-nowrap">{monthName(m.month)}</TableCell>
                    <TableCell colSpan={3} className="text-muted-foreground">
                      {t("nothingDue")}
                    </TableCell>
                  </TableRow>
                ) : (
                  cohorts.map((c, i) => (
                    <TableRow key={`${m.month}-${c.trigger}-${c.cohortMonth}`} data-testid={`due-${m.month}`} className={m.past ? "bg-muted/40" : undefined}>
                      {i === 0 && (
                        <TableCell rowSpan={cohorts.length} className="whitespace-nowrap align-top">
                          <span className="flex flex-wrap items-center gap-2">
                            <span className="font-medium">{monthName(m.month)}</span>
                            {m.past && <Badge variant="warning">{t("past")}</Badge>}
                            {m.current && <Badge variant="outline">{t("current")}</Badge>}
                          </span>
                        </TableCell>
                      )}
                      <TableCell className="align-top">
                        <span className="flex flex-wrap gap-1">
                          {c.codes.map((code) => (
                            <abbr key={code} title={purposeName(code)} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs no-underline">
                              {code}
                            </abbr>
                          ))}
                        </span>
                      </TableCell>
                      <TableCell className="align-top">
                        {t(`cohort.${c.trigger}`, { month: monthName(c.cohortMonth) })}
                        {c.alsoAfter && <span className="block text-xs text-muted-foreground">{t(`alsoAfter.${c.alsoAfter}`)}</span>}
                      </TableCell>
                      <TableCell className="whitespace-nowrap align-top">{t("years", { count: c.years })}</TableCell>
                    </TableRow>
                  ))
                );
              })}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("rulesTitle")}</CardTitle>
          <CardDescription>{t("rulesHint")}</CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <Table aria-label={t("rulesTitle")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.purpose")}</TableHead>
                <TableHead>{t("columns.period")}</TableHead>
                <TableHead>{t("columns.trigger")}</TableHead>
                <TableHead>{t("columns.references")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {schedule.rules.map((r) => (
                <TableRow key={r.code} data-testid={`rule-${r.code}`}>
                  <TableCell className="align-top">
                    <Link href={`/registry/purposes/${r.code}`} className="font-mono font-medium underline-offset-4 hover:underline">
                      {r.code}
                    </Link>
                    <span className="block max-w-md text-xs text-muted-foreground">{localized(locale, r.name)}</span>
                  </TableCell>
                  <TableCell className="whitespace-nowrap align-top">{period(r)}</TableCell>
                  <TableCell className="align-top">
                    {r.trigger ? t(`trigger.${r.trigger}`) : "—"}
                    {r.alsoAfter && <span className="block text-xs text-muted-foreground">{t(`alsoAfter.${r.alsoAfter}`)}</span>}
                  </TableCell>
                  <TableCell className="align-top text-xs">{r.references.map((ref) => ref.code).join(", ") || "—"}</TableCell>
                  <TableCell className="align-top">
                    {r.attention.length ? (
                      <Badge variant="warning" title={r.attention.map((a) => t(`attention.${a}`)).join(" ")}>
                        {t("attentionTitle")}
                      </Badge>
                    ) : (
                      <Badge variant="success">{t("ok")}</Badge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
