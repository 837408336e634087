import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, ne, sql, type SQL } from "drizzle-orm";
import { getDb, rowsOf, type Db, type Tx } from "../client";
import { auditEvents, logAccessEvents, logCheckpoints, transferLogDaily, transferLogEntries, transferLogHead } from "../schema";
import {
  MerkleAccumulator,
  consistencyProof,
  entryLeafHash,
  inclusionProof,
  signCheckpoint,
  toIsoMillis,
  type TransferFlag,
  type TransferLogEntry,
} from "@/lib/transfer-log";
import { LOG_ORIGIN } from "@/lib/transfer-log/config";
import { CONTROLLER_COUNTRY } from "@/lib/registry/facts";
import { BUSINESS_TIME_ZONE } from "@/lib/transfers/constants";
import { currentSigningKey } from "./log-keys";
import type { Actor } from "./actor";

/** An event ready to be logged: everything but what the log itself assigns (seq, loggedAt, hash). */
export type PreparedTransfer = Omit<TransferLogEntry, "seq" | "loggedAt">;

export type AppendResult = { seq: number; loggedAt: string; leafHash: string; idempotencyKey: string; flags: TransferFlag[]; duplicate: boolean };

type EntryRow = typeof transferLogEntries.$inferSelect;

export function entryOfRow(row: EntryRow): TransferLogEntry {
  return {
    seq: Number(row.seq),
    loggedAt: toIsoMillis(row.loggedAt),
    occurredAt: toIsoMillis(row.occurredAt),
    recipientId: row.recipientId,
    recipientVersion: row.recipientVersion,
    approvalId: row.approvalId,
    purposeCodes: row.purposeCodes,
    dataItems: row.dataItems,
    recordCount: row.recordCount,
    subjectPopulations: row.subjectPopulations,
    sendingSystem: row.sendingSystem,
    destinationCountry: row.destinationCountry,
    idempotencyKey: row.idempotencyKey,
    externalReference: row.externalReference,
    flags: row.flags.map((f) => ({ code: f.code, reason: f.reason })),
  };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/**
 * Appends a batch to the log; resolves after the transaction holding it has committed, so an
 * acknowledged event is durable. Concurrent calls are committed together (group commit): while
 * one transaction holds the head lock, the batches that arrive wait in a queue and the next
 * transaction takes all of them — one lock, one insert, one commit for many requests, which is
 * what lets ingestion keep up when the appends are serialised by design.
 */
export function appendTransfers(events: PreparedTransfer[], db: Db = getDb()): Promise<AppendResult[]> {
  if (!events.length) return Promise.resolve([]);
  let queue = appendQueues.get(db);
  if (!queue) appendQueues.set(db, (queue = { pending: [], running: false }));
  const q = queue;
  return new Promise<AppendResult[]>((resolve, reject) => {
    q.pending.push({ events, resolve, reject });
    if (!q.running) void drain(q, db);
  });
}

/** Up to this many events go into one transaction (a few batches of the API's 1,000 at most). */
const GROUP_COMMIT_MAX_EVENTS = 5_000;

type PendingAppend = { events: PreparedTransfer[]; resolve: (r: AppendResult[]) => void; reject: (e: unknown) => void };
type AppendQueue = { pending: PendingAppend[]; running: boolean };
const appendQueues = new WeakMap<Db, AppendQueue>();

async function drain(q: AppendQueue, db: Db) {
  q.running = true;
  try {
    while (q.pending.length) {
      const group: PendingAppend[] = [];
      let n = 0;
      while (q.pending.length && (group.length === 0 || n + q.pending[0].events.length <= GROUP_COMMIT_MAX_EVENTS)) {
        const next = q.pending.shift()!;
        group.push(next);
        n += next.events.length;
      }
      try {
        const results = await appendInOneTransaction(group.map((g) => g.events), db);
        group.forEach((g, i) => g.resolve(results[i]));
      } catch (err) {
        if (group.length === 1) group[0].reject(err);
        // One batch must not fail the others it happened to be grouped with: each on its own.
        else
          for (const g of group)
            await appendInOneTransaction([g.events], db).then(
              ([r]) => g.resolve(r),
              (e) => g.reject(e),
            );
      }
    }
  } finally {
    q.running = false;
  }
}

/**
 * Appends batches in one transaction: lock the head row (one writer at a time, so sequence
 * numbers have no gaps and the tree no forks), skip events whose idempotency key is already
 * logged (a retry gets the first answer, also across the batches of a group), assign seq and
 * loggedAt, hash, insert, add to the daily summary, move the head. The writes run as
 * qplus_log_writer, a role that can insert and read the log but not change it.
 */
async function appendInOneTransaction(batches: PreparedTransfer[][], db: Db): Promise<AppendResult[][]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local role qplus_log_writer`);
    const [head] = rowsOf<{ size: string | number; frontier: string[] }>(
      await tx.execute(sql`select size, frontier from transfer_log_head where id = 1 for update`),
    );
    const keys = [...new Set(batches.flatMap((events) => events.map((e) => e.idempotencyKey)))];
    const existing = await tx
      .select({ seq: transferLogEntries.seq, loggedAt: transferLogEntries.loggedAt, leafHash: transferLogEntries.leafHash, idempotencyKey: transferLogEntries.idempotencyKey, flags: transferLogEntries.flags })
      .from(transferLogEntries)
      .where(inArray(transferLogEntries.idempotencyKey, keys));
    const answered = new Map<string, AppendResult>(
      existing.map((r) => [r.idempotencyKey, { seq: Number(r.seq), loggedAt: toIsoMillis(r.loggedAt), leafHash: hex(r.leafHash), idempotencyKey: r.idempotencyKey, flags: r.flags, duplicate: true }]),
    );

    const size = Number(head.size);
    const tree = MerkleAccumulator.fromCompactRange(size, head.frontier.map((h) => Buffer.from(h, "hex")));
    const loggedAt = toIsoMillis(new Date());
    const rows: (TransferLogEntry & { leafHash: string })[] = [];
    const perBatch = batches.map((events) => {
      const results: AppendResult[] = [];
      for (const event of events) {
        const first = answered.get(event.idempotencyKey);
        if (first) {
          results.push({ ...first, duplicate: true });
          continue;
        }
        const entry: TransferLogEntry = { ...event, seq: size + rows.length, loggedAt };
        const leaf = entryLeafHash(entry);
        tree.append(leaf);
        rows.push({ ...entry, leafHash: hex(leaf) });
        const result = { seq: entry.seq, loggedAt, leafHash: hex(leaf), idempotencyKey: entry.idempotencyKey, flags: entry.flags, duplicate: false };
        // The same key twice (in a batch or across the group): the second is a retry of the first.
        answered.set(event.idempotencyKey, result);
        results.push(result);
      }
      return results;
    });
    if (rows.length) {
      await insertEntries(tx, rows);
      await addToDailySummary(tx, size, size + rows.length);
      await tx
        .update(transferLogHead)
        .set({ size: size + rows.length, frontier: tree.compactRange().map(hex), updatedAt: new Date() })
        .where(eq(transferLogHead.id, 1));
    }
    return perBatch;
  });
}

/**
 * One statement with one JSON parameter for the whole batch: about three times faster than a
 * multi-row VALUES insert with 16 parameters a row, and free of the 65,535-parameter limit.
 * Timestamps travel as the same millisecond ISO strings that were hashed.
 */
async function insertEntries(tx: Tx, rows: (TransferLogEntry & { leafHash: string })[]) {
  await tx.execute(sql`
    insert into transfer_log_entries (seq, logged_at, occurred_at, recipient_id, recipient_version, approval_id, purpose_codes, data_items,
      record_count, subject_populations, sending_system, destination_country, idempotency_key, external_reference, flags, leaf_hash)
    select seq, "loggedAt", "occurredAt", "recipientId", "recipientVersion", "approvalId", "purposeCodes", "dataItems",
      "recordCount", "subjectPopulations", "sendingSystem", "destinationCountry", "idempotencyKey", "externalReference", flags, decode("leafHash", 'hex')
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(seq bigint, "loggedAt" timestamptz, "occurredAt" timestamptz, "recipientId" uuid,
      "recipientVersion" int, "approvalId" uuid, "purposeCodes" jsonb, "dataItems" jsonb, "recordCount" int, "subjectPopulations" jsonb,
      "sendingSystem" text, "destinationCountry" text, "idempotencyKey" text, "externalReference" text, flags jsonb, "leafHash" text)`);
}

/**
 * Adds entries [from, to) to transfer_log_daily in the append's transaction (under the head lock,
 * so no two appends upsert the same row at once). Reads back only the rows just inserted.
 */
async function addToDailySummary(tx: Tx, from: number, to: number) {
  await tx.execute(sql`
    insert into transfer_log_daily (day, recipient_id, destination_country, sending_system, flagged, transfers, records)
    select (occurred_at at time zone ${BUSINESS_TIME_ZONE})::date, recipient_id, destination_country, sending_system, jsonb_array_length(flags) > 0, count(*), sum(record_count)
    from transfer_log_entries where seq >= ${from} and seq < ${to}
    group by 1, 2, 3, 4, 5
    on conflict (day, recipient_id, destination_country, sending_system, flagged)
    do update set transfers = transfer_log_daily.transfers + excluded.transfers, records = transfer_log_daily.records + excluded.records`);
}

/** The head as it stands: size and root (computed from the stored compact range). */
export async function logHead(db: Db | Tx = getDb()) {
  const [head] = await db.select().from(transferLogHead).where(eq(transferLogHead.id, 1));
  const size = Number(head?.size ?? 0);
  const tree = MerkleAccumulator.fromCompactRange(size, (head?.frontier ?? []).map((h) => Buffer.from(h, "hex")));
  return { size, rootHash: tree.root(), updatedAt: head?.updatedAt ?? null };
}

/**
 * Signs and stores a checkpoint of the current head: on a schedule, and on demand. On demand,
 * `requestedBy` is recorded in the audit trail in the same transaction.
 */
export async function issueCheckpoint(db: Db = getDb(), requestedBy: Actor | null = null) {
  const { key } = await currentSigningKey(db);
  return db.transaction(async (tx) => {
    // Share-lock the head so the size and root read belong together.
    const [head] = rowsOf<{ size: string | number; frontier: string[] }>(await tx.execute(sql`select size, frontier from transfer_log_head where id = 1 for share`));
    const size = Number(head.size);
    const root = MerkleAccumulator.fromCompactRange(size, head.frontier.map((h) => Buffer.from(h, "hex"))).root();
    const issuedAt = new Date();
    const note = signCheckpoint({ origin: LOG_ORIGIN, size, rootHash: root, timestamp: toIsoMillis(issuedAt) }, key);
    await tx.execute(sql`set local role qplus_log_writer`);
    const [row] = await tx
      .insert(logCheckpoints)
      .values({ treeSize: size, rootHash: root.toString("base64"), keyId: key.keyId, note, issuedAt })
      .returning();
    if (requestedBy) {
      // The log writer may not touch audit_events: back to the session's own role for this row.
      await tx.execute(sql`reset role`);
      await tx.insert(auditEvents).values({
        actorId: requestedBy.id,
        actorEmail: requestedBy.email,
        entity: "log-checkpoint",
        entityId: String(row.id),
        action: "issued",
        after: { treeSize: size, rootHash: row.rootHash, keyId: row.keyId, issuedAt: row.issuedAt.toISOString() },
      });
    }
    return { ...row, treeSize: Number(row.treeSize) };
  });
}

/**
 * Signs and stores a checkpoint for an earlier tree size (root recomputed from the stored leaf
 * hashes), so a bundle of any range can end on a checkpoint of exactly its size. It is stored and
 * listed like every other checkpoint, so what a download carried can be found again on
 * /log/checkpoints; the request is recorded in the audit trail in the same transaction.
 */
export async function issueHistoricalCheckpoint(size: number, requestedBy: Actor | null, reason: string, db: Db = getDb()) {
  const { key } = await currentSigningKey(db);
  const tree = new MerkleAccumulator();
  for await (const batch of leafHashBatches(0, size, db)) for (const h of batch) tree.append(h);
  if (tree.size !== size) throw new Error(`the log has fewer than ${size} entries`);
  const root = tree.root();
  const issuedAt = new Date();
  const note = signCheckpoint({ origin: LOG_ORIGIN, size, rootHash: root, timestamp: toIsoMillis(issuedAt) }, key);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local role qplus_log_writer`);
    const [row] = await tx.insert(logCheckpoints).values({ treeSize: size, rootHash: root.toString("base64"), keyId: key.keyId, note, issuedAt }).returning();
    await tx.execute(sql`reset role`);
    await tx.insert(auditEvents).values({
      actorId: requestedBy?.id ?? null,
      actorEmail: requestedBy?.email ?? "system",
      entity: "log-checkpoint",
      entityId: String(row.id),
      action: "issued",
      after: { treeSize: size, rootHash: row.rootHash, keyId: row.keyId, issuedAt: row.issuedAt.toISOString(), for: reason },
    });
    return { ...row, treeSize: Number(row.treeSize) };
  });
}

export async function listCheckpoints(opts: { limit?: number; maxSize?: number; minSize?: number } = {}, db: Db = getDb()) {
  const where: SQL[] = [];
  if (opts.maxSize !== undefined) where.push(lte(logCheckpoints.treeSize, opts.maxSize));
  if (opts.minSize !== undefined) where.push(gte(logCheckpoints.treeSize, opts.minSize));
  const rows = await db
    .select()
    .from(logCheckpoints)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(logCheckpoints.id))
    .limit(opts.limit ?? 100);
  return rows.map((r) => ({ ...r, treeSize: Number(r.treeSize) }));
}

/** The checkpoint of the largest tree (the newest of them): a checkpoint signed later for an earlier size for a download does not hide it. */
export async function latestCheckpoint(db: Db = getDb()) {
  const [row] = await db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.treeSize), desc(logCheckpoints.id)).limit(1);
  return row ? { ...row, treeSize: Number(row.treeSize) } : null;
}

/**
 * The seq range of the entries logged in [from, to): the first and last seq whose loggedAt lies in
 * it, or null when none does. A bundle is contiguous, so an entry inside that span whose loggedAt
 * is outside the window (clocks of two instances) is carried too.
 */
export async function seqRangeLoggedBetween(from: Date, to: Date, db: Db = getDb()) {
  const [row] = rowsOf<{ first: string | number | null; last: string | number | null }>(
    await db.execute(sql`select min(seq) as first, max(seq) as last from transfer_log_entries where logged_at >= ${from.toISOString()} and logged_at < ${to.toISOString()}`),
  );
  return row?.first === null || row?.first === undefined ? null : { from: Number(row.first), to: Number(row.last) };
}

export async function getCheckpointBySize(size: number, db: Db = getDb()) {
  const [row] = await db.select().from(logCheckpoints).where(eq(logCheckpoints.treeSize, size)).orderBy(desc(logCheckpoints.id)).limit(1);
  return row ? { ...row, treeSize: Number(row.treeSize) } : null;
}

/** Leaf hashes of [from, to) in seq order, read in batches so memory stays flat. */
export async function* leafHashBatches(from: number, to: number, db: Db = getDb(), batchSize = 50_000): AsyncGenerator<Uint8Array[]> {
  for (let start = from; start < to; start += batchSize) {
    const end = Math.min(to, start + batchSize);
    const rows = await db
      .select({ leafHash: transferLogEntries.leafHash })
      .from(transferLogEntries)
      .where(and(gte(transferLogEntries.seq, start), lt(transferLogEntries.seq, end)))
      .orderBy(asc(transferLogEntries.seq));
    yield rows.map((r) => r.leafHash);
  }
}

async function leafHashes(size: number, db: Db) {
  const all: Uint8Array[] = [];
  for await (const batch of leafHashBatches(0, size, db)) all.push(...batch);
  return all;
}

/** A receipt: the entry, its leaf hash and an inclusion proof against a checkpoint. */
export async function inclusionReceipt(seq: number, db: Db = getDb()) {
  const [row] = await db.select().from(transferLogEntries).where(eq(transferLogEntries.seq, seq));
  if (!row) return null;
  const checkpoint = (await db.select().from(logCheckpoints).where(gt(logCheckpoints.treeSize, seq)).orderBy(desc(logCheckpoints.id)).limit(1))[0];
  if (!checkpoint) return { entry: entryOfRow(row), leafHash: hex(row.leafHash), checkpoint: null, proof: null };
  const size = Number(checkpoint.treeSize);
  const proof = inclusionProof(seq, size, await leafHashes(size, db));
  return {
    entry: entryOfRow(row),
    leafHash: hex(row.leafHash),
    checkpoint: { treeSize: size, rootHash: checkpoint.rootHash, note: checkpoint.note, issuedAt: checkpoint.issuedAt.toISOString() },
    proof: proof.map((p) => p.toString("base64")),
  };
}

/** A consistency proof between two tree sizes (the log only grew, never rewrote). */
export async function consistencyBetween(first: number, second: number, db: Db = getDb()) {
  const { size } = await logHead(db);
  if (first < 0 || second < first || second > size) return null;
  const proof = consistencyProof(first, second, await leafHashes(second, db));
  return proof.map((p) => p.toString("base64"));
}

// ---- Reading the log: filters and keyset pagination ----

export type LogFilter = {
  from?: Date;
  to?: Date;
  /** `from`/`to` as whole Almaty days (toDay inclusive), when they were given as days. */
  fromDay?: string;
  toDay?: string;
  recipientId?: string;
  country?: string;
  crossBorder?: boolean;
  approvalId?: string;
  flagged?: boolean;
  sendingSystem?: string;
  seqFrom?: number;
  seqTo?: number;
};

/** The conditions of a filter (shared with db/queries/log-view.ts). */
export function whereOf(f: LogFilter): SQL[] {
  const w: SQL[] = [];
  if (f.from) w.push(gte(transferLogEntries.occurredAt, f.from));
  if (f.to) w.push(lt(transferLogEntries.occurredAt, f.to));
  if (f.recipientId) w.push(eq(transferLogEntries.recipientId, f.recipientId));
  if (f.country) w.push(eq(transferLogEntries.destinationCountry, f.country));
  if (f.crossBorder === true) w.push(ne(transferLogEntries.destinationCountry, CONTROLLER_COUNTRY));
  if (f.crossBorder === false) w.push(eq(transferLogEntries.destinationCountry, CONTROLLER_COUNTRY));
  if (f.approvalId) w.push(eq(transferLogEntries.approvalId, f.approvalId));
  if (f.flagged === true) w.push(sql`jsonb_array_length(${transferLogEntries.flags}) > 0`);
  if (f.flagged === false) w.push(sql`jsonb_array_length(${transferLogEntries.flags}) = 0`);
  if (f.sendingSystem) w.push(eq(transferLogEntries.sendingSystem, f.sendingSystem));
  if (f.seqFrom !== undefined) w.push(gte(transferLogEntries.seq, f.seqFrom));
  if (f.seqTo !== undefined) w.push(lte(transferLogEntries.seq, f.seqTo));
  return w;
}

/**
 * One page, newest first, by keyset (seq < cursor): the cost of a page does not grow with the
 * log's size, unlike OFFSET.
 */
export async function listLogEntries(filter: LogFilter, page: { before?: number; limit?: number } = {}, db: Db = getDb()) {
  const limit = Math.min(page.limit ?? 50, 500);
  const where = whereOf(filter);
  if (page.before !== undefined) where.push(lt(transferLogEntries.seq, page.before));
  const rows = await db
    .select()
    .from(transferLogEntries)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(transferLogEntries.seq))
    .limit(limit + 1);
  const more = rows.length > limit;
  const entries = rows.slice(0, limit).map((r) => ({ ...entryOfRow(r), leafHash: hex(r.leafHash) }));
  return { entries, nextBefore: more ? entries[entries.length - 1].seq : null };
}

export async function getLogEntry(seq: number, db: Db = getDb()) {
  const [row] = await db.select().from(transferLogEntries).where(eq(transferLogEntries.seq, seq));
  return row ? { ...entryOfRow(row), leafHash: hex(row.leafHash) } : null;
}

/** Entries in seq order for downloads, batch by batch (constant memory). */
export async function* streamLogEntries(filter: LogFilter, db: Db = getDb(), batchSize = 5000): AsyncGenerator<(TransferLogEntry & { leafHash: string })[]> {
  let after = -1;
  for (;;) {
    const where = [...whereOf(filter), gt(transferLogEntries.seq, after)];
    const rows = await db.select().from(transferLogEntries).where(and(...where)).orderBy(asc(transferLogEntries.seq)).limit(batchSize);
    if (!rows.length) return;
    yield rows.map((r) => ({ ...entryOfRow(r), leafHash: hex(r.leafHash) }));
    after = Number(rows[rows.length - 1].seq);
    if (rows.length < batchSize) return;
  }
}

/**
 * The summary's conditions for a filter, or null when the summary cannot answer it: filters by
 * approval or seq, or by instants that are not whole days, need the entries themselves.
 */
function summaryWhere(f: LogFilter): SQL[] | null {
  if (f.approvalId !== undefined || f.seqFrom !== undefined || f.seqTo !== undefined) return null;
  if ((f.from && !f.fromDay) || (f.to && !f.toDay)) return null;
  const d = transferLogDaily;
  const w: SQL[] = [];
  if (f.fromDay) w.push(gte(d.day, f.fromDay));
  if (f.toDay) w.push(lte(d.day, f.toDay));
  if (f.recipientId) w.push(eq(d.recipientId, f.recipientId));
  if (f.country) w.push(eq(d.destinationCountry, f.country));
  if (f.crossBorder === true) w.push(ne(d.destinationCountry, CONTROLLER_COUNTRY));
  if (f.crossBorder === false) w.push(eq(d.destinationCountry, CONTROLLER_COUNTRY));
  if (f.flagged !== undefined) w.push(eq(d.flagged, f.flagged));
  if (f.sendingSystem) w.push(eq(d.sendingSystem, f.sendingSystem));
  return w;
}

/** How many entries a filter matches (for the progress bar of a download). */
export async function countLogEntries(filter: LogFilter, db: Db = getDb()) {
  const summary = summaryWhere(filter);
  if (summary) {
    const [row] = await db.select({ n: sql<number>`coalesce(sum(${transferLogDaily.transfers}), 0)` }).from(transferLogDaily).where(and(...summary));
    return Number(row.n);
  }
  const where = whereOf(filter);
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(transferLogEntries).where(where.length ? and(...where) : undefined);
  return Number(row.n);
}

/**
 * The viewer's charts: transfers per recipient per day, cross-border share, flagged count. From
 * the daily summary when it can answer the filter (its cost grows with days, not entries).
 */
export async function logStatistics(filter: LogFilter, db: Db = getDb()) {
  const summary = summaryWhere(filter);
  if (summary) {
    const d = transferLogDaily;
    const cond = and(...summary);
    const [perDay, [totals]] = await Promise.all([
      db
        .select({ day: sql<string>`to_char(${d.day}, 'YYYY-MM-DD')`, recipientId: d.recipientId, transfers: sql<number>`sum(${d.transfers})`, records: sql<number>`sum(${d.records})` })
        .from(d)
        .where(cond)
        .groupBy(d.day, d.recipientId)
        .orderBy(d.day, d.recipientId),
      db
        .select({
          total: sql<number>`coalesce(sum(${d.transfers}), 0)`,
          crossBorder: sql<number>`coalesce(sum(${d.transfers}) filter (where ${d.destinationCountry} <> ${CONTROLLER_COUNTRY}), 0)`,
          flagged: sql<number>`coalesce(sum(${d.transfers}) filter (where ${d.flagged}), 0)`,
        })
        .from(d)
        .where(cond),
    ]);
    return statisticsOf(perDay, totals);
  }
  const where = whereOf(filter);
  const cond = where.length ? and(...where) : undefined;
  const perDay = await db
    .select({
      day: sql<string>`to_char((${transferLogEntries.occurredAt} at time zone ${BUSINESS_TIME_ZONE})::date, 'YYYY-MM-DD')`,
      recipientId: transferLogEntries.recipientId,
      transfers: sql<number>`count(*)`,
      records: sql<number>`coalesce(sum(${transferLogEntries.recordCount}), 0)`,
    })
    .from(transferLogEntries)
    .where(cond)
    .groupBy(sql`1`, transferLogEntries.recipientId)
    .orderBy(sql`1`, transferLogEntries.recipientId);
  const [totals] = await db
    .select({
      total: sql<number>`count(*)`,
      crossBorder: sql<number>`count(*) filter (where ${transferLogEntries.destinationCountry} <> ${CONTROLLER_COUNTRY})`,
      flagged: sql<number>`count(*) filter (where jsonb_array_length(${transferLogEntries.flags}) > 0)`,
    })
    .from(transferLogEntries)
    .where(cond);
  return statisticsOf(perDay, totals);
}

type PerDayRow = { day: string; recipientId: string; transfers: number | string; records: number | string };
type TotalsRow = { total: number | string; crossBorder: number | string; flagged: number | string };

/** Counts arrive as strings (bigint sums) from PostgreSQL and as numbers from PGlite. */
function statisticsOf(perDay: PerDayRow[], totals: TotalsRow) {
  return {
    perDay: perDay.map((r) => ({ ...r, transfers: Number(r.transfers), records: Number(r.records) })),
    total: Number(totals.total),
    crossBorder: Number(totals.crossBorder),
    flagged: Number(totals.flagged),
  };
}

/** The sending systems that have reported, for the viewer's filter (from the summary: no log scan). */
export async function distinctSendingSystems(db: Db = getDb()) {
  const rows = await db.selectDistinct({ system: transferLogDaily.sendingSystem }).from(transferLogDaily).orderBy(transferLogDaily.sendingSystem).limit(200);
  return rows.map((r) => r.system);
}

// ---- The access log: every read of the log is itself recorded ----

export type LogAccess = {
  actorLabel: string;
  actorUserId: string | null;
  principalKind: string;
  role: string | null;
  action: string;
  detail: Record<string, unknown>;
  address: string | null;
};

export async function recordLogAccess(access: LogAccess, db: Db = getDb()) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local role qplus_log_writer`);
    await tx.insert(logAccessEvents).values(access);
  });
}

export async function listLogAccess(page: { before?: number; limit?: number; actor?: string } = {}, db: Db = getDb()) {
  const limit = Math.min(page.limit ?? 100, 1000);
  const where: SQL[] = [];
  if (page.before !== undefined) where.push(lt(logAccessEvents.id, page.before));
  if (page.actor) where.push(eq(logAccessEvents.actorLabel, page.actor));
  const rows = await db.select().from(logAccessEvents).where(where.length ? and(...where) : undefined).orderBy(desc(logAccessEvents.id)).limit(limit + 1);
  return { events: rows.slice(0, limit).map((r) => ({ ...r, id: Number(r.id) })), nextBefore: rows.length > limit ? Number(rows[limit - 1].id) : null };
}

export async function* streamLogAccess(db: Db = getDb(), batchSize = 5000) {
  let after = 0;
  for (;;) {
    const rows = await db.select().from(logAccessEvents).where(gt(logAccessEvents.id, after)).orderBy(asc(logAccessEvents.id)).limit(batchSize);
    if (!rows.length) return;
    yield rows.map((r) => ({ ...r, id: Number(r.id) }));
    after = Number(rows[rows.length - 1].id);
    if (rows.length < batchSize) return;
  }
}
