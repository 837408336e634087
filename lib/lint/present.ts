import { localized, type Locale } from "@/lib/i18n/config";
import type { Text3 } from "@/lib/register/record";
import type { KeyList, LintEntity, LintParam, LintProblem } from "./types";

/** A translator over the whole catalogue (next-intl's t, loosened to plain strings). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const LABELS: Record<KeyList["labels"], (k: string) => string | null> = {
  instructionElement: (k) => `recipients.fields.${k}`,
  recordField: (k) => `lint.fields.${k}`,
  retentionEvent: (k) => `purposes.events.${k}`,
  role: (k) => `recipients.role.${k}`,
  raw: () => null,
};

const isText3 = (v: unknown): v is Text3 => typeof v === "object" && v !== null && "en" in v;

function show(value: LintParam, locale: Locale, t: Translate): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((v) => localized(locale, v)).join(", ");
  if (isText3(value)) return localized(locale, value);
  return value.keys
    .map((k) => {
      const key = LABELS[value.labels](k);
      return key ? t(key) : k;
    })
    .join(", ");
}

/** The problem's plain explanation in the reader's language. */
export function explainProblem(problem: LintProblem, locale: Locale, t: Translate): string {
  const values = Object.fromEntries(Object.entries(problem.params).map(([name, v]) => [name, show(v, locale, t)]));
  return t(`lint.messages.${problem.message}`, values);
}

export function entityLabel(entity: LintEntity, locale: Locale): string {
  return entity.kind === "purpose" ? entity.code : localized(locale, entity.name);
}

/** Where the entry is edited in the portal. */
export function entityHref(entity: LintEntity): string {
  return entity.kind === "purpose" ? `/registry/purposes/${encodeURIComponent(entity.code)}` : `/registry/recipients/${entity.id}`;
}
