import { describe, expect, it } from "vitest";
import { formatCheckpointText, parseCheckpoint, signCheckpoint, verifyCheckpoint } from "./checkpoint";
import { sha256 } from "./hash";
import {
  computeKeyId,
  formatSignerKey,
  formatVerifierKey,
  generateSigningKey,
  isKeyValidAt,
  logPublicKeyFromVkey,
  logPublicKeyToVkey,
  parseSignerKey,
  parseVerifierKey,
  publicKeyFromRaw,
  rawPublicKey,
  signingKeyFromSeed,
  toLogPublicKey,
} from "./keys";
import { parseSignedNote, signNote, verifyNoteSignature } from "./note";

// golang.org/x/mod/sumdb/note documentation example (also used by C2SP implementations).
const GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

const ORIGIN = "qplus.kz/transfer-log";
const key = signingKeyFromSeed(ORIGIN, sha256("checkpoint test key"));
const ROOT = sha256("root");
const T = "2026-11-25T10:00:00.000Z";

describe("signed-note interoperability", () => {
  it("reproduces the Go note example byte for byte", () => {
    const k = parseSignerKey(GO_SKEY);
    expect(k.keyId).toBe("c74f20a3");
    expect(formatVerifierKey(k.name, k.publicKey)).toBe(GO_VKEY);
    expect(formatSignerKey(k)).toBe(GO_SKEY);
    expect(signNote(GO_TEXT, [k])).toBe(GO_NOTE);
    const note = parseSignedNote(GO_NOTE);
    const v = parseVerifierKey(GO_VKEY);
    expect(note.signatures[0]).toMatchObject({ name: "PeterNeumann", keyId: "c74f20a3" });
    expect(verifyNoteSignature(note.text, note.signatures[0].signature, publicKeyFromRaw(v.publicKey))).toBe(true);
  });

  it("computes the published key IDs of other implementations' vkeys", () => {
    for (const vkey of [
      GO_VKEY,
      "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8",
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
      "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6", // '+' inside the base64
    ]) {
      const v = parseVerifierKey(vkey);
      expect(formatVerifierKey(v.name, v.publicKey)).toBe(vkey);
    }
  });

  it("rejects malformed vkeys", () => {
    for (const bad of [
      "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", // id mismatch
      "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", // upper-case id
      "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
      "PeterNeumann+c74f20a3",
      "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", // not Ed25519
    ]) {
      expect(() => parseVerifierKey(bad), bad).toThrow();
    }
  });

  it("round-trips raw public keys through KeyObjects", () => {
    const k = generateSigningKey("example.org/log");
    expect(rawPublicKey(publicKeyFromRaw(k.publicKey)).equals(Buffer.from(k.publicKey))).toBe(true);
    expect(k.keyId).toBe(computeKeyId(k.name, k.publicKey));
    const lpk = toLogPublicKey(k, T);
    expect(logPublicKeyFromVkey(logPublicKeyToVkey(lpk), T)).toEqual(lpk);
  });
});

describe("checkpoints", () => {
  it("have the exact C2SP body, with the timestamp as the 4th line", () => {
    const text = formatCheckpointText({ origin: ORIGIN, size: 20852163, rootHash: ROOT, timestamp: T });
    expect(text).toBe(`${ORIGIN}\n20852163\n${ROOT.toString("base64")}\ntimestamp ${T}\n`);
    const note = signCheckpoint({ origin: ORIGIN, size: 20852163, rootHash: ROOT, timestamp: T }, key);
    expect(note.startsWith(text + "\n\u2014 " + ORIGIN + " ")).toBe(true);
    const sigLine = note.slice(text.length + 1);
    expect(Buffer.from(sigLine.trim().split(" ")[2], "base64").length).toBe(4 + 64);
    const cp = parseCheckpoint(note);
    expect(cp).toMatchObject({ origin: ORIGIN, size: 20852163, timestamp: T, extensions: [] });
    expect(cp.rootHash.equals(ROOT)).toBe(true);
    expect(cp.signatures[0].keyId).toBe(key.keyId);
  });

  it("reject malformed bodies", () => {
    const good = signCheckpoint({ origin: ORIGIN, size: 5, rootHash: ROOT, timestamp: T }, key);
    const [body, sig] = [good.slice(0, good.indexOf("\n\n") + 1), good.slice(good.indexOf("\n\n") + 1)];
    const variants = [
      body.replace("\n5\n", "\n05\n"),
      body.replace("\n5\n", "\n-5\n"),
      body.replace(ROOT.toString("base64"), ROOT.subarray(1).toString("base64")),
      body.replace(ROOT.toString("base64"), "not base64!"),
      `${ORIGIN}\n5\n`,
      body + "\n",
      body.replace(`timestamp ${T}`, "timestamp 2026-11-25T10:00:00Z"),
      body + `timestamp ${T}\n`,
    ];
    for (const v of variants) expect(() => parseCheckpoint(v + sig), JSON.stringify(v)).toThrow();
    expect(() => parseCheckpoint(body)).toThrow();
    expect(() => parseCheckpoint(good.slice(0, -10))).toThrow();
  });

  it("keep unknown extension lines (signed) and allow no timestamp", () => {
    const note = signCheckpoint({ origin: ORIGIN, size: 1, rootHash: ROOT, extensions: ["x-extra 1"] }, key);
    const cp = parseCheckpoint(note);
    expect(cp.timestamp).toBeNull();
    expect(cp.extensions).toEqual(["x-extra 1"]);
  });
});

describe("verifyCheckpoint", () => {
  const lpk = toLogPublicKey(key, "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z");
  const note = (timestamp: string | null, signers = [key]) => signCheckpoint({ origin: ORIGIN, size: 9, rootHash: ROOT, timestamp }, signers);

  it("accepts a checkpoint signed by a key valid at its time", () => {
    const r = verifyCheckpoint(note(T), [lpk], { origin: ORIGIN });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.key).toEqual(lpk);
  });

  it("validity: validFrom inclusive, validUntil exclusive", () => {
    expect(isKeyValidAt(lpk, "2026-01-01T00:00:00.000Z")).toBe(true);
    expect(isKeyValidAt(lpk, "2025-12-31T23:59:59.999Z")).toBe(false);
    expect(isKeyValidAt(lpk, "2026-12-31T23:59:59.999Z")).toBe(true);
    expect(isKeyValidAt(lpk, "2027-01-01T00:00:00.000Z")).toBe(false);
    const r = verifyCheckpoint(note("2027-01-01T00:00:00.000Z"), [lpk]);
    expect(r.ok ? "ok" : r.code).toBe("KEY_NOT_VALID");
  });

  it("names each failure", () => {
    const other = generateSigningKey(ORIGIN);
    const code = (text: string, opts = {}) => {
      const r = verifyCheckpoint(text, [lpk], opts);
      return r.ok ? "OK" : r.code;
    };
    expect(code(note(T), { origin: "other.example/log" })).toBe("ORIGIN_MISMATCH");
    expect(code(note(T, [other]))).toBe("UNKNOWN_KEY");
    expect(code(note(null))).toBe("MISSING_TIMESTAMP");
    expect(code(note(T).replace("\n9\n", "\n10\n"))).toBe("BAD_SIGNATURE");
    expect(code("garbage")).toBe("CHECKPOINT_MALFORMED");
    // A third party's (e.g. witness) signature is ignored; one bad signature by a known key is fatal.
    expect(code(note(T, [other, key]))).toBe("OK");
    const twice = note(T, [key, key]);
    const lines = twice.split("\n");
    lines[lines.length - 2] = lines[lines.length - 2].slice(0, -8) + "AAAAAAA=";
    expect(code(lines.join("\n"))).toBe("BAD_SIGNATURE");
  });
});
