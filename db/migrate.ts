import path from "node:path";
import { databaseUrl } from "@/lib/env";
import { getDb } from "./client";

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/** Arbitrary but fixed: the advisory-lock key under which instances apply migrations one at a time. */
const MIGRATION_LOCK_KEY = 7_310_042_001;

/**
 * Applies committed migrations. On PostgreSQL it runs on a dedicated connection holding an
 * advisory lock, so two instances starting together take turns instead of colliding.
 */
export async function migrateDatabase(): Promise<void> {
  const url = databaseUrl();
  if (!url) return migrateEmbedded(getDb());
  return migratePostgres(url);
}

/** Applies migrations to an embedded (PGlite) database handle. */
export async function migrateEmbedded(db: unknown): Promise<void> {
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(db as never, { migrationsFolder });
}

/** Applies migrations on a PostgreSQL server, one instance at a time (advisory lock). */
export async function migratePostgres(url: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end();
  }
}
