import path from "node:path";
import { databaseOwnerUrl, databaseUrl } from "@/lib/env";
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
  // The owner migrates; the serving role (DATABASE_URL) owns nothing and cannot.
  const owner = databaseOwnerUrl();
  if (owner) return migratePostgres(owner);
  if ((await pendingMigrations(url)) === 0) return;
  try {
    await migratePostgres(url);
  } catch (err) {
    const cause = ((err as { cause?: Error & { code?: string } }).cause ?? err) as Error & { code?: string };
    if (cause.code !== "42501") throw err;
    throw new Error(
      `Migrations are pending and the role in DATABASE_URL may not apply them (${cause.message}). ` +
        "Set DATABASE_OWNER_URL to the connection of the role that owns the schema, or run `npm run db:migrate` with it, then start again " +
        '(README "Running on a PostgreSQL server").',
    );
  }
}

/**
 * How many committed migrations the database has not applied, read the way drizzle's migrator
 * decides (the latest applied migration's timestamp); all of them when it has none.
 */
export async function pendingMigrations(url: string): Promise<number> {
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const { default: postgres } = await import("postgres");
  const migrations = readMigrationFiles({ migrationsFolder });
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await client`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`.catch((err) => {
      if (err?.code === "42P01" || err?.code === "3F000") return []; // a database never migrated
      if (err?.code === "42501") return []; // not readable by this role: let migrating say what is wrong
      throw err;
    });
    const last = rows.length ? Number(rows[0].created_at) : -Infinity;
    return migrations.filter((m) => m.folderMillis > last).length;
  } finally {
    await client.end();
  }
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
