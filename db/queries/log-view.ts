import "server-only";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { logAccessEvents, recipients, transferLogDaily, transferLogEntries, transferLogHead } from "../schema";
import { whereOf, type LogFilter } from "./transfer-log";

/**
 * Recipient names in the three languages by id, for showing log entries (the log keeps only the
 * id). Archived recipients are included: old entries still name them. Without ids: all of them.
 */
export async function recipientNames(ids?: readonly string[], db: Db = getDb()) {
  if (ids && !ids.length) return [];
  return db
    .select({ id: recipients.id, nameEn: recipients.nameEn, nameKk: recipients.nameKk, nameRu: recipients.nameRu, status: recipients.status })
    .from(recipients)
    .where(ids ? inArray(recipients.id, [...ids]) : undefined)
    .orderBy(asc(recipients.nameEn));
}


/**
 * The `before` cursor of the page just newer than one whose newest entry is `firstSeq` (keyset
 * paging backwards): null when that page is the newest, i.e. the first page.
 */
export async function newerLogPageCursor(filter: LogFilter, firstSeq: number, limit: number, db: Db = getDb()): Promise<number | null> {
  const rows = await db
    .select({ seq: transferLogEntries.seq })
    .from(transferLogEntries)
    .where(and(...whereOf(filter), gt(transferLogEntries.seq, firstSeq)))
    .orderBy(asc(transferLogEntries.seq))
    .limit(limit + 1);
  // More than a page newer: the newer page ends just above the limit-th entry.
  return rows.length > limit ? Number(rows[limit].seq) : null;
}

/** The same for the access log, by event id (optionally one actor's events). */
export async function newerAccessPageCursor(firstId: number, limit: number, actor?: string, db: Db = getDb()): Promise<number | null> {
  const rows = await db
    .select({ id: logAccessEvents.id })
    .from(logAccessEvents)
    .where(and(gt(logAccessEvents.id, firstId), actor ? eq(logAccessEvents.actorLabel, actor) : undefined))
    .orderBy(asc(logAccessEvents.id))
    .limit(limit + 1);
  return rows.length > limit ? Number(rows[limit].id) : null;
}

/**
 * The dashboard's log tiles: the size from the head row and the flagged count from the daily
 * summary — neither reads the entries, so the dashboard does not slow down as the log grows.
 */
export async function logTileCounts(db: Db = getDb()) {
  const [head] = await db.select({ size: transferLogHead.size }).from(transferLogHead).where(eq(transferLogHead.id, 1));
  const [flagged] = await db
    .select({ n: sql<number>`coalesce(sum(${transferLogDaily.transfers}), 0)` })
    .from(transferLogDaily)
    .where(eq(transferLogDaily.flagged, true));
  return { logged: Number(head?.size ?? 0), flagged: Number(flagged.n) };
}
