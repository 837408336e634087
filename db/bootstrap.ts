import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, databaseKind, demoPassword, ownerRoleAllowed, trustedProxyHops } from "@/lib/env";
import { migrateDatabase } from "./migrate";
import { seedDemoUsers, seedPolicyFacts } from "./seed";
import { issueCheckpoint } from "./queries/transfer-log";
import { servingRole, servingRoleWarning } from "./queries/database-role";
import { CHECKPOINT_INTERVAL_MS } from "@/lib/transfer-log/config";

/**
 * Runs once in the serving process before it takes requests (instrumentation.ts): the secret,
 * migrations and the seed. In embedded mode this must be the same process that serves, since
 * PGlite allows one process per data folder.
 */
export async function bootstrap() {
  // A mistyped TRUST_PROXY_HOPS stops the start rather than the first sign-in.
  trustedProxyHops();
  ensureAuthSecret();
  await migrateDatabase();
  await checkServingRole();
  await seedPolicyFacts();
  if (databaseKind() === "embedded") await seedDemoUsers(demoPassword());
}

/** A start that cannot bootstrap stops with a clear message rather than serving errors. */
export async function bootstrapOrExit() {
  try {
    await bootstrap();
    startCheckpointSchedule();
  } catch (err) {
    console.error(`\nThe portal could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

/**
 * Says when the portal serves as a superuser or as the owner of its tables (who could disable the
 * log's triggers), and in production refuses to, unless the operator accepts it with ALLOW_OWNER_ROLE=1.
 */
export async function checkServingRole(env: { production: boolean; allowed: boolean } = { production: process.env.NODE_ENV === "production", allowed: ownerRoleAllowed() }) {
  const role = await servingRole();
  const warning = servingRoleWarning(role);
  if (!warning) return role;
  if (env.production && !env.allowed) {
    throw new Error(`${warning} In production the portal does not start this way; set ALLOW_OWNER_ROLE=1 to accept it explicitly.`);
  }
  console.warn(`\nWarning: ${warning}${env.allowed ? " (accepted: ALLOW_OWNER_ROLE=1)" : ""}\n`);
  return role;
}

/**
 * AUTH_SECRET signs the session cookies. Embedded mode generates one and keeps it in the data
 * folder, so sessions survive restarts; with a PostgreSQL server it must be given explicitly.
 */
export function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  if (databaseKind() === "postgres") {
    throw new Error(
      "AUTH_SECRET is not set. With DATABASE_URL (a PostgreSQL server) the portal needs AUTH_SECRET: " +
        "generate one with `openssl rand -base64 33` and set it in the environment of every instance.",
    );
  }
  const file = path.join(dataDir(), "auth-secret");
  fs.mkdirSync(dataDir(), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(33).toString("base64"), { mode: 0o600, flag: "wx" });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

/**
 * Signs a checkpoint at start and then on a schedule, also when nothing was written, so that an
 * auditor can prove the log did not change in between (C2SP checkpoints carry the issue time).
 */
export function startCheckpointSchedule() {
  const g = globalThis as unknown as { __qplusCheckpoints?: NodeJS.Timeout };
  if (g.__qplusCheckpoints || CHECKPOINT_INTERVAL_MS <= 0) return;
  const issue = () =>
    issueCheckpoint().catch((err) => {
      console.error(`Could not issue a log checkpoint: ${(err as Error).message}`);
    });
  void issue();
  g.__qplusCheckpoints = setInterval(issue, CHECKPOINT_INTERVAL_MS);
  g.__qplusCheckpoints.unref();
}
