import { useFormatter, useTranslations } from "next-intl";
import { ArrowRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { TransferTimelineEvent } from "@/db/queries/transfer-requests";
import type { RegisterNames } from "@/lib/i18n/rule-reasons";
import { RuleResults, RuleSummary } from "./rule-results";

/** Every state change with who, when, from → to and why, and the rule results of each check. */
export function Timeline({ events, expiredOn, names }: { events: TransferTimelineEvent[]; expiredOn: string | null; names?: RegisterNames }) {
  const t = useTranslations("transfers");
  const format = useFormatter();
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const status = (s: string | null) => (s ? t(`status.${s}` as never) : t("timeline.none"));
  return (
    <ol className="grid gap-3" aria-label={t("timeline.title")}>
      {events.map((e) => (
        <li key={e.id} className="grid gap-1 border-l-2 pl-4" data-action={e.action}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">{t(`timeline.actions.${e.action}`)}</span>
            <span className="inline-flex items-center gap-1 text-muted-foreground">
              {status(e.fromStatus)}
              <ArrowRight className="size-3" aria-label={t("timeline.to")} />
              {status(e.toStatus)}
            </span>
          </div>
          <p className="text-sm text-muted-foreground">{t("timeline.byWhen", { who: e.actorLabel, when: format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" }) })}</p>
          {e.reason && <p className="text-sm">{t("timeline.reason", { reason: e.reason })}</p>}
          {e.decision && (
            <p className="text-xs text-muted-foreground">
              {t("timeline.pinned", {
                version: e.decision.recipientVersion,
                purposes: Object.entries(e.decision.purposeVersions)
                  .map(([code, v]) => `${code} v${v}`)
                  .join(", "),
              })}
              {e.decision.acknowledgedRuleIds.length > 0 && <> · {t("timeline.acknowledged", { rules: e.decision.acknowledgedRuleIds.join(", ") })}</>}
            </p>
          )}
          {e.evaluation && (
            <details className="mt-1 rounded-md border p-2">
              <summary className="cursor-pointer text-sm">
                <span className="inline-flex flex-wrap items-center gap-2">
                  {t("timeline.check", { stage: t(`timeline.stage.${e.evaluation.stage}`), day: day(e.evaluation.evaluatedOn) })}
                  {e.evaluation.blocked ? <Badge variant="danger">{t("rulesBlocked")}</Badge> : <Badge variant="success">{t("rulesNotBlocked")}</Badge>}
                </span>
              </summary>
              <div className="mt-2 grid gap-2">
                <RuleSummary results={e.evaluation.results} />
                <RuleResults results={e.evaluation.results} label={t("timeline.check", { stage: t(`timeline.stage.${e.evaluation.stage}`), day: day(e.evaluation.evaluatedOn) })} names={names} compact />
              </div>
            </details>
          )}
        </li>
      ))}
      {expiredOn && (
        <li className="grid gap-1 border-l-2 border-dashed pl-4" data-action="expired">
          <span className="text-sm font-medium">{t("timeline.expired", { day: expiredOn })}</span>
        </li>
      )}
    </ol>
  );
}
