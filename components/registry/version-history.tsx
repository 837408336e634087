"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

type Version = {
  version: number;
  change: "created" | "updated" | "archived" | "restored";
  reason: string | null;
  changedByEmail: string;
  changedAt: Date | string;
  changes: { field: string; before: unknown; after: unknown }[];
};

function show(value: unknown, none: string): string {
  if (value === null || value === undefined || value === "") return none;
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ") : none;
  if (typeof value === "boolean") return value ? "✓" : "✗";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Every version of a register entry, newest first: who, when, why, and what changed, field by
 * field. Field names are looked up under `record.fields`, else shown as stored.
 */
export function VersionHistory({ versions }: { versions: Version[] }) {
  const t = useTranslations("record");
  const format = useFormatter();
  const none = t("none");
  return (
    <ol className="grid gap-3" aria-label={t("historyLabel")}>
      {versions.map((v) => (
        <li key={v.version}>
          <Card>
            <CardHeader className="pb-3">
              <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                {t("versionN", { version: v.version })}
                <Badge variant="outline">{t(`change.${v.change}`)}</Badge>
              </CardTitle>
              <p className="text-sm text-muted-foreground">
                {t("changedBy", { who: v.changedByEmail, when: format.dateTime(new Date(v.changedAt), { dateStyle: "medium", timeStyle: "medium" }) })}
                {v.reason ? ` — ${v.reason}` : ""}
              </p>
            </CardHeader>
            {v.change !== "created" && v.changes.length > 0 && (
              <CardContent>
                <dl className="grid gap-1 text-sm" data-testid="field-changes">
                  {v.changes.map((c) => (
                    <div key={c.field} className="grid grid-cols-1 gap-1 sm:grid-cols-[12rem_1fr]">
                      <dt className="font-medium">{t.has(`fields.${c.field}` as never) ? t(`fields.${c.field}` as never) : c.field}</dt>
                      <dd className="break-words">
                        <del className="text-red-700 dark:text-red-300">{show(c.before, none)}</del>
                        <span aria-hidden> → </span>
                        <ins className="text-emerald-700 no-underline dark:text-emerald-300">{show(c.after, none)}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              </CardContent>
            )}
          </Card>
        </li>
      ))}
    </ol>
  );
}
