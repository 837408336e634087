import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Published editions of the public personal-data policy: a frozen snapshot of the register
 * (purposes, section 3; recipients, section 7.1) under a version number. Append-only: a trigger
 * (migration 0001) refuses UPDATE and DELETE, so what was published stays what was published.
 */
export const policyPublications = pgTable(
  "policy_publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** "1.0", "1.1" … as the policy numbers its editions. */
    version: text("version").notNull().unique(),
    /** The edition's date as printed on the policy. */
    publishedOn: date("published_on").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    publishedBy: uuid("published_by").references(() => users.id),
    publishedByEmail: text("published_by_email").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("policy_publications_published_on").on(t.publishedOn)],
);
