import "server-only";
import { Readable } from "node:stream";
import { copyOut, rawClient, type RawClient } from "../client";
import type { LogFilter } from "./transfer-log";
import { CONTROLLER_COUNTRY } from "@/lib/registry/facts";
import { formulaGuardSql } from "@/lib/csv/formula";

/**
 * The free-text columns, which a sending system writes: each is neutralised against spreadsheet
 * formulas (lib/csv/formula.ts) and always quoted. Every other column is typed by the database
 * (integers, uuids, timestamps formatted here, hex, JSON arrays starting with "["), so its text cannot
 * begin with a formula character followed by anything a spreadsheet would evaluate.
 */
const GUARDED_TEXT = [
  ["sending_system", "sendingSystem"],
  ["destination_country", "destinationCountry"],
  ["idempotency_key", "idempotencyKey"],
  ["external_reference", "externalReference"],
] as const;
const guarded = Object.fromEntries(GUARDED_TEXT.map(([column, name]) => [name, `${formulaGuardSql(column)} as "${name}"`])) as Record<(typeof GUARDED_TEXT)[number][1], string>;
const CSV_OPTIONS = `format csv, force_quote (${GUARDED_TEXT.map(([, name]) => `"${name}"`).join(", ")})`;

/** The CSV columns, formatted by the database; lists (and flags) are JSON arrays, as stored. */
const CSV_SELECT = `seq,
  to_char(logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "loggedAt",
  to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt",
  recipient_id as "recipientId", recipient_version as "recipientVersion", approval_id as "approvalId",
  purpose_codes as "purposeCodes", data_items as "dataItems",
  record_count as "recordCount",
  subject_populations as "subjectPopulations",
  ${guarded.sendingSystem}, ${guarded.destinationCountry}, ${guarded.idempotencyKey},
  ${guarded.externalReference},
  flags,
  encode(leaf_hash, 'hex') as "leafHash"`;

const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;

/**
 * COPY takes no parameters, so the filter is written into the statement. Every value here was
 * validated (dates, uuids, ISO codes, integers) and text is quoted as a SQL literal.
 */
function whereText(f: LogFilter, afterSeq?: number): string {
  const w: string[] = [];
  if (f.from) w.push(`occurred_at >= ${literal(f.from.toISOString())}::timestamptz`);
  if (f.to) w.push(`occurred_at < ${literal(f.to.toISOString())}::timestamptz`);
  if (f.recipientId) w.push(`recipient_id = ${literal(f.recipientId)}::uuid`);
  if (f.country) w.push(`destination_country = ${literal(f.country)}`);
  if (f.crossBorder === true) w.push(`destination_country <> ${literal(CONTROLLER_COUNTRY)}`);
  if (f.crossBorder === false) w.push(`destination_country = ${literal(CONTROLLER_COUNTRY)}`);
  if (f.approvalId) w.push(`approval_id = ${literal(f.approvalId)}::uuid`);
  if (f.flagged === true) w.push(`jsonb_array_length(flags) > 0`);
  if (f.flagged === false) w.push(`jsonb_array_length(flags) = 0`);
  if (f.sendingSystem) w.push(`sending_system = ${literal(f.sendingSystem)}`);
  if (f.seqFrom !== undefined) w.push(`seq >= ${Math.trunc(f.seqFrom)}`);
  if (f.seqTo !== undefined) w.push(`seq <= ${Math.trunc(f.seqTo)}`);
  if (afterSeq !== undefined) w.push(`seq > ${Math.trunc(afterSeq)}`);
  return w.length ? `where ${w.join(" and ")}` : "";
}

/**
 * The CSV download, produced by the database's own COPY and streamed: on PostgreSQL one COPY …
 * TO STDOUT; on PGlite (which copies to a blob) in keyset batches, so memory stays bounded.
 */
export function copyLogCsv(filter: LogFilter, raw: RawClient = rawClient(), batch = 20_000): ReadableStream<Uint8Array> {
  if (raw.kind === "postgres") {
    const statement = `copy (select ${CSV_SELECT} from transfer_log_entries ${whereText(filter)} order by seq) to stdout with (${CSV_OPTIONS}, header)`;
    let node: Readable | undefined;
    // postgres.js emits one chunk per row; coalesce them, or a million tiny writes cost more than COPY.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = (controller: ReadableStreamDefaultController<Uint8Array>) => {
      if (!pendingBytes) return;
      controller.enqueue(new Uint8Array(Buffer.concat(pending, pendingBytes)));
      pending = [];
      pendingBytes = 0;
    };
    return new ReadableStream<Uint8Array>(
      {
        async start(controller) {
          node = await copyOut(raw, statement);
          node.on("data", (chunk: Buffer) => {
            pending.push(chunk);
            pendingBytes += chunk.length;
            if (pendingBytes >= 256 * 1024) {
              flush(controller);
              // Backpressure: stop reading from PostgreSQL while the client is behind.
              if ((controller.desiredSize ?? 1) <= 0) node!.pause();
            }
          });
          node.on("end", () => {
            flush(controller);
            controller.close();
          });
          node.on("error", (err) => controller.error(err));
        },
        pull() {
          node?.resume();
        },
        cancel() {
          node?.destroy();
        },
      },
      // Hold at most about 2 MiB ahead of a slow client.
      { highWaterMark: 2 << 20, size: (chunk) => chunk.byteLength },
    );
  }
  let after: number | undefined;
  let header = true;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return controller.close();
      const statement = `copy (select ${CSV_SELECT} from transfer_log_entries ${whereText(filter, after)} order by seq limit ${batch}) to '/dev/blob' with (${CSV_OPTIONS}${header ? ", header" : ""})`;
      const result = await raw.pg.query(statement);
      const bytes = new Uint8Array(await (result.blob ?? new Blob()).arrayBuffer());
      const rows = result.affectedRows ?? 0;
      header = false;
      if (rows < batch) done = true;
      if (rows > 0) {
        // The last seq of the batch is where the next one starts (the first field of the last line).
        const text = new TextDecoder().decode(bytes.subarray(Math.max(0, bytes.lastIndexOf(10, bytes.length - 2) + 1)));
        after = Number(text.split(",")[0]);
      }
      if (bytes.byteLength) controller.enqueue(bytes);
      if (done) controller.close();
    },
  });
}
