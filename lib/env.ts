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

/**
 * The owner role's connection (README "Running on a PostgreSQL server"): it applies the
 * migrations at start and in `npm run db:migrate`; the portal serves through DATABASE_URL.
 * Unset → migrations go through DATABASE_URL, which then must be able to apply them.
 */
export function databaseOwnerUrl(): string | undefined {
  const url = process.env.DATABASE_OWNER_URL?.trim();
  return url ? url : undefined;
}

/** The operator's explicit acceptance of serving as a superuser or the tables' owner in production. */
export function ownerRoleAllowed(): boolean {
  return process.env.ALLOW_OWNER_ROLE === "1";
}

/**
 * Bounded waits on the database (issue 12, item 7), in milliseconds:
 * connect — to open a connection; statement — for one statement on the server (log downloads
 * stream longer and are exempt); poolWait — for a free pooled connection. Each is configurable
 * (README "Configuration"); a value that is not a whole number > 0 stops the start.
 */
export function databaseTimeouts(): { connectMs: number; statementMs: number; poolWaitMs: number; poolSize: number } {
  return {
    connectMs: positiveInt("DATABASE_CONNECT_TIMEOUT_MS", 2_000),
    statementMs: positiveInt("DATABASE_STATEMENT_TIMEOUT_MS", 30_000),
    poolWaitMs: positiveInt("DATABASE_POOL_WAIT_MS", 2_000),
    poolSize: positiveInt("DATABASE_POOL_SIZE", 10),
  };
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  if (!/^[1-9][0-9]*$/.test(raw)) throw new Error(`${name} must be a whole number greater than 0 (got "${raw}")`);
  return Number(raw);
}

/**
 * How many proxies we run in front of the portal, each appending to X-Forwarded-For
 * (README "Security" → "Sign-in"). 0 (the default): the client is the socket's peer.
 */
export function trustedProxyHops(): number {
  const raw = process.env.TRUST_PROXY_HOPS?.trim();
  if (!raw) return 0;
  if (!/^(0|[1-9][0-9]?)$/.test(raw)) throw new Error(`TRUST_PROXY_HOPS must be a whole number from 0 to 99 (got "${raw}")`);
  return Number(raw);
}
