import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import bcrypt from "bcryptjs";
import { getDb, type Db } from "../client";
import { auditEvents, users } from "../schema";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/auth/permissions";
import type { Actor } from "./actor";

/** Password hashing cost: bcrypt with 2^11 rounds (~100 ms here). */
export const BCRYPT_ROUNDS = 11;

let dummy: string | undefined;
const dummyHash = () => (dummy ??= bcrypt.hashSync("not-a-password", BCRYPT_ROUNDS));

/** The work of one password check, spent where there is no hash to check (a locked attempt). */
export async function spendDummyCompare(password: string) {
  await bcrypt.compare(password, dummyHash());
}

/** Checks a password; the hash never leaves this module. */
export async function verifyCredentials(email: string, password: string, db: Db = getDb()) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale, active: users.active, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  // Compare against a dummy hash when the account is unknown, so timing does not reveal it.
  const ok = await bcrypt.compare(password, user?.passwordHash ?? dummyHash());
  if (!user || !user.active || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}

export async function listUsers(db: Db = getDb()) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, locale: users.locale, version: users.version, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email));
}

export async function getUserProfile(id: string, db: Db = getDb()) {
  const [u] = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale }).from(users).where(eq(users.id, id));
  return u ?? null;
}

export async function countUsers(db: Db = getDb()) {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row.n);
}

export async function createUser(input: { email: string; name: string; role: Role; password: string }, actor: Actor, db: Db = getDb()) {
  const passwordHash = await bcrypt.hash(input.password, BCRYPT_ROUNDS);
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email.toLowerCase()));
    if (exists) throw new InvalidInputError({ email: "emailTaken" });
    const [row] = await tx
      .insert(users)
      .values({ email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active });
    await tx.insert(auditEvents).values({ actorId: actor.id, actorEmail: actor.email, entity: "user", entityId: row.id, action: "created", after: row });
    return row;
  });
}

/** Changes a person's role or active flag; the last active admin cannot be removed. */
export async function updateUser(
  id: string,
  expectedVersion: number,
  change: { role: Role; active: boolean; name: string },
  actor: Actor,
  db: Db = getDb(),
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, version: users.version })
      .from(users)
      .where(eq(users.id, id));
    if (!before) throw new NotFoundError("User");
    if (before.version !== expectedVersion) throw new ConflictError("stale", { currentVersion: before.version, changes: [] });
    if (before.role === "admin" && before.active && (change.role !== "admin" || !change.active)) {
      const [{ n }] = await tx.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true)));
      if (Number(n) <= 1) throw new InvalidInputError({ role: "lastAdmin" });
    }
    const [after] = await tx
      .update(users)
      .set({ ...change, version: sql`${users.version} + 1` })
      .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, version: users.version });
    if (!after) throw new ConflictError("stale", { currentVersion: before.version + 1, changes: [] });
    await tx.insert(auditEvents).values({ actorId: actor.id, actorEmail: actor.email, entity: "user", entityId: id, action: "updated", before, after });
    return after;
  });
}

export async function setUserLocale(id: string, locale: string, db: Db = getDb()) {
  await db.update(users).set({ locale }).where(eq(users.id, id));
}

export async function setUserPassword(email: string, password: string, db: Db = getDb()) {
  const passwordHash = await bcrypt.hash(password, BCRYPT_ROUNDS);
  const rows = await db.update(users).set({ passwordHash }).where(eq(users.email, email.toLowerCase())).returning({ id: users.id });
  return rows.length > 0;
}

export async function getUserLocaleByEmail(email: string, db: Db = getDb()) {
  const [u] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return u?.locale ?? null;
}
