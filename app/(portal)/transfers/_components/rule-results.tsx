import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Ban, CircleCheck, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RuleResult } from "@/lib/rules/types";
import type { Locale } from "@/lib/i18n/config";
import type { TransferFormOptions } from "./request-form";
import { isTranslatable, renderRuleReason, renderRuleSource, type Format, type RegisterNames, type Translate } from "@/lib/i18n/rule-reasons";

/**
 * Reasons and sources in the reader's language (lib/i18n/rule-reasons.ts). Works in server and
 * client components alike: results stored before reasons had messages fall back to their English.
 */
export function useRuleText(names?: RegisterNames) {
  const t = useTranslations() as unknown as Translate;
  const format = useFormatter() as unknown as Format;
  const locale = useLocale() as Locale;
  return {
    reason: (r: RuleResult) => renderRuleReason(r, { t, format, locale, names }),
    source: (r: RuleResult) => renderRuleSource(r, t),
    /** Whether any of these results can only be shown as recorded, in English. */
    someUntranslated: (results: RuleResult[]) => results.some((r) => !isTranslatable(r, t)),
  };
}

/** The register's data-item and action names (already in the reader's language) that reasons name by key. */
export function registerNamesOf(options: Pick<TransferFormOptions, "dataItems" | "actions">): RegisterNames {
  return {
    dataItems: Object.fromEntries(Object.entries(options.dataItems).map(([key, item]) => [key, item.name])),
    actions: Object.fromEntries(options.actions.map((a) => [a.key, a.name])),
  };
}

/** One result's reason, for lists outside the results table (the blocked alert, the DPO's acknowledgements). */
export function RuleReason({ result, names }: { result: RuleResult; names?: RegisterNames }) {
  const text = useRuleText(names);
  const english = !isTranslatable(result, useTranslations() as unknown as Translate);
  return <span lang={english ? "en" : undefined}>{text.reason(result)}</span>;
}

/**
 * Each rule with its id, outcome, reason and source (RULES.md section B). `compact` lays them out
 * as a list, for narrow columns such as the form's live check.
 */
export function RuleResults({ results, label, names, compact = false }: { results: RuleResult[]; label: string; names?: RegisterNames; compact?: boolean }) {
  const t = useTranslations("rules");
  const text = useRuleText(names);
  const untranslatedNote = text.someUntranslated(results) && <p className="text-xs text-muted-foreground">{t("reasonsInEnglish")}</p>;
  const title = (id: string) => (t.has(`titles.${id}` as never) ? t(`titles.${id}` as never) : null);
  if (compact)
    return (
      <div className="grid gap-2">
        <ul className="grid divide-y rounded-lg border" aria-label={label}>
          {results.map((r) => (
            <li key={r.ruleId} className="grid gap-1 p-3" data-rule={r.ruleId} data-severity={r.severity}>
              <div className="flex items-start justify-between gap-2">
                <span>
                  <span className="font-mono text-xs font-semibold">{r.ruleId}</span>
                  <span className="block text-xs text-muted-foreground">{title(r.ruleId)}</span>
                </span>
                <OutcomeBadge result={r} />
              </div>
              <p className="text-sm">{text.reason(r)}</p>
              <p className="text-xs text-muted-foreground">
                {t("source")}: {text.source(r)}
              </p>
            </li>
          ))}
        </ul>
        {untranslatedNote}
      </div>
    );
  return (
    <div className="grid gap-2">
      <div className="overflow-x-auto rounded-lg border">
        <Table aria-label={label}>
          <TableHeader>
            <TableRow>
              <TableHead className="w-36">{t("rule")}</TableHead>
              <TableHead className="w-28">{t("outcome")}</TableHead>
              <TableHead>{t("reason")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.map((r) => (
              <TableRow key={r.ruleId} data-rule={r.ruleId} data-severity={r.severity}>
                <TableCell className="align-top">
                  <span className="font-mono text-xs font-semibold">{r.ruleId}</span>
                  <span className="block text-xs whitespace-normal text-muted-foreground">{title(r.ruleId)}</span>
                </TableCell>
                <TableCell className="align-top">
                  <OutcomeBadge result={r} />
                </TableCell>
                {/* The source under the reason: three columns fit the request page's column without scrolling. */}
                <TableCell className="min-w-44 align-top whitespace-normal">
                  <span className="block text-sm">{text.reason(r)}</span>
                  <span className="mt-1 block text-xs text-muted-foreground">
                    {t("source")}: {text.source(r)}
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {untranslatedNote}
    </div>
  );
}

function OutcomeBadge({ result }: { result: RuleResult }) {
  const t = useTranslations("rules.outcomes");
  if (result.severity === "block")
    return (
      <Badge variant="danger" className="gap-1">
        <Ban className="size-3" aria-hidden />
        {t("block")}
      </Badge>
    );
  if (result.severity === "warn")
    return (
      <Badge variant="warning" className="gap-1">
        <TriangleAlert className="size-3" aria-hidden />
        {t("warn")}
      </Badge>
    );
  return (
    <Badge variant="success" className="gap-1">
      <CircleCheck className="size-3" aria-hidden />
      {t("pass")}
    </Badge>
  );
}

/** One line saying what the results mean for the request. */
export function RuleSummary({ results }: { results: RuleResult[] }) {
  const t = useTranslations("rules.summary");
  const blocks = results.filter((r) => r.severity === "block");
  const warnings = results.filter((r) => r.severity === "warn");
  if (blocks.length)
    return (
      <p className="text-sm font-medium text-destructive" data-testid="rule-summary">
        {t("blocked", { count: blocks.length, rules: blocks.map((r) => r.ruleId).join(", ") })}
      </p>
    );
  if (warnings.length)
    return (
      <p className="text-sm font-medium text-amber-700 dark:text-amber-300" data-testid="rule-summary">
        {t("warnings", { count: warnings.length, rules: warnings.map((r) => r.ruleId).join(", ") })}
      </p>
    );
  return (
    <p className="text-sm font-medium text-emerald-700 dark:text-emerald-300" data-testid="rule-summary">
      {t("passed")}
    </p>
  );
}
