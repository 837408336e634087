/**
 * C2SP signed notes (c2sp.org/signed-note), Ed25519 only:
 *
 *   <text, one or more lines each ending in "\n">
 *   "\n"
 *   "— <key name> <base64(4-byte key hash || 64-byte signature)>\n"   (one or more)
 *
 * The signature is Ed25519 over the UTF-8 bytes of the text (including its
 * final newline). "—" is U+2014 EM DASH followed by a space.
 */
import { sign as edSign, verify as edVerify, type KeyObject } from "node:crypto";
import { decodeBase64Strict } from "./hash";
import { isValidKeyName, keyHashHex, type SigningKey } from "./keys";

export const SIGNATURE_LINE_PREFIX = "\u2014 ";
/** Same cap as the Go reference implementation: parsing must stay cheap. */
export const MAX_SIGNATURES = 100;

export interface NoteSignature {
  name: string;
  /** Key hash as 8 lowercase hex digits (the key ID). */
  keyId: string;
  /** Signature bytes after the 4-byte key hash (64 bytes for Ed25519). */
  signature: Buffer;
}

export interface SignedNote {
  /** The signed text, ending in "\n". */
  text: string;
  signatures: NoteSignature[];
}

export class NoteFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NoteFormatError";
  }
}

/** Split a signed note into text and signature lines (no signature checking). */
export function parseSignedNote(note: string): SignedNote {
  if (!note.isWellFormed()) throw new NoteFormatError("note is not valid Unicode");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) throw new NoteFormatError("note contains control characters");
  const split = note.lastIndexOf("\n\n");
  if (split < 0) throw new NoteFormatError("note has no blank line before its signatures");
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block.length === 0) throw new NoteFormatError("note has no signature lines");
  if (!block.endsWith("\n")) throw new NoteFormatError("last signature line is incomplete (no final newline): note truncated?");
  const lines = block.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw new NoteFormatError("note has too many signatures");
  const signatures = lines.map((line): NoteSignature => {
    if (!line.startsWith(SIGNATURE_LINE_PREFIX)) throw new NoteFormatError("signature line must start with \u2014 and a space");
    const rest = line.slice(SIGNATURE_LINE_PREFIX.length);
    const space = rest.indexOf(" ");
    const name = space < 0 ? "" : rest.slice(0, space);
    const blob = space < 0 ? null : decodeBase64Strict(rest.slice(space + 1));
    if (!isValidKeyName(name) || !blob || blob.length < 5) throw new NoteFormatError("malformed signature line");
    return { name, keyId: keyHashHex(blob.readUInt32BE(0)), signature: blob.subarray(4) };
  });
  return { text, signatures };
}

export function formatSignatureLine(name: string, keyId: string, signature: Uint8Array): string {
  const blob = Buffer.concat([Buffer.from(keyId, "hex"), signature]);
  return `${SIGNATURE_LINE_PREFIX}${name} ${blob.toString("base64")}\n`;
}

/** Sign `text` (must end in "\n", no blank lines needed) with one or more keys. */
export function signNote(text: string, keys: readonly SigningKey[]): string {
  if (!text.endsWith("\n")) throw new NoteFormatError("note text must end with a newline");
  if (keys.length === 0) throw new NoteFormatError("at least one signing key is required");
  const message = Buffer.from(text, "utf8");
  let out = text + "\n";
  for (const key of keys) out += formatSignatureLine(key.name, key.keyId, edSign(null, message, key.privateKey));
  return out;
}

/** Ed25519 check of one signature over the note text. */
export function verifyNoteSignature(text: string, signature: Uint8Array, publicKey: KeyObject): boolean {
  if (signature.length !== 64) return false;
  try {
    return edVerify(null, Buffer.from(text, "utf8"), publicKey, signature);
  } catch {
    return false;
  }
}
