import { sql } from "drizzle-orm";
import { dbKind, getDb } from "@/db/client";
import { servingRole, servingRoleWarning } from "@/db/queries/database-role";
import { RETRY_AFTER_SECONDS, withDeadline } from "@/lib/database-unavailable";

export const dynamic = "force-dynamic";

/** A load balancer gets its answer within a second, also while the database is not answering. */
const HEALTH_DEADLINE_MS = 800;

/**
 * Liveness and database reachability, for load balancers and the test harness. Public. Says how
 * the portal is connected (databaseRole; README "Database roles"), with a warning when it serves
 * as a superuser or as the owner of its tables.
 */
export async function GET() {
  let database: "embedded" | "postgres" | undefined;
  try {
    database = dbKind();
    await withDeadline(getDb().execute(sql`select 1`), HEALTH_DEADLINE_MS);
    const role = await withDeadline(servingRole(), HEALTH_DEADLINE_MS);
    const warning = servingRoleWarning(role);
    return Response.json({ status: "ok", database, databaseRole: role.kind, ...(warning ? { warning } : {}) }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable", database }, { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" } });
  }
}
