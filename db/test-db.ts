/**
 * A database of its own for each test file: in-memory PGlite by default, or a fresh database
 * on the PostgreSQL server in DATABASE_URL (created here and dropped afterwards).
 */
import crypto from "node:crypto";
import * as schema from "./schema";
import type { Db } from "./client";
import { migrateEmbedded, migratePostgres } from "./migrate";

export type TestDb = { db: Db; kind: "embedded" | "postgres"; url?: string; close: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = new PGlite();
    const db = drizzle(client, { schema }) as unknown as Db;
    await migrateEmbedded(db);
    return { db, kind: "embedded", close: () => client.close() };
  }
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const name = `qplus_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  const client = postgres(url.toString(), { max: 10, onnotice: () => {} });
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: "postgres",
    url: url.toString(),
    close: async () => {
      await client.end();
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
