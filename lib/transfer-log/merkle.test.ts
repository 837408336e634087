import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256 } from "./hash";
import {
  EMPTY_ROOT,
  MerkleAccumulator,
  compactRange,
  consistencyProof,
  hashChildren,
  hashLeaf,
  inclusionProof,
  merkleRoot,
  verifyConsistency,
  verifyInclusion,
} from "./merkle";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const unhex = (s: string) => Buffer.from(s, "hex");

// Certificate Transparency reference data (merkle_tree_test.cc; also used by
// Trillian / transparency-dev): leaf inputs and MTH for sizes 1..8.
const CT_LEAF_DATA = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map(unhex);
const CT_ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const CT_LEAVES = CT_LEAF_DATA.map(hashLeaf);

/** The RFC 6962 definition, literally: recursion over copied arrays. */
function naiveMth(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return Buffer.from(leaves[0]);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return hashChildren(naiveMth(leaves.slice(0, k)), naiveMth(leaves.slice(k)));
}

function naivePath(m: number, d: readonly Uint8Array[]): Buffer[] {
  if (d.length <= 1) return [];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m < k ? [...naivePath(m, d.slice(0, k)), naiveMth(d.slice(k))] : [...naivePath(m - k, d.slice(k)), naiveMth(d.slice(0, k))];
}

function naiveSubproof(m: number, d: readonly Uint8Array[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [naiveMth(d)];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m <= k
    ? [...naiveSubproof(m, d.slice(0, k), b), naiveMth(d.slice(k))]
    : [...naiveSubproof(m - k, d.slice(k), false), naiveMth(d.slice(0, k))];
}

describe("RFC 6962 reference values", () => {
  it("empty tree root is SHA-256 of the empty string", () => {
    expect(hex(EMPTY_ROOT)).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hex(merkleRoot([]))).toBe(hex(EMPTY_ROOT));
    expect(hex(new MerkleAccumulator().root())).toBe(hex(EMPTY_ROOT));
  });

  it("matches the CT reference roots for sizes 1..8", () => {
    const acc = new MerkleAccumulator();
    for (let n = 1; n <= 8; n++) {
      expect(hex(merkleRoot(CT_LEAVES, n)), `size ${n}`).toBe(CT_ROOTS[n - 1]);
      acc.append(CT_LEAVES[n - 1]);
      expect(hex(acc.root()), `accumulator size ${n}`).toBe(CT_ROOTS[n - 1]);
    }
  });

  it("matches the CT reference inclusion proofs", () => {
    expect(inclusionProof(0, 8, CT_LEAVES).map(hex)).toEqual([
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
    const p5 = inclusionProof(5, 8, CT_LEAVES);
    expect(p5.map(hex)).toEqual([
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
    expect(verifyInclusion(CT_LEAVES[5], 5, 8, p5, unhex(CT_ROOTS[7]))).toBe(true);
  });

  it("matches the CT reference consistency proofs", () => {
    const p28 = consistencyProof(2, 8, CT_LEAVES);
    expect(p28.map(hex)).toEqual([
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
    const p68 = consistencyProof(6, 8, CT_LEAVES);
    expect(p68.map(hex)).toEqual([
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
    expect(verifyConsistency(2, 8, unhex(CT_ROOTS[1]), unhex(CT_ROOTS[7]), p28)).toBe(true);
    expect(verifyConsistency(6, 8, unhex(CT_ROOTS[5]), unhex(CT_ROOTS[7]), p68)).toBe(true);
  });
});

describe("against a naive RFC 6962 implementation, sizes 1..70", () => {
  const N = 70;
  const leaves = Array.from({ length: N }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));
  const roots = Array.from({ length: N + 1 }, (_, n) => naiveMth(leaves.slice(0, n)));

  it("roots (array and accumulator) agree at every size", () => {
    const acc = new MerkleAccumulator();
    expect(acc.root().equals(roots[0])).toBe(true);
    for (let n = 1; n <= N; n++) {
      acc.append(leaves[n - 1]);
      expect(acc.root().equals(roots[n]), `size ${n}`).toBe(true);
      expect(merkleRoot(leaves, n).equals(roots[n])).toBe(true);
      expect(merkleRoot((i) => leaves[i], n).equals(roots[n])).toBe(true);
    }
  });

  it("every inclusion proof equals PATH(m, D[n]) and verifies; wrong ones fail", () => {
    for (let n = 1; n <= N; n++) {
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(m, n, leaves);
        expect(proof.map(hex)).toEqual(naivePath(m, leaves.slice(0, n)).map(hex));
        expect(verifyInclusion(leaves[m], m, n, proof, roots[n])).toBe(true);
        // Wrong leaf, wrong index, wrong root, truncated/extended or flipped proof.
        if (n > 1) {
          expect(verifyInclusion(leaves[(m + 1) % n], m, n, proof, roots[n])).toBe(false);
          expect(verifyInclusion(leaves[m], (m + 1) % n, n, proof, roots[n])).toBe(false);
        }
        expect(verifyInclusion(leaves[m], m, n, proof, roots[n - 1])).toBe(false);
        expect(verifyInclusion(leaves[m], m, n, [...proof, leaves[0]], roots[n])).toBe(false);
        if (proof.length > 0) {
          expect(verifyInclusion(leaves[m], m, n, proof.slice(0, -1), roots[n])).toBe(false);
          const flipped = proof.map((p) => Buffer.from(p));
          flipped[proof.length - 1][0] ^= 1;
          expect(verifyInclusion(leaves[m], m, n, flipped, roots[n])).toBe(false);
        }
      }
      expect(verifyInclusion(leaves[0], n, n, [], roots[n])).toBe(false);
    }
  });

  it("every consistency proof equals PROOF(m, D[n]) and verifies; wrong ones fail", () => {
    for (let n = 1; n <= N; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(m, n, leaves);
        const expected = m === 0 || m === n ? [] : naiveSubproof(m, leaves.slice(0, n), true);
        expect(proof.map(hex), `${m}->${n}`).toEqual(expected.map(hex));
        expect(verifyConsistency(m, n, roots[m], roots[n], proof), `${m}->${n}`).toBe(true);
        if (m > 0 && m < n) {
          expect(verifyConsistency(m, n, roots[m - 1], roots[n], proof)).toBe(false);
          expect(verifyConsistency(m, n, roots[m], roots[n - 1], proof)).toBe(false);
          expect(verifyConsistency(m, n, roots[m], roots[n], proof.slice(0, -1))).toBe(false);
          expect(verifyConsistency(m, n, roots[m], roots[n], [...proof, leaves[0]])).toBe(false);
          const flipped = proof.map((p) => Buffer.from(p));
          flipped[0][5] ^= 0x80;
          expect(verifyConsistency(m, n, roots[m], roots[n], flipped)).toBe(false);
        }
      }
      expect(verifyConsistency(n, n - 1, roots[n], roots[n - 1], [])).toBe(false);
    }
  });

  it("compact ranges let an accumulator continue from any size", () => {
    for (let from = 0; from <= N; from++) {
      const acc = MerkleAccumulator.fromCompactRange(from, compactRange(leaves, from));
      expect(acc.root().equals(roots[from])).toBe(true);
      for (let i = from; i < N; i++) acc.append(leaves[i]);
      expect(acc.root().equals(roots[N])).toBe(true);
    }
    expect(() => MerkleAccumulator.fromCompactRange(7, [leaves[0]])).toThrow(RangeError);
  });
});

describe("large trees", () => {
  it("indices and sizes above 2^32 use arithmetic, not 32-bit bit operations", () => {
    // Tree of 2^33 + 1 leaves: a perfect left subtree L and a single right leaf.
    const size = 2 ** 33 + 1;
    const left = randomBytes(32);
    const leaf = hashLeaf(Buffer.from("last"));
    const root = hashChildren(left, leaf);
    expect(verifyInclusion(leaf, 2 ** 33, size, [left], root)).toBe(true);
    expect(verifyInclusion(leaf, 2 ** 33 - 1, size, [left], root)).toBe(false);
    expect(verifyConsistency(2 ** 33, size, left, root, [leaf])).toBe(true);
    expect(verifyConsistency(2 ** 33, size, left, root, [left])).toBe(false);
  });

  it("computes the root of 1,000,000 leaves in one O(n) pass", () => {
    const n = 1_000_000;
    // Leaf hashes derived cheaply from one buffer: the test measures tree hashing.
    const base = sha256("seed");
    const leaf = (i: number) => {
      const h = Buffer.from(base);
      h.writeUInt32BE(i, 0);
      return h;
    };
    const t0 = performance.now();
    const root = merkleRoot(leaf, n);
    const ms = performance.now() - t0;
    // n-1 node hashes, ~1-2 µs each; a quadratic implementation would take hours.
    expect(ms).toBeLessThan(45_000);
    expect(root.length).toBe(32);
  });
});
