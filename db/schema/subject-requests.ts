import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads this file without the app's path aliases.
import {
  ANSWER_LOCALES,
  DECISION_OUTCOMES,
  DELETION_GROUNDS,
  REQUEST_CHANNELS,
  SUBJECT_EVENT_ACTIONS,
  SUBJECT_ID_KINDS,
  SUBJECT_LAWS,
  SUBJECT_REQUEST_STATUSES,
  SUBJECT_RIGHTS,
} from "../../lib/subject-requests/facts";
import { users } from "./users";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Requests of data subjects (policy section 5; RULES C1-C3). The subject is identified only by
 * what the portal needs to find their data (a wallet number or a login) and, optionally, the
 * address to answer to. Never deleted (a trigger refuses DELETE): a withdrawn request is "cancelled".
 */
export const subjectRequests = pgTable(
  "subject_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** A short number people quote ("request No. 12"). */
    number: integer("number").notNull().generatedAlwaysAsIdentity(),
    status: text("status", { enum: SUBJECT_REQUEST_STATUSES }).notNull().default("received"),
    /** Bumped on every change: writes carry the version they started from. */
    version: integer("version").notNull().default(1),
    subjectIdKind: text("subject_id_kind", { enum: SUBJECT_ID_KINDS }).notNull(),
    subjectId: text("subject_id").notNull(),
    /** Where the answer goes (an email or postal address); optional. */
    contactAddress: text("contact_address"),
    law: text("law", { enum: SUBJECT_LAWS }).notNull(),
    channel: text("channel", { enum: REQUEST_CHANNELS }).notNull(),
    right: text("right", { enum: SUBJECT_RIGHTS }).notNull(),
    /** Why deletion is asked (policy 5.5): Russia's deadline depends on it. Null for other rights. */
    deletionGround: text("deletion_ground", { enum: DELETION_GROUNDS }),
    /** The law's right the deadline was counted for (a key of SUBJECT_REQUEST_DEADLINES[law]). */
    lawRight: text("law_right").notNull(),
    purposeCodes: jsonb("purpose_codes").$type<string[]>().notNull(),
    /** What the subject asks, in a line (no copies of documents). */
    summary: text("summary"),
    answerLocale: text("answer_locale", { enum: ANSWER_LOCALES }).notNull(),
    receivedOn: date("received_on").notNull(),
    /** Last day in time, counted on the law's country calendar when recorded (and again when extended). */
    dueOn: date("due_on").notNull(),
    extendedAt: at("extended_at"),
    extensionNotice: text("extension_notice"),
    // The closing decision (answered or refused).
    outcome: text("outcome", { enum: DECISION_OUTCOMES }),
    decisionReason: text("decision_reason"),
    legalGroundCode: text("legal_ground_code"),
    /** When the retention period started (contract end, operation); null = not started. */
    retentionTriggerOn: date("retention_trigger_on"),
    grantedPurposeCodes: jsonb("granted_purpose_codes").$type<string[]>(),
    /** Purposes the law keeps, with the last day it does (null = the period has not started). */
    retainedPurposes: jsonb("retained_purposes").$type<{ code: string; lawCodes: string[]; retainedUntil: string | null }[]>(),
    /** The data items of the granted purposes when the request was closed: what a deletion act lists. */
    dataItemsConcerned: jsonb("data_items_concerned").$type<string[]>(),
    serviceEndsAcknowledged: boolean("service_ends_acknowledged"),
    answerText: text("answer_text"),
    answerSubject: text("answer_subject"),
    answerLanguage: text("answer_language", { enum: ANSWER_LOCALES }),
    closedAt: at("closed_at"),
    closedByUserId: uuid("closed_by_user_id").references(() => users.id),
    closedByEmail: text("closed_by_email"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdByEmail: text("created_by_email").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("subject_requests_number").on(t.number),
    index("subject_requests_queue").on(t.status, t.dueOn),
    check("subject_requests_deletion_ground", sql`(${t.right} = 'deletion') = (${t.deletionGround} is not null)`),
    check("subject_requests_due", sql`${t.dueOn} >= ${t.receivedOn}`),
  ],
);

/** The timeline: every step with who, when, from → to and why. Append-only (trigger). */
export const subjectRequestEvents = pgTable(
  "subject_request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    requestId: uuid("request_id").notNull().references(() => subjectRequests.id),
    action: text("action", { enum: SUBJECT_EVENT_ACTIONS }).notNull(),
    fromStatus: text("from_status", { enum: SUBJECT_REQUEST_STATUSES }),
    toStatus: text("to_status", { enum: SUBJECT_REQUEST_STATUSES }).notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    reason: text("reason"),
    /** What changed (e.g. the new due date of an extension, the outcome of a decision). */
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("subject_request_events_request").on(t.requestId, t.seq)],
);
