import { listLogEntries } from "@/db/queries/transfer-log";
import { problem } from "@/lib/api/problem";
import { logReadRoute, recordRead } from "@/lib/server/transfer-log/access";
import { logFilterOf, parseLogListQuery } from "@/lib/validation/transfer-log";

/** A page of log entries, newest first; `nextBefore` is the cursor of the next (older) page. */
export const GET = logReadRoute("log.read", "api-list", async ({ req, principal }) => {
  const { query, invalid } = parseLogListQuery(new URL(req.url).searchParams);
  if (Object.keys(invalid).length) return problem("validation", { errors: invalid });
  const { before, limit, ...filter } = query;
  await recordRead(principal, "api-list", { filter, before: before ?? null, limit: limit ?? null });
  return Response.json(await listLogEntries(logFilterOf(filter), { before, limit }));
});
