import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { databaseTimeouts, databaseUrl, dataDir } from "@/lib/env";
import { gatedSql, PoolGate } from "./pool-gate";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; kind: "embedded" | "postgres"; close: () => Promise<void>; raw: RawClient };

/** The driver under drizzle, for what drizzle does not do: COPY streams. */
export type RawClient =
  | { kind: "postgres"; sql: import("postgres").Sql; gate?: PoolGate }
  | { kind: "embedded"; pg: import("@electric-sql/pglite").PGlite };

const globalForDb = globalThis as unknown as { __qplusDb?: Handle };

/**
 * The one module that decides which database the app talks to. Opened lazily on first use,
 * never at import time, so `next build` does not open the embedded database.
 */
export function getDb(): Db {
  return handle().db;
}

export function dbKind(): "embedded" | "postgres" {
  return handle().kind;
}

export function rawClient(): RawClient {
  return handle().raw;
}

export async function closeDb(): Promise<void> {
  const h = globalForDb.__qplusDb;
  globalForDb.__qplusDb = undefined;
  if (h) await h.close();
}

function handle(): Handle {
  if (!globalForDb.__qplusDb) globalForDb.__qplusDb = open();
  return globalForDb.__qplusDb;
}

function open(): Handle {
  const url = databaseUrl();
  if (url) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const postgres = require("postgres") as typeof import("postgres");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { drizzle } = require("drizzle-orm/postgres-js") as typeof import("drizzle-orm/postgres-js");
    const client = postgres(url, servingPoolOptions());
    const gate = new PoolGate(databaseTimeouts().poolSize, databaseTimeouts().poolWaitMs);
    return { db: drizzle(gatedSql(client, gate), { schema }) as unknown as Db, kind: "postgres", close: () => client.end(), raw: { kind: "postgres", sql: client, gate } };
  }
  const dir = path.join(dataDir(), "pglite");
  const releaseLock = lockDataFolder(dir);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PGlite } = require("@electric-sql/pglite") as typeof import("@electric-sql/pglite");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { drizzle } = require("drizzle-orm/pglite") as typeof import("drizzle-orm/pglite");
  const client = new PGlite(dir);
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: "embedded",
    raw: { kind: "embedded", pg: client },
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * The serving pool's bounded waits (README "Configuration"). While the database is unreachable a
 * query fails within the connect timeout instead of waiting; once it is back, the next attempt
 * comes within half a second (postgres.js's own backoff grows to 20 s after repeated failures,
 * which kept the portal down 6 s after the database had returned).
 */
export function servingPoolOptions(): import("postgres").Options<Record<string, never>> {
  const t = databaseTimeouts();
  return {
    max: t.poolSize,
    onnotice: () => {},
    connect_timeout: t.connectMs / 1000,
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
    connection: { application_name: "qplus-portal", statement_timeout: t.statementMs },
  };
}

/**
 * PGlite has no lock on its data folder, and two processes on one folder silently lose
 * committed rows. So exactly one process owns the folder: a lock file with the owner's pid.
 * A second opener gets a clear error; a lock left by a dead process is taken over.
 */
export function lockDataFolder(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true }); // PGlite does not create parent folders
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${dir} is already open in process ${owner}. ` +
            `PGlite allows one process per data folder: stop that process, use another DATA_DIR, or set DATABASE_URL.`,
        );
      }
      fs.unlinkSync(lockPath); // stale lock of a dead process (or our own from a previous open)
    }
  }
  throw new Error(`Could not lock the embedded database folder ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * COPY … TO STDOUT for a download. It streams for as long as the client reads, so it runs in a
 * transaction of its own with the statement timeout lifted (SET LOCAL: the pooled connection gets
 * its timeout back at the end); it still waits at most DATABASE_POOL_WAIT_MS for a connection.
 * Resolves with the stream once the COPY has started.
 */
export function copyOut(raw: Extract<RawClient, { kind: "postgres" }>, statement: string): Promise<import("node:stream").Readable> {
  return new Promise((resolve, reject) => {
    const run = async () => {
      const release = raw.gate ? await raw.gate.acquire() : () => {};
      try {
        await raw.sql.begin(async (tx) => {
          await tx`set local statement_timeout = 0`;
          const stream = (await tx.unsafe(statement).readable()) as unknown as import("node:stream").Readable;
          resolve(stream);
          // The transaction ends when the download does, however it ends.
          await new Promise<void>((done) => {
            stream.once("end", done);
            stream.once("error", done);
            stream.once("close", done);
          });
        });
      } finally {
        release();
      }
    };
    run().catch(reject);
  });
}

/** Rows of a raw `db.execute` result: postgres.js returns an array, PGlite an object with rows. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
