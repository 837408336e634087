import { getLocale, getTranslations } from "next-intl/server";
import { CheckCircle2 } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { LINT_RULES } from "@/lib/lint/rules";
import { lintRegisterToday, presentProblems } from "@/lib/server/register/lint-report";
import { todayInAlmaty } from "@/lib/register/record";
import type { Locale } from "@/lib/i18n/config";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LintProblems } from "@/components/registry/lint-problems";

export async function generateMetadata() {
  const t = await getTranslations("lint");
  return { title: t("title") };
}

/** The policy lint: every problem in the record of processing, with its rule, source and entry. */
export default async function LintPage() {
  await requirePagePermission("register.read", "/registry/lint");
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const problems = await lintRegisterToday();
  const presented = await presentProblems(problems, locale);
  const errors = problems.filter((p) => p.severity === "error").length;
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("lint.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("lint.subtitle", { today: todayInAlmaty() })}</p>
      </div>
      <p className="text-sm" data-testid="lint-summary">
        {t("lint.summary", { count: problems.length, errors, warnings: problems.length - errors })}
      </p>
      {presented.length ? (
        <LintProblems problems={presented} labels={{ source: t("lint.source"), entry: t("lint.entry"), list: t("lint.title"), error: t("lint.severity.error"), warning: t("lint.severity.warning") }} />
      ) : (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <CheckCircle2 className="size-4 text-emerald-600" aria-hidden />
          {t("lint.clean")}
        </p>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t("lint.rulesTitle")}</CardTitle>
          <CardDescription>{t("lint.rulesHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <Table aria-label={t("lint.rulesTitle")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("lint.ruleId")}</TableHead>
                <TableHead>{t("lint.rule")}</TableHead>
                <TableHead>{t("record.fields.source")}</TableHead>
                <TableHead>{t("lint.problems")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {LINT_RULES.map((rule) => (
                <TableRow key={rule.id}>
                  <TableCell>
                    <code className="font-mono text-xs">{rule.id}</code>
                  </TableCell>
                  <TableCell>{t(`lint.rules.${rule.title}` as never)}</TableCell>
                  <TableCell className="text-xs text-muted-foreground">{rule.source}</TableCell>
                  <TableCell className="tabular-nums">{problems.filter((p) => p.ruleId === rule.id).length}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
