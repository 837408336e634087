import { randomInt } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENTRY_LINE_HEAD, ENTRY_LINE_MID, bundleLines, formatEntryLine } from "./bundle";
import { canonicalEntryJson, entryLeafHash, leafHashOfCanonicalJson, parseCanonicalEntryJson } from "./canonical";
import { signCheckpoint } from "./checkpoint";
import { LINE_ENTRY, makeBlockScanner } from "./entry-scan";
import { sha256, sha256Latin1 } from "./hash";
import { signingKeyFromSeed, toLogPublicKey } from "./keys";
import { compactRange, merkleRoot } from "./merkle";
import type { TransferLogEntry } from "./types";
import { bundleTextLines, verifyBundleBytes, verifyBundleSync, type BundleVerification, type VerifyBundleOptions } from "./verify-bundle";
import { verifyBundleFile, type VerifyFileTuning } from "./verify-file";

const scanner = makeBlockScanner(sha256Latin1);

const ENTRY: TransferLogEntry = {
  seq: 42,
  loggedAt: "2026-11-25T10:00:00.123Z",
  occurredAt: "2024-02-29T09:58:00.000Z",
  recipientId: "7c1d9e3f-2a4b-4c6d-8e0f-1a2b3c4d5e6f",
  recipientVersion: 3,
  approvalId: null,
  purposeCodes: ["contract_performance", "legal_obligation"],
  dataItems: ["full_name", "iin"],
  recordCount: 1200,
  subjectPopulations: ["customers"],
  sendingSystem: "1С:Бухгалтерия",
  destinationCountry: "DE",
  idempotencyKey: "crm-000042",
  externalReference: "ERP-7",
  flags: [{ code: "NO_APPROVAL", reason: 'line1\n"quoted" \u2028 \u0001 ✓ 𝄞' }],
};

/** What the string verifier's fast path decides for one entry line: seq + leaf if accepted, else null. */
function stringPathVerdict(line: string): { seq: number; leaf: string } | null {
  const at = ENTRY_LINE_HEAD.length + 64 + ENTRY_LINE_MID.length;
  if (!line.startsWith(ENTRY_LINE_HEAD) || !line.startsWith(ENTRY_LINE_MID, ENTRY_LINE_HEAD.length + 64) || !line.endsWith("}")) return null;
  const e = parseCanonicalEntryJson(line, at, line.length - 1);
  if (!e) return null;
  const leaf = leafHashOfCanonicalJson(line.slice(at, line.length - 1)).toString("hex");
  return line.slice(ENTRY_LINE_HEAD.length, ENTRY_LINE_HEAD.length + 64) === leaf ? { seq: e.seq, leaf } : null;
}

/** The byte scanner's verdict for the same line given as bytes (which need not be valid UTF-8). */
function scannerVerdict(bytes: Buffer): { seq: number; leaf: string } | null {
  const block = new Uint8Array(bytes.length + 1);
  block.set(bytes);
  block[bytes.length] = 0x0a;
  const r = scanner.scan(block, block.length);
  expect(r.count).toBe(1);
  expect(Buffer.from(block.subarray(0, bytes.length)).equals(bytes), "the scanner must leave the bytes as they were").toBe(true);
  return r.kinds[0] === LINE_ENTRY ? { seq: r.seqs[0], leaf: Buffer.from(r.leaves.subarray(0, 32)).toString("hex") } : null;
}

describe("byte scanner (entry-scan.ts) agrees with the string fast path", () => {
  const pick = <T>(xs: readonly T[]) => xs[randomInt(xs.length)];
  const atoms = ["a", "Zz", "ü", "\u0000", "\u001f", "\b\f\n\r\t", "\\", '"', "/", "\u007f", "\u2028", "𝄞", "日本", " ", "null", "0", "[]", "{}", ",", ":", '","', "\ud7ff", "\ue000", "\uffff", "\u{10ffff}", "\u0080", "\u07ff", "\u0800"];
  const word = () => Array.from({ length: randomInt(4) }, () => pick(atoms)).join("");
  const randomEntry = (): TransferLogEntry => ({
    ...ENTRY,
    seq: pick([0, 1, 9, 10, randomInt(2 ** 40), Number.MAX_SAFE_INTEGER, 10 ** 15, 10 ** 15 - 1]),
    recordCount: pick([0, randomInt(1e6), Number.MAX_SAFE_INTEGER]),
    recipientVersion: randomInt(3),
    recipientId: word(),
    approvalId: randomInt(2) ? null : word(),
    externalReference: randomInt(2) ? null : word(),
    purposeCodes: Array.from({ length: randomInt(3) }, word),
    dataItems: Array.from({ length: randomInt(3) }, word),
    subjectPopulations: Array.from({ length: randomInt(3) }, word),
    sendingSystem: word(),
    destinationCountry: word(),
    idempotencyKey: word(),
    loggedAt: pick(["2026-11-25T10:00:00.123Z", "2024-02-29T23:59:59.999Z", "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"]),
    flags: Array.from({ length: randomInt(3) }, () => ({ code: word(), reason: word() })),
  });

  it("accepts every canonical line with its seq and leaf hash", () => {
    for (let i = 0; i < 3000; i++) {
      const e = i === 0 ? ENTRY : randomEntry();
      const line = formatEntryLine(e);
      const want = { seq: e.seq, leaf: entryLeafHash(e).toString("hex") };
      expect(stringPathVerdict(line)).toEqual(want);
      expect(scannerVerdict(Buffer.from(line, "utf8")), line).toEqual(want);
      expect(scannerVerdict(Buffer.from(line + "\r", "utf8")), "CRLF").toEqual(want);
    }
  });

  it("refuses what the string path refuses, on random mutations of the text and of the bytes", () => {
    const chars = ['"', "\\", " ", ",", ":", "0", "1", "9", "}", "]", "[", "{", "u", "n", "\n", "\r", "a", "-", "T", "Z", ".", "\u00e9", "\ud800"];
    const badBytes = [0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x00, 0x1f, 0x7f, 0x22, 0x5c];
    let accepted = 0;
    for (let i = 0; i < 20000; i++) {
      const e = randomEntry();
      const line = formatEntryLine(e);
      const at = randomInt(line.length);
      if (i % 2 === 0) {
        // Text mutation: compare with the string path on the same text.
        const m = pick([
          () => line.slice(0, at) + line.slice(at + 1),
          () => line.slice(0, at) + pick(chars) + line.slice(at),
          () => line.slice(0, at) + pick(chars) + line.slice(at + 1),
          () => line.slice(0, at) + line.slice(at, at + randomInt(20)) + line.slice(at),
          // Keep the leaf hash in step with an edited entry so the hash check does not hide a parser difference.
          () => {
            const json = line.slice(ENTRY_LINE_HEAD.length + 64 + ENTRY_LINE_MID.length, -1);
            const j = randomInt(json.length);
            const mj = json.slice(0, j) + pick(chars) + json.slice(j + 1);
            return ENTRY_LINE_HEAD + leafHashOfCanonicalJson(mj).toString("hex") + ENTRY_LINE_MID + mj + "}";
          },
        ])();
        if (m.includes("\n")) continue; // not one line any more
        // A file holds bytes: a lone surrogate written to it becomes U+FFFD, and that is the text a reader sees.
        const bytes = Buffer.from(m, "utf8");
        const want = stringPathVerdict(bytes.toString("utf8"));
        if (want) accepted++;
        expect(scannerVerdict(bytes), m).toEqual(want);
      } else {
        // Byte mutation (may break UTF-8): the file reader decodes such a line with U+FFFD replacement,
        // so the scanner may accept only if the bytes are exactly the UTF-8 of an accepted text.
        const bytes = Buffer.from(line, "utf8");
        const j = ENTRY_LINE_HEAD.length + 64 + ENTRY_LINE_MID.length + randomInt(bytes.length - 100);
        bytes[j] = pick(badBytes);
        if (bytes.includes(0x0a)) continue;
        const got = scannerVerdict(bytes);
        const text = bytes.toString("utf8");
        if (got) {
          expect(Buffer.from(text, "utf8").equals(bytes), "accepted bytes must be valid UTF-8").toBe(true);
          expect(got).toEqual(stringPathVerdict(text));
        }
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });

  it("refuses ill-formed UTF-8 inside strings (overlong, surrogates, out of range, truncated)", () => {
    const line = formatEntryLine({ ...ENTRY, sendingSystem: "XY" });
    const at = line.indexOf('"sendingSystem":"XY"') + '"sendingSystem":"'.length;
    const withBytes = (b: number[]) => {
      const json = Buffer.concat([Buffer.from(line.slice(ENTRY_LINE_HEAD.length + 74, at), "utf8"), Buffer.from(b), Buffer.from(line.slice(at + 2, -1), "utf8")]);
      const leaf = sha256(Buffer.concat([Buffer.from("\u0000qplus-tlog-entry/v1\n"), json])).toString("hex");
      return Buffer.concat([Buffer.from(ENTRY_LINE_HEAD + leaf + ENTRY_LINE_MID), json, Buffer.from("}")]);
    };
    expect(scannerVerdict(withBytes([0x41, 0x42]))).not.toBeNull(); // the construction itself is right
    expect(scannerVerdict(withBytes([0xc3, 0xa9]))).not.toBeNull(); // é
    expect(scannerVerdict(withBytes([0xf4, 0x8f, 0xbf, 0xbf]))).not.toBeNull(); // U+10FFFF
    for (const bad of [[0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf0, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xc3], [0xe2, 0x82], [0x80], [0xff]]) {
      expect(scannerVerdict(withBytes(bad)), bad.map((x) => x.toString(16)).join(" ")).toBeNull();
    }
  });

  it("checks counts and timestamps like the string path", () => {
    const json = canonicalEntryJson(ENTRY);
    const variants = [
      json.replace('"seq":42', '"seq":9007199254740991'),
      json.replace('"seq":42', '"seq":9007199254740992'),
      json.replace('"seq":42', '"seq":99999999999999999'),
      json.replace('"seq":42', '"seq":1000000000000000'),
      json.replace('"recordCount":1200', '"recordCount":9999999999999999'),
      json.replace("2024-02-29", "2023-02-29"),
      json.replace("2024-02-29", "2100-02-29"),
      json.replace("2024-02-29", "2000-02-29"),
      json.replace("2024-02-29", "2024-04-31"),
      json.replace("2024-02-29", "2024-12-31"),
      json.replace("2024-02-29", "2024-00-10"),
      json.replace("T09:58", "T24:58"),
      json.replace("T09:58", "T23:60"),
    ];
    for (const v of variants) {
      const line = ENTRY_LINE_HEAD + leafHashOfCanonicalJson(v).toString("hex") + ENTRY_LINE_MID + v + "}";
      expect(scannerVerdict(Buffer.from(line, "utf8")), v).toEqual(stringPathVerdict(line));
    }
  });
});

// --- whole files -------------------------------------------------------------

const ORIGIN = "example.org/transfer-log";
const key = signingKeyFromSeed(ORIGIN, sha256("file test key"));
const KEYS = [toLogPublicKey(key, "2020-01-01T00:00:00.000Z")];
const T0 = Date.parse("2026-01-01T00:00:00.000Z");
const dir = mkdtempSync(join(tmpdir(), "tlog-verify-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function entry(seq: number): TransferLogEntry {
  return {
    ...ENTRY,
    seq,
    loggedAt: new Date(T0 + seq * 1000).toISOString(),
    occurredAt: new Date(T0 + seq * 1000 - 500).toISOString(),
    recordCount: seq,
    idempotencyKey: `k-${seq}`,
    externalReference: seq % 3 ? `x-${seq}` : null,
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

const TUNINGS: Array<[string, VerifyFileTuning]> = [
  ["serial, 1 KiB blocks", { workers: 0, blockBytes: 1024 }],
  ["2 workers, 1 KiB blocks", { workers: 2, parallelMinBytes: 0, blockBytes: 1024, blocksPerWorker: 1 }],
  ["1 worker, 4 KiB blocks", { workers: 1, parallelMinBytes: 0, blockBytes: 4096 }],
];

let fileNo = 0;
async function checkFile(text: string | Buffer, options: VerifyBundleOptions = {}): Promise<BundleVerification> {
  const file = join(dir, `b${fileNo++}.jsonl`);
  writeFileSync(file, text);
  // Bytes are decoded strictly, as the file reader must; a string is already text.
  const want = typeof text === "string" ? verifyBundleSync(bundleTextLines(text), options) : verifyBundleBytes(text, options);
  for (const [name, tuning] of TUNINGS) {
    const fellBack: unknown[] = [];
    const got = await verifyBundleFile(file, options, { ...tuning, onWorkerFailure: (e) => fellBack.push(e) });
    expect(fellBack, name).toEqual([]);
    expect(got, name).toEqual(want);
  }
  return want;
}

const code = (r: BundleVerification) => (r.ok ? "OK" : r.failure.code);

describe("verifyBundleFile (byte path, serial and worker threads)", () => {
  it("agrees with the in-memory verifier on every test vector", async () => {
    const vdir = join(__dirname, "test-vectors");
    const manifest = JSON.parse(readFileSync(join(vdir, "expected.json"), "utf8")) as { origin: string; vkeys: string[] };
    for (const f of readdirSync(vdir).filter((x) => x.endsWith(".jsonl"))) {
      await checkFile(readFileSync(join(vdir, f)), { origin: manifest.origin, trustedKeys: manifest.vkeys });
      await checkFile(readFileSync(join(vdir, f)));
    }
  });

  it("agrees on valid bundles with any start and checkpoints, CRLF, BOM, blank lines, no final newline", async () => {
    for (let round = 0; round < 6; round++) {
      const n = 1 + randomInt(120);
      const from = randomInt(n);
      const sizes = [...new Set([...Array.from({ length: randomInt(4) }, () => from + randomInt(n - from + 1)), n])].sort((a, b) => a - b);
      const lines = makeBundle(n, from, sizes);
      expect(code(await checkFile(lines.join("\n") + "\n"))).toBe("OK");
      expect(code(await checkFile(lines.join("\n")))).toBe("OK");
      expect(code(await checkFile("\ufeff" + lines.join("\r\n") + "\r\n\n\n"))).toBe("OK");
      expect(code(await checkFile(lines.slice(0, 3).join("\n") + "\n\n" + lines.slice(3).join("\n") + "\n"))).toBe("OK");
    }
  });

  it("names the same first failure on tampered bundles", async () => {
    const lines = makeBundle(60, 0, [20, 45, 60]);
    const tampered: string[][] = [];
    const entryAt = (seq: number) => lines.findIndex((l) => l.includes(`"seq":${seq},`));
    // gap, duplicate, reorder, altered field, altered field rehashed, leaf hash in upper case, non-canonical spacing
    tampered.push(lines.filter((_, i) => i !== entryAt(30)));
    tampered.push([...lines.slice(0, entryAt(30) + 1), lines[entryAt(30)], ...lines.slice(entryAt(30) + 1)]);
    {
      const t = [...lines];
      [t[entryAt(30)], t[entryAt(31)]] = [t[entryAt(31)], t[entryAt(30)]];
      tampered.push(t);
    }
    tampered.push(lines.map((l, i) => (i === entryAt(33) ? l.replace('"recordCount":33', '"recordCount":34') : l)));
    tampered.push(
      lines.map((l, i) => {
        if (i !== entryAt(33)) return l;
        const e = { ...entry(33), recordCount: 34 };
        return formatEntryLine(e);
      }),
    );
    tampered.push(lines.map((l, i) => (i === entryAt(7) ? l.replace(/"leafHash":"([0-9a-f]+)"/, (_, h: string) => `"leafHash":"${h.toUpperCase()}"`) : l)));
    tampered.push(lines.map((l, i) => (i === entryAt(7) ? l.replace('"seq":7,', '"seq": 7,') : l)));
    tampered.push(lines.map((l, i) => (i === entryAt(50) ? l.replace('"recordCount":50', '"recordCount":050') : l)));
    tampered.push(lines.slice(0, -1));
    tampered.push([lines[0], lines[entryAt(0)].replace('{"type":"entry",', '{"type":"entry", '), ...lines.slice(2)]);
    const codes = [];
    for (const t of tampered) codes.push(code(await checkFile(t.join("\n") + "\n")));
    expect(codes).toEqual([
      "SEQ_GAP",
      "SEQ_DUPLICATE",
      "SEQ_ORDER",
      "LEAF_HASH_MISMATCH",
      "ROOT_MISMATCH",
      "BAD_ENTRY",
      "ENTRY_NOT_CANONICAL",
      "MALFORMED_LINE", // 050 is not JSON
      "UNCOVERED_ENTRIES",
      "ENTRY_NOT_CANONICAL",
    ]);
  });

  it("refuses invalid UTF-8 instead of reading it as U+FFFD", async () => {
    const lines = makeBundle(10, 0, [10]);
    const bytes = Buffer.from(lines.join("\n") + "\n", "utf8");
    const at = bytes.indexOf("1С:") + 1; // inside the Cyrillic "С" (d0 a1)
    const broken = Buffer.from(bytes);
    broken[at] = 0x41; // d0 41: truncated sequence
    const r = await checkFile(broken);
    expect(r.ok ? null : { code: r.failure.code, seq: r.failure.seq }).toEqual({ code: "INVALID_UTF8", seq: 0 });

    // The attack a lenient decoder lets through: the log signed an entry holding U+FFFD
    // (ef bf bd); the bundle carries a single invalid byte there instead. Decoded leniently it
    // turns back into U+FFFD, re-encodes to the signed bytes and verifies.
    const e = entry(3);
    e.externalReference = "ref-\ufffd";
    const leaves = [0, 1, 2, 3, 4].map((i) => entryLeafHash(i === 3 ? e : entry(i)));
    const signed = [...bundleLines({
      origin: ORIGIN,
      keys: KEYS,
      range: { from: 0, to: 4 },
      entries: [0, 1, 2, 3, 4].map((i) => ({ entry: i === 3 ? e : entry(i), leafHash: leaves[i] })),
      checkpoints: [signCheckpoint({ origin: ORIGIN, size: 5, rootHash: merkleRoot(leaves), timestamp: "2026-02-01T00:00:00.000Z" }, key)],
    })];
    const good = Buffer.from(signed.join("\n") + "\n", "utf8");
    expect(code(await checkFile(good))).toBe("OK");
    const fffd = good.indexOf(Buffer.from("ref-\ufffd", "utf8")) + 4;
    const swapped = Buffer.concat([good.subarray(0, fffd), Buffer.of(0xff), good.subarray(fffd + 3)]);
    expect(code(verifyBundleSync(bundleTextLines(swapped.toString("utf8"))))).toBe("OK"); // what a lenient reader concludes
    const strict = await checkFile(swapped);
    expect(strict.ok ? null : { code: strict.failure.code, seq: strict.failure.seq, line: strict.failure.line }).toEqual({ code: "INVALID_UTF8", seq: 3, line: 5 });
  });

  it("handles lines longer than a block", async () => {
    const huge = entry(1);
    huge.dataItems = Array.from({ length: 400 }, (_, i) => `item-${i}-${"x".repeat(20)}`);
    const leaves = [0, 1, 2, 3, 4].map((i) => entryLeafHash(i === 1 ? huge : entry(i)));
    const withHuge = [
      ...bundleLines({
        origin: ORIGIN,
        keys: KEYS,
        range: { from: 0, to: 4 },
        entries: [0, 1, 2, 3, 4].map((i) => ({ entry: i === 1 ? huge : entry(i), leafHash: leaves[i] })),
        checkpoints: [signCheckpoint({ origin: ORIGIN, size: 5, rootHash: merkleRoot(leaves), timestamp: "2026-02-01T00:00:00.000Z" }, key)],
      }),
    ];
    expect(withHuge[2].length).toBeGreaterThan(8192);
    expect(code(await checkFile(withHuge.join("\n") + "\n"))).toBe("OK");
  });

  it("calls onEntry in order (serial byte path)", async () => {
    const file = join(dir, "on-entry.jsonl");
    writeFileSync(file, makeBundle(6, 2, [6]).join("\n") + "\n");
    const seen: number[] = [];
    const r = await verifyBundleFile(file, { onEntry: (e) => seen.push(e.seq) }, { workers: 2, parallelMinBytes: 0, blockBytes: 1024 });
    expect(code(r)).toBe("OK");
    expect(seen).toEqual([2, 3, 4, 5]);
  });

  it("reports a missing file as an error, a bad pinned key as a setup error", async () => {
    await expect(verifyBundleFile(join(dir, "nope.jsonl"))).rejects.toThrow();
    const file = join(dir, "ok.jsonl");
    writeFileSync(file, makeBundle(3, 0, [3]).join("\n") + "\n");
    await expect(verifyBundleFile(file, { trustedKeys: ["not-a-vkey"] })).rejects.toThrow();
  });
});
