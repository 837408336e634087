import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Raw bytes (hashes): postgres.js gives Buffer, PGlite Uint8Array; both are Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

const ms = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The transfer log: one row per reported transfer, append-only (triggers refuse UPDATE, DELETE
 * and TRUNCATE; writes run as a role with INSERT/SELECT only). `seq` is gap-free and equals the
 * Merkle leaf index; `leaf_hash` is computed over the canonical encoding of exactly these
 * columns (lib/transfer-log/FORMAT.md), timestamps at the millisecond precision they are stored with.
 */
export const transferLogEntries = pgTable(
  "transfer_log_entries",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    loggedAt: ms("logged_at").notNull(),
    occurredAt: ms("occurred_at").notNull(),
    recipientId: uuid("recipient_id").notNull(),
    recipientVersion: integer("recipient_version").notNull(),
    approvalId: uuid("approval_id"),
    purposeCodes: jsonb("purpose_codes").$type<string[]>().notNull(),
    dataItems: jsonb("data_items").$type<string[]>().notNull(),
    recordCount: integer("record_count").notNull(),
    subjectPopulations: jsonb("subject_populations").$type<string[]>().notNull(),
    sendingSystem: text("sending_system").notNull(),
    destinationCountry: text("destination_country").notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    externalReference: text("external_reference"),
    flags: jsonb("flags").$type<{ code: string; reason: string }[]>().notNull(),
    leafHash: bytea("leaf_hash").notNull(),
  },
  (t) => [
    index("transfer_log_recipient_seq").on(t.recipientId, t.seq),
    index("transfer_log_occurred").on(t.occurredAt),
    index("transfer_log_system_seq").on(t.sendingSystem, t.seq),
    index("transfer_log_country_seq").on(t.destinationCountry, t.seq),
    index("transfer_log_approval").on(t.approvalId),
    index("transfer_log_flagged_seq").on(t.seq).where(sql`jsonb_array_length(${t.flags}) > 0`),
  ],
);

/**
 * Counts of the log per business day (Asia/Almaty) and per value of every filter the viewer's
 * charts offer, maintained by the append transaction itself. The viewer's charts and totals read
 * this instead of scanning the log, so a page costs the same at a thousand entries or a million.
 * It is derived data, not evidence: it is not hashed, and a test checks it against the entries.
 */
export const transferLogDaily = pgTable(
  "transfer_log_daily",
  {
    day: date("day").notNull(),
    recipientId: uuid("recipient_id").notNull(),
    destinationCountry: text("destination_country").notNull(),
    sendingSystem: text("sending_system").notNull(),
    flagged: boolean("flagged").notNull(),
    transfers: bigint("transfers", { mode: "number" }).notNull(),
    records: bigint("records", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.recipientId, t.destinationCountry, t.sendingSystem, t.flagged] })],
);

/**
 * The log's head: one row that always exists. Appends lock it (FOR UPDATE), so sequence numbers
 * are assigned one batch at a time without gaps or forks; it keeps the size and the compact range
 * (subtree hashes) from which the root at the current size is computed without reading entries.
 */
export const transferLogHead = pgTable("transfer_log_head", {
  id: integer("id").primaryKey(),
  size: bigint("size", { mode: "number" }).notNull(),
  frontier: jsonb("frontier").$type<string[]>().notNull(),
  updatedAt: ms("updated_at").notNull(),
});

/** Signed checkpoints (C2SP tlog-checkpoint in a signed note), issued on a schedule and on demand. */
export const logCheckpoints = pgTable(
  "log_checkpoints",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    treeSize: bigint("tree_size", { mode: "number" }).notNull(),
    rootHash: text("root_hash").notNull(),
    keyId: text("key_id").notNull(),
    note: text("note").notNull(),
    issuedAt: ms("issued_at").notNull(),
  },
  (t) => [index("log_checkpoints_size").on(t.treeSize)],
);

/**
 * Checkpoint signing keys with their validity. The private seed is stored encrypted
 * (AES-256-GCM under a key derived from LOG_KEY_SECRET or AUTH_SECRET); keys are rotated, never deleted.
 */
export const logSigningKeys = pgTable("log_signing_keys", {
  keyId: text("key_id").primaryKey(),
  name: text("name").notNull(),
  publicKey: text("public_key").notNull(),
  privateSeedEncrypted: text("private_seed_encrypted").notNull(),
  validFrom: ms("valid_from").notNull(),
  validUntil: ms("valid_until"),
  createdByEmail: text("created_by_email").notNull(),
});

/**
 * Every read of the log — views, downloads, API reads, proofs, the state technical service's
 * examinations — recorded by whom, when and what (RULES E1, E2). Append-only like the log.
 */
export const logAccessEvents = pgTable(
  "log_access_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: ms("at").notNull().defaultNow(),
    actorLabel: text("actor_label").notNull(),
    actorUserId: uuid("actor_user_id"),
    principalKind: text("principal_kind").notNull(),
    role: text("role"),
    action: text("action").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull(),
    address: text("address"),
  },
  (t) => [index("log_access_events_at").on(t.at), index("log_access_events_actor").on(t.actorLabel, t.at)],
);
