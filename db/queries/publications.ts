import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { policyPublications } from "../schema";
import { InvalidInputError } from "@/lib/errors";
import { buildPolicySnapshot, type PolicySnapshot } from "@/lib/policy/snapshot";
import { compareVersions } from "@/lib/policy/compare";
import type { PublishPolicyInput } from "@/lib/validation/publication";
import type { Actor } from "./actor";
import { loadRecordOfProcessing } from "./record";

/** Every edition, newest first (without the snapshots). */
export async function listPublications(db: Db = getDb()) {
  const rows = await db
    .select({ version: policyPublications.version, publishedOn: policyPublications.publishedOn, publishedByEmail: policyPublications.publishedByEmail, publishedAt: policyPublications.publishedAt })
    .from(policyPublications);
  return rows.sort((a, b) => compareVersions(b.version, a.version));
}

/** One edition with its frozen content. */
export async function getPublication(version: string, db: Db = getDb()) {
  const [row] = await db.select().from(policyPublications).where(eq(policyPublications.version, version));
  return row ? { ...row, snapshot: row.snapshot as PolicySnapshot } : null;
}

/** The edition in force: the highest version number. */
export async function latestPublication(db: Db = getDb()) {
  const all = await listPublications(db);
  return all.length ? getPublication(all[0].version, db) : null;
}

/** What an edition published now would contain. */
export async function currentPolicySnapshot(db: Db = getDb()): Promise<PolicySnapshot> {
  return buildPolicySnapshot(await loadRecordOfProcessing(db));
}

/**
 * Publishes a new edition: the register's purposes and recipients as they stand, frozen under a
 * version number higher than every earlier one. The table is append-only (a trigger refuses
 * UPDATE and DELETE), so an edition, once published, never changes.
 */
export async function publishPolicy(input: PublishPolicyInput, actor: Actor, db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ version: policyPublications.version }).from(policyPublications);
    if (existing.some((e) => e.version === input.version)) throw new InvalidInputError({ version: "versionTaken" });
    if (existing.some((e) => compareVersions(e.version, input.version) > 0)) throw new InvalidInputError({ version: "versionNotIncreasing" });
    const snapshot = buildPolicySnapshot(await loadRecordOfProcessing(tx as unknown as Db));
    const [row] = await tx
      .insert(policyPublications)
      .values({ version: input.version, publishedOn: input.publishedOn, snapshot, publishedBy: actor.id, publishedByEmail: actor.email })
      .returning({ version: policyPublications.version, publishedOn: policyPublications.publishedOn, publishedAt: policyPublications.publishedAt });
    return row;
  });
}
