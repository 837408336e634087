/**
 * RFC 6962 / RFC 9162 Merkle tree hashing with SHA-256.
 *
 *   leaf hash  = SHA-256(0x00 || leaf data)
 *   node hash  = SHA-256(0x01 || left || right)
 *   MTH({})    = SHA-256("")
 *   MTH(D[n])  = node(MTH(D[0:k]), MTH(D[k:n])), k = largest power of two < n
 *
 * Tree sizes and indices are plain numbers; all bit twiddling is done with
 * arithmetic (not `>>`/`&`) so sizes above 2^31 stay correct.
 */
import * as nodeCrypto from "node:crypto";
import { HASH_SIZE, bytesEqual, sha256, sha256Latin1 } from "./hash";

export const EMPTY_ROOT: Buffer = sha256(new Uint8Array(0));

/** Leaf hashes by index: an array, or a function for logs that live elsewhere (DB, file). */
export type LeafSource = readonly Uint8Array[] | ((index: number) => Uint8Array);

export function hashLeaf(data: Uint8Array): Buffer {
  const buf = Buffer.allocUnsafe(1 + data.length);
  buf[0] = 0x00;
  buf.set(data, 1);
  return sha256(buf);
}

// One scratch buffer for interior nodes: hashing is synchronous, so reuse is safe
// and saves an allocation per node (there are n-1 of them).
const nodeScratch = Buffer.alloc(1 + 2 * HASH_SIZE);
nodeScratch[0] = 0x01;

export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return sha256(nodeScratch);
}

function isSize(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Largest power of two strictly less than n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && splitPoint(n + 1) === n;
}

/** Number of set bits (works above 2^32). */
export function popcount(n: number): number {
  let c = 0;
  while (n > 0) {
    c += n % 2;
    n = Math.floor(n / 2);
  }
  return c;
}

// Hot-loop bindings as module locals: under tsx (CommonJS output) every use of
// an imported name is a property read through a getter on the other module.
const H = 32; // HASH_SIZE
const oneShotHash = (nodeCrypto as { hash?: unknown }).hash as ((a: string, d: Uint8Array, e: "latin1") => string) | undefined;
const nodeDigest: (data: Uint8Array) => string = oneShotHash ? (data) => oneShotHash("sha256", data, "latin1") : sha256Latin1;

// Scratch for the accumulator's interior nodes: 0x01 || left || right. Filled
// and hashed synchronously, so one module-level buffer is safe. Hashes are
// moved as eight 32-bit words (DataView), not 32 bytes.
const accScratch = new Uint8Array(1 + 2 * H);
accScratch[0] = 0x01;
const scratchView = new DataView(accScratch.buffer);

/** Copy the 32 chars of a latin1 digest string into dst[at, at+32). */
function putLatin1(h: string, dst: DataView, at: number): void {
  for (let i = 0; i < H; i += 4) {
    dst.setInt32(at + i, h.charCodeAt(i) | (h.charCodeAt(i + 1) << 8) | (h.charCodeAt(i + 2) << 16) | (h.charCodeAt(i + 3) << 24), true);
  }
}

/** dst[to, to+32) = src[from, from+32) */
function copyHash(src: DataView, from: number, dst: DataView, to: number): void {
  for (let i = 0; i < H; i += 4) dst.setInt32(to + i, src.getInt32(from + i, true), true);
}

/** Largest compact range: one hash per bit of a safe integer size. */
const MAX_DEPTH = 54;

/**
 * Streaming Merkle tree: append leaf hashes one at a time, ask for the root at
 * the current size at any moment. Holds one hash per set bit of the size
 * (the "compact range" [0, size)), so memory is O(log n) and each append is
 * amortised O(1) node hashes.
 *
 * The compact range lives in one flat byte array and interior nodes are
 * hashed with latin1-string digests: no allocation per append (this is the
 * verifier's hot loop, one node hash per leaf on average).
 */
export class MerkleAccumulator {
  /** Compact range: hash i (left to right) at bytes [32i, 32i+32). */
  private readonly stack = new Uint8Array(MAX_DEPTH * H);
  private readonly stackView = new DataView(this.stack.buffer);
  private depth = 0;
  private count = 0;
  /** DataView of the last array appendFrom() read from (callers pass the same one many times). */
  private srcArray: Uint8Array | null = null;
  private srcView: DataView = scratchView;

  /**
   * Continue a tree from its compact range: the roots of the perfect subtrees
   * covering [0, size), left to right (largest first), i.e. one per set bit.
   */
  static fromCompactRange(size: number, hashes: readonly Uint8Array[]): MerkleAccumulator {
    if (!isSize(size)) throw new RangeError(`invalid tree size ${size}`);
    if (hashes.length !== popcount(size)) {
      throw new RangeError(`compact range of size ${size} needs ${popcount(size)} hashes, got ${hashes.length}`);
    }
    const acc = new MerkleAccumulator();
    for (const h of hashes) {
      if (h.length !== H) throw new RangeError("compact range hash must be 32 bytes");
      acc.stack.set(h, acc.depth * H);
      acc.depth++;
    }
    acc.count = size;
    return acc;
  }

  get size(): number {
    return this.count;
  }

  append(leafHash: Uint8Array): void {
    if (leafHash.length !== H) throw new RangeError("leaf hash must be 32 bytes");
    this.appendFrom(leafHash, 0);
  }

  /** Append the leaf hash stored at src[offset, offset+32) (no length checks: hot path). */
  appendFrom(src: Uint8Array, offset: number): void {
    if (src !== this.srcArray) {
      this.srcArray = src;
      this.srcView = new DataView(src.buffer, src.byteOffset, src.byteLength);
    }
    const sv = this.srcView;
    const st = this.stackView;
    let s = this.count;
    this.count = s + 1;
    if (s % 2 === 0) {
      copyHash(sv, offset, st, this.depth * H);
      this.depth++;
      return;
    }
    // Each trailing 1-bit of the old size is a completed left sibling to merge with.
    const sc = scratchView;
    copyHash(sv, offset, sc, 1 + H);
    for (;;) {
      const at = --this.depth * H;
      copyHash(st, at, sc, 1);
      const h = nodeDigest(accScratch);
      s = (s - 1) / 2;
      if (s % 2 === 1) {
        putLatin1(h, sc, 1 + H);
      } else {
        putLatin1(h, st, at);
        this.depth++;
        return;
      }
    }
  }

  /** MTH of the leaves appended so far: fold the subtree roots right to left. */
  root(): Buffer {
    const d = this.depth;
    if (d === 0) return Buffer.from(EMPTY_ROOT);
    const st = this.stack;
    const sc = accScratch;
    sc.set(st.subarray((d - 1) * H, d * H), 1 + H);
    for (let i = d - 2; i >= 0; i--) {
      sc.set(st.subarray(i * H, (i + 1) * H), 1);
      putLatin1(nodeDigest(sc), scratchView, 1 + H);
    }
    return Buffer.from(sc.subarray(1 + H));
  }

  /** Copy of the compact range [0, size) (see fromCompactRange). */
  compactRange(): Buffer[] {
    const out: Buffer[] = [];
    for (let i = 0; i < this.depth; i++) out.push(Buffer.from(this.stack.subarray(i * H, (i + 1) * H)));
    return out;
  }
}

function leafAt(leaves: LeafSource, i: number): Uint8Array {
  const h = typeof leaves === "function" ? leaves(i) : leaves[i];
  if (!h || h.length !== HASH_SIZE) throw new RangeError(`leaf hash ${i} missing or not 32 bytes`);
  return h;
}

function leafCount(leaves: LeafSource, size: number | undefined): number {
  const n = size ?? (typeof leaves === "function" ? NaN : leaves.length);
  if (!isSize(n)) throw new RangeError("tree size required (and must be a non-negative safe integer)");
  if (typeof leaves !== "function" && n > leaves.length) throw new RangeError(`tree size ${n} exceeds ${leaves.length} leaves`);
  return n;
}

/** MTH(D[start:end]) computed iteratively in O(end-start) time and O(log n) memory. */
export function subtreeRoot(leaves: LeafSource, start: number, end: number): Buffer {
  const acc = new MerkleAccumulator();
  for (let i = start; i < end; i++) acc.append(leafAt(leaves, i));
  return acc.root();
}

/** Root of the first `size` leaves (default: all of them). */
export function merkleRoot(leaves: LeafSource, size?: number): Buffer {
  return subtreeRoot(leaves, 0, leafCount(leaves, size));
}

/** Compact range [0, size): what a bundle starting at `size` needs to continue the tree. */
export function compactRange(leaves: LeafSource, size: number): Buffer[] {
  const acc = new MerkleAccumulator();
  const n = leafCount(leaves, size);
  for (let i = 0; i < n; i++) acc.append(leafAt(leaves, i));
  return acc.compactRange();
}

/** RFC 6962 §2.1.1 PATH(m, D[n]), over index ranges instead of copied arrays. */
export function inclusionProof(index: number, size: number, leaves: LeafSource): Buffer[] {
  const n = leafCount(leaves, size);
  if (!isSize(index) || index >= n) throw new RangeError(`leaf index ${index} not in tree of size ${n}`);
  const proof: Buffer[] = [];
  const path = (m: number, start: number, end: number): void => {
    const len = end - start;
    if (len <= 1) return;
    const k = splitPoint(len);
    if (m < k) {
      path(m, start, start + k);
      proof.push(subtreeRoot(leaves, start + k, end));
    } else {
      path(m - k, start + k, end);
      proof.push(subtreeRoot(leaves, start, start + k));
    }
  };
  path(index, 0, n);
  return proof;
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]). Empty for m = 0 or m = n. */
export function consistencyProof(first: number, second: number, leaves: LeafSource): Buffer[] {
  const n = leafCount(leaves, second);
  if (!isSize(first) || first > n) throw new RangeError(`consistency from ${first} to ${n} is not a valid range`);
  if (first === 0 || first === n) return [];
  const proof: Buffer[] = [];
  const sub = (m: number, start: number, end: number, whole: boolean): void => {
    const len = end - start;
    if (m === len) {
      if (!whole) proof.push(subtreeRoot(leaves, start, end));
      return;
    }
    const k = splitPoint(len);
    if (m <= k) {
      sub(m, start, start + k, whole);
      proof.push(subtreeRoot(leaves, start + k, end));
    } else {
      sub(m - k, start + k, end, false);
      proof.push(subtreeRoot(leaves, start, start + k));
    }
  };
  sub(first, 0, n, true);
  return proof;
}

/** RFC 9162 §2.1.3.2: verify an inclusion proof for leafHash at index in a tree of size. */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isSize(index) || !isSize(size) || index >= size) return false;
  if (leafHash.length !== HASH_SIZE || root.length !== HASH_SIZE) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (p.length !== HASH_SIZE || sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      // Skip levels where this node has no right sibling (right edge of a ragged tree).
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(r, root);
}

/** RFC 9162 §2.1.4.2: verify that the tree of size `second` extends the tree of size `first`. */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isSize(first) || !isSize(second) || first > second) return false;
  if (firstRoot.length !== HASH_SIZE || secondRoot.length !== HASH_SIZE) return false;
  if (proof.some((p) => p.length !== HASH_SIZE)) return false;
  if (first === second) return proof.length === 0 && bytesEqual(firstRoot, secondRoot);
  // Every tree extends the empty tree; there is nothing to prove.
  if (first === 0) return proof.length === 0 && bytesEqual(firstRoot, EMPTY_ROOT);
  if (proof.length === 0) return false;

  const path: Uint8Array[] = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = (fn - 1) / 2;
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(fr, firstRoot) && bytesEqual(sr, secondRoot);
}
