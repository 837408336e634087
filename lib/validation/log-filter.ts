import { z } from "zod";
import type { LogFilter } from "@/db/queries/transfer-log";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Filters of the log, from a URL's query: the viewer, the API and downloads read the same ones. */
export const logFilterQuery = z.object({
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  recipient: z.uuid().optional().catch(undefined),
  country: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  crossBorder: z.enum(["yes", "no"]).optional().catch(undefined),
  approval: z.uuid().optional().catch(undefined),
  flagged: z.enum(["1", "0"]).optional().catch(undefined),
  system: z.string().max(100).optional().catch(undefined),
});

/** Days are Almaty calendar days (UTC+5); `to` includes its whole day. */
export function logFilterOf(params: URLSearchParams | Record<string, string | undefined>): LogFilter {
  const raw = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  const q = logFilterQuery.parse(raw);
  return {
    from: q.from ? new Date(`${q.from}T00:00:00+05:00`) : undefined,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00+05:00`).getTime() + 86_400_000) : undefined,
    recipientId: q.recipient,
    country: q.country,
    crossBorder: q.crossBorder === undefined ? undefined : q.crossBorder === "yes",
    approvalId: q.approval,
    flagged: q.flagged === undefined ? undefined : q.flagged === "1",
    sendingSystem: q.system,
  };
}
