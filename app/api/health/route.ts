import { sql } from "drizzle-orm";
import { dbKind, getDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the test harness. Public. */
export async function GET() {
  let database: "embedded" | "postgres" | undefined;
  try {
    database = dbKind();
    await getDb().execute(sql`select 1`);
    return Response.json({ status: "ok", database });
  } catch {
    return Response.json({ status: "unavailable", database }, { status: 503 });
  }
}
