/**
 * Deterministic generator of the committed transfer-log test vectors.
 *
 *   npx tsx lib/transfer-log/test-vectors/generate.ts          (rewrites the files)
 *
 * Fixed Ed25519 seeds (SHA-256 of fixed labels) and fixed timestamps, and
 * Ed25519 signatures are deterministic (RFC 8032), so the output is
 * byte-identical on every run; test-vectors.test.ts checks that.
 * THESE KEYS ARE PUBLIC TEST KEYS: never use them for a real log.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { bundleLines, formatCheckpointLine, formatEntryLine, formatHeaderLine, formatPrefixLine } from "../bundle";
import { entryLeafHash } from "../canonical";
import { formatCheckpointText, signCheckpoint } from "../checkpoint";
import { logPublicKeyToVkey, signingKeyFromSeed, toLogPublicKey, type SigningKey } from "../keys";
import { MerkleAccumulator, compactRange, merkleRoot } from "../merkle";
import type { LogPublicKey, TransferLogEntry } from "../types";

export const VECTOR_ORIGIN = "qplus.kz/transfer-log";

function seed(label: string): Buffer {
  return createHash("sha256").update(`qplus-tlog test vector seed: ${label}`).digest();
}

/** Key A signs until the rotation at 12:00, key B from then on; the rogue key is not in any header. */
export function vectorKeys() {
  const a = signingKeyFromSeed(VECTOR_ORIGIN, seed("log key A"));
  const b = signingKeyFromSeed(VECTOR_ORIGIN, seed("log key B"));
  const rogue = signingKeyFromSeed(VECTOR_ORIGIN, seed("rogue key"));
  const rotation = "2026-11-25T12:00:00.000Z";
  const publicKeys: LogPublicKey[] = [
    toLogPublicKey(a, "2026-01-01T00:00:00.000Z", rotation),
    toLogPublicKey(b, rotation, null),
  ];
  return { a, b, rogue, publicKeys };
}

const RECIPIENTS = [
  { id: "0b6f8a2e-5d1c-4f7a-9e3b-2c4d6e8f0a1b", version: 3, country: "DE", system: "crm" },
  { id: "7c1d9e3f-2a4b-4c6d-8e0f-1a2b3c4d5e6f", version: 1, country: "RU", system: "1С:Бухгалтерия" },
  { id: "e4f5a6b7-c8d9-4eaf-b0c1-d2e3f4a5b6c7", version: 12, country: "US", system: "hr-core" },
];

/** 20 entries, one every 13 minutes from 10:00 on 2026-11-25, with varied optional fields. */
export function vectorEntries(): TransferLogEntry[] {
  const start = Date.parse("2026-11-25T10:00:00.000Z");
  return Array.from({ length: 20 }, (_, seq): TransferLogEntry => {
    const r = RECIPIENTS[seq % RECIPIENTS.length];
    const loggedAt = new Date(start + seq * 13 * 60_000 + (seq * 37) % 1000).toISOString();
    const occurredAt = new Date(start + seq * 13 * 60_000 - 95_000 - seq * 1000).toISOString();
    return {
      seq,
      loggedAt,
      occurredAt,
      recipientId: r.id,
      recipientVersion: r.version,
      approvalId: seq % 4 === 3 ? null : `appr-2026-${String(100 + seq).padStart(4, "0")}`,
      purposeCodes: seq % 2 ? ["contract_performance", "legal_obligation"] : ["contract_performance"],
      dataItems: seq % 3 === 0 ? ["full_name", "iin", "phone"] : ["full_name", "email", "salary"],
      recordCount: 10 + seq * 97,
      subjectPopulations: r.system === "hr-core" ? ["employees"] : ["customers", "prospects"],
      sendingSystem: r.system,
      destinationCountry: r.country,
      idempotencyKey: `${r.system}-export-2026-11-25-${String(seq).padStart(6, "0")}`,
      externalReference: seq % 5 === 2 ? null : `EXT-${1000 + seq}`,
      flags:
        seq === 3
          ? [{ code: "NO_APPROVAL", reason: "Передача без утверждения: \"срочно\"\nсм. тикет #42" }]
          : seq === 14
            ? [{ code: "LATE_REPORT", reason: "reported 2 days late" }, { code: "MANUAL", reason: "entered by DPO ✓" }]
            : [],
    };
  });
}

/** Checkpoints: size 7 by key A, 12 by key B at the rotation instant, 20 co-signed by A (expired) and B. */
const CHECKPOINT_PLAN: ReadonlyArray<{ size: number; timestamp: string; signers: ReadonlyArray<"a" | "b"> }> = [
  { size: 7, timestamp: "2026-11-25T11:35:00.000Z", signers: ["a"] },
  { size: 12, timestamp: "2026-11-25T12:00:00.000Z", signers: ["b"] },
  { size: 20, timestamp: "2026-11-25T14:10:00.250Z", signers: ["a", "b"] },
];

type Outcome = { ok: true; entries: number; checkpoints: number } | { ok: false; code: string; seq?: number; line?: number };

export interface Vector {
  file: string;
  description: string;
  /** With the keys of keys.json pinned (validity included), the way a third party should verify. */
  expect: Outcome;
  /** Where it differs: with only the vkeys pinned (`--key`), so validity comes from the bundle header. */
  expectWithVkeysOnly?: Outcome;
  /** Bytes for the one vector that is not valid UTF-8; text otherwise. */
  text: string | Buffer;
}

const text = (lines: readonly string[]) => lines.join("\n") + "\n";
const leafHashes = (entries: readonly TransferLogEntry[]) => entries.map((e) => entryLeafHash(e));

function signAt(size: number, timestamp: string, signers: readonly SigningKey[], leaves: readonly Uint8Array[]): string {
  return signCheckpoint({ origin: VECTOR_ORIGIN, size, rootHash: merkleRoot(leaves, size), timestamp }, signers);
}

/** Index of the checkpoint line for tree size `size` in a bundle's lines. */
function checkpointLineIndex(lines: readonly string[], size: number): number {
  return lines.findIndex((l) => l.startsWith('{"type":"checkpoint"') && (JSON.parse(l) as { note: string }).note.split("\n")[1] === String(size));
}

export function generateVectors(): Vector[] {
  const { a, b, rogue, publicKeys } = vectorKeys();
  const signerOf = { a, b };
  const entries = vectorEntries();
  const leaves = leafHashes(entries);
  const notes = CHECKPOINT_PLAN.map((p) => signAt(p.size, p.timestamp, p.signers.map((s) => signerOf[s]), leaves));

  const valid = [
    ...bundleLines({
      origin: VECTOR_ORIGIN,
      keys: publicKeys,
      range: { from: 0, to: 19 },
      entries: entries.map((entry, i) => ({ entry, leafHash: leaves[i] })),
      checkpoints: notes,
    }),
  ];
  // Line numbers (1-based) of entry seq s in `valid`: header + s + checkpoints before it.
  const lineOf = (seq: number) => valid.findIndex((l) => l.includes(`"seq":${seq},"subjectPopulations"`)) + 1;
  const cpLine = (size: number) => checkpointLineIndex(valid, size) + 1;
  const vectors: Vector[] = [];
  const add = (file: string, description: string, expect: Outcome, lines: readonly string[], expectWithVkeysOnly?: Outcome) =>
    vectors.push({ file, description, expect, ...(expectWithVkeysOnly ? { expectWithVkeysOnly } : {}), text: text(lines) });

  add("valid.jsonl", "Entries 0..19, checkpoints at 7 (key A), 12 (key B at the rotation instant), 20 (A expired + B).", { ok: true, entries: 20, checkpoints: 3 }, valid);

  // A bundle for seq 8..19: the prefix (compact range of [0,8)) lets the verifier continue the tree.
  const ranged = [
    ...bundleLines({
      origin: VECTOR_ORIGIN,
      keys: publicKeys,
      range: { from: 8, to: 19 },
      prefix: compactRange(leaves, 8),
      entries: entries.slice(8).map((entry, i) => ({ entry, leafHash: leaves[8 + i] })),
      checkpoints: [notes[1], notes[2]],
    }),
  ];
  add("valid-range.jsonl", "Entries 8..19 with a prefix line (compact range of [0,8)); checkpoints 12 and 20.", { ok: true, entries: 12, checkpoints: 2 }, ranged);

  // --- failures -----------------------------------------------------------------
  const altered = { ...entries[5], recordCount: entries[5].recordCount + 1 };
  {
    const lines = [...valid];
    lines[lineOf(5) - 1] = formatEntryLine(altered, leaves[5]);
    add("altered-field.jsonl", "recordCount of seq 5 changed; the recorded leafHash kept.", { ok: false, code: "LEAF_HASH_MISMATCH", seq: 5, line: lineOf(5) }, lines);
  }
  {
    const lines = [...valid];
    lines[lineOf(5) - 1] = formatEntryLine(altered); // leafHash recomputed by the tamperer
    add("altered-field-rehashed.jsonl", "recordCount of seq 5 changed and its leafHash recomputed: caught by the checkpoint at size 7.", { ok: false, code: "ROOT_MISMATCH", line: cpLine(7) }, lines);
  }
  {
    const lines = valid.filter((_, i) => i !== lineOf(5) - 1);
    add("removed-entry.jsonl", "Entry seq 5 removed.", { ok: false, code: "SEQ_GAP", seq: 5, line: lineOf(5) }, lines);
  }
  {
    const lines = [...valid];
    lines.splice(lineOf(5), 0, valid[lineOf(5) - 1]);
    add("duplicated-entry.jsonl", "Entry seq 5 appears twice.", { ok: false, code: "SEQ_DUPLICATE", seq: 5, line: lineOf(5) + 1 }, lines);
  }
  {
    const lines = [...valid];
    [lines[lineOf(5) - 1], lines[lineOf(6) - 1]] = [valid[lineOf(6) - 1], valid[lineOf(5) - 1]];
    add("reordered-entries.jsonl", "Entries seq 5 and 6 swapped.", { ok: false, code: "SEQ_ORDER", seq: 6, line: lineOf(5) }, lines);
  }
  {
    // The tamperer changes seq 5, recomputes leaf hash and root, and puts the new
    // root into the checkpoint body while keeping the log's signature line.
    const lines = [...valid];
    lines[lineOf(5) - 1] = formatEntryLine(altered);
    const forgedLeaves = [...leaves];
    forgedLeaves[5] = entryLeafHash(altered);
    const original = (JSON.parse(valid[cpLine(7) - 1]) as { note: string }).note;
    const sigBlock = original.slice(original.indexOf("\n\n") + 1);
    const body = formatCheckpointText({ origin: VECTOR_ORIGIN, size: 7, rootHash: merkleRoot(forgedLeaves, 7), timestamp: CHECKPOINT_PLAN[0].timestamp });
    lines[cpLine(7) - 1] = formatCheckpointLine(body + sigBlock);
    add("forged-checkpoint.jsonl", "Seq 5 altered, leaf hash and root recomputed, root swapped into the checkpoint under the original signature.", { ok: false, code: "BAD_SIGNATURE", line: cpLine(7) }, lines);
  }
  {
    const lines = [...valid];
    const note = notes[2];
    lines[cpLine(20) - 1] = formatCheckpointLine(note.slice(0, note.indexOf("\n\n") + 40));
    add("truncated-checkpoint.jsonl", "The final checkpoint note is cut off in its first signature line.", { ok: false, code: "CHECKPOINT_MALFORMED", line: cpLine(20) }, lines);
  }
  {
    const lines = [...valid];
    lines[cpLine(20) - 1] = formatCheckpointLine(signAt(20, CHECKPOINT_PLAN[2].timestamp, [rogue], leaves));
    add("wrong-key.jsonl", "The final checkpoint is signed by a key with the log's name that is not in the header.", { ok: false, code: "UNKNOWN_KEY", line: cpLine(20) }, lines);
  }
  {
    const lines = [...valid];
    lines[cpLine(20) - 1] = formatCheckpointLine(signAt(20, CHECKPOINT_PLAN[2].timestamp, [a], leaves));
    add("expired-key.jsonl", "The final checkpoint (14:10) is signed only by key A, which expired at 12:00.", { ok: false, code: "KEY_NOT_VALID", line: cpLine(20) }, lines);
  }
  {
    const lines = valid.slice(0, lineOf(17) - 1);
    add("truncated-bundle.jsonl", "The bundle stops after entry seq 16 (range says 19).", { ok: false, code: "TRUNCATED", line: lineOf(16) }, lines);
  }
  {
    const lines = valid.slice(0, -1);
    add("missing-final-checkpoint.jsonl", "The last checkpoint line is removed: entries 12..19 are not signed.", { ok: false, code: "UNCOVERED_ENTRIES", line: valid.length - 1 }, lines);
  }
  {
    const lines = [...ranged];
    const prefix = compactRange(leaves, 8).map((h) => Buffer.from(h));
    prefix[0][0] ^= 0x01;
    lines[1] = formatPrefixLine(8, prefix);
    add("tampered-prefix.jsonl", "valid-range.jsonl with a prefix hash altered: caught at its first checkpoint.", { ok: false, code: "ROOT_MISMATCH", line: checkpointLineIndex(ranged, 12) + 1 }, lines);
  }
  {
    const lines = [...valid];
    lines[lineOf(9) - 1] = valid[lineOf(9) - 1].replace('"entry":{', '"entry": {');
    add("non-canonical-entry.jsonl", "Entry seq 9 has a space inserted: entry lines must be byte-exact.", { ok: false, code: "ENTRY_NOT_CANONICAL", seq: 9, line: lineOf(9) }, lines);
  }
  {
    // Checkpoint 12 re-signed (validly, by key A, which was valid then) with a time before checkpoint 7's.
    const lines = [...valid];
    lines[cpLine(12) - 1] = formatCheckpointLine(signAt(12, "2026-11-25T11:30:00.000Z", [a], leaves));
    add("time-regression.jsonl", "Checkpoint 12 claims a time before checkpoint 7's.", { ok: false, code: "CHECKPOINT_TIME_REGRESSION", line: cpLine(12) }, lines);
  }
  {
    // The bundle's header lies about key A: it says A never expired, so the final checkpoint,
    // signed by A alone after its retirement (a leaked retired key), passes if the header is
    // believed. Pinning the published keys with their validity (keys.json) catches it;
    // pinning only the vkeys does not, because a vkey carries no validity.
    const lying = publicKeys.map((k) => (k.keyId === publicKeys[0].keyId ? { ...k, validUntil: null } : k));
    const lines = [...valid];
    lines[0] = formatHeaderLine({ origin: VECTOR_ORIGIN, range: { from: 0, to: 19 }, keys: lying });
    lines[cpLine(20) - 1] = formatCheckpointLine(signAt(20, CHECKPOINT_PLAN[2].timestamp, [a], leaves));
    add(
      "lying-header-validity.jsonl",
      "The header claims key A never expired; the final checkpoint (14:10) is signed by A alone. Fails with the published validity pinned.",
      { ok: false, code: "KEY_NOT_VALID", line: cpLine(20) },
      lines,
      { ok: true, entries: 20, checkpoints: 3 },
    );
  }
  {
    // The log signed an entry holding U+FFFD (bytes ef bf bd); the bundle carries one invalid
    // byte in its place. A lenient decoder reads it back as U+FFFD, re-encodes the signed bytes
    // and passes the bundle; the bytes are not what the log signed, so it must fail.
    const own = entries.slice(0, 3).map((e, i) => (i === 1 ? { ...e, externalReference: "EXT-\ufffd" } : e));
    const ownLeaves = leafHashes(own);
    const lines = [
      ...bundleLines({
        origin: VECTOR_ORIGIN,
        keys: publicKeys,
        range: { from: 0, to: 2 },
        entries: own.map((entry, i) => ({ entry, leafHash: ownLeaves[i] })),
        checkpoints: [signAt(3, CHECKPOINT_PLAN[1].timestamp, [b], ownLeaves)],
      }),
    ];
    const good = Buffer.from(text(lines), "utf8");
    const at = good.indexOf(Buffer.from("EXT-\ufffd", "utf8")) + 4;
    vectors.push({
      file: "invalid-utf8.jsonl",
      description: "Entry seq 1's U+FFFD (ef bf bd), which the log signed, is replaced by the single invalid byte ff.",
      expect: { ok: false, code: "INVALID_UTF8", seq: 1, line: 3 },
      text: Buffer.concat([good.subarray(0, at), Buffer.of(0xff), good.subarray(at + 3)]),
    });
  }
  // Keep the accumulator import honest: the ranged prefix must continue to the same root.
  const acc = MerkleAccumulator.fromCompactRange(8, compactRange(leaves, 8));
  for (let i = 8; i < 20; i++) acc.append(leaves[i]);
  if (!acc.root().equals(merkleRoot(leaves))) throw new Error("generator self-check failed");

  return vectors;
}

/** expected.json: what each vector must verify to. */
export function expectedManifest(vectors: readonly Vector[]): string {
  const { publicKeys } = vectorKeys();
  const manifest = {
    origin: VECTOR_ORIGIN,
    vkeys: publicKeys.map(logPublicKeyToVkey),
    vectors: Object.fromEntries(
      vectors.map((v) => [v.file, { description: v.description, expect: v.expect, ...(v.expectWithVkeysOnly ? { expectWithVkeysOnly: v.expectWithVkeysOnly } : {}) }]),
    ),
  };
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** keys.json: the vector keys exactly as `GET /api/v1/log/keys` publishes a log's keys (with vkey). */
export function expectedKeysFile(): string {
  const { publicKeys } = vectorKeys();
  return JSON.stringify({ keys: publicKeys.map((k) => ({ ...k, vkey: logPublicKeyToVkey(k) })) }, null, 2) + "\n";
}

export function writeVectors(dir: string): string[] {
  const vectors = generateVectors();
  for (const v of vectors) writeFileSync(join(dir, v.file), v.text);
  writeFileSync(join(dir, "expected.json"), expectedManifest(vectors));
  writeFileSync(join(dir, "keys.json"), expectedKeysFile());
  return [...vectors.map((v) => v.file), "expected.json", "keys.json"];
}

const invokedAs = process.argv[1] ?? "";
if (/test-vectors[\\/]generate\.(ts|js|mjs)$/.test(invokedAs)) {
  const dir = process.argv[2] ?? dirname(invokedAs);
  for (const f of writeVectors(dir)) process.stdout.write(`wrote ${join(dir, f)}\n`);
}
