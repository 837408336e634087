import { z } from "zod";
import { isoDate } from "./common";
import { BUSINESS_TIME_ZONE } from "@/lib/transfers/constants";

/**
 * The transfer log's filters as URL query parameters, shared by the viewer (/log), the read API
 * (/api/v1/log/entries) and the downloads (/api/v1/log/export), so a link, a page and a file
 * always select the same entries.
 *
 *   from, to     a day (YYYY-MM-DD, Almaty time; `to` inclusive) or an instant (ISO 8601; `to` exclusive)
 *   recipient    recipient id (uuid)
 *   country      destination country (ISO 3166-1 alpha-2)
 *   crossBorder  yes | no (destination outside / inside Kazakhstan)
 *   approval     approval id (uuid)
 *   flagged      1 | 0 (only entries with / without flags)
 *   system       sending system
 */
export const LOG_FILTER_KEYS = ["from", "to", "recipient", "country", "crossBorder", "approval", "flagged", "system"] as const;

const instant = z.iso.datetime({ offset: true });
const dayOrInstant = z.union([isoDate, instant], "invalidDate");

export const logFilterQuery = z.object({
  from: dayOrInstant.optional(),
  to: dayOrInstant.optional(),
  recipient: z.uuid("invalid").optional(),
  country: z.string().regex(/^[A-Z]{2}$/, "countryCode").optional(),
  crossBorder: z.enum(["yes", "no"], "invalid").optional(),
  approval: z.uuid("invalid").optional(),
  flagged: z.enum(["1", "0", "true", "false"], "invalid").optional(),
  system: z.string().trim().min(1).max(200).optional(),
});

export const logListQuery = logFilterQuery.extend({
  before: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type LogListQuery = z.output<typeof logListQuery>;

/** What db/queries/transfer-log's LogFilter takes (structurally; this module stays client-safe). */
export type LogFilterValues = {
  from?: Date;
  to?: Date;
  /** Set when `from`/`to` were whole Almaty days (YYYY-MM-DD, `toDay` inclusive). */
  fromDay?: string;
  toDay?: string;
  recipientId?: string;
  country?: string;
  crossBorder?: boolean;
  approvalId?: string;
  flagged?: boolean;
  sendingSystem?: string;
};

/**
 * Midnight of an Almaty calendar day as an instant. The offset is looked up for that day (Almaty
 * was UTC+6 until 1 March 2024), so a day filter matches the business days the log's summary uses.
 */
const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: BUSINESS_TIME_ZONE, timeZoneName: "longOffset" });
function startOfDay(day: string): Date {
  const name = offsetFormat.formatToParts(new Date(`${day}T12:00:00Z`)).find((p) => p.type === "timeZoneName")?.value ?? "GMT+05:00";
  const offset = name === "GMT" ? "Z" : name.slice(3);
  return new Date(`${day}T00:00:00.000${offset}`);
}
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The start of a window given as a day (its Almaty midnight) or an instant. */
const windowStart = (v: string) => (v.length === 10 ? startOfDay(v) : new Date(v));
/** The (exclusive) end of a window: a day given as the end includes that whole day. */
const windowEnd = (v: string) => (v.length === 10 ? startOfDay(nextDay(v)) : new Date(v));

export function logFilterOf(q: z.output<typeof logFilterQuery>): LogFilterValues {
  const f: LogFilterValues = {};
  if (q.from) f.from = windowStart(q.from);
  if (q.from?.length === 10) f.fromDay = q.from;
  if (q.to) f.to = windowEnd(q.to);
  if (q.to?.length === 10) f.toDay = q.to;
  if (q.recipient) f.recipientId = q.recipient;
  if (q.country) f.country = q.country;
  if (q.crossBorder) f.crossBorder = q.crossBorder === "yes";
  if (q.approval) f.approvalId = q.approval;
  if (q.flagged) f.flagged = q.flagged === "1" || q.flagged === "true";
  if (q.system) f.sendingSystem = q.system;
  return f;
}

type Raw = URLSearchParams | Record<string, string | string[] | undefined>;

function plain(raw: Raw): Record<string, string> {
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  // Empty fields (a cleared filter) are absent, not invalid.
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === "string" && e[1].trim() !== ""));
}

/**
 * Parses the query: the valid part, and the names of parameters that were not valid (with their
 * message keys). The API refuses a request with invalid parameters; the viewer shows which
 * filters it ignored — an auditor must never read "all entries" believing they are filtered.
 */
export function parseLogListQuery(raw: Raw): { query: LogListQuery; invalid: Record<string, string> } {
  const values = plain(raw);
  const parsed = logListQuery.safeParse(values);
  if (parsed.success) return { query: parsed.data, invalid: {} };
  const invalid: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "_");
    invalid[key] ??= issue.message;
    delete values[key];
  }
  return { query: logListQuery.parse(values), invalid };
}

/** The filter part of a query as URL parameters (for links and downloads with the same selection). */
export function logFilterParams(q: Partial<Record<(typeof LOG_FILTER_KEYS)[number], string | undefined>>): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of LOG_FILTER_KEYS) {
    const v = q[k];
    if (v) out.set(k, v);
  }
  return out;
}

/** "Issue checkpoint now": an explicit confirmation, so an empty or replayed post does nothing. */
export const issueCheckpointInput = z.object({ confirm: z.literal(true, "required") });

/** Rotating the signing key always says why (it is audited and shown to verifiers). */
export const rotateSigningKeyInput = z.object({ reason: z.string().trim().min(3, "reasonRequired").max(1000) });

const seqParam = z.string().regex(/^\d{1,15}$/, "integer").transform(Number);

/**
 * A verification bundle is asked for by seq (`from`, default 0, and `to`, inclusive) or by when
 * entries were logged (`loggedFrom`, `loggedTo`: days in Almaty time with `loggedTo` inclusive, or
 * instants with `loggedTo` exclusive, as the log's filters), never both.
 */
export const bundleQueryFields = z.object({
  from: seqParam.optional().describe("first seq (default 0)"),
  to: seqParam.optional().describe("last seq, inclusive (required unless asking by loggedFrom/loggedTo)"),
  loggedFrom: dayOrInstant.optional().describe("entries logged from this day (Almaty) or instant"),
  loggedTo: dayOrInstant.optional().describe("through this day (inclusive) or until this instant (exclusive)"),
});

export const bundleQuery = bundleQueryFields
  .superRefine((q, ctx) => {
    const bySeq = q.from !== undefined || q.to !== undefined;
    const byTime = q.loggedFrom !== undefined || q.loggedTo !== undefined;
    if (bySeq && byTime) ctx.addIssue({ code: "custom", path: ["loggedFrom"], message: "seqOrTime" });
    else if (byTime) {
      if (q.loggedFrom === undefined) ctx.addIssue({ code: "custom", path: ["loggedFrom"], message: "required" });
      if (q.loggedTo === undefined) ctx.addIssue({ code: "custom", path: ["loggedTo"], message: "required" });
    } else if (q.to === undefined) ctx.addIssue({ code: "custom", path: ["to"], message: "required" });
  })
  .transform((q) =>
    q.loggedFrom !== undefined && q.loggedTo !== undefined
      ? ({ kind: "logged", from: windowStart(q.loggedFrom), to: windowEnd(q.loggedTo) } as const)
      : ({ kind: "seq", from: q.from ?? 0, to: q.to! } as const),
  );
export type BundleQuery = z.output<typeof bundleQuery>;

/** `format` of the log download, besides the filters. */
export const logExportQuery = logFilterQuery.extend({ format: z.enum(["csv", "jsonl"], "unsupportedFormat").optional().describe("Default csv") });

const treeSize = z.coerce.number("invalid").int("invalid").min(0, "invalid").max(Number.MAX_SAFE_INTEGER, "invalid");

/** Two tree sizes for a consistency proof, the first not after the second. */
export const logConsistencyFields = z.object({ first: treeSize.describe("earlier tree size"), second: treeSize.describe("later tree size (at most the log's size)") });
export const logConsistencyQuery = logConsistencyFields.refine((q) => q.first <= q.second, { path: ["second"], message: "secondBeforeFirst" });

export const logCheckpointsQuery = z.object({ limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(1000, "invalid").optional().describe("how many (default 100)") });

export const logAccessQuery = z.object({
  before: z.coerce.number().int().min(1).optional().describe("cursor: events with id below this (the previous page's nextBefore)"),
  limit: z.coerce.number().int().min(1).max(1000).optional().describe("page size (default 100)"),
  actor: z.string().trim().min(1).max(320).optional().describe("one actor's events (email, token:<name> or anonymous)"),
});

/** A log entry's seq in a path. */
export const logSeqParam = z.string().regex(/^\d{1,15}$/, "invalid").transform(Number);
