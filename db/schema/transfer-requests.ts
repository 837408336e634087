import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { RuleResult, SubjectPopulation } from "../../lib/rules/types";
// Relative, not "@/": drizzle-kit loads this file without the app's path aliases.
import {
  DECISION_OUTCOMES,
  SUBJECT_POPULATIONS,
  TRANSFER_EVENT_ACTIONS,
  TRANSFER_MODES,
  TRANSFER_REQUEST_STATUSES,
  VOLUME_PERIODS,
} from "../../lib/transfers/constants";
import { users } from "./users";
import { apiTokens } from "./tokens";
import { recipients } from "./recipients";

export const transferRequestStatuses = TRANSFER_REQUEST_STATUSES;
export const transferModes = TRANSFER_MODES;
export const volumePeriods = VOLUME_PERIODS;
export const subjectPopulations = SUBJECT_POPULATIONS;
export const decisionOutcomes = DECISION_OUTCOMES;
export const transferEventActions = TRANSFER_EVENT_ACTIONS;

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A request to transfer personal data to a recipient (RULES B): what an engineer asks for,
 * and the state it is in. The decision details (who, why, which register versions) live in
 * transfer_decisions; every state change in transfer_request_events.
 */
export const transferRequests = pgTable(
  "transfer_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** A short number people quote ("request No. 12"). */
    number: integer("number").notNull().generatedAlwaysAsIdentity(),
    status: text("status", { enum: transferRequestStatuses }).notNull().default("draft"),
    /** Bumped on every change: writes carry the version they started from (optimistic concurrency). */
    version: integer("version").notNull().default(1),
    /** Who asks: a person (also for their personal token) or a service token. Four eyes compares these. */
    requesterUserId: uuid("requester_user_id").references(() => users.id),
    requesterTokenId: uuid("requester_token_id").references(() => apiTokens.id),
    requesterLabel: text("requester_label").notNull(),
    recipientId: uuid("recipient_id").notNull().references(() => recipients.id),
    purposeCodes: jsonb("purpose_codes").$type<string[]>().notNull(),
    subjectCategories: jsonb("subject_categories").$type<string[]>().notNull(),
    populations: jsonb("populations").$type<SubjectPopulation[]>().notNull(),
    dataItems: jsonb("data_items").$type<string[]>().notNull(),
    actions: jsonb("actions").$type<string[]>().notNull(),
    mode: text("mode", { enum: transferModes }).notNull(),
    /** Inclusive on both ends; a one-off transfer has start = end. */
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    expectedVolume: bigint("expected_volume", { mode: "number" }).notNull(),
    volumePeriod: text("volume_period", { enum: volumePeriods }).notNull(),
    sendingSystem: text("sending_system").notNull(),
    /** KZ-PDL art. 16 ground named by the request (RULES B1); null = none named. */
    crossBorderGround: text("cross_border_ground"),
    depersonalised: boolean("depersonalised").notNull().default(false),
    justification: text("justification").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    submittedAt: at("submitted_at"),
    submittedByUserId: uuid("submitted_by_user_id").references(() => users.id),
    decidedAt: at("decided_at"),
    /** Set on approval: the approval is in force from approved_at to the end of valid_until (Almaty). */
    approvedAt: at("approved_at"),
    validUntil: date("valid_until"),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    uniqueIndex("transfer_requests_number").on(t.number),
    index("transfer_requests_status").on(t.status, t.submittedAt),
    index("transfer_requests_requester").on(t.requesterUserId),
    index("transfer_requests_recipient").on(t.recipientId),
    check("transfer_requests_period", sql`${t.periodEnd} >= ${t.periodStart}`),
    check("transfer_requests_requester_known", sql`${t.requesterUserId} is not null or ${t.requesterTokenId} is not null`),
  ],
);

/**
 * Every run of the transfer rules on a request (on submission and at each decision), with the
 * exact register versions it read. Written in the same transaction as the state change it gates.
 */
export const transferRuleEvaluations = pgTable(
  "transfer_rule_evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => transferRequests.id),
    stage: text("stage", { enum: ["submission", "decision"] }).notNull(),
    /** The day the rules were evaluated on (Almaty calendar day). */
    evaluatedOn: date("evaluated_on").notNull(),
    recipientVersion: integer("recipient_version").notNull(),
    /** Purpose code → catalogue_versions version read. */
    purposeVersions: jsonb("purpose_versions").$type<Record<string, number>>().notNull(),
    results: jsonb("results").$type<RuleResult[]>().notNull(),
    blocked: boolean("blocked").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("transfer_rule_evaluations_request").on(t.requestId, t.createdAt)],
);

/**
 * The DPO's decisions. Each pins the recipient version and purpose versions it was made under,
 * so "what did the DPO approve?" has an exact answer after the register changes.
 */
export const transferDecisions = pgTable(
  "transfer_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => transferRequests.id),
    outcome: text("outcome", { enum: decisionOutcomes }).notNull(),
    reason: text("reason").notNull(),
    recipientId: uuid("recipient_id").notNull().references(() => recipients.id),
    recipientVersion: integer("recipient_version").notNull(),
    purposeVersions: jsonb("purpose_versions").$type<Record<string, number>>().notNull(),
    /** Last day (inclusive, Almaty) an approval is in force; null for other outcomes. */
    validUntil: date("valid_until"),
    /** Rule ids of the warnings the DPO acknowledged when approving. */
    acknowledgedRuleIds: jsonb("acknowledged_rule_ids").$type<string[]>().notNull().default([]),
    evaluationId: uuid("evaluation_id").notNull().references(() => transferRuleEvaluations.id),
    decidedBy: uuid("decided_by").notNull().references(() => users.id),
    decidedByEmail: text("decided_by_email").notNull(),
    decidedAt: at("decided_at").notNull().defaultNow(),
  },
  (t) => [
    index("transfer_decisions_request").on(t.requestId),
    // At most one approval per request, whatever the application does.
    uniqueIndex("transfer_decisions_one_approval").on(t.requestId).where(sql`${t.outcome} = 'approved'`),
  ],
);

/** The timeline: every state change with who, when, from → to and why. Never updated or deleted. */
export const transferRequestEvents = pgTable(
  "transfer_request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Orders events written in the same millisecond (created and submitted in one call). */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    requestId: uuid("request_id").notNull().references(() => transferRequests.id),
    action: text("action", { enum: transferEventActions }).notNull(),
    fromStatus: text("from_status", { enum: transferRequestStatuses }),
    toStatus: text("to_status", { enum: transferRequestStatuses }).notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorTokenId: uuid("actor_token_id").references(() => apiTokens.id),
    actorLabel: text("actor_label").notNull(),
    reason: text("reason"),
    evaluationId: uuid("evaluation_id").references(() => transferRuleEvaluations.id),
    decisionId: uuid("decision_id").references(() => transferDecisions.id),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("transfer_request_events_request").on(t.requestId, t.seq)],
);

/**
 * In-app notifications, to one person (user_id) or to everyone in a role (role). The text is
 * rendered from `kind` and `params` in the reader's language. A person's reads of role-wide
 * notifications are kept in notification_reads.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id),
    role: text("role", { enum: ["admin", "dpo", "engineer", "auditor", "sts", "support"] }),
    kind: text("kind").notNull(),
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
    link: text("link").notNull(),
    /** Who caused it: a role-wide notification is not shown to its own actor. */
    actorUserId: uuid("actor_user_id").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
    readAt: at("read_at"),
  },
  (t) => [
    index("notifications_user").on(t.userId, t.createdAt),
    index("notifications_role").on(t.role, t.createdAt),
    check("notifications_audience", sql`${t.userId} is not null or ${t.role} is not null`),
  ],
);

export const notificationReads = pgTable(
  "notification_reads",
  {
    notificationId: uuid("notification_id").notNull().references(() => notifications.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    readAt: at("read_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);

/**
 * Emails waiting to be sent, already rendered in the addressee's language. A mail sender drains
 * rows with sent_at null and sets sent_at; the portal itself needs no mail server.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    locale: text("locale").notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    sentAt: at("sent_at"),
  },
  (t) => [index("email_outbox_unsent").on(t.createdAt).where(sql`${t.sentAt} is null`)],
);
