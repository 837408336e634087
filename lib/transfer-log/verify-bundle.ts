/**
 * Streaming verifier for "qplus-tlog-bundle/v1" bundles (FORMAT.md §6).
 *
 * Memory is O(log n): the only per-log state is a Merkle accumulator (one
 * hash per set bit of the tree size) and a few counters. Verification stops
 * at the first failure, which is reported with its line and, where it
 * concerns an entry, its seq.
 */
import { canonicalEntryJson, entryProblem, leafHashOfCanonicalJson, parseCanonicalEntryJson } from "./canonical";
import { verifyCheckpoint, type CheckpointFailureCode, type ParsedCheckpoint } from "./checkpoint";
import { hashFromHex, hexMatches, toHex } from "./hash";
import { assertLogPublicKey, logPublicKeyProblem, parseVerifierKey } from "./keys";
import { BUNDLE_FORMAT, ENTRY_LINE_HEAD, ENTRY_LINE_MID, type BundleRange } from "./bundle";
import { MerkleAccumulator, popcount } from "./merkle";
import type { LogPublicKey, TransferLogEntry } from "./types";

export type BundleFailureCode =
  | "BAD_HEADER"
  | "ORIGIN_MISMATCH"
  | "UNTRUSTED_KEY"
  | "MALFORMED_LINE"
  | "BAD_PREFIX"
  | "BAD_ENTRY"
  | "ENTRY_NOT_CANONICAL"
  | "SEQ_OUT_OF_RANGE"
  | "SEQ_GAP"
  | "SEQ_DUPLICATE"
  | "SEQ_ORDER"
  | "LEAF_HASH_MISMATCH"
  | Exclude<CheckpointFailureCode, "ORIGIN_MISMATCH">
  | "CHECKPOINT_SIZE_MISMATCH"
  | "CHECKPOINT_TIME_REGRESSION"
  | "ROOT_MISMATCH"
  | "TRUNCATED"
  | "UNCOVERED_ENTRIES"
  | "INVALID_UTF8";

export interface BundleFailure {
  code: BundleFailureCode;
  message: string;
  /** Entry seq concerned, when the failure is about one entry. */
  seq?: number;
  /** 1-based line number in the bundle. */
  line?: number;
}

export interface VerifiedCheckpointInfo {
  size: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  keyName: string;
  line: number;
}

export type BundleVerification =
  | {
      ok: true;
      origin: string;
      range: BundleRange;
      /** Number of entries verified. */
      entries: number;
      /** Number of checkpoints verified. */
      checkpoints: number;
      /** Distinct keys that verified at least one checkpoint. */
      keysUsed: LogPublicKey[];
      lastCheckpoint: VerifiedCheckpointInfo;
    }
  | { ok: false; failure: BundleFailure };

export interface VerifyBundleOptions {
  /** Expected log origin; when set, the header and every checkpoint must match. */
  origin?: string;
  /**
   * Keys pinned out of band. When set, every header key must be one of them
   * (same name, key ID and public key), else UNTRUSTED_KEY. A vkey string pins
   * the key and takes its validity from the header; a LogPublicKey pins the
   * validity too. Without pins the header keys are taken at their word, which
   * proves internal consistency only.
   */
  trustedKeys?: ReadonlyArray<LogPublicKey | string>;
  /** Called with each entry after it passed its own checks (not yet its checkpoint). */
  onEntry?: (entry: TransferLogEntry) => void;
}

interface PendingGap {
  seq: number;
  line: number;
}

const HEAD_LEN = ENTRY_LINE_HEAD.length;
const ENTRY_JSON_AT = HEAD_LEN + 64 + ENTRY_LINE_MID.length;

// ignoreBOM keeps a leading BOM in the text, where push() skips it, exactly as for string input.
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const LOOSE_UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** Byte offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let p = 0; p < b.length; ) {
    const c = b[p];
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0; // no overlongs
      if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f; // at most U+10FFFF
    } else return p;
    for (let i = 1; i <= n; i++) {
      const d = b[p + i];
      if (d === undefined || d < (i === 1 ? lo : 0x80) || d > (i === 1 ? hi : 0xbf)) return p;
    }
    p += n + 1;
  }
  return -1;
}

class Failure {
  constructor(readonly failure: BundleFailure) {}
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isSafeCount(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}

/**
 * Push-based verifier: feed lines in order with push(), then call finish().
 * push() returns a failure as soon as one is found; later pushes are ignored.
 * verifyBundle() wraps this for (async) iterables.
 */
export class BundleVerifier {
  private lineNo = 0;
  private failed: BundleFailure | null = null;
  private header: { origin: string; range: BundleRange; keys: LogPublicKey[] } | null = null;
  private acc: MerkleAccumulator | null = null;
  private nextSeq = 0;
  private pendingGap: PendingGap | null = null;
  private checkpointCount = 0;
  private lastCheckpoint: VerifiedCheckpointInfo | null = null;
  private lastCheckpointTime = -Infinity;
  private readonly keysUsed = new Map<string, LogPublicKey>();

  private readonly pins: Array<{ name: string; keyId: string; publicKey: string; key?: LogPublicKey }> | null;

  /** Throws (KeyFormatError) if options.trustedKeys holds a malformed key: that is a setup error, not a finding. */
  constructor(private readonly options: VerifyBundleOptions = {}) {
    this.pins =
      options.trustedKeys?.map((pin) => {
        if (typeof pin !== "string") {
          assertLogPublicKey(pin);
          return { name: pin.name, keyId: pin.keyId, publicKey: pin.publicKey, key: pin };
        }
        const v = parseVerifierKey(pin);
        return { name: v.name, keyId: v.keyId, publicKey: v.publicKey.toString("base64") };
      }) ?? null;
  }

  /** Feed the next line (without its "\n"). Returns the failure once one occurred. */
  push(rawLine: string): BundleFailure | null {
    if (this.failed) return this.failed;
    this.lineNo++;
    return this.pushDecoded(rawLine);
  }

  private pushDecoded(rawLine: string): BundleFailure | null {
    let line = rawLine;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (this.lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.length === 0) return null; // blank lines carry nothing
    try {
      if (this.pendingGap) this.resolveGap(line);
      else if (!this.header) this.onHeader(line);
      else if (line.startsWith(ENTRY_LINE_HEAD)) this.onEntry(line);
      else this.onOtherLine(line);
    } catch (e) {
      if (e instanceof Failure) {
        this.failed = e.failure;
        return this.failed;
      }
      throw e;
    }
    return null;
  }

  /**
   * Feed the next line as bytes (without its "\n"). The bytes are decoded strictly: a line
   * that is not well-formed UTF-8 fails with INVALID_UTF8 instead of being read with U+FFFD in
   * place of the bad bytes, which could re-encode to the very bytes the log signed and verify.
   */
  pushBytes(bytes: Uint8Array): BundleFailure | null {
    if (this.failed) return this.failed;
    let text: string;
    try {
      text = STRICT_UTF8.decode(bytes);
    } catch {
      this.lineNo++;
      const at = firstInvalidUtf8(bytes);
      // Name the entry when the rest of the line still says which one it is.
      let seq: number | undefined;
      try {
        const s = (JSON.parse(LOOSE_UTF8.decode(bytes)) as { entry?: { seq?: unknown } })?.entry?.seq;
        if (isSafeCount(s)) seq = s;
      } catch {
        seq = undefined;
      }
      this.failed = {
        code: "INVALID_UTF8",
        message: `${seq === undefined ? `line ${this.lineNo}` : `entry seq ${seq} (line ${this.lineNo})`}: not well-formed UTF-8 at byte ${at} of the line`,
        ...(seq === undefined ? {} : { seq }),
        line: this.lineNo,
      };
      return this.failed;
    }
    this.lineNo++;
    return this.pushDecoded(text);
  }

  /**
   * True when the next line, if it is a canonical entry line whose recorded
   * leaf hash was already checked (entry-scan.ts), may be fed with
   * pushCanonicalEntry() instead of push(): a header was seen, no gap is
   * pending, nothing failed, and no onEntry callback needs the parsed entry.
   */
  get acceptsCanonicalEntry(): boolean {
    return this.failed === null && this.header !== null && this.pendingGap === null && this.options.onEntry === undefined;
  }

  /**
   * Fast path of push() for a line the byte scanner (entry-scan.ts) accepted:
   * a byte-exact entry line of a valid entry with this seq, whose recomputed
   * leaf hash (at leaves[offset, offset+32)) equals the recorded leafHash.
   * Does exactly what push() does after those checks. Only call it while
   * acceptsCanonicalEntry is true.
   */
  pushCanonicalEntry(seq: number, leaves: Uint8Array, offset: number): BundleFailure | null {
    if (this.failed) return this.failed;
    this.lineNo++;
    try {
      if (!this.checkSeq(seq)) return null;
      this.requireAccumulator(seq).appendFrom(leaves, offset);
      this.nextSeq++;
    } catch (e) {
      if (e instanceof Failure) {
        this.failed = e.failure;
        return this.failed;
      }
      throw e;
    }
    return null;
  }

  /** End of input: the final completeness checks. */
  finish(): BundleVerification {
    if (!this.failed) {
      try {
        this.onEnd();
      } catch (e) {
        if (!(e instanceof Failure)) throw e;
        this.failed = e.failure;
      }
    }
    if (this.failed) return { ok: false, failure: this.failed };
    const h = this.header!;
    return {
      ok: true,
      origin: h.origin,
      range: { ...h.range },
      entries: this.nextSeq - h.range.from,
      checkpoints: this.checkpointCount,
      keysUsed: [...this.keysUsed.values()],
      lastCheckpoint: this.lastCheckpoint!,
    };
  }

  /** Throw the (first) failure. `where` defaults to "entry seq S (line L)" or "line L". */
  private fail(code: BundleFailureCode, message: string, at: { seq?: number; line?: number; where?: string } = {}): never {
    const line = at.line ?? this.lineNo;
    const where = at.where ?? (at.seq === undefined ? `line ${line}` : `entry seq ${at.seq} (line ${line})`);
    throw new Failure({ code, message: `${where}: ${message}`, ...(at.seq === undefined ? {} : { seq: at.seq }), line });
  }

  private parseJson(line: string): Record<string, unknown> {
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      this.fail(this.header ? "MALFORMED_LINE" : "BAD_HEADER", "not valid JSON");
    }
    if (!isRecord(v)) this.fail(this.header ? "MALFORMED_LINE" : "BAD_HEADER", "line must be a JSON object");
    return v;
  }

  private onHeader(line: string): void {
    const h = this.parseJson(line);
    const bad = (why: string): never => this.fail("BAD_HEADER", why);
    if (h.format !== BUNDLE_FORMAT) bad(`format must be "${BUNDLE_FORMAT}"`);
    if (typeof h.origin !== "string" || h.origin.length === 0 || h.origin.includes("\n")) bad("origin must be a non-empty single-line string");
    const origin = h.origin as string;
    if (this.options.origin !== undefined && origin !== this.options.origin) {
      this.fail("ORIGIN_MISMATCH", `bundle origin "${origin}" is not the expected "${this.options.origin}"`);
    }
    const r = h.range;
    if (!isRecord(r) || !isSafeCount(r.from) || !isSafeCount(r.to) || r.to < r.from) bad("range must be {from, to} with 0 <= from <= to");
    const range = { from: (r as { from: number }).from, to: (r as { to: number }).to };
    if (!Array.isArray(h.keys) || h.keys.length === 0) bad("keys must be a non-empty array");
    const keys: LogPublicKey[] = [];
    for (const k of h.keys as unknown[]) {
      const problem = logPublicKeyProblem(k);
      if (problem) bad(problem);
      keys.push(k as LogPublicKey);
    }
    this.header = { origin, range, keys: this.effectiveKeys(keys) };
    this.nextSeq = range.from;
    if (range.from === 0) this.acc = new MerkleAccumulator();
  }

  /** Apply pinned keys (options.trustedKeys) to the header's keys. */
  private effectiveKeys(headerKeys: LogPublicKey[]): LogPublicKey[] {
    const pins = this.pins;
    if (!pins) return headerKeys;
    return headerKeys.map((k) => {
      const pin = pins.find((p) => p.name === k.name && p.keyId === k.keyId && p.publicKey === k.publicKey);
      if (!pin) return this.fail("UNTRUSTED_KEY", `header key ${k.name} (${k.keyId}) is not one of the trusted keys`);
      // A pinned LogPublicKey also pins the validity period; a vkey pins only the key.
      return pin.key ?? k;
    });
  }

  private onOtherLine(line: string): void {
    const obj = this.parseJson(line);
    switch (obj.type) {
      case "prefix":
        return this.onPrefix(obj);
      case "checkpoint":
        return this.onCheckpoint(obj);
      case "entry":
        // Parses as an entry but does not start with the fixed head: not byte-exact.
        {
        const seq = (obj.entry as { seq?: unknown } | null)?.seq;
        return this.fail("ENTRY_NOT_CANONICAL", "entry line is not in the canonical form", { seq: isSafeCount(seq) ? seq : undefined });
      }
      default:
        return this.fail("MALFORMED_LINE", `unknown line type ${JSON.stringify(obj.type)}`);
    }
  }

  private onPrefix(obj: Record<string, unknown>): void {
    const { from } = this.header!.range;
    if (this.acc) this.fail("BAD_PREFIX", from === 0 ? "a bundle starting at seq 0 has no prefix" : "prefix must come right after the header, once");
    if (obj.size !== from) this.fail("BAD_PREFIX", `prefix size must equal range.from (${from})`);
    const hashes = Array.isArray(obj.hashes) ? obj.hashes.map(hashFromHex) : null;
    if (!hashes || hashes.some((h) => h === null) || hashes.length !== popcount(from)) {
      this.fail("BAD_PREFIX", `prefix must list ${popcount(from)} subtree hashes as lowercase hex`);
    }
    this.acc = MerkleAccumulator.fromCompactRange(from, hashes as Buffer[]);
  }

  private requireAccumulator(seq?: number): MerkleAccumulator {
    if (!this.acc) this.fail("BAD_PREFIX", `bundle starts at seq ${this.header!.range.from} but has no prefix line`, { seq });
    return this.acc;
  }

  private onEntry(line: string): void {
    // Hot path: a byte-exact line is parsed in one pass and its entry text hashed as is.
    const end = line.length - 1;
    let e: TransferLogEntry | null = null;
    if (line.length > ENTRY_JSON_AT && line.charCodeAt(end) === 0x7d /* } */ && line.startsWith(ENTRY_LINE_MID, HEAD_LEN + 64)) {
      e = parseCanonicalEntryJson(line, ENTRY_JSON_AT, end);
    }
    if (e === null) e = this.explainEntryLine(line);

    if (!this.checkSeq(e.seq)) return;
    const acc = this.requireAccumulator(e.seq);

    const leaf = leafHashOfCanonicalJson(line.slice(ENTRY_JSON_AT, end));
    if (!hexMatches(leaf, line, HEAD_LEN)) {
      const recordedHex = line.slice(HEAD_LEN, HEAD_LEN + 64);
      if (!hashFromHex(recordedHex)) this.fail("BAD_ENTRY", "leafHash must be 64 lowercase hex digits", { seq: e.seq });
      this.fail("LEAF_HASH_MISMATCH", `recomputed leaf hash ${leaf.toString("hex")} differs from the recorded ${recordedHex} (a stored field was changed)`, { seq: e.seq });
    }
    // The recorded hash (equal to the recomputed one here) goes into the tree; the checkpoint root protects it.
    acc.append(leaf);
    this.nextSeq++;
    this.options.onEntry?.(e);
  }

  /**
   * Slow path for entry lines the strict parser refused: find out why with a
   * general JSON parse. Returns the entry only if the line is canonical after
   * all (the strict parser is never meant to refuse one).
   */
  private explainEntryLine(line: string): TransferLogEntry {
    const obj = this.parseJson(line);
    const entry = obj.entry;
    const problem = entryProblem(entry);
    const seqOf = isRecord(entry) && isSafeCount(entry.seq) ? entry.seq : undefined;
    if (problem) this.fail("BAD_ENTRY", problem, { seq: seqOf });
    const e = entry as TransferLogEntry;
    if (typeof obj.leafHash !== "string" || !hashFromHex(obj.leafHash)) this.fail("BAD_ENTRY", "leafHash must be 64 lowercase hex digits", { seq: e.seq });
    // Entry lines must be byte-exact, so every verifier hashes the same fields
    // (no duplicate keys, escapes or whitespace for parsers to disagree on).
    if (line !== ENTRY_LINE_HEAD + obj.leafHash + ENTRY_LINE_MID + canonicalEntryJson(e) + "}") {
      this.fail("ENTRY_NOT_CANONICAL", "entry line is not in the canonical form", { seq: e.seq });
    }
    return e;
  }

  /** True when seq is the next one; false when a gap is pending (decided on the next line). */
  private checkSeq(seq: number): boolean {
    const { from, to } = this.header!.range;
    const expected = this.nextSeq;
    if (seq < from || seq > to) this.fail("SEQ_OUT_OF_RANGE", `seq is outside the bundle range ${from}..${to}`, { seq });
    if (seq === expected) return true;
    if (seq < expected) {
      // Everything in [from, expected) was seen exactly once already.
      this.fail("SEQ_DUPLICATE", `entry appears a second time (expected seq ${expected} here)`, { seq });
    }
    // seq > expected: a gap, unless the next entry shows it is a reordering.
    this.pendingGap = { seq, line: this.lineNo };
    return false;
  }

  /** One-entry lookahead after a gap: a smaller seq next means reordering. */
  private resolveGap(line: string): void {
    const gap = this.pendingGap!;
    let nextSeq: unknown;
    try {
      nextSeq = (JSON.parse(line) as { entry?: { seq?: unknown } })?.entry?.seq;
    } catch {
      nextSeq = undefined;
    }
    if (isSafeCount(nextSeq) && nextSeq < gap.seq) {
      this.fail("SEQ_ORDER", `entries out of order: seq ${gap.seq} comes before seq ${nextSeq} (expected seq ${this.nextSeq} here)`, { seq: gap.seq, line: gap.line });
    }
    this.failGap(gap);
  }

  private failGap(gap: PendingGap): never {
    const missing = gap.seq - 1 > this.nextSeq ? `entries seq ${this.nextSeq}..${gap.seq - 1} are` : `entry seq ${this.nextSeq} is`;
    return this.fail("SEQ_GAP", `${missing} missing (next entry has seq ${gap.seq})`, { seq: this.nextSeq, line: gap.line, where: `line ${gap.line}` });
  }

  private onCheckpoint(obj: Record<string, unknown>): void {
    const h = this.header!;
    const acc = this.requireAccumulator();
    if (typeof obj.note !== "string") this.fail("MALFORMED_LINE", "checkpoint line needs a note string");
    const v = verifyCheckpoint(obj.note as string, h.keys, { origin: h.origin });
    if (!v.ok) this.fail(v.code, `checkpoint: ${v.message}`);
    const cp: ParsedCheckpoint = v.checkpoint;
    if (cp.size !== acc.size) {
      const have = acc.size === 0 ? "no entries" : `entries up to seq ${acc.size - 1}`;
      this.fail("CHECKPOINT_SIZE_MISMATCH", `checkpoint for tree size ${cp.size} appears after ${have} (tree size ${acc.size})`);
    }
    const time = Date.parse(cp.timestamp!);
    if (time < this.lastCheckpointTime) {
      this.fail("CHECKPOINT_TIME_REGRESSION", `checkpoint time ${cp.timestamp} is earlier than the previous checkpoint's ${this.lastCheckpoint!.timestamp}`);
    }
    const root = acc.root();
    if (!root.equals(cp.rootHash)) {
      const since = this.lastCheckpoint ? this.lastCheckpoint.size : h.range.from;
      const span = since < cp.size ? `entries seq ${since}..${cp.size - 1}` : "the prefix";
      const orPrefix = since < cp.size && !this.lastCheckpoint && h.range.from > 0 ? " (or the prefix)" : "";
      this.fail(
        "ROOT_MISMATCH",
        `recomputed root for tree size ${cp.size} does not match the signed checkpoint: ${span}${orPrefix} are not what the log signed (altered together with their recorded hashes, inserted or removed)`,
      );
    }
    this.checkpointCount++;
    this.lastCheckpointTime = time;
    this.keysUsed.set(`${v.key.name}+${v.key.keyId}+${v.key.validFrom}`, v.key);
    this.lastCheckpoint = { size: cp.size, rootHash: toHex(cp.rootHash), timestamp: cp.timestamp!, keyId: v.key.keyId, keyName: v.key.name, line: this.lineNo };
  }

  private onEnd(): void {
    if (this.pendingGap) this.failGap(this.pendingGap);
    const h = this.header;
    if (!h) this.fail("BAD_HEADER", "bundle is empty", { line: 1 });
    this.requireAccumulator();
    if (this.nextSeq !== h.range.to + 1) {
      const got = this.nextSeq === h.range.from ? "no entries" : `entries up to seq ${this.nextSeq - 1}`;
      this.fail("TRUNCATED", `bundle ends with ${got}, its range goes to seq ${h.range.to}`);
    }
    const covered = this.lastCheckpoint?.size ?? 0;
    if (covered !== h.range.to + 1) {
      const first = Math.max(covered, h.range.from);
      this.fail("UNCOVERED_ENTRIES", `entries seq ${first}..${h.range.to} are not covered by a checkpoint at the end of the bundle`);
    }
  }
}

function isAsyncIterable<T>(x: AsyncIterable<T> | Iterable<T>): x is AsyncIterable<T> {
  return typeof (x as AsyncIterable<T>)[Symbol.asyncIterator] === "function";
}

/** Verify a bundle held as a sync iterable of lines (without "\n"). */
export function verifyBundleSync(lines: Iterable<string>, options?: VerifyBundleOptions): BundleVerification {
  const v = new BundleVerifier(options);
  for (const line of lines) if (v.push(line)) break;
  return v.finish();
}

/**
 * Verify a bundle given as lines (without "\n"; a trailing "\r" is ignored),
 * e.g. a readline interface. Sync iterables are consumed without a per-line await.
 */
export async function verifyBundle(
  lines: AsyncIterable<string> | Iterable<string>,
  options?: VerifyBundleOptions,
): Promise<BundleVerification> {
  if (!isAsyncIterable(lines)) return verifyBundleSync(lines, options);
  const v = new BundleVerifier(options);
  for await (const line of lines) if (v.push(line)) break;
  return v.finish();
}

/**
 * Verify a bundle held in memory as bytes: lines split at "\n", each decoded strictly
 * (BundleVerifier.pushBytes). Use this, or verifyBundleFile, rather than decoding the
 * bytes to a string first: a lenient decoder hides invalid UTF-8.
 */
export function verifyBundleBytes(bytes: Uint8Array, options?: VerifyBundleOptions): BundleVerification {
  const v = new BundleVerifier(options);
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (v.pushBytes(bytes.subarray(start, end))) break;
    start = end + 1;
  }
  return v.finish();
}

/** Split bundle text into lines (for in-memory bundles and tests). */
export function bundleTextLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
