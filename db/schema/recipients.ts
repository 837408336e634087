import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, index } from "drizzle-orm/pg-core";
import { users } from "./users";
import { countries, processingPurposes } from "./catalogue";

import { RECIPIENT_ROLES, RECIPIENT_STATUSES, TRANSFER_BASES } from "@/lib/registry/facts";

export const recipientRoles = RECIPIENT_ROLES;
export const recipientStatuses = RECIPIENT_STATUSES;
export const transferBases = TRANSFER_BASES;

/**
 * The register of recipients (policy section 7.1; RULES A3). One row holds the current state;
 * every version, including the first, is kept in recipient_versions. Rows are archived, never deleted.
 */
export const recipients = pgTable(
  "recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stable human key (e.g. "halyk-bank"), used by the API and by seed facts. */
    key: text("key").notNull().unique(),
    version: integer("version").notNull().default(1),
    status: text("status", { enum: recipientStatuses }).notNull().default("active"),
    nameEn: text("name_en").notNull(),
    nameKk: text("name_kk"),
    nameRu: text("name_ru"),
    legalForm: text("legal_form"),
    registrationNumber: text("registration_number"),
    countryCode: text("country_code").notNull().references(() => countries.code),
    address: text("address"),
    email: text("email"),
    phone: text("phone"),
    role: text("role", { enum: recipientRoles }).notNull(),
    /** Purposes of transfer in English; Kazakh and Russian versions beside them (shown by the reader's language). */
    transferPurposes: jsonb("transfer_purposes").$type<string[]>().notNull().default([]),
    transferPurposesKk: jsonb("transfer_purposes_kk").$type<string[]>().notNull().default([]),
    transferPurposesRu: jsonb("transfer_purposes_ru").$type<string[]>().notNull().default([]),
    basis: text("basis", { enum: transferBases }).notNull(),
    contractNumber: text("contract_number"),
    contractDate: date("contract_date"),
    contractExpiresOn: date("contract_expires_on"),
    /** RULES B7: which required elements the processor's written instruction contains. */
    instructionActions: boolean("instruction_actions").notNull().default(false),
    instructionPurposes: boolean("instruction_purposes").notNull().default(false),
    instructionConfidentiality: boolean("instruction_confidentiality").notNull().default(false),
    instructionSecurity: boolean("instruction_security").notNull().default(false),
    instructionIncidentReporting: boolean("instruction_incident_reporting").notNull().default(false),
    permittedActions: jsonb("permitted_actions").$type<string[]>().notNull().default([]),
    /** Kept consistent with the country: cross-border exactly when the country is not Kazakhstan. */
    crossBorder: boolean("cross_border").notNull(),
    /** RULES B1: the ground for a cross-border transfer. */
    transferGround: text("transfer_ground"),
    rknNotificationNumber: text("rkn_notification_number"),
    rknNotificationDate: date("rkn_notification_date"),
    notes: text("notes"),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [index("recipients_status").on(t.status), index("recipients_country").on(t.countryCode)],
);

/** Which processing purposes (V1, C1–C12…) a recipient serves; part of each version's snapshot. */
export const recipientPurposes = pgTable(
  "recipient_purposes",
  {
    recipientId: uuid("recipient_id").notNull().references(() => recipients.id),
    purposeCode: text("purpose_code").notNull().references(() => processingPurposes.code),
  },
  (t) => [primaryKey({ columns: [t.recipientId, t.purposeCode] })],
);

/**
 * Every version of every recipient: a full snapshot, who made it, when and why. Approvals and
 * logged transfers point at (recipient_id, version), so "what did the register say then?" has an answer.
 */
export const recipientVersions = pgTable(
  "recipient_versions",
  {
    recipientId: uuid("recipient_id").notNull().references(() => recipients.id),
    version: integer("version").notNull(),
    change: text("change", { enum: ["created", "updated", "archived", "restored"] }).notNull(),
    snapshot: jsonb("snapshot").notNull(),
    reason: text("reason"),
    changedBy: uuid("changed_by").references(() => users.id),
    changedByEmail: text("changed_by_email").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recipientId, t.version] })],
);
