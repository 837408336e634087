/**
 * Checkpoints in the C2SP tlog-checkpoint format (c2sp.org/tlog-checkpoint),
 * carried as signed notes:
 *
 *   <origin>\n
 *   <tree size, decimal, no leading zeros>\n
 *   <base64 root hash>\n
 *   timestamp <YYYY-MM-DDTHH:mm:ss.sssZ>\n      (extension line, this log)
 *   \n
 *   — <key name> <base64(key hash || Ed25519 signature)>\n
 *
 * The timestamp extension line is what ties a checkpoint to a point in time,
 * so signing keys can be rotated with validity periods. It is inside the
 * signed text; generic C2SP verifiers ignore it.
 */
import type { KeyObject } from "node:crypto";
import { isIsoMillis } from "./canonical";
import { HASH_SIZE, decodeBase64Strict } from "./hash";
import { isKeyValidAt, logPublicKeyProblem, publicKeyFromRaw, rawLogPublicKey, type SigningKey } from "./keys";
import { NoteFormatError, parseSignedNote, signNote, verifyNoteSignature, type NoteSignature } from "./note";
import type { LogPublicKey } from "./types";

export const DEFAULT_ORIGIN = "qplus.kz/transfer-log";
export const TIMESTAMP_EXTENSION = "timestamp ";

export interface CheckpointBody {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Issue time (ISO, ms). Required by this log; optional in generic C2SP. */
  timestamp?: string | null;
  /** Further opaque extension lines (not recommended). */
  extensions?: readonly string[];
}

export interface ParsedCheckpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
  timestamp: string | null;
  /** Extension lines other than the timestamp. */
  extensions: string[];
  /** The signed note text (the body). */
  text: string;
  signatures: NoteSignature[];
}

export type CheckpointFailureCode =
  | "CHECKPOINT_MALFORMED"
  | "ORIGIN_MISMATCH"
  | "UNKNOWN_KEY"
  | "BAD_SIGNATURE"
  | "MISSING_TIMESTAMP"
  | "KEY_NOT_VALID";

export class CheckpointError extends Error {
  constructor(
    readonly code: CheckpointFailureCode,
    message: string,
  ) {
    super(message);
    this.name = "CheckpointError";
  }
}

function isOneLine(s: string): boolean {
  return s.length > 0 && !s.includes("\n");
}

/** The checkpoint body (note text), byte-exact. */
export function formatCheckpointText(cp: CheckpointBody): string {
  if (!isOneLine(cp.origin)) throw new CheckpointError("CHECKPOINT_MALFORMED", "origin must be a non-empty single line");
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) throw new CheckpointError("CHECKPOINT_MALFORMED", "size must be a non-negative integer");
  if (cp.rootHash.length !== HASH_SIZE) throw new CheckpointError("CHECKPOINT_MALFORMED", "root hash must be 32 bytes");
  let text = `${cp.origin}\n${cp.size}\n${Buffer.from(cp.rootHash).toString("base64")}\n`;
  if (cp.timestamp != null) {
    if (!isIsoMillis(cp.timestamp)) throw new CheckpointError("CHECKPOINT_MALFORMED", "timestamp must be ISO-8601 UTC with milliseconds");
    text += TIMESTAMP_EXTENSION + cp.timestamp + "\n";
  }
  for (const ext of cp.extensions ?? []) {
    if (!isOneLine(ext) || ext.startsWith(TIMESTAMP_EXTENSION)) throw new CheckpointError("CHECKPOINT_MALFORMED", "bad extension line");
    text += ext + "\n";
  }
  return text;
}

/** Sign a checkpoint; several keys may sign (e.g. old and new key during a rotation). */
export function signCheckpoint(cp: CheckpointBody, key: SigningKey | readonly SigningKey[]): string {
  return signNote(formatCheckpointText(cp), Array.isArray(key) ? key : [key as SigningKey]);
}

/** Parse a signed checkpoint note. Throws CheckpointError (CHECKPOINT_MALFORMED). Does not verify. */
export function parseCheckpoint(noteText: string): ParsedCheckpoint {
  let note;
  try {
    note = parseSignedNote(noteText);
  } catch (e) {
    throw new CheckpointError("CHECKPOINT_MALFORMED", e instanceof NoteFormatError ? e.message : String(e));
  }
  const lines = note.text.slice(0, -1).split("\n");
  const bad = (why: string) => new CheckpointError("CHECKPOINT_MALFORMED", why);
  if (lines.length < 3) throw bad("checkpoint needs origin, size and root hash lines");
  const [origin, sizeText, rootText, ...rest] = lines;
  if (origin.length === 0) throw bad("empty origin line");
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) throw bad("tree size must be a decimal integer without leading zeros");
  const rootHash = decodeBase64Strict(rootText);
  if (!rootHash || rootHash.length !== HASH_SIZE) throw bad("root hash must be base64 of 32 bytes");
  let timestamp: string | null = null;
  const extensions: string[] = [];
  for (const line of rest) {
    if (line.length === 0) throw bad("empty extension line");
    if (line.startsWith(TIMESTAMP_EXTENSION)) {
      const value = line.slice(TIMESTAMP_EXTENSION.length);
      if (timestamp !== null || !isIsoMillis(value)) throw bad("timestamp line must appear once with an ISO-8601 UTC time with milliseconds");
      timestamp = value;
    } else {
      extensions.push(line);
    }
  }
  return { origin, size: Number(sizeText), rootHash, timestamp, extensions, text: note.text, signatures: note.signatures };
}

export type CheckpointVerification =
  | { ok: true; checkpoint: ParsedCheckpoint; key: LogPublicKey }
  | { ok: false; code: CheckpointFailureCode; message: string; checkpoint?: ParsedCheckpoint };

export interface VerifyCheckpointOptions {
  /** Expected origin line; checked when given. */
  origin?: string;
}

// KeyObjects are costly to build; bundles reuse a handful of keys many times.
const keyObjects = new Map<string, KeyObject>();
function keyObjectOf(key: LogPublicKey): KeyObject {
  let k = keyObjects.get(key.publicKey);
  if (!k) {
    k = publicKeyFromRaw(rawLogPublicKey(key));
    if (keyObjects.size > 1000) keyObjects.clear();
    keyObjects.set(key.publicKey, k);
  }
  return k;
}

/**
 * Verify a checkpoint note against the log's public keys:
 * 1. well-formed; 2. origin as expected; 3. every signature line naming a
 * known key (name + key ID) verifies (one bad one = forgery, as in Go's
 * note.Open), and at least one such line exists; 4. a timestamp line exists;
 * 5. at least one verifying key was valid at that timestamp.
 */
export function verifyCheckpoint(
  noteText: string,
  publicKeys: readonly LogPublicKey[],
  options: VerifyCheckpointOptions = {},
): CheckpointVerification {
  let cp: ParsedCheckpoint;
  try {
    cp = parseCheckpoint(noteText);
  } catch (e) {
    if (e instanceof CheckpointError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
  if (options.origin !== undefined && cp.origin !== options.origin) {
    return { ok: false, code: "ORIGIN_MISMATCH", message: `checkpoint origin "${cp.origin}" is not "${options.origin}"`, checkpoint: cp };
  }
  const verifiedBy: LogPublicKey[] = [];
  for (const sig of cp.signatures) {
    const candidates = publicKeys.filter((k) => k.name === sig.name && k.keyId === sig.keyId);
    if (candidates.length === 0) continue; // someone else's signature (e.g. a witness): ignore
    const problem = logPublicKeyProblem(candidates[0]);
    if (problem) return { ok: false, code: "UNKNOWN_KEY", message: problem, checkpoint: cp };
    if (!verifyNoteSignature(cp.text, sig.signature, keyObjectOf(candidates[0]))) {
      return { ok: false, code: "BAD_SIGNATURE", message: `signature by ${sig.name} (${sig.keyId}) does not verify`, checkpoint: cp };
    }
    verifiedBy.push(...candidates);
  }
  if (verifiedBy.length === 0) {
    const who = cp.signatures.map((s) => `${s.name} (${s.keyId})`).join(", ");
    return { ok: false, code: "UNKNOWN_KEY", message: `no signature by a known log key (signed by ${who})`, checkpoint: cp };
  }
  if (cp.timestamp === null) {
    return { ok: false, code: "MISSING_TIMESTAMP", message: "checkpoint has no timestamp line, so key validity cannot be checked", checkpoint: cp };
  }
  const valid = verifiedBy.find((k) => isKeyValidAt(k, cp.timestamp!));
  if (!valid) {
    const k = verifiedBy[0];
    return {
      ok: false,
      code: "KEY_NOT_VALID",
      message: `key ${k.name} (${k.keyId}) valid ${k.validFrom} to ${k.validUntil ?? "open"} did not cover checkpoint time ${cp.timestamp}`,
      checkpoint: cp,
    };
  }
  return { ok: true, checkpoint: cp, key: valid };
}
