import { spawnSync } from "node:child_process";
import { createHash, createPublicKey, verify as edVerify } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateVectors, expectedManifest } from "./test-vectors/generate";
import { verifyBundleFile } from "./cli";
import { bundleTextLines, verifyBundle } from "./verify-bundle";

const DIR = join(__dirname, "test-vectors");
const manifest = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as {
  origin: string;
  vkeys: string[];
  vectors: Record<string, { description: string; expect: { ok: boolean; code?: string; seq?: number; line?: number; entries?: number; checkpoints?: number } }>;
};

describe("committed test vectors", () => {
  it("are exactly what the deterministic generator produces", () => {
    const vectors = generateVectors();
    expect(Object.keys(manifest.vectors).sort()).toEqual(vectors.map((v) => v.file).sort());
    for (const v of vectors) expect(readFileSync(join(DIR, v.file), "utf8"), v.file).toBe(v.text);
    expect(readFileSync(join(DIR, "expected.json"), "utf8")).toBe(expectedManifest(vectors));
  });

  for (const [file, { expect: want }] of Object.entries(manifest.vectors)) {
    it(`${file} → ${want.ok ? "OK" : want.code}`, async () => {
      const text = readFileSync(join(DIR, file), "utf8");
      // Pinned keys and origin: the way a third party should verify.
      const r = await verifyBundle(bundleTextLines(text), { origin: manifest.origin, trustedKeys: manifest.vkeys });
      if (want.ok) {
        expect(r.ok ? null : r.failure).toBeNull();
        if (r.ok) expect({ entries: r.entries, checkpoints: r.checkpoints }).toEqual({ entries: want.entries, checkpoints: want.checkpoints });
      } else {
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.failure.code).toBe(want.code);
          expect(r.failure.line).toBe(want.line);
          expect(r.failure.seq).toBe(want.seq);
        }
      }
      // The streaming file reader agrees with the in-memory one.
      const fromFile = await verifyBundleFile(join(DIR, file), { origin: manifest.origin, trustedKeys: manifest.vkeys });
      expect(fromFile).toEqual(r);
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
});

/**
 * A second verifier written only from FORMAT.md, sharing no code with the
 * library: generic JSON, recursive JCS, the literal recursive MTH, node:crypto.
 * It must agree with the reference verifier on every vector.
 */
function independentVerify(text: string): "OK" | "FAIL" {
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
  const keys = header.keys.filter((k: { name: string; publicKey: string; keyId: string }) => {
    const id = sha(k.name + "\n", Buffer.of(1), Buffer.from(k.publicKey, "base64")).subarray(0, 4).toString("hex");
    return id === k.keyId && manifest.vkeys.includes(`${k.name}+${id}+${Buffer.concat([Buffer.of(1), Buffer.from(k.publicKey, "base64")]).toString("base64")}`);
  });
  if (keys.length !== header.keys.length) return "FAIL";
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
      const text = readFileSync(join(DIR, file), "utf8");
      let got: string;
      try {
        got = independentVerify(text);
      } catch {
        got = "FAIL";
      }
      expect(got, file).toBe(want.ok ? "OK" : "FAIL");
    }
  });
});
