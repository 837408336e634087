import "server-only";
import { sql } from "drizzle-orm";
import { dbKind, getDb, rowsOf, type Db } from "../client";

/**
 * How the portal is connected to its database, as far as the log's protection goes:
 * - "least-privilege": a role that owns nothing (README "Running on a PostgreSQL server");
 * - "owner": it owns the tables, the schema or the database, or can become or create a role that
 *   does — so it could ALTER a table, DISABLE its triggers or DROP it, and rewrite the log;
 * - "superuser": it can do anything;
 * - "single-user": embedded PGlite, which has one user (a superuser) inside the portal's own
 *   process: nothing else connects to it, and its data folder is the portal's alone.
 */
export type ServingRoleKind = "least-privilege" | "owner" | "superuser" | "single-user";
export type ServingRole = { kind: ServingRoleKind; role: string; reasons: string[] };

type Row = { role: string; superuser: boolean; createrole: boolean; owns_tables: boolean; owns_schema: boolean; owns_database: boolean };

export async function describeServingRole(db: Db = getDb(), kind: "embedded" | "postgres" = dbKind()): Promise<ServingRole> {
  // MEMBER, not USAGE: a role that can SET ROLE to the owner can do what the owner can.
  const [row] = rowsOf<Row>(
    await db.execute(sql`
      select current_user as role, r.rolsuper as superuser, r.rolcreaterole as createrole,
        exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p', 'S') and pg_has_role(current_user, c.relowner, 'MEMBER')) as owns_tables,
        exists (select 1 from pg_namespace n where n.nspname = 'public' and pg_has_role(current_user, n.nspowner, 'MEMBER')) as owns_schema,
        exists (select 1 from pg_database d where d.datname = current_database() and pg_has_role(current_user, d.datdba, 'MEMBER')) as owns_database
      from pg_roles r where r.rolname = current_user`),
  );
  if (kind === "embedded") return { kind: "single-user", role: row.role, reasons: ["embedded PGlite has a single user, inside the portal's process"] };
  if (row.superuser) return { kind: "superuser", role: row.role, reasons: ["is a superuser"] };
  const reasons = [
    row.owns_tables && "owns the portal's tables (or can become their owner)",
    row.owns_schema && "owns the schema public",
    row.owns_database && "owns the database",
    // Before PostgreSQL 16, CREATEROLE can grant itself membership in any non-superuser role, the owner's included.
    row.createrole && "can create roles and grant memberships (CREATEROLE)",
  ].filter((r): r is string => !!r);
  return { kind: reasons.length ? "owner" : "least-privilege", role: row.role, reasons };
}

const cache = globalThis as unknown as { __qplusServingRole?: ServingRole };

/** The serving role as found at start (it does not change while the portal runs); found now if not yet. */
export async function servingRole(): Promise<ServingRole> {
  cache.__qplusServingRole ??= await describeServingRole();
  return cache.__qplusServingRole;
}

/** One sentence for the start log and /api/health when the role is more than the portal needs. */
export function servingRoleWarning(role: ServingRole): string | null {
  if (role.kind !== "owner" && role.kind !== "superuser") return null;
  return (
    `The portal serves through the PostgreSQL role "${role.role}", which ${role.reasons.join(" and ")}: ` +
    "through it the log's triggers could be disabled and the log rewritten. Serve through a role that owns nothing " +
    '(DATABASE_URL) and migrate through the owner (DATABASE_OWNER_URL), as README "Running on a PostgreSQL server" shows.'
  );
}
