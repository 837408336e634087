import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { consistencyProof, hashLeaf, inclusionProof, merkleRoot } from "./merkle";
import { base64ToBytes, bytesToHex, hashLeafWeb, hexToBytes, rootFromInclusionProof, verifyConsistencyWeb, verifyInclusionWeb } from "./web-verify";

const leaves = Array.from({ length: 37 }, (_, i) => hashLeaf(Buffer.from(`entry ${i}`)));

describe("browser proof verification (Web Crypto) agrees with the server's", () => {
  it("hashes a leaf as RFC 6962 does", async () => {
    expect(bytesToHex(await hashLeafWeb(Buffer.from("entry 3")))).toBe(leaves[3].toString("hex"));
  });

  it("accepts every inclusion proof of trees up to 37 leaves and rejects altered ones", async () => {
    for (let size = 1; size <= leaves.length; size += 3) {
      const root = merkleRoot(leaves, size);
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(index, size, leaves);
        expect(await verifyInclusionWeb(leaves[index], index, size, proof, root), `${index} in ${size}`).toBe(true);
        expect(await verifyInclusionWeb(leaves[(index + 1) % size], index, size, proof, root)).toBe(size === 1);
        if (proof.length) {
          const altered = proof.map((p, i) => (i === 0 ? Buffer.from(p).fill(7, 0, 1) : p));
          expect(await verifyInclusionWeb(leaves[index], index, size, altered, root)).toBe(false);
        }
      }
    }
  });

  it("refuses a proof of the wrong shape", async () => {
    const proof = inclusionProof(2, 8, leaves);
    expect(await rootFromInclusionProof(leaves[2], 2, 8, proof.slice(1))).toBeNull();
    expect(await rootFromInclusionProof(leaves[2], 8, 8, proof)).toBeNull();
  });

  it("accepts consistency proofs between every pair of sizes and rejects swapped roots", async () => {
    for (let second = 0; second <= 20; second++) {
      for (let first = 0; first <= second; first++) {
        const proof = consistencyProof(first, second, leaves);
        const r1 = merkleRoot(leaves, first);
        const r2 = merkleRoot(leaves, second);
        expect(await verifyConsistencyWeb(first, second, r1, r2, proof), `${first} → ${second}`).toBe(true);
        if (first > 0 && first < second) expect(await verifyConsistencyWeb(first, second, r2, r1, proof)).toBe(false);
      }
    }
  });

  it("decodes hex and strict base64", () => {
    const bytes = crypto.randomBytes(32);
    expect(hexToBytes(bytes.toString("hex"))).toEqual(new Uint8Array(bytes));
    expect(base64ToBytes(bytes.toString("base64"))).toEqual(new Uint8Array(bytes));
    expect(base64ToBytes("not base64!")).toBeNull();
    expect(hexToBytes("abc")).toBeNull();
  });
});
