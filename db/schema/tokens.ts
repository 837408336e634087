import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * API tokens for machines (service tokens, created by admins) and people's tooling (personal
 * tokens, acting with at most their owner's permissions). Only a SHA-256 hash is stored; the
 * token itself is shown once. Tokens are revoked, never deleted.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["service", "personal"] }).notNull(),
    /** The person a personal token acts for; null for service tokens. */
    userId: uuid("user_id").references(() => users.id),
    /** Named permissions the token may use (a personal token is also bounded by its owner's role). */
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, so people can tell tokens apart without the secret. */
    prefix: text("prefix").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
    revokedReason: text("revoked_reason"),
    createdBy: uuid("created_by").references(() => users.id),
    createdByEmail: text("created_by_email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [index("api_tokens_user").on(t.userId)],
);
