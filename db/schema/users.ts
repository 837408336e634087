import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** People who sign in to the portal. The role drives permissions (lib/auth/permissions.ts). */
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["admin", "dpo", "engineer", "auditor", "sts", "support"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  locale: text("locale"),
  active: boolean("active").notNull().default(true),
  /** Bumped on every change so concurrent edits by two admins are detected. */
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * Every sign-in attempt, kept for throttling (per account and per address) and for the record.
 * Attempts are never deleted by the app; throttling reads only a recent window.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    address: text("address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    /**
     * Why, for the record (the person only ever sees one message): succeeded, credentials (unknown
     * account, wrong password or deactivated), lockedAccount, lockedAddress. Null on rows from before.
     */
    outcome: text("outcome"),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_at").on(t.email, t.at), index("sign_in_attempts_address_at").on(t.address, t.at)],
);

/**
 * Sign-in failures per account and per client address in the current window: the lock check and
 * the count are one atomic upsert (db/queries/sign-in.ts), so concurrent attempts cannot all pass
 * a check that each read before the others counted. An attempt counts as a failure from the moment
 * it is let through; a success takes its own count back.
 */
export const signInCounters = pgTable(
  "sign_in_counters",
  {
    scope: text("scope", { enum: ["account", "address"] }).notNull(),
    key: text("key").notNull(),
    failures: integer("failures").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
