/**
 * A database of its own for each test file: in-memory PGlite by default, or a fresh database
 * on the PostgreSQL server in DATABASE_URL (created here and dropped afterwards).
 *
 * On PostgreSQL the database is set up as a deployment is (README "Running on a PostgreSQL
 * server"): DATABASE_URL is an administrator's connection (a superuser in CI) used only to create
 * the roles and the database; the owner role runs the migrations; and `db`, what the tests use, is
 * the serving role, which owns nothing — so every test of a query also proves the portal's grants
 * suffice for it. `owner` is the owner's connection, for tests of what even the owner cannot do.
 * Embedded PGlite is single-user: there `owner` is `db`.
 */
import crypto from "node:crypto";
import * as schema from "./schema";
import type { Db } from "./client";
import { migrateEmbedded, migratePostgres } from "./migrate";
import { createOwnedDatabase, ensureDeploymentRoles, urlAs } from "./roles";

export type TestDb = {
  db: Db;
  owner: Db;
  kind: "embedded" | "postgres";
  /** The serving role's URL (what DATABASE_URL is for the portal). */
  url?: string;
  /** The owner role's URL (what DATABASE_OWNER_URL is for the portal). */
  ownerUrl?: string;
  close: () => Promise<void>;
};

/** The test roles: CI creates them beforehand (.ci/run); elsewhere they are created here on first use. */
export const testRoles = () => ({
  owner: process.env.TEST_DATABASE_OWNER_ROLE?.trim() || "qplus_test_owner",
  serving: process.env.TEST_DATABASE_SERVING_ROLE?.trim() || "qplus_test_app",
});

export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = new PGlite();
    const db = drizzle(client, { schema }) as unknown as Db;
    await migrateEmbedded(db);
    return { db, owner: db, kind: "embedded", close: () => client.close() };
  }
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const name = `qplus_test_${crypto.randomBytes(6).toString("hex")}`;
  const roles = testRoles();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await ensureDeploymentRoles(admin, roles);
  await createOwnedDatabase(admin, name, roles.owner);
  const ownerUrl = urlAs(serverUrl, roles.owner, name);
  const url = urlAs(serverUrl, roles.serving, name);
  await migratePostgres(ownerUrl);
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const ownerClient = postgres(ownerUrl, { max: 2, onnotice: () => {} });
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    owner: drizzle(ownerClient, { schema }) as unknown as Db,
    kind: "postgres",
    url,
    ownerUrl,
    close: async () => {
      await client.end();
      await ownerClient.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The raw driver of a test database, for COPY streams. */
export function rawClientOf(t: TestDb): import("./client").RawClient {
  const session = (t.db as unknown as { session: { client: unknown } }).session;
  return t.kind === "postgres" ? { kind: "postgres", sql: session.client as never } : { kind: "embedded", pg: session.client as never };
}
