/**
 * The PostgreSQL roles of a deployment (README "Running on a PostgreSQL server"):
 * - the owner role owns the schema and runs the migrations (DATABASE_OWNER_URL);
 * - the serving login role owns nothing and is a member of qplus_portal, which holds the grants the
 *   portal needs (migration serving_role_guards) (DATABASE_URL);
 * - qplus_log_writer, a member of nothing, can only read and append the log; the portal switches to
 *   it (SET LOCAL ROLE) for its log writes.
 * Used by the tests, the benchmark and CI to set up the same split an operator sets up by hand.
 */
import type { Sql } from "postgres";

export const SERVING_GROUP_ROLE = "qplus_portal";
export const LOG_WRITER_ROLE = "qplus_log_writer";

/** Arbitrary but fixed: role setup by concurrent test files takes turns (roles are cluster-wide). */
const ROLE_SETUP_LOCK_KEY = 7_310_042_002;

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain role name: ${name}`);
  return `"${name}"`;
};

/**
 * Creates (if missing) the owner and serving login roles and the two group roles, and makes the
 * serving role a member of qplus_portal. Run as a superuser (or a role with CREATEROLE). Without
 * passwords: for servers that trust local connections, as the developers' and CI's machines do.
 */
export async function ensureDeploymentRoles(admin: Sql, roles: { owner: string; serving: string }) {
  await admin.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${ROLE_SETUP_LOCK_KEY})`;
    for (const [name, attrs] of [
      [roles.owner, "LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB"],
      [roles.serving, "LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB"],
      [LOG_WRITER_ROLE, "NOLOGIN"],
      [SERVING_GROUP_ROLE, "NOLOGIN"],
    ] as const) {
      const [exists] = await tx`select 1 from pg_roles where rolname = ${name}`;
      if (!exists) await tx.unsafe(`create role ${ident(name)} ${attrs}`);
    }
    const member = async (role: string, of: string) => {
      const [row] = await tx`select pg_has_role(${role}, ${of}, 'MEMBER') as yes`;
      if (!row.yes) await tx.unsafe(`grant ${ident(of)} to ${ident(role)}`);
    };
    await member(SERVING_GROUP_ROLE, LOG_WRITER_ROLE);
    await member(roles.serving, SERVING_GROUP_ROLE);
  });
}

/** A connection URL for another role on the same server and database (trust or password-less). */
export function urlAs(url: string, role: string, database?: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = "";
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

/** Creates a database owned by the owner role. The caller runs the migrations as that owner. */
export async function createOwnedDatabase(admin: Sql, name: string, owner: string) {
  await admin.unsafe(`create database ${ident(name)} owner ${ident(owner)}`);
}
