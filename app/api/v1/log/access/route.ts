import { logAccessQuery } from "@/lib/validation/transfer-log";
import { listLogAccess } from "@/db/queries/transfer-log";
import { problem } from "@/lib/api/problem";
import { logReadRoute, recordRead } from "@/lib/server/transfer-log/access";
import { fieldErrorsOf } from "@/lib/validation/common";

/** Who read the log, newest first (keyset: `nextBefore`); reading it is itself recorded. */
export const GET = logReadRoute("log.access.read", "view-access-log", async ({ req, principal }) => {
  const parsed = logAccessQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return problem("validation", { errors: fieldErrorsOf(parsed.error) });
  await recordRead(principal, "view-access-log", { api: true, ...parsed.data });
  const page = await listLogAccess(parsed.data);
  return Response.json({ events: page.events.map((e) => ({ ...e, at: e.at.toISOString() })), nextBefore: page.nextBefore });
});
