import "server-only";
import crypto from "node:crypto";
import { asc, eq, isNull } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { auditEvents, logSigningKeys } from "../schema";
import { generateSigningKey, signingKeyFromSeed, signingKeySeed, type LogPublicKey, type SigningKey } from "@/lib/transfer-log";
import { LOG_ORIGIN } from "@/lib/transfer-log/config";
import type { Actor } from "./actor";

/**
 * The key that encrypts signing seeds at rest: derived from LOG_KEY_SECRET (or AUTH_SECRET), so a
 * copy of the database alone cannot forge checkpoints. A KMS/HSM is the production upgrade.
 */
function sealingKey(): Buffer {
  const secret = process.env.LOG_KEY_SECRET || process.env.AUTH_SECRET;
  if (!secret) throw new Error("LOG_KEY_SECRET or AUTH_SECRET must be set to use the log's signing keys");
  return Buffer.from(crypto.hkdfSync("sha256", secret, "qplus-log-signing-key", "v1", 32));
}

function seal(seed: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", sealingKey(), iv);
  const body = Buffer.concat([cipher.update(seed), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64")).join(".");
}

function unseal(sealed: string): Buffer {
  const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64"));
  const decipher = crypto.createDecipheriv("aes-256-gcm", sealingKey(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

type KeyRow = typeof logSigningKeys.$inferSelect;

function publicOf(row: KeyRow): LogPublicKey {
  return { name: row.name, keyId: row.keyId, publicKey: row.publicKey, validFrom: row.validFrom.toISOString(), validUntil: row.validUntil?.toISOString() ?? null };
}

/** Every key the log has used, with its validity: what a verifier needs. */
export async function listLogPublicKeys(db: Db = getDb()): Promise<LogPublicKey[]> {
  const rows = await db.select().from(logSigningKeys).orderBy(asc(logSigningKeys.validFrom));
  return rows.map(publicOf);
}

let cached: { keyId: string; key: SigningKey } | undefined;

/** The current signing key, created on first use. */
export async function currentSigningKey(db: Db = getDb()): Promise<{ key: SigningKey; publicKey: LogPublicKey }> {
  const [row] = await db.select().from(logSigningKeys).where(isNull(logSigningKeys.validUntil)).orderBy(asc(logSigningKeys.validFrom)).limit(1);
  if (row) {
    if (cached?.keyId !== row.keyId) cached = { keyId: row.keyId, key: signingKeyFromSeed(row.name, unseal(row.privateSeedEncrypted)) };
    return { key: cached.key, publicKey: publicOf(row) };
  }
  return createKey(db, { id: null, email: "system" });
}

async function createKey(db: Db, actor: Actor) {
  const key = generateSigningKey(LOG_ORIGIN);
  const now = new Date();
  const [row] = await db
    .insert(logSigningKeys)
    .values({
      keyId: key.keyId,
      name: key.name,
      publicKey: Buffer.from(key.publicKey).toString("base64"),
      privateSeedEncrypted: seal(signingKeySeed(key)),
      validFrom: now,
      createdByEmail: actor.email,
    })
    .returning();
  cached = { keyId: row.keyId, key };
  return { key, publicKey: publicOf(row) };
}

/**
 * Rotation: the current key stops being valid now and a new one starts. Checkpoints signed
 * before stay valid under the old key's period.
 */
export async function rotateSigningKey(actor: Actor, reason: string, db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const now = new Date();
    const retired = await tx.update(logSigningKeys).set({ validUntil: now }).where(isNull(logSigningKeys.validUntil)).returning({ keyId: logSigningKeys.keyId });
    const created = await createKey(tx as unknown as Db, actor);
    await tx.insert(auditEvents).values({
      actorId: actor.id,
      actorEmail: actor.email,
      entity: "log-signing-key",
      entityId: created.publicKey.keyId,
      action: "rotated",
      before: { retired: retired.map((r) => r.keyId) },
      after: created.publicKey,
      reason,
    });
    return created.publicKey;
  });
}

export async function getLogPublicKey(keyId: string, db: Db = getDb()) {
  const [row] = await db.select().from(logSigningKeys).where(eq(logSigningKeys.keyId, keyId));
  return row ? publicOf(row) : null;
}
