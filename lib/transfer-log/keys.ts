/**
 * Ed25519 log keys in the C2SP signed-note conventions (c2sp.org/signed-note):
 *
 *   key ID   = SHA-256(name || 0x0A || 0x01 || 32-byte public key)[0:4]
 *   vkey     = <name>+<8 hex key ID>+<base64(0x01 || public key)>
 *   skey     = PRIVATE+KEY+<name>+<8 hex key ID>+<base64(0x01 || 32-byte seed)>
 *
 * plus the validity period this log attaches to each public key (LogPublicKey).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { isIsoMillis } from "./canonical";
import { decodeBase64Strict, sha256 } from "./hash";
import type { LogPublicKey } from "./types";

/** Signed-note signature algorithm byte for Ed25519. */
export const ALG_ED25519 = 0x01;

/** A private signing key; keep it out of logs and bundles. */
export interface SigningKey {
  name: string;
  keyId: string;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  privateKey: KeyObject;
}

export class KeyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyFormatError";
  }
}

// DER prefixes for Ed25519 (RFC 8410): the raw key/seed is the last 32 bytes.
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/**
 * A key name is any non-empty string without spaces, '+' or control
 * characters (the signed-note rule; the name is split on '+' in vkeys).
 */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && /^[^\s+\p{Cc}]+$/u.test(name) && name.isWellFormed();
}

function checkName(name: string): void {
  if (!isValidKeyName(name)) throw new KeyFormatError(`invalid key name ${JSON.stringify(name)}`);
}

/** 4-byte key hash as a number (big-endian), as used in signature lines. */
export function keyHash(name: string, publicKey: Uint8Array): number {
  if (publicKey.length !== 32) throw new KeyFormatError("Ed25519 public key must be 32 bytes");
  const h = sha256(Buffer.concat([Buffer.from(name + "\n", "utf8"), Buffer.of(ALG_ED25519), publicKey]));
  return h.readUInt32BE(0);
}

export function keyHashHex(hash: number): string {
  return hash.toString(16).padStart(8, "0");
}

/** Key ID (8 lowercase hex digits) of an Ed25519 key under `name`. */
export function computeKeyId(name: string, publicKey: Uint8Array): string {
  return keyHashHex(keyHash(name, publicKey));
}

/** Raw 32-byte public key of an Ed25519 KeyObject (public or private). */
export function rawPublicKey(key: KeyObject): Buffer {
  const pub = key.type === "private" ? createPublicKey(key) : key;
  const der = pub.export({ format: "der", type: "spki" });
  if (der.length !== 44 || !der.subarray(0, 12).equals(SPKI_ED25519_PREFIX)) throw new KeyFormatError("not an Ed25519 key");
  return Buffer.from(der.subarray(12));
}

/** Ed25519 KeyObject from a raw 32-byte public key. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new KeyFormatError("Ed25519 public key must be 32 bytes");
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: "der", type: "spki" });
}

function signingKeyFrom(name: string, privateKey: KeyObject): SigningKey {
  checkName(name);
  const publicKey = rawPublicKey(privateKey);
  return { name, keyId: computeKeyId(name, publicKey), publicKey, privateKey };
}

/** A fresh random Ed25519 signing key named `name` (e.g. the log origin). */
export function generateSigningKey(name: string): SigningKey {
  return signingKeyFrom(name, generateKeyPairSync("ed25519").privateKey);
}

/** Deterministic signing key from a 32-byte seed (RFC 8032 private key). */
export function signingKeyFromSeed(name: string, seed: Uint8Array): SigningKey {
  if (seed.length !== 32) throw new KeyFormatError("Ed25519 seed must be 32 bytes");
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
  return signingKeyFrom(name, privateKey);
}

/** The 32-byte seed of a signing key (for storing it as an skey). */
export function signingKeySeed(key: SigningKey): Buffer {
  const der = key.privateKey.export({ format: "der", type: "pkcs8" });
  if (der.length !== 48 || !der.subarray(0, 16).equals(PKCS8_ED25519_PREFIX)) throw new KeyFormatError("not an Ed25519 key");
  return Buffer.from(der.subarray(16));
}

/** Signed-note verifier key string: name+keyid+base64(0x01||pubkey). */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  checkName(name);
  const material = Buffer.concat([Buffer.of(ALG_ED25519), publicKey]).toString("base64");
  return `${name}+${computeKeyId(name, publicKey)}+${material}`;
}

export interface VerifierKey {
  name: string;
  keyId: string;
  publicKey: Buffer;
}

/** Parse and check a vkey (Ed25519 only). The key ID must match the key. */
export function parseVerifierKey(vkey: string): VerifierKey {
  // The base64 part may itself contain '+', so split on the first two only.
  const first = vkey.indexOf("+");
  const second = first < 0 ? -1 : vkey.indexOf("+", first + 1);
  if (second < 0) throw new KeyFormatError("vkey must be <name>+<hex key id>+<base64 key>");
  const name = vkey.slice(0, first);
  const keyId = vkey.slice(first + 1, second);
  checkName(name);
  if (!/^[0-9a-f]{8}$/.test(keyId)) throw new KeyFormatError("vkey key id must be 8 lowercase hex digits");
  const material = decodeBase64Strict(vkey.slice(second + 1));
  if (!material || material.length !== 33 || material[0] !== ALG_ED25519) {
    throw new KeyFormatError("vkey key material must be base64(0x01 || 32-byte Ed25519 public key)");
  }
  const publicKey = material.subarray(1);
  if (computeKeyId(name, publicKey) !== keyId) throw new KeyFormatError("vkey key id does not match the key");
  return { name, keyId, publicKey };
}

/** Signed-note signer key string (secret!): PRIVATE+KEY+name+keyid+base64(0x01||seed). */
export function formatSignerKey(key: SigningKey): string {
  const material = Buffer.concat([Buffer.of(ALG_ED25519), signingKeySeed(key)]).toString("base64");
  return `PRIVATE+KEY+${key.name}+${key.keyId}+${material}`;
}

export function parseSignerKey(skey: string): SigningKey {
  const m = /^PRIVATE\+KEY\+([^+]+)\+([0-9a-f]{8})\+(.+)$/s.exec(skey);
  if (!m) throw new KeyFormatError("skey must be PRIVATE+KEY+<name>+<hex key id>+<base64 key>");
  const material = decodeBase64Strict(m[3]);
  if (!material || material.length !== 33 || material[0] !== ALG_ED25519) {
    throw new KeyFormatError("skey key material must be base64(0x01 || 32-byte seed)");
  }
  const key = signingKeyFromSeed(m[1], material.subarray(1));
  if (key.keyId !== m[2]) throw new KeyFormatError("skey key id does not match the key");
  return key;
}

/** Publishable form of a signing key with its validity period. */
export function toLogPublicKey(
  key: Pick<SigningKey, "name" | "publicKey">,
  validFrom: string,
  validUntil: string | null = null,
): LogPublicKey {
  const out: LogPublicKey = {
    name: key.name,
    keyId: computeKeyId(key.name, key.publicKey),
    publicKey: Buffer.from(key.publicKey).toString("base64"),
    validFrom,
    validUntil,
  };
  assertLogPublicKey(out);
  return out;
}

/** LogPublicKey from a vkey string plus its validity period. */
export function logPublicKeyFromVkey(vkey: string, validFrom: string, validUntil: string | null = null): LogPublicKey {
  return toLogPublicKey(parseVerifierKey(vkey), validFrom, validUntil);
}

export function logPublicKeyToVkey(key: LogPublicKey): string {
  return formatVerifierKey(key.name, rawLogPublicKey(key));
}

/** Raw 32 bytes of a LogPublicKey (throws if malformed). */
export function rawLogPublicKey(key: LogPublicKey): Buffer {
  const raw = decodeBase64Strict(key.publicKey);
  if (!raw || raw.length !== 32) throw new KeyFormatError(`key ${key.name}: publicKey must be base64 of 32 bytes`);
  return raw;
}

/** Why `value` is not a well-formed LogPublicKey (key ID checked), or null. */
export function logPublicKeyProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "key must be an object";
  const k = value as Record<string, unknown>;
  const allowed = ["name", "keyId", "publicKey", "validFrom", "validUntil"];
  for (const f of Object.keys(k)) if (!allowed.includes(f)) return `unknown key field "${f}"`;
  if (typeof k.name !== "string" || !isValidKeyName(k.name)) return "key name must be a valid signed-note key name";
  if (typeof k.keyId !== "string" || !/^[0-9a-f]{8}$/.test(k.keyId)) return `key ${k.name}: keyId must be 8 lowercase hex digits`;
  const raw = typeof k.publicKey === "string" ? decodeBase64Strict(k.publicKey) : null;
  if (!raw || raw.length !== 32) return `key ${k.name}: publicKey must be base64 of a 32-byte Ed25519 key`;
  if (computeKeyId(k.name, raw) !== k.keyId) return `key ${k.name}: keyId ${k.keyId} does not match the public key`;
  if (!isIsoMillis(k.validFrom)) return `key ${k.name}: validFrom must be an ISO-8601 UTC timestamp with milliseconds`;
  if (k.validUntil !== null && !isIsoMillis(k.validUntil)) return `key ${k.name}: validUntil must be a timestamp or null`;
  if (k.validUntil !== null && Date.parse(k.validUntil as string) <= Date.parse(k.validFrom)) {
    return `key ${k.name}: validUntil must be after validFrom`;
  }
  return null;
}

export function assertLogPublicKey(value: unknown): asserts value is LogPublicKey {
  const problem = logPublicKeyProblem(value);
  if (problem) throw new KeyFormatError(problem);
}

/** validFrom <= time < validUntil (validUntil null = open-ended). */
export function isKeyValidAt(key: LogPublicKey, time: string): boolean {
  const t = Date.parse(time);
  if (!Number.isFinite(t)) return false;
  if (t < Date.parse(key.validFrom)) return false;
  return key.validUntil === null || t < Date.parse(key.validUntil);
}

/**
 * Pinned LogPublicKeys from a keys file: the answer of `GET /api/v1/log/keys` as it is
 * (`{"keys":[…]}`), or a bare array. Fields other than those of a LogPublicKey (such as the
 * answer's `vkey`) are allowed, because a verifier should take the published answer unedited;
 * a `vkey` that is present must name the same key, so a hand-edited file cannot pin one key
 * while showing another. Throws KeyFormatError naming the element that is wrong.
 */
export function pinnedKeysFromJson(value: unknown): LogPublicKey[] {
  const list = Array.isArray(value) ? value : typeof value === "object" && value !== null ? (value as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(list) || list.length === 0) throw new KeyFormatError('keys file must be {"keys":[…]} (the answer of GET /api/v1/log/keys) or a non-empty array');
  return list.map((item: unknown, i) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) throw new KeyFormatError(`keys[${i}] must be an object`);
    const { name, keyId, publicKey, validFrom, validUntil, vkey } = item as Record<string, unknown>;
    const key = { name, keyId, publicKey, validFrom, validUntil };
    const problem = logPublicKeyProblem(key);
    if (problem) throw new KeyFormatError(`keys[${i}]: ${problem}`);
    const k = key as LogPublicKey;
    if (vkey !== undefined && vkey !== logPublicKeyToVkey(k)) throw new KeyFormatError(`keys[${i}]: vkey does not match name, keyId and publicKey`);
    return k;
  });
}
