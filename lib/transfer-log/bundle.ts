/**
 * Verification bundle format "qplus-tlog-bundle/v1" (see FORMAT.md §5):
 * JSON Lines, one JSON object per "\n"-terminated line, streamable.
 *
 *   line 1   {"format":"qplus-tlog-bundle/v1","origin":...,"range":{"from":F,"to":T},"keys":[LogPublicKey...]}
 *   line 2   {"type":"prefix","size":F,"hashes":[hex...]}            only when F > 0
 *   then     {"type":"entry","leafHash":"<hex>","entry":<canonical entry JSON>}   seq F..T in order
 *   and      {"type":"checkpoint","note":"<signed checkpoint note>"}  right after the entry seq size-1
 *
 * The last line is a checkpoint of tree size T+1, so every entry is covered by a signature.
 */
import { canonicalEntryJson, entryLeafHash, assertEntry } from "./canonical";
import { parseCheckpoint } from "./checkpoint";
import { hashFromHex, toHex } from "./hash";
import { popcount } from "./merkle";
import type { LogPublicKey, TransferLogEntry } from "./types";

export const BUNDLE_FORMAT = "qplus-tlog-bundle/v1";

export interface BundleRange {
  /** First seq in the bundle (inclusive). */
  from: number;
  /** Last seq in the bundle (inclusive). */
  to: number;
}

export interface BundleHeader {
  format: typeof BUNDLE_FORMAT;
  origin: string;
  range: BundleRange;
  keys: LogPublicKey[];
}

export interface BundlePrefixLine {
  type: "prefix";
  /** Equals range.from. */
  size: number;
  /** Compact range [0, size): perfect-subtree roots, left to right, lowercase hex. */
  hashes: string[];
}

export interface BundleEntryLine {
  type: "entry";
  /** The leaf hash the log recorded for this entry, lowercase hex. */
  leafHash: string;
  entry: TransferLogEntry;
}

export interface BundleCheckpointLine {
  type: "checkpoint";
  note: string;
}

export type BundleLine = BundlePrefixLine | BundleEntryLine | BundleCheckpointLine;

/** Fixed start of every entry line; the verifier requires entry lines byte-exact. */
export const ENTRY_LINE_HEAD = '{"type":"entry","leafHash":"';
export const ENTRY_LINE_MID = '","entry":';

export function formatHeaderLine(header: Omit<BundleHeader, "format">): string {
  const h: BundleHeader = { format: BUNDLE_FORMAT, origin: header.origin, range: { from: header.range.from, to: header.range.to }, keys: header.keys };
  return JSON.stringify(h);
}

export function formatPrefixLine(size: number, hashes: readonly Uint8Array[]): string {
  if (hashes.length !== popcount(size)) throw new RangeError(`prefix of size ${size} needs ${popcount(size)} hashes`);
  const line: BundlePrefixLine = { type: "prefix", size, hashes: hashes.map(toHex) };
  return JSON.stringify(line);
}

/**
 * The one valid spelling of an entry line. `leafHash` is the hash the log
 * recorded (pass it from storage so storage tampering shows up); it defaults
 * to the recomputed hash.
 */
export function formatEntryLine(entry: TransferLogEntry, leafHash?: Uint8Array | string): string {
  assertEntry(entry);
  const hex = leafHash === undefined ? toHex(entryLeafHash(entry)) : typeof leafHash === "string" ? leafHash : toHex(leafHash);
  if (!hashFromHex(hex)) throw new RangeError("leafHash must be 32 bytes (64 lowercase hex digits)");
  return ENTRY_LINE_HEAD + hex + ENTRY_LINE_MID + canonicalEntryJson(entry) + "}";
}

export function formatCheckpointLine(note: string): string {
  const line: BundleCheckpointLine = { type: "checkpoint", note };
  return JSON.stringify(line);
}

export interface BundleSource {
  origin: string;
  keys: LogPublicKey[];
  range: BundleRange;
  /** Compact range [0, range.from); required iff range.from > 0 (see merkle.compactRange). */
  prefix?: readonly Uint8Array[];
  /** Entries seq range.from..range.to in order, with the leaf hash the log recorded. */
  entries: Iterable<{ entry: TransferLogEntry; leafHash?: Uint8Array | string }>;
  /** Signed checkpoint notes in ascending tree size, each within [from, to+1]; the last must be to+1. */
  checkpoints: Iterable<string>;
}

/**
 * Lines of a bundle (without "\n"), checkpoints placed right after the entry
 * that completes them. Writers with async sources can compose the format*Line
 * functions the same way.
 */
export function* bundleLines(src: BundleSource): Generator<string> {
  const { from, to } = src.range;
  yield formatHeaderLine({ origin: src.origin, range: src.range, keys: src.keys });
  if (from > 0) {
    if (!src.prefix) throw new RangeError("a bundle starting after seq 0 needs the prefix compact range");
    yield formatPrefixLine(from, src.prefix);
  }
  const cps = [...src.checkpoints].map((note) => ({ note, size: parseCheckpoint(note).size }));
  let c = 0;
  const emitCheckpointsAt = function* (size: number): Generator<string> {
    while (c < cps.length && cps[c].size === size) yield formatCheckpointLine(cps[c++].note);
    if (c < cps.length && cps[c].size < size) throw new RangeError(`checkpoint of size ${cps[c].size} is out of order or outside the bundle`);
  };
  yield* emitCheckpointsAt(from);
  let next = from;
  for (const { entry, leafHash } of src.entries) {
    if (entry.seq !== next) throw new RangeError(`expected entry seq ${next}, got ${entry.seq}`);
    yield formatEntryLine(entry, leafHash);
    next++;
    yield* emitCheckpointsAt(next);
  }
  if (next !== to + 1) throw new RangeError(`entries end at seq ${next - 1}, range ends at ${to}`);
  if (c !== cps.length) throw new RangeError(`checkpoint of size ${cps[c].size} is outside the bundle`);
  if (cps.length === 0 || cps[cps.length - 1].size !== to + 1) throw new RangeError(`the last checkpoint must have tree size ${to + 1}`);
}

/**
 * The stored checkpoints a bundle of [from, to] carries, in size order, ending on `last` (size
 * to+1). A verifier requires checkpoint times not to go backwards (FORMAT.md §6), but a checkpoint
 * signed later for an earlier size (for another download) can be newer than one of a larger size;
 * walking back from the last, a checkpoint is kept only if it is no newer than the one kept after it.
 */
export interface StoredCheckpoint {
  treeSize: number;
  issuedAt: Date;
  note: string;
}

export function bundleCheckpoints(stored: readonly StoredCheckpoint[], last: StoredCheckpoint): Array<{ size: number; note: string }> {
  const bySize = [...stored].filter((c) => c.treeSize < last.treeSize).sort((a, b) => a.treeSize - b.treeSize || a.issuedAt.getTime() - b.issuedAt.getTime());
  const kept = [last];
  for (let i = bySize.length - 1; i >= 0; i--) if (bySize[i].issuedAt.getTime() <= kept[0].issuedAt.getTime()) kept.unshift(bySize[i]);
  return kept.map((c) => ({ size: c.treeSize, note: c.note }));
}
