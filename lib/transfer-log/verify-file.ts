/**
 * Verify a bundle file (the CLI's code path) at close to hashing speed.
 *
 * The file is read in large blocks and split into lines as bytes. Entry lines
 * (nearly all of a bundle) are checked and hashed straight from the bytes by
 * entry-scan.ts; every other line, and any entry line the scanner does not
 * accept, is decoded and goes through BundleVerifier.push() as before, so the
 * checks, their order and the failure reported are those of the streaming
 * verifier.
 *
 * Large files are scanned by worker threads (leaf hashing and canonical-form
 * checks are independent per line); the main thread consumes their results
 * strictly in file order and does everything stateful: sequence checks, the
 * Merkle accumulator, checkpoints. Memory stays O(block size x blocks in flight).
 */
import { readSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { LINE_ENTRY, makeBlockScanner, type BlockScan, type BlockScanner } from "./entry-scan";
import { sha256Latin1 } from "./hash";
import { BundleVerifier, type BundleVerification, type VerifyBundleOptions } from "./verify-bundle";

export interface VerifyFileTuning {
  /** Worker threads for large files; 0 = scan on the calling thread. Default: 2 with 2+ cores, else 0. */
  workers?: number;
  /** Files smaller than this are verified on the calling thread. Default 16 MiB. */
  parallelMinBytes?: number;
  /** Bytes per read / per block handed to a worker. Default 1 MiB. */
  blockBytes?: number;
  /** Blocks in flight per worker. Default 3. */
  blocksPerWorker?: number;
  /** Called when the worker threads failed and the file is verified again on the calling thread. */
  onWorkerFailure?: (error: Error) => void;
}

const DEFAULTS = { parallelMinBytes: 16 << 20, blockBytes: 1 << 20, blocksPerWorker: 3 };

let localScanner: BlockScanner | null = null;
const scanner = (): BlockScanner => (localScanner ??= makeBlockScanner(sha256Latin1));

/** Reads a file as blocks of whole lines (the last block may end without "\n"). */
class LineBlockReader {
  private pos = 0;
  private carry: Uint8Array = new Uint8Array(0);
  private eof = false;
  private readonly free: ArrayBuffer[] = [];

  constructor(
    private readonly fh: FileHandle,
    private readonly blockBytes: number,
  ) {}

  /** Return a block's memory for reuse. */
  recycle(ab: ArrayBuffer): void {
    if (ab.byteLength === this.blockBytes * 2 && this.free.length < 8) this.free.push(ab);
  }

  private alloc(min: number): Uint8Array {
    if (min <= this.blockBytes * 2) return new Uint8Array(this.free.pop() ?? new ArrayBuffer(this.blockBytes * 2));
    return new Uint8Array(min);
  }

  /**
   * Next block: buf[0, len) holds whole lines; null at the end. Reads are
   * synchronous: a thread-pool round trip per block costs more than the read
   * on a busy machine, and the caller has nothing else to do meanwhile.
   */
  next(): { buf: Uint8Array; len: number } | null {
    if (this.eof) return null;
    let buf = this.alloc(this.carry.length + this.blockBytes);
    buf.set(this.carry);
    let len = this.carry.length;
    let searched = len;
    for (;;) {
      if (len === buf.length) {
        // A line longer than the buffer: grow it.
        const bigger = new Uint8Array(buf.length * 2);
        bigger.set(buf);
        buf = bigger;
      }
      const bytesRead = readSync(this.fh.fd, buf, len, Math.min(buf.length - len, this.blockBytes), this.pos);
      if (bytesRead === 0) {
        this.eof = true;
        this.carry = new Uint8Array(0);
        return len > 0 ? { buf, len } : null;
      }
      this.pos += bytesRead;
      len += bytesRead;
      const nl = buf.lastIndexOf(0x0a, len - 1);
      if (nl >= searched) {
        this.carry = buf.slice(nl + 1, len); // a copy: buf goes to a worker
        return { buf, len: nl + 1 };
      }
      searched = len;
    }
  }
}

const ENTRY_LINE = LINE_ENTRY; // module local: imported bindings are getters under tsx

/** Feed one scanned block to the verifier, in order. True once it failed. */
function feedBlock(v: BundleVerifier, r: BlockScan, buf: Uint8Array): boolean {
  const { count, kinds, ends, seqs, leaves } = r;
  let start = 0;
  for (let i = 0; i < count; i++) {
    const end = ends[i];
    let f;
    if (kinds[i] === ENTRY_LINE && v.acceptsCanonicalEntry) {
      f = v.pushCanonicalEntry(seqs[i], leaves, i * 32);
    } else {
      f = v.pushBytes(buf.subarray(start, end));
    }
    if (f) return true;
    start = end + 1;
  }
  return false;
}

async function verifySerial(fh: FileHandle, options: VerifyBundleOptions, blockBytes: number): Promise<BundleVerification> {
  const v = new BundleVerifier(options);
  const reader = new LineBlockReader(fh, blockBytes);
  const sc = scanner();
  let spare: BlockScan | undefined;
  for (let blk = reader.next(); blk; blk = reader.next()) {
    spare = sc.scan(blk.buf, blk.len, spare);
    if (feedBlock(v, spare, blk.buf)) break;
    reader.recycle(blk.buf.buffer as ArrayBuffer);
  }
  return v.finish();
}

// --- worker threads ----------------------------------------------------------

/**
 * Worker source: the scanner's own (transpiled) source text plus a message
 * loop, run with `eval` so it works the same under tsx, vitest and plain node
 * without resolving a second module file. `__name` is the helper esbuild's
 * keepNames inserts into transpiled functions.
 */
const workerSource = (): string => `"use strict";
var __name = (f) => f;
const { parentPort } = require("node:worker_threads");
const nodeCrypto = require("node:crypto");
const digest = typeof nodeCrypto.hash === "function"
  ? (d) => nodeCrypto.hash("sha256", d, "latin1")
  : (d) => nodeCrypto.createHash("sha256").update(d).digest("latin1");
const scanner = (${makeBlockScanner.toString()})(digest);
parentPort.on("message", (m) => {
  const r = scanner.scan(new Uint8Array(m.buf, 0, m.len), m.len, m.spare);
  parentPort.postMessage(
    { id: m.id, buf: m.buf, len: m.len, count: r.count, kinds: r.kinds, ends: r.ends, seqs: r.seqs, leaves: r.leaves },
    [m.buf, r.kinds.buffer, r.ends.buffer, r.seqs.buffer, r.leaves.buffer],
  );
});
`;

interface ScannedBlock extends BlockScan {
  id: number;
  buf: ArrayBuffer;
  len: number;
}

class WorkerFailure extends Error {}

async function verifyParallel(fh: FileHandle, options: VerifyBundleOptions, nWorkers: number, blockBytes: number, perWorker: number): Promise<BundleVerification> {
  const v = new BundleVerifier(options);
  const reader = new LineBlockReader(fh, blockBytes);
  const src = workerSource();
  const workers: Worker[] = [];
  const load: number[] = [];
  const ready = new Map<number, ScannedBlock>();
  let waiting: { id: number; resolve: (b: ScannedBlock) => void } | null = null;
  let broken: Error | null = null;
  let rejectWait: ((e: Error) => void) | null = null;

  const fail = (e: Error) => {
    broken ??= new WorkerFailure(e.message);
    rejectWait?.(broken);
  };
  try {
    for (let w = 0; w < nWorkers; w++) {
      const worker = new Worker(src, { eval: true });
      const index = w;
      worker.on("message", (b: ScannedBlock) => {
        load[index]--;
        if (waiting && waiting.id === b.id) {
          const { resolve } = waiting;
          waiting = null;
          rejectWait = null;
          resolve(b);
        } else ready.set(b.id, b);
      });
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`worker exited with code ${code}`)));
      workers.push(worker);
      load.push(0);
    }
    const result = (id: number): Promise<ScannedBlock> => {
      const b = ready.get(id);
      if (b) {
        ready.delete(id);
        return Promise.resolve(b);
      }
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => {
        waiting = { id, resolve };
        rejectWait = reject;
      });
    };

    const maxInFlight = nWorkers * perWorker;
    const spares: BlockScan[] = []; // result arrays back from the workers, lent out again
    let dispatched = 0;
    let processed = 0;
    let eof = false;
    for (;;) {
      while (!eof && dispatched - processed < maxInFlight) {
        const blk = reader.next();
        if (!blk) {
          eof = true;
          break;
        }
        if (broken) throw broken;
        // Least-loaded worker: results are consumed in order, so keep both busy.
        let w = 0;
        for (let i = 1; i < workers.length; i++) if (load[i] < load[w]) w = i;
        load[w]++;
        const ab = blk.buf.buffer as ArrayBuffer;
        const spare = spares.pop();
        const transfer = [ab];
        if (spare) for (const a of [spare.kinds, spare.ends, spare.seqs, spare.leaves]) transfer.push(a.buffer as ArrayBuffer);
        workers[w].postMessage({ id: dispatched, buf: ab, len: blk.len, spare }, transfer);
        dispatched++;
      }
      if (processed === dispatched) break;
      const b = await result(processed);
      processed++;
      const buf = new Uint8Array(b.buf, 0, b.len);
      if (feedBlock(v, b, buf)) break;
      reader.recycle(b.buf);
      spares.push({ count: 0, kinds: b.kinds, ends: b.ends, seqs: b.seqs, leaves: b.leaves });
    }
    return v.finish();
  } finally {
    for (const w of workers) w.removeAllListeners("exit");
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Stream a bundle file into the verifier (FORMAT.md §6): same checks, same
 * first failure as verifyBundle() over the file's lines ("\n"-separated; a
 * trailing "\r" is ignored). `tuning` is for tests and benchmarks.
 */
export async function verifyBundleFile(file: string, options: VerifyBundleOptions = {}, tuning: VerifyFileTuning = {}): Promise<BundleVerification> {
  new BundleVerifier(options); // a malformed pinned key is a setup error: throw before touching the file
  const blockBytes = Math.max(1024, tuning.blockBytes ?? DEFAULTS.blockBytes);
  // Two workers keep the main thread (sequence checks, Merkle nodes, checkpoints) busy; more would wait on it.
  const nWorkers = tuning.workers ?? (availableParallelism() >= 2 ? 2 : 0);
  const fh = await open(file, "r");
  try {
    const { size } = await fh.stat();
    if (nWorkers > 0 && size >= (tuning.parallelMinBytes ?? DEFAULTS.parallelMinBytes) && options.onEntry === undefined) {
      try {
        return await verifyParallel(fh, options, nWorkers, blockBytes, Math.max(1, tuning.blocksPerWorker ?? DEFAULTS.blocksPerWorker));
      } catch (e) {
        // Workers unavailable or crashed: verify again from the start on this thread.
        if (!(e instanceof WorkerFailure)) throw e;
        tuning.onWorkerFailure?.(e);
      }
    }
    return await verifySerial(fh, options, blockBytes);
  } finally {
    await fh.close();
  }
}
