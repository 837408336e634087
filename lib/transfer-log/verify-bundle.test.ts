import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bundleCheckpoints, bundleLines, formatCheckpointLine, formatHeaderLine } from "./bundle";
import { entryLeafHash } from "./canonical";
import { signCheckpoint } from "./checkpoint";
import { sha256 } from "./hash";
import { generateSigningKey, logPublicKeyToVkey, signingKeyFromSeed, toLogPublicKey } from "./keys";
import { compactRange, merkleRoot } from "./merkle";
import type { TransferLogEntry } from "./types";
import { BundleVerifier, verifyBundle, verifyBundleSync, type BundleVerification } from "./verify-bundle";

const ORIGIN = "example.org/transfer-log";
const key = signingKeyFromSeed(ORIGIN, sha256("bundle test key"));
const KEYS = [toLogPublicKey(key, "2020-01-01T00:00:00.000Z")];
const T0 = Date.parse("2026-01-01T00:00:00.000Z");

function entry(seq: number): TransferLogEntry {
  return {
    seq,
    loggedAt: new Date(T0 + seq * 1000).toISOString(),
    occurredAt: new Date(T0 + seq * 1000 - 500).toISOString(),
    recipientId: `r-${seq % 7}`,
    recipientVersion: 1 + (seq % 3),
    approvalId: seq % 2 ? `a-${seq}` : null,
    purposeCodes: ["p1"],
    dataItems: ["name", "email"],
    recordCount: seq,
    subjectPopulations: ["customers"],
    sendingSystem: "crm",
    destinationCountry: "DE",
    idempotencyKey: `k-${seq}`,
    externalReference: null,
    flags: [],
  };
}

function makeBundle(n: number, from: number, sizes: number[]): string[] {
  const entries = Array.from({ length: n }, (_, i) => entry(i));
  const leaves = entries.map(entryLeafHash);
  const notes = sizes.map((size, i) =>
    signCheckpoint({ origin: ORIGIN, size, rootHash: merkleRoot(leaves, size), timestamp: new Date(T0 + 1e7 + i).toISOString() }, key),
  );
  return [
    ...bundleLines({
      origin: ORIGIN,
      keys: KEYS,
      range: { from, to: n - 1 },
      prefix: from > 0 ? compactRange(leaves, from) : undefined,
      entries: entries.slice(from).map((e, i) => ({ entry: e, leafHash: leaves[from + i] })),
      checkpoints: notes,
    }),
  ];
}

const code = (r: BundleVerification) => (r.ok ? "OK" : r.failure.code);

describe("verifyBundle", () => {
  it("verifies random bundles (any start, any checkpoint sizes)", () => {
    for (let round = 0; round < 25; round++) {
      const n = 1 + randomInt(300);
      const from = randomInt(n);
      const sizes = [...new Set([...Array.from({ length: randomInt(5) }, () => from + randomInt(n - from + 1)), n])].sort((a, b) => a - b);
      const lines = makeBundle(n, from, sizes);
      const r = verifyBundleSync(lines);
      expect(r.ok ? r : r.failure, `n=${n} from=${from} sizes=${sizes}`).toMatchObject({ ok: true, entries: n - from, checkpoints: sizes.length });
    }
  });

  it("accepts async iterables, CRLF line ends, a BOM and blank lines", async () => {
    const lines = makeBundle(10, 0, [5, 10]);
    async function* gen() {
      yield "\ufeff" + lines[0] + "\r";
      for (const l of lines.slice(1)) yield l + "\r";
      yield "";
    }
    expect(code(await verifyBundle(gen()))).toBe("OK");
  });

  it("calls onEntry for each entry in order", () => {
    const seen: number[] = [];
    verifyBundleSync(makeBundle(6, 2, [6]), { onEntry: (e) => seen.push(e.seq) });
    expect(seen).toEqual([2, 3, 4, 5]);
  });

  it("pins keys and origin when asked", () => {
    const lines = makeBundle(4, 0, [4]);
    expect(code(verifyBundleSync(lines, { trustedKeys: [logPublicKeyToVkey(KEYS[0])] }))).toBe("OK");
    expect(code(verifyBundleSync(lines, { trustedKeys: KEYS, origin: ORIGIN }))).toBe("OK");
    const stranger = generateSigningKey(ORIGIN);
    expect(code(verifyBundleSync(lines, { trustedKeys: [logPublicKeyToVkey(toLogPublicKey(stranger, KEYS[0].validFrom))] }))).toBe("UNTRUSTED_KEY");
    expect(code(verifyBundleSync(lines, { origin: "other/log" }))).toBe("ORIGIN_MISMATCH");
    // A pinned LogPublicKey's validity wins over the header's.
    const narrow = { ...KEYS[0], validUntil: "2021-01-01T00:00:00.000Z" };
    expect(code(verifyBundleSync(lines, { trustedKeys: [narrow] }))).toBe("KEY_NOT_VALID");
  });

  it("rejects a header-injected key unless pinned: the bundle can only prove self-consistency", () => {
    // Documented limitation, shown here: a forger who controls the header can re-sign everything.
    const forger = generateSigningKey(ORIGIN);
    const entries = [entry(0)];
    const leaves = entries.map(entryLeafHash);
    const forged = [
      ...bundleLines({
        origin: ORIGIN,
        keys: [toLogPublicKey(forger, "2020-01-01T00:00:00.000Z")],
        range: { from: 0, to: 0 },
        entries: [{ entry: entries[0] }],
        checkpoints: [signCheckpoint({ origin: ORIGIN, size: 1, rootHash: merkleRoot(leaves), timestamp: "2026-01-02T00:00:00.000Z" }, forger)],
      }),
    ];
    expect(code(verifyBundleSync(forged))).toBe("OK");
    expect(code(verifyBundleSync(forged, { trustedKeys: KEYS }))).toBe("UNTRUSTED_KEY");
  });

  it("names structural failures", () => {
    const lines = makeBundle(8, 0, [4, 8]);
    expect(code(verifyBundleSync([]))).toBe("BAD_HEADER");
    expect(code(verifyBundleSync(["not json"]))).toBe("BAD_HEADER");
    expect(code(verifyBundleSync([lines[0].replace("qplus-tlog-bundle/v1", "v0"), ...lines.slice(1)]))).toBe("BAD_HEADER");
    expect(code(verifyBundleSync([formatHeaderLine({ origin: ORIGIN, range: { from: 0, to: 7 }, keys: [{ ...KEYS[0], keyId: "00000000" }] }), ...lines.slice(1)]))).toBe("BAD_HEADER");
    expect(code(verifyBundleSync([...lines.slice(0, 2), "{}", ...lines.slice(2)]))).toBe("MALFORMED_LINE");
    expect(code(verifyBundleSync([...lines.slice(0, 2), '{"type":"entry"', ...lines.slice(2)]))).toBe("MALFORMED_LINE");
    // A checkpoint placed one entry late.
    const late = [...lines];
    [late[5], late[6]] = [late[6], late[5]];
    expect(late[6]).toContain('"type":"checkpoint"');
    expect(code(verifyBundleSync(late))).toBe("CHECKPOINT_SIZE_MISMATCH");
    // Entries beyond the range.
    const header = JSON.parse(lines[0]);
    header.range.to = 6;
    expect(code(verifyBundleSync([JSON.stringify(header), ...lines.slice(1)]))).toBe("SEQ_OUT_OF_RANGE");
  });

  it("needs the prefix exactly when the bundle does not start at 0", () => {
    const lines = makeBundle(8, 3, [8]);
    expect(lines[1]).toContain('"type":"prefix"');
    expect(code(verifyBundleSync([lines[0], ...lines.slice(2)]))).toBe("BAD_PREFIX");
    const noPrefixNeeded = makeBundle(8, 0, [8]);
    expect(code(verifyBundleSync([noPrefixNeeded[0], lines[1], ...noPrefixNeeded.slice(1)]))).toBe("BAD_PREFIX");
    const checkpointAtStart = makeBundle(8, 4, [4, 8]);
    expect(checkpointAtStart[2]).toContain('"type":"checkpoint"');
    expect(code(verifyBundleSync(checkpointAtStart))).toBe("OK");
  });

  it("reports a gap followed by a larger seq as SEQ_GAP, and a later smaller one as SEQ_ORDER", () => {
    const lines = makeBundle(10, 0, [10]);
    // lines[1 + s] is entry s (no checkpoint before the end).
    const gap = [lines[0], ...lines.slice(1, 4), ...lines.slice(6)];
    const r = verifyBundleSync(gap);
    expect(r.ok ? null : r.failure).toMatchObject({ code: "SEQ_GAP", seq: 3, line: 5 });
    const moved = [lines[0], lines[1], lines[2], lines[5], lines[3], lines[4], ...lines.slice(6)];
    const r2 = verifyBundleSync(moved);
    expect(r2.ok ? null : r2.failure).toMatchObject({ code: "SEQ_ORDER", seq: 4 });
    const dupFar = [...lines.slice(0, 8), lines[2], ...lines.slice(8)];
    expect(code(verifyBundleSync(dupFar))).toBe("SEQ_DUPLICATE");
    const gapAtEnd = lines.slice(0, 10).concat(lines[lines.length - 1]);
    expect(code(verifyBundleSync([...lines.slice(0, 9), lines[10], lines[11]]))).toBe("SEQ_GAP");
    expect(code(verifyBundleSync(gapAtEnd))).toBe("CHECKPOINT_SIZE_MISMATCH");
  });

  it("stops at the first failure and ignores later input", () => {
    const v = new BundleVerifier();
    expect(v.push("nope")).toMatchObject({ code: "BAD_HEADER", line: 1 });
    expect(v.push(makeBundle(1, 0, [1])[0])).toMatchObject({ code: "BAD_HEADER", line: 1 });
    expect(v.finish()).toMatchObject({ ok: false, failure: { code: "BAD_HEADER" } });
  });

  it("rejects a checkpoint for a different log even if the key is right", () => {
    const lines = makeBundle(3, 0, [3]);
    const leaves = [0, 1, 2].map((i) => entryLeafHash(entry(i)));
    lines[lines.length - 1] = formatCheckpointLine(
      signCheckpoint({ origin: "other/log", size: 3, rootHash: merkleRoot(leaves), timestamp: "2026-02-01T00:00:00.000Z" }, key),
    );
    expect(code(verifyBundleSync(lines))).toBe("ORIGIN_MISMATCH");
  });
});

describe("bundleCheckpoints (which stored checkpoints a bundle carries)", () => {
  const entries = Array.from({ length: 10 }, (_, i) => entry(i));
  const leaves = entries.map(entryLeafHash);
  const at = (minutes: number) => new Date(T0 + 1e7 + minutes * 60_000);
  const stored = (size: number, minutes: number) => ({
    treeSize: size,
    issuedAt: at(minutes),
    note: signCheckpoint({ origin: ORIGIN, size, rootHash: merkleRoot(leaves, size), timestamp: at(minutes).toISOString() }, key),
  });
  const bundleWith = (notes: Array<{ size: number; note: string }>) =>
    verifyBundleSync(
      [
        ...bundleLines({
          origin: ORIGIN,
          keys: KEYS,
          range: { from: 0, to: 9 },
          entries: entries.map((e, i) => ({ entry: e, leafHash: leaves[i] })),
          checkpoints: notes.map((n) => n.note),
        }),
      ],
      { trustedKeys: KEYS },
    );

  it("drops a checkpoint signed later for an earlier size, which would make times go backwards", () => {
    // Schedule: size 4 at 1 min, size 8 at 2 min; later a download asked for size 3 (at 5 min); the bundle ends on size 10 at 3 min.
    const all = [stored(4, 1), stored(8, 2), stored(3, 5)];
    const last = stored(10, 3);
    const naive = [...all, last].sort((a, b) => a.treeSize - b.treeSize).map((c) => ({ size: c.treeSize, note: c.note }));
    expect(code(bundleWith(naive))).toBe("CHECKPOINT_TIME_REGRESSION");
    const chosen = bundleCheckpoints(all, last);
    expect(chosen.map((c) => c.size)).toEqual([4, 8, 10]);
    expect(code(bundleWith(chosen))).toBe("OK");
  });

  it("keeps every stored checkpoint when times follow sizes, and always ends on the last", () => {
    expect(bundleCheckpoints([stored(8, 2), stored(2, 0), stored(5, 1)], stored(10, 3)).map((c) => c.size)).toEqual([2, 5, 8, 10]);
    expect(bundleCheckpoints([stored(8, 9)], stored(10, 3)).map((c) => c.size)).toEqual([10]);
  });
});
