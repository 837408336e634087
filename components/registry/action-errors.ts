import type { ActionResult } from "@/lib/server/actions/define";

type Failure = Extract<ActionResult, { ok: false }>;
type T = ((key: never, values?: never) => string) & { has: (key: never) => boolean };

/**
 * A field error as the reader's sentence: the server sends stable keys ("required",
 * "stillReferenced" with the list of referencing entries in `referencedBy`), the catalogue says them.
 */
export function fieldErrorText(t: T, failure: Failure, field: string): string | null {
  const key = failure.fieldErrors?.[field];
  if (!key) return null;
  if (key === "stillReferenced") return t("errors.stillReferenced" as never, { entries: failure.fieldErrors?.referencedBy ?? "" } as never);
  return t.has(`errors.${key}` as never) ? t(`errors.${key}` as never) : key;
}

/** Field errors of a `{ data: … }` payload, keyed by the form's field names. */
export function dataFieldErrors(t: T, failure: Failure): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of Object.keys(failure.fieldErrors ?? {})) {
    if (path === "referencedBy") continue;
    const field = path.replace(/^data\./, "").split(".")[0];
    if (!out[field]) out[field] = fieldErrorText(t, failure, path) ?? "";
  }
  return out;
}
