import { useFormatter, useTranslations } from "next-intl";
import { ArrowRight } from "lucide-react";
import type { SubjectRequestEvent } from "@/db/queries/subject-requests";

/** Every step of a request: what, who, when, from → to and why (written with the change itself). */
export function RequestTimeline({ events }: { events: SubjectRequestEvent[] }) {
  const t = useTranslations("subjectRequests");
  const format = useFormatter();
  const day = (d: unknown) => (typeof d === "string" ? format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : "");
  return (
    <ol className="grid gap-3" aria-label={t("timeline.title")}>
      {events.map((e) => (
        <li key={e.id} className="grid gap-1 border-l-2 pl-4" data-action={e.action}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">{t(`timeline.actions.${e.action}`)}</span>
            {e.fromStatus !== e.toStatus && (
              <span className="inline-flex items-center gap-1 text-muted-foreground">
                {e.fromStatus ? t(`status.${e.fromStatus}`) : t("timeline.none")}
                <ArrowRight className="size-3" aria-label={t("timeline.to")} />
                {t(`status.${e.toStatus}`)}
              </span>
            )}
          </div>
          <p className="text-sm text-muted-foreground">{t("timeline.byWhen", { who: e.actorLabel, when: format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" }) })}</p>
          {(e.action === "recorded" || e.action === "extended") && typeof e.detail.dueOn === "string" && <p className="text-sm">{t("timeline.dueOn", { day: day(e.detail.dueOn) })}</p>}
          {typeof e.detail.outcome === "string" && <p className="text-sm">{t("timeline.outcome", { outcome: t(`outcomes.${e.detail.outcome as "granted" | "partial" | "refused"}`) })}</p>}
          {e.reason && <p className="text-sm whitespace-pre-wrap">{t("timeline.reason", { reason: e.reason })}</p>}
        </li>
      ))}
    </ol>
  );
}
