/**
 * Compares two published editions entry by entry (purposes by code, recipients by key), field by
 * field, so the public page can show them side by side with the differences marked.
 */
import { comparePurposeCodes } from "@/lib/register/record";
import type { PolicyPurpose, PolicyRecipient, PolicySnapshot } from "./snapshot";

export type EntryChange = "added" | "removed" | "changed" | "same";

export interface EntryComparison<T> {
  key: string;
  change: EntryChange;
  from: T | null;
  to: T | null;
  /** Fields whose value differs (empty unless change is "changed"). */
  fields: string[];
}

export interface PolicyComparison {
  purposes: EntryComparison<PolicyPurpose>[];
  recipients: EntryComparison<PolicyRecipient>[];
  /** Number of entries added, removed or changed. */
  differences: number;
}

/**
 * JSON with object keys sorted: snapshots come back from jsonb with their keys reordered, so
 * values are compared in a canonical form (arrays keep their order: order is content).
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const PURPOSE_FIELDS = ["name", "subjectCategory", "legalBases", "data", "channels", "retention", "deletion", "recipientKeys"] as const;
const RECIPIENT_FIELDS = ["name", "role", "country", "crossBorder", "basis", "transferPurposes", "purposeCodes", "actions"] as const;

function compareEntries<T extends object>(from: T[], to: T[], keyOf: (t: T) => string, fields: readonly (keyof T & string)[], order: (a: string, b: string) => number): EntryComparison<T>[] {
  const before = new Map(from.map((x) => [keyOf(x), x]));
  const after = new Map(to.map((x) => [keyOf(x), x]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(order);
  return keys.map((key) => {
    const a = before.get(key) ?? null;
    const b = after.get(key) ?? null;
    if (!a) return { key, change: "added", from: null, to: b, fields: [] };
    if (!b) return { key, change: "removed", from: a, to: null, fields: [] };
    const changed = fields.filter((f) => canonical(a[f]) !== canonical(b[f]));
    return { key, change: changed.length ? "changed" : "same", from: a, to: b, fields: changed };
  });
}

export function comparePolicies(from: PolicySnapshot, to: PolicySnapshot): PolicyComparison {
  const purposes = compareEntries(from.purposes, to.purposes, (p) => p.code, PURPOSE_FIELDS, comparePurposeCodes);
  const recipients = compareEntries(from.recipients, to.recipients, (r) => r.key, RECIPIENT_FIELDS, (a, b) => a.localeCompare(b));
  const differences = [...purposes, ...recipients].filter((e) => e.change !== "same").length;
  return { purposes, recipients, differences };
}

/** Orders edition numbers as numbers part by part: 1.2 < 1.10 < 2.0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
