"use client";
import { useTranslations } from "next-intl";

function show(value: unknown, none: string): string {
  if (value === null || value === undefined || value === "") return none;
  if (Array.isArray(value)) return value.length ? value.join(", ") : none;
  if (typeof value === "boolean") return value ? "✓" : "✗";
  return String(value);
}

/** A field-level diff: field, value before, value after. */
export function FieldChanges({ changes }: { changes: { field: string; before: unknown; after: unknown }[] }) {
  const t = useTranslations("recipients");
  if (!changes.length) return null;
  return (
    <dl className="grid gap-1 text-sm" data-testid="field-changes">
      {changes.map((c) => (
        <div key={c.field} className="grid grid-cols-1 gap-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">{t.has(`fields.${c.field}` as never) ? t(`fields.${c.field}` as never) : c.field}</dt>
          <dd className="break-words">
            <del className="text-red-700 dark:text-red-300">{show(c.before, t("none"))}</del>
            <span aria-hidden> → </span>
            <ins className="text-emerald-700 no-underline dark:text-emerald-300">{show(c.after, t("none"))}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
