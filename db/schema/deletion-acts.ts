import { sql } from "drizzle-orm";
import { bigserial, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads this file without the app's path aliases.
import {
  ACT_LANGUAGES,
  DELETION_ACT_EVENTS,
  DELETION_ACT_KINDS,
  DELETION_METHODS,
  DELETION_REASONS,
  SUBJECT_KINDS,
} from "../../lib/deletion-acts/constants";
import type { ActSnapshot } from "../../lib/deletion-acts/types";
import { users } from "./users";
import { subjectRequests } from "./subject-requests";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The last act number issued per year. Creating an act increments its year's row in the act's own
 * transaction (INSERT … ON CONFLICT DO UPDATE locks the row), so numbers are gap-free: a rolled-back
 * act gives its number back, and two creators wait for each other rather than share a number.
 */
export const deletionActCounters = pgTable("deletion_act_counters", {
  year: integer("year").primaryKey(),
  lastNumber: integer("last_number").notNull(),
});

/**
 * Deletion acts (the policy 4.4; RULES D4): proof that a subject's data was destroyed. Immutable:
 * triggers refuse UPDATE, DELETE and TRUNCATE; a correction or a void is a new act that
 * references the old one, with its reason. Approval lives in deletion_act_decisions.
 */
export const deletionActs = pgTable(
  "deletion_acts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull(),
    year: integer("year").notNull(),
    seq: integer("seq").notNull(),
    kind: text("kind", { enum: DELETION_ACT_KINDS }).notNull().default("deletion"),
    /** The act this one corrects or voids, and why. */
    supersedesActId: uuid("supersedes_act_id").references((): import("drizzle-orm/pg-core").AnyPgColumn => deletionActs.id),
    supersedeReason: text("supersede_reason"),
    /** The data-subject request that led here, if any. */
    subjectRequestId: uuid("subject_request_id").references(() => subjectRequests.id),
    actDate: date("act_date").notNull(),
    deletedOn: date("deleted_on").notNull(),
    subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }).notNull(),
    subjectValue: text("subject_value").notNull(),
    purposeCodes: jsonb("purpose_codes").$type<string[]>().notNull(),
    dataItems: jsonb("data_items").$type<string[]>().notNull(),
    systems: jsonb("systems").$type<string[]>().notNull(),
    reason: text("reason", { enum: DELETION_REASONS }).notNull(),
    legalReferenceCodes: jsonb("legal_reference_codes").$type<string[]>().notNull(),
    legalGround: text("legal_ground").notNull(),
    method: text("method", { enum: DELETION_METHODS }).notNull(),
    language: text("language", { enum: ACT_LANGUAGES }).notNull(),
    notes: text("notes"),
    executorUserId: uuid("executor_user_id")
      .notNull()
      .references(() => users.id),
    /**
     * What the act said when it was made: operator details, names of purposes, categories, items and
     * references in three languages, executor's name. The PDF is rendered from this, so a later
     * change in the register does not change an issued act.
     */
    snapshot: jsonb("snapshot").$type<ActSnapshot>().notNull(),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdByEmail: text("created_by_email").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deletion_acts_number").on(t.number),
    uniqueIndex("deletion_acts_year_seq").on(t.year, t.seq),
    index("deletion_acts_subject").on(t.subjectKind, t.subjectValue),
    index("deletion_acts_request").on(t.subjectRequestId),
    index("deletion_acts_supersedes").on(t.supersedesActId),
    check("deletion_acts_supersedes_reason", sql`(${t.kind} = 'deletion') = (${t.supersedesActId} is null) and (${t.supersedesActId} is null) = (${t.supersedeReason} is null)`),
  ],
);

/**
 * The approver's decision on an act: one per act (the primary key), by a person other than the
 * executor and the one who recorded it (four eyes). Append-only.
 */
export const deletionActDecisions = pgTable("deletion_act_decisions", {
  actId: uuid("act_id")
    .primaryKey()
    .references(() => deletionActs.id),
  outcome: text("outcome", { enum: ["approved", "rejected"] }).notNull(),
  approverUserId: uuid("approver_user_id")
    .notNull()
    .references(() => users.id),
  approverName: text("approver_name").notNull(),
  approverEmail: text("approver_email").notNull(),
  comment: text("comment"),
  decidedAt: at("decided_at").notNull().defaultNow(),
});

/**
 * The act's trail: who created, decided, superseded and downloaded it, when, in which format
 * (RULES D4, E1 — like the transfer log's access log). Written before a download is handed out,
 * in the same spirit: no unrecorded access. Append-only.
 */
export const deletionActEvents = pgTable(
  "deletion_act_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actId: uuid("act_id")
      .notNull()
      .references(() => deletionActs.id),
    at: at("at").notNull().defaultNow(),
    kind: text("kind", { enum: DELETION_ACT_EVENTS }).notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    role: text("role"),
    /** For downloads: pdf / json / extract, the language and the SHA-256 of the bytes handed out. */
    format: text("format"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    address: text("address"),
  },
  (t) => [index("deletion_act_events_act").on(t.actId, t.id)],
);
