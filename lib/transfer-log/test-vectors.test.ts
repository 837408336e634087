import { spawnSync } from "node:child_process";
import { createHash, createPublicKey, verify as edVerify } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateVectors, expectedKeysFile, expectedManifest } from "./test-vectors/generate";
import { pinnedKeysFromJson } from "./keys";
import { verifyBundleFile } from "./cli";
import { verifyBundleBytes, type BundleVerification } from "./verify-bundle";

const DIR = join(__dirname, "test-vectors");
type Outcome = { ok: boolean; code?: string; seq?: number; line?: number; entries?: number; checkpoints?: number };
const manifest = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as {
  origin: string;
  vkeys: string[];
  vectors: Record<string, { description: string; expect: Outcome; expectWithVkeysOnly?: Outcome }>;
};
// The published keys with their validity, as GET /api/v1/log/keys answers (extra field vkey included).
const pinned = pinnedKeysFromJson(JSON.parse(readFileSync(join(DIR, "keys.json"), "utf8")));

function expectOutcome(r: BundleVerification, want: Outcome, label: string) {
  if (want.ok) {
    expect(r.ok ? null : r.failure, label).toBeNull();
    if (r.ok) expect({ entries: r.entries, checkpoints: r.checkpoints }, label).toEqual({ entries: want.entries, checkpoints: want.checkpoints });
  } else {
    expect(r.ok ? null : { code: r.failure.code, line: r.failure.line, seq: r.failure.seq }, label).toEqual({ code: want.code, line: want.line, seq: want.seq });
  }
}

describe("committed test vectors", () => {
  it("are exactly what the deterministic generator produces", () => {
    const vectors = generateVectors();
    expect(Object.keys(manifest.vectors).sort()).toEqual(vectors.map((v) => v.file).sort());
    for (const v of vectors) expect(readFileSync(join(DIR, v.file)).equals(Buffer.from(v.text)), v.file).toBe(true);
    expect(readFileSync(join(DIR, "expected.json"), "utf8")).toBe(expectedManifest(vectors));
    expect(readFileSync(join(DIR, "keys.json"), "utf8")).toBe(expectedKeysFile());
  });

  for (const [file, { expect: want, expectWithVkeysOnly }] of Object.entries(manifest.vectors)) {
    it(`${file} → ${want.ok ? "OK" : want.code}`, async () => {
      const bytes = readFileSync(join(DIR, file));
      // Pinned keys with their validity, and the origin: the way a third party should verify.
      const options = { origin: manifest.origin, trustedKeys: pinned };
      const r = verifyBundleBytes(bytes, options);
      expectOutcome(r, want, "pinned keys.json");
      // The streaming file reader agrees with the in-memory one.
      expect(await verifyBundleFile(join(DIR, file), options)).toEqual(r);
      // Pinning only the vkeys leaves validity to the header.
      const vkeysOnly = verifyBundleBytes(bytes, { origin: manifest.origin, trustedKeys: manifest.vkeys });
      expectOutcome(vkeysOnly, expectWithVkeysOnly ?? want, "pinned vkeys");
    });
  }
});

describe("cli", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(__dirname, "../../node_modules/tsx/dist/cli.mjs"), join(__dirname, "cli.ts"), ...args], { encoding: "utf8" });

  it("exits 0 with a summary for a valid bundle, 1 with FAIL for a bad one, 2 for usage/IO errors", () => {
    const ok = run(join(DIR, "valid.jsonl"));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^OK: 20 entries, seq 0\.\.19, 3 checkpoints verified, keys: qplus\.kz\/transfer-log \(7eccc79d/);

    const pinned = run("--origin", manifest.origin, "--key", manifest.vkeys[0], "--key", manifest.vkeys[1], join(DIR, "valid-range.jsonl"));
    expect(pinned.status).toBe(0);

    const bad = run(join(DIR, "removed-entry.jsonl"));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^FAIL: line 7: entry seq 5 is missing/);

    expect(run().status).toBe(2);
    expect(run(join(DIR, "no-such-file.jsonl")).status).toBe(2);
    expect(run("--key", "not-a-vkey", join(DIR, "valid.jsonl")).status).toBe(2);
  });

  it("--keys pins validity from the published keys answer; --key alone lets a lying header pass, and says so", () => {
    const lying = join(DIR, "lying-header-validity.jsonl");
    const withKeys = run("--keys", join(DIR, "keys.json"), lying);
    expect(withKeys.status).toBe(1);
    expect(withKeys.stdout).toMatch(/^FAIL: .*\[KEY_NOT_VALID\]/);
    expect(withKeys.stderr).toBe("");

    const vkeysOnly = run("--key", manifest.vkeys[0], "--key", manifest.vkeys[1], lying);
    expect(vkeysOnly.status).toBe(0);
    expect(vkeysOnly.stderr).toMatch(/--key pins a key but not its validity/);

    const valid = run("--keys", join(DIR, "keys.json"), join(DIR, "valid.jsonl"));
    expect(valid.status).toBe(0);
    expect(valid.stderr).toBe("");
  });

  it("--keys refuses a file that is not a keys answer, or whose vkey names another key", () => {
    const dir = mkdtempSync(join(tmpdir(), "keys-"));
    const published = JSON.parse(readFileSync(join(DIR, "keys.json"), "utf8")) as { keys: Array<Record<string, unknown>> };
    const swapped = { keys: [{ ...published.keys[0], vkey: published.keys[1].vkey }, published.keys[1]] };
    writeFileSync(join(dir, "swapped.json"), JSON.stringify(swapped));
    writeFileSync(join(dir, "empty.json"), JSON.stringify({ keys: [] }));
    writeFileSync(join(dir, "no-validity.json"), JSON.stringify({ keys: [{ ...published.keys[0], validUntil: undefined }] }));
    for (const f of ["swapped.json", "empty.json", "no-validity.json", "missing.json"]) {
      const r = run("--keys", join(dir, f), join(DIR, "valid.jsonl"));
      expect(r.status, f).toBe(2);
      expect(r.stderr, f).toMatch(/^bad --keys /);
    }
  });
});

/**
 * A second verifier written only from FORMAT.md, sharing no code with the
 * library: generic JSON, recursive JCS, the literal recursive MTH, node:crypto.
 * It must agree with the reference verifier on every vector.
 */
function independentVerify(bytes: Buffer): "OK" | "FAIL" {
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // throws on invalid UTF-8
  const published = (JSON.parse(readFileSync(join(DIR, "keys.json"), "utf8")) as { keys: Array<{ name: string; keyId: string; publicKey: string; validFrom: string; validUntil: string | null }> }).keys;
  const sha = (...parts: (Buffer | string)[]) => {
    const h = createHash("sha256");
    for (const p of parts) h.update(p);
    return h.digest();
  };
  const jcs = (v: unknown): string =>
    Array.isArray(v)
      ? "[" + v.map(jcs).join(",") + "]"
      : v !== null && typeof v === "object"
        ? "{" + Object.keys(v).sort().map((k) => JSON.stringify(k) + ":" + jcs((v as Record<string, unknown>)[k])).join(",") + "}"
        : JSON.stringify(v);
  const mth = (d: Buffer[]): Buffer => {
    if (d.length === 0) return sha("");
    if (d.length === 1) return d[0];
    let k = 1;
    while (k * 2 < d.length) k *= 2;
    return sha(Buffer.of(1), mth(d.slice(0, k)), mth(d.slice(k)));
  };
  const lines = text.split("\n").filter((l) => l !== "");
  const header = JSON.parse(lines[0]);
  if (header.format !== "qplus-tlog-bundle/v1") return "FAIL";
  // Every header key must be a published one; the published validity is the one that counts.
  const keys = header.keys.map((k: { name: string; publicKey: string; keyId: string }) => {
    const id = sha(k.name + "\n", Buffer.of(1), Buffer.from(k.publicKey, "base64")).subarray(0, 4).toString("hex");
    return id === k.keyId ? published.find((p) => p.name === k.name && p.keyId === id && p.publicKey === k.publicKey) : undefined;
  });
  if (keys.some((k: unknown) => k === undefined)) return "FAIL";
  // Knowing the whole log (prefix from the vectors' own valid bundle) keeps this verifier naive.
  let leaves: Buffer[] = [];
  let i = 1;
  if (header.range.from > 0) {
    const prefix = JSON.parse(lines[i++]);
    const full = readFileSync(join(DIR, "valid.jsonl"), "utf8").split("\n").filter((l) => l.includes('"type":"entry"'));
    leaves = full.slice(0, prefix.size).map((l) => Buffer.from(JSON.parse(l).leafHash, "hex"));
    if (prefix.hashes.length !== 1 || mth(leaves).toString("hex") !== prefix.hashes[0]) return "FAIL"; // 8 = one subtree
  }
  let next = header.range.from;
  let lastSize = -1;
  let lastTime = "";
  for (; i < lines.length; i++) {
    const obj = JSON.parse(lines[i]);
    if (obj.type === "entry") {
      const canonical = jcs(obj.entry);
      if (lines[i] !== `{"type":"entry","leafHash":"${obj.leafHash}","entry":${canonical}}`) return "FAIL";
      if (obj.entry.seq !== next++) return "FAIL";
      const leaf = sha(Buffer.of(0), "qplus-tlog-entry/v1\n" + canonical);
      if (leaf.toString("hex") !== obj.leafHash) return "FAIL";
      leaves.push(leaf);
    } else if (obj.type === "checkpoint") {
      const note: string = obj.note;
      const split = note.lastIndexOf("\n\n");
      if (split < 0 || !note.endsWith("\n")) return "FAIL";
      const body = note.slice(0, split + 1);
      const [origin, size, root, ts] = body.split("\n");
      if (origin !== header.origin || Number(size) !== leaves.length || !ts?.startsWith("timestamp ")) return "FAIL";
      const time = ts.slice("timestamp ".length);
      if (time < lastTime) return "FAIL";
      let good = false;
      for (const sigLine of note.slice(split + 2, -1).split("\n")) {
        const [dash, name, b64] = sigLine.split(" ");
        if (dash !== "\u2014") return "FAIL";
        const blob = Buffer.from(b64 ?? "", "base64");
        const key = keys.find((k: { name: string; keyId: string }) => k.name === name && k.keyId === blob.subarray(0, 4).toString("hex"));
        if (!key) continue;
        const pub = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(key.publicKey, "base64").toString("base64url") }, format: "jwk" });
        if (!edVerify(null, Buffer.from(body), pub, blob.subarray(4))) return "FAIL";
        if (key.validFrom <= time && (key.validUntil === null || time < key.validUntil)) good = true;
      }
      if (!good || mth(leaves).toString("base64") !== root) return "FAIL";
      lastSize = leaves.length;
      lastTime = time;
    } else return "FAIL";
  }
  return next === header.range.to + 1 && lastSize === next ? "OK" : "FAIL";
}

describe("an independent verifier written from FORMAT.md", () => {
  it("agrees with the reference verifier on every vector", () => {
    for (const [file, { expect: want }] of Object.entries(manifest.vectors)) {
      let got: string;
      try {
        got = independentVerify(readFileSync(join(DIR, file)));
      } catch {
        got = "FAIL";
      }
      expect(got, file).toBe(want.ok ? "OK" : "FAIL");
    }
  });
});
