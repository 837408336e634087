import "server-only";
import { stringify } from "csv-stringify/sync";
import { getDb, type Db } from "@/db/client";
import { countLogEntries, getCheckpointBySize, leafHashBatches, listCheckpoints, logHead, signHistoricalCheckpoint, streamLogEntries, type LogFilter } from "@/db/queries/transfer-log";
import { listLogPublicKeys } from "@/db/queries/log-keys";
import { MerkleAccumulator, formatCheckpointLine, formatEntryLine, formatHeaderLine, formatPrefixLine, type TransferLogEntry } from "@/lib/transfer-log";
import { LOG_ORIGIN } from "./config";

/** Stable machine-readable columns of the CSV download, in a fixed order. */
export const LOG_CSV_COLUMNS = [
  "seq", "loggedAt", "occurredAt", "recipientId", "recipientVersion", "approvalId", "purposeCodes", "dataItems", "recordCount",
  "subjectPopulations", "sendingSystem", "destinationCountry", "idempotencyKey", "externalReference", "flags", "leafHash",
] as const;

const encoder = new TextEncoder();

/** A stream from an async generator of text chunks; pulls only as fast as the client reads. */
function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

function csvRow(e: TransferLogEntry & { leafHash: string }) {
  return [
    e.seq, e.loggedAt, e.occurredAt, e.recipientId, e.recipientVersion, e.approvalId ?? "", e.purposeCodes.join(";"), e.dataItems.join(";"),
    e.recordCount, e.subjectPopulations.join(";"), e.sendingSystem, e.destinationCountry, e.idempotencyKey, e.externalReference ?? "",
    e.flags.map((f) => f.code).join(";"), e.leafHash,
  ];
}

/** CSV or JSONL of a filtered range, streamed batch by batch with constant memory. */
export async function logExport(format: "csv" | "jsonl", filter: LogFilter, db: Db = getDb()) {
  const total = await countLogEntries(filter, db);
  async function* chunks() {
    if (format === "csv") yield stringify([LOG_CSV_COLUMNS as unknown as string[]]);
    for await (const batch of streamLogEntries(filter, db)) {
      yield format === "csv" ? stringify(batch.map(csvRow)) : batch.map((e) => JSON.stringify(e)).join("\n") + "\n";
    }
  }
  return { total, stream: textStream(chunks()) };
}

export class BundleRangeError extends Error {}

/**
 * A verification bundle for seq from..to (lib/transfer-log/FORMAT.md): the keys with their
 * validity, the compact range before `from`, the entries with their recorded leaf hashes, the
 * stored checkpoints inside the range, and a checkpoint of exactly to+1 (signed now if none is stored).
 */
export async function logBundle(from: number, to: number, db: Db = getDb()) {
  const { size } = await logHead(db);
  if (!(Number.isInteger(from) && Number.isInteger(to)) || from < 0 || to < from || to >= size) {
    throw new BundleRangeError(`the range must satisfy 0 <= from <= to < ${size}`);
  }
  const keys = await listLogPublicKeys(db);
  const stored = (await listCheckpoints({ minSize: from + 1, maxSize: to + 1, limit: 10_000 }, db)).reverse();
  const last = stored.at(-1)?.treeSize === to + 1 ? null : ((await getCheckpointBySize(to + 1, db))?.note ?? (await signHistoricalCheckpoint(to + 1, db)));
  const notes = [...stored.map((c) => ({ size: c.treeSize, note: c.note })), ...(last ? [{ size: to + 1, note: last }] : [])];

  async function* chunks() {
    yield formatHeaderLine({ origin: LOG_ORIGIN, range: { from, to }, keys }) + "\n";
    if (from > 0) {
      const prefix = new MerkleAccumulator();
      for await (const batch of leafHashBatches(0, from, db)) for (const h of batch) prefix.append(h);
      yield formatPrefixLine(from, prefix.compactRange()) + "\n";
    }
    let c = 0;
    for await (const batch of streamLogEntries({ seqFrom: from, seqTo: to }, db)) {
      let text = "";
      for (const { leafHash, ...entry } of batch) {
        text += formatEntryLine(entry, leafHash) + "\n";
        while (c < notes.length && notes[c].size === entry.seq + 1) text += formatCheckpointLine(notes[c++].note) + "\n";
      }
      yield text;
    }
  }
  return { total: to - from + 1, stream: textStream(chunks()) };
}
