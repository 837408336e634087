/** A field-level difference between two versions of a register entry. */
export type FieldChange = { field: string; before: unknown; after: unknown };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Compares two snapshots field by field (arrays compared as wholes, in order). */
export function diffSnapshots(before: Record<string, unknown> | null, after: Record<string, unknown>): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = before ? before[field] : undefined;
    const a = after[field];
    if (!same(b, a)) changes.push({ field, before: b ?? null, after: a ?? null });
  }
  return changes;
}
