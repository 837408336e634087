import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_at").on(t.email, t.at), index("sign_in_attempts_address_at").on(t.address, t.at)],
);
