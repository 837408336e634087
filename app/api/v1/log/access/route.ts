import { logAccessQuery } from "@/lib/validation/transfer-log";
import { listLogAccess } from "@/db/queries/transfer-log";
import { logReadRoute, recordRead } from "@/lib/server/transfer-log/access";
import { readQuery } from "@/lib/server/api/query";

/** Who read the log, newest first (keyset: `nextBefore`); reading it is itself recorded. */
export const GET = logReadRoute("log.access.read", "view-access-log", async ({ req, principal }) => {
  const query = readQuery(req, logAccessQuery);
  await recordRead(principal, "view-access-log", { api: true, ...query });
  const page = await listLogAccess(query);
  return Response.json({ events: page.events.map((e) => ({ ...e, at: e.at.toISOString() })), nextBefore: page.nextBefore });
});
