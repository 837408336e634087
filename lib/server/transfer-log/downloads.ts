import "server-only";
import { getDb, type Db } from "@/db/client";
import { countLogEntries, getCheckpointBySize, issueHistoricalCheckpoint, leafHashBatches, listCheckpoints, logHead, streamLogEntries, type LogFilter } from "@/db/queries/transfer-log";
import type { Actor } from "@/db/queries/actor";
import { listLogPublicKeys } from "@/db/queries/log-keys";
import { MerkleAccumulator, bundleCheckpoints, formatCheckpointLine, formatEntryLine, formatHeaderLine, formatPrefixLine } from "@/lib/transfer-log";
import { copyLogCsv } from "@/db/queries/log-copy";
import { LOG_ORIGIN } from "@/lib/transfer-log/config";

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

/**
 * CSV or JSONL of a filtered range, streamed with constant memory. CSV comes from the database's
 * COPY (the fastest path there is); JSONL is written here, batch by batch.
 */
export async function logExport(format: "csv" | "jsonl", filter: LogFilter, db: Db = getDb()) {
  const total = await countLogEntries(filter, db);
  if (format === "csv") return { total, stream: copyLogCsv(filter) };
  async function* chunks() {
    for await (const batch of streamLogEntries(filter, db)) yield batch.map((e) => JSON.stringify(e)).join("\n") + "\n";
  }
  return { total, stream: textStream(chunks()) };
}

export class BundleRangeError extends Error {}

/**
 * A verification bundle for seq from..to (lib/transfer-log/FORMAT.md): the keys with their
 * validity, the compact range before `from`, the entries with their recorded leaf hashes, the
 * stored checkpoints inside the range, and a checkpoint of exactly to+1: a stored one, else one
 * signed and stored now (it then appears on /log/checkpoints like any other).
 */
export async function logBundle(from: number, to: number, requestedBy: Actor | null, db: Db = getDb()) {
  const { size } = await logHead(db);
  if (!(Number.isInteger(from) && Number.isInteger(to)) || from < 0 || to < from || to >= size) {
    throw new BundleRangeError(`the range must satisfy 0 <= from <= to < ${size}`);
  }
  const keys = await listLogPublicKeys(db);
  const stored = await listCheckpoints({ minSize: from + 1, maxSize: to + 1, limit: 10_000 }, db);
  const last = (await getCheckpointBySize(to + 1, db)) ?? (await issueHistoricalCheckpoint(to + 1, requestedBy, `bundle ${from}..${to}`, db));
  const notes = bundleCheckpoints(stored, last);

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
