/**
 * Verification throughput check:
 *
 *   npx tsx lib/transfer-log/bench.ts [entries=1000000] [checkpointEvery=100000]
 *
 * Writes a synthetic bundle to the OS temp dir, then times plain SHA-256 over
 * the file bytes against a full streaming verification (CLI code path).
 *
 * Environment: BENCH_FILE=path reuses (or creates and keeps) that bundle;
 * RUNS=n repeats the sha256/verify pair n times (default 3) and reports the
 * median; WORKERS=n forces the verifier's worker count (0 = single thread);
 * KEEP=1 keeps the temp file.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, openSync, writeSync, closeSync, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatCheckpointLine, formatEntryLine, formatHeaderLine } from "./bundle";
import { canonicalEntryJson, leafHashOfCanonicalJson } from "./canonical";
import { signCheckpoint } from "./checkpoint";
import { sha256 } from "./hash";
import { signingKeyFromSeed, toLogPublicKey } from "./keys";
import { MerkleAccumulator } from "./merkle";
import type { TransferLogEntry } from "./types";
import { verifyBundleFile, formatResult } from "./cli";

const n = Number(process.argv[2] ?? 1_000_000);
const every = Number(process.argv[3] ?? 100_000);
const origin = "qplus.kz/transfer-log";
const key = signingKeyFromSeed(origin, sha256("bench key"));
const file = process.env.BENCH_FILE || join(tmpdir(), `tlog-bench-${process.pid}.jsonl`);
const runs = Math.max(1, Number(process.env.RUNS ?? 3));
const workers = process.env.WORKERS === undefined ? undefined : Number(process.env.WORKERS);

function entry(seq: number): TransferLogEntry {
  const t = Date.parse("2026-01-01T00:00:00.000Z") + seq * 1000;
  return {
    seq,
    loggedAt: new Date(t + 123).toISOString(),
    occurredAt: new Date(t - 5000).toISOString(),
    recipientId: "7d9e1f20-3a4b-4c5d-8e6f-708192a3b4c5",
    recipientVersion: 3,
    approvalId: seq % 10 ? "3f1c2a9e-5b7d-4e8a-9c0f-1a2b3c4d5e6f" : null,
    purposeCodes: ["contract_performance"],
    dataItems: ["full_name", "iin", "phone", "email"],
    recordCount: 1 + (seq % 5000),
    subjectPopulations: ["customers"],
    sendingSystem: "crm",
    destinationCountry: "DE",
    idempotencyKey: `crm-export-${seq}`,
    externalReference: seq % 3 ? `ERP-${seq}` : null,
    flags: seq % 100 === 0 ? [{ code: "LATE_REPORT", reason: "reported late" }] : [],
  };
}

function write(): void {
  const fd = openSync(file, "w");
  let buf: string[] = [formatHeaderLine({ origin, range: { from: 0, to: n - 1 }, keys: [toLogPublicKey(key, "2025-01-01T00:00:00.000Z")] })];
  const acc = new MerkleAccumulator();
  for (let seq = 0; seq < n; seq++) {
    const e = entry(seq);
    const leaf = leafHashOfCanonicalJson(canonicalEntryJson(e));
    acc.append(leaf);
    buf.push(formatEntryLine(e, leaf));
    if ((seq + 1) % every === 0 || seq === n - 1) {
      const ts = new Date(Date.parse("2026-01-01T00:00:00.000Z") + (seq + 1) * 1000).toISOString();
      buf.push(formatCheckpointLine(signCheckpoint({ origin, size: seq + 1, rootHash: acc.root(), timestamp: ts }, key)));
    }
    if (buf.length >= 10_000) {
      writeSync(fd, buf.join("\n") + "\n");
      buf = [];
    }
  }
  if (buf.length) writeSync(fd, buf.join("\n") + "\n");
  closeSync(fd);
}

async function sha256File(): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest("hex");
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  let t = performance.now();
  if (process.env.BENCH_FILE && existsSync(file)) {
    console.log(`reusing ${file}`);
  } else {
    write();
    console.log(`wrote ${n} entries in ${((performance.now() - t) / 1000).toFixed(1)} s: ${file}`);
  }
  const size = statSync(file).size;
  const ratios: number[] = [];
  for (let run = 1; run <= runs; run++) {
    let cpu = process.cpuUsage();
    t = performance.now();
    await sha256File();
    const shaMs = performance.now() - t;
    const shaCpu = cpuMs(process.cpuUsage(cpu));
    const heapBefore = process.memoryUsage().heapUsed;
    cpu = process.cpuUsage();
    t = performance.now();
    const r = await verifyBundleFile(file, {}, workers === undefined ? {} : { workers });
    const verifyMs = performance.now() - t;
    const verifyCpu = cpuMs(process.cpuUsage(cpu)); // all threads of the process
    if (run === 1) console.log(formatResult(r).split("\n")[0]);
    const ratio = shaMs / verifyMs; // = verify MB/s / sha256 MB/s
    ratios.push(ratio);
    console.log(
      `run ${run}: ${(size / 1e6).toFixed(0)} MB; sha256 ${(shaMs / 1000).toFixed(2)} s (${(size / 1e3 / shaMs).toFixed(0)} MB/s); ` +
        `verify ${(verifyMs / 1000).toFixed(2)} s (${(size / 1e3 / verifyMs).toFixed(0)} MB/s, ${((verifyMs * 1000) / n).toFixed(2)} µs/entry); ` +
        `throughput ratio ${ratio.toFixed(3)}; cpu sha256 ${(shaCpu / 1000).toFixed(2)} s, verify ${(verifyCpu / 1000).toFixed(2)} s (all threads); ` +
        `heap delta ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1)} MB`,
    );
  }
  console.log(`median throughput ratio (verify / sha256) over ${runs} run(s): ${median(ratios).toFixed(3)}`);
  if (!process.env.KEEP && !process.env.BENCH_FILE) unlinkSync(file);
}

void main();
