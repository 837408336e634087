import path from "node:path";

/**
 * Configuration read from the environment, in one place.
 * No DATABASE_URL → the embedded PGlite database in DATA_DIR; set → a PostgreSQL server.
 */
export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export function databaseKind(): "embedded" | "postgres" {
  return databaseUrl() ? "postgres" : "embedded";
}

export function dataDir(): string {
  // The data folder is chosen at run time; tell Turbopack not to trace the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".data"));
}

/** The demo accounts' password (embedded mode only). */
export function demoPassword(): string {
  return process.env.DEMO_PASSWORD || "qplus-demo";
}

/** The portal's public address, for links in emails (PORTAL_URL, else AUTH_URL, else localhost). */
export function portalUrl(): string {
  return (process.env.PORTAL_URL || process.env.AUTH_URL || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}
