import "server-only";
import crypto from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { apiTokens, auditEvents, users } from "../schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Actor } from "./actor";

/** Tokens look like "qpt_<43 chars>": the prefix makes leaked tokens easy to spot in scanners. */
export const TOKEN_PREFIX = "qpt_";

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export async function createApiToken(
  input: { name: string; kind: "service" | "personal"; userId: string | null; scopes: string[]; expiresAt: Date },
  actor: Actor,
  db: Db = getDb(),
) {
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ ...input, tokenHash: hashToken(token), prefix: token.slice(0, 10), createdBy: actor.id, createdByEmail: actor.email })
      .returning({ id: apiTokens.id, name: apiTokens.name, kind: apiTokens.kind, scopes: apiTokens.scopes, prefix: apiTokens.prefix, expiresAt: apiTokens.expiresAt });
    await tx.insert(auditEvents).values({ actorId: actor.id, actorEmail: actor.email, entity: "api-token", entityId: row.id, action: "created", after: row });
    // The secret is returned once, here, and never stored.
    return { ...row, token };
  });
}

/**
 * Revokes a token. With `only.ownerId`, only that person's own personal token: anyone else's is
 * "not found", so people cannot probe for other tokens' ids.
 */
export async function revokeApiToken(id: string, reason: string, actor: Actor, db: Db = getDb(), only?: { ownerId: string }) {
  const owned = only ? and(eq(apiTokens.kind, "personal"), eq(apiTokens.userId, only.ownerId)) : undefined;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt), owned))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (!row) {
      const [exists] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(and(eq(apiTokens.id, id), owned));
      if (!exists) throw new NotFoundError("Token");
      throw new ConflictError("already revoked", { currentVersion: 0, changes: [] });
    }
    await tx.insert(auditEvents).values({ actorId: actor.id, actorEmail: actor.email, entity: "api-token", entityId: id, action: "revoked", reason });
    return row;
  });
}

export async function listApiTokens(db: Db = getDb()) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      kind: apiTokens.kind,
      scopes: apiTokens.scopes,
      prefix: apiTokens.prefix,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      createdByEmail: apiTokens.createdByEmail,
      createdAt: apiTokens.createdAt,
      ownerEmail: users.email,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** A person's own personal tokens, newest first (never the hash). */
export async function listPersonalApiTokens(userId: string, db: Db = getDb()) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      kind: apiTokens.kind,
      scopes: apiTokens.scopes,
      prefix: apiTokens.prefix,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.kind, "personal")))
    .orderBy(desc(apiTokens.createdAt));
}

/**
 * Resolves a presented token to what it may do: null when unknown, expired or revoked. A
 * personal token is bounded by its owner's current role and active flag.
 */
export async function resolveApiToken(token: string, now = new Date(), db: Db = getDb()) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      kind: apiTokens.kind,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      ownerId: users.id,
      ownerEmail: users.email,
      ownerName: users.name,
      ownerRole: users.role,
      ownerActive: users.active,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (row.kind === "personal" && (!row.ownerId || !row.ownerActive)) return null;
  // Record use at most once a minute, so a busy ingestion client does not write on every call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
  }
  return row;
}
