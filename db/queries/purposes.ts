import "server-only";
import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import { dataCategories, dataItems, legalReferences, processingPurposes, purposeDataItems, recipientPurposes, recipients, subjectCategories } from "../schema";
import { InvalidInputError } from "@/lib/errors";
import { comparePurposeCodes } from "@/lib/register/record";
import type { PurposeInput } from "@/lib/validation/purpose";
import type { Actor } from "./actor";
import { catalogueSnapshot, recordVersion, refuseWrite } from "./catalogue";

export type PurposeRow = typeof processingPurposes.$inferSelect;

/** What a purpose's version stores: every field the DPO edits, plus its data items. */
export function purposeSnapshot(row: PurposeRow, dataItemKeys: string[]) {
  return { ...catalogueSnapshot(row), dataItems: [...dataItemKeys].sort() };
}

/** The purposes register: every purpose with its subject category and counts, in the policy's order. */
export async function listPurposes(db: Db = getDb()) {
  const [rows, items, links] = await Promise.all([
    db
      .select({
        code: processingPurposes.code,
        version: processingPurposes.version,
        status: processingPurposes.status,
        nameEn: processingPurposes.nameEn,
        nameKk: processingPurposes.nameKk,
        nameRu: processingPurposes.nameRu,
        subjectCategory: processingPurposes.subjectCategory,
        subjectEn: subjectCategories.nameEn,
        subjectKk: subjectCategories.nameKk,
        subjectRu: subjectCategories.nameRu,
        retentionYears: processingPurposes.retentionYears,
        retentionFrom: processingPurposes.retentionFrom,
        retentionLawCodes: processingPurposes.retentionLawCodes,
        deletionEvent: processingPurposes.deletionEvent,
        deletionDelayYears: processingPurposes.deletionDelayYears,
        legalBases: processingPurposes.legalBases,
        isResearch: processingPurposes.isResearch,
        updatedAt: processingPurposes.updatedAt,
      })
      .from(processingPurposes)
      .innerJoin(subjectCategories, eq(subjectCategories.key, processingPurposes.subjectCategory)),
    db.select({ code: purposeDataItems.purposeCode, n: count() }).from(purposeDataItems).groupBy(purposeDataItems.purposeCode),
    db
      .select({ code: recipientPurposes.purposeCode, n: count() })
      .from(recipientPurposes)
      .innerJoin(recipients, eq(recipients.id, recipientPurposes.recipientId))
      .where(ne(recipients.status, "archived"))
      .groupBy(recipientPurposes.purposeCode),
  ]);
  const itemCount = new Map(items.map((i) => [i.code, Number(i.n)]));
  const recipientCount = new Map(links.map((l) => [l.code, Number(l.n)]));
  return rows
    .map((r) => ({ ...r, dataItemCount: itemCount.get(r.code) ?? 0, recipientCount: recipientCount.get(r.code) ?? 0 }))
    .sort((a, b) => comparePurposeCodes(a.code, b.code));
}

/** One purpose with its data items and the recipients linked to it (the recipients register's link, seen from here). */
export async function getPurpose(code: string, db: Db = getDb()) {
  const [row] = await db.select().from(processingPurposes).where(eq(processingPurposes.code, code));
  if (!row) return null;
  const [items, linked] = await Promise.all([
    db.select({ key: purposeDataItems.itemKey }).from(purposeDataItems).where(eq(purposeDataItems.purposeCode, code)),
    db
      .select({ id: recipients.id, nameEn: recipients.nameEn, nameKk: recipients.nameKk, nameRu: recipients.nameRu, status: recipients.status, countryCode: recipients.countryCode, role: recipients.role })
      .from(recipientPurposes)
      .innerJoin(recipients, eq(recipients.id, recipientPurposes.recipientId))
      .where(eq(recipientPurposes.purposeCode, code))
      .orderBy(asc(recipients.nameEn)),
  ]);
  return { ...row, dataItemKeys: items.map((i) => i.key).sort(), recipients: linked };
}
export type PurposeDetail = NonNullable<Awaited<ReturnType<typeof getPurpose>>>;

/** Choices for the purpose form: current subject categories, data items by category, legal references. */
export async function purposeFormOptions(db: Db = getDb()) {
  const [subjects, categories, items, references] = await Promise.all([
    db.select().from(subjectCategories).where(eq(subjectCategories.status, "active")).orderBy(asc(subjectCategories.key)),
    db.select().from(dataCategories).where(eq(dataCategories.status, "active")).orderBy(asc(dataCategories.position), asc(dataCategories.key)),
    db.select().from(dataItems).where(eq(dataItems.status, "active")).orderBy(asc(dataItems.key)),
    db.select().from(legalReferences).where(eq(legalReferences.status, "active")).orderBy(asc(legalReferences.code)),
  ]);
  return { subjects, categories, items, references };
}

export async function createPurpose(input: PurposeInput, actor: Actor, reason: string | null = null, db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ code: processingPurposes.code }).from(processingPurposes).where(eq(processingPurposes.code, input.code));
    if (existing) throw new InvalidInputError({ code: "keyTaken" });
    await checkReferences(tx, input, []);
    const { dataItemKeys, ...fields } = input;
    const [row] = await tx.insert(processingPurposes).values({ ...fields, version: 1 }).returning();
    await writeItems(tx, row.code, dataItemKeys);
    await recordVersion(tx, { entity: "purpose", key: row.code, version: 1, change: "created", snapshot: purposeSnapshot(row, dataItemKeys), reason, actor });
    return row;
  });
}

/**
 * Saves an edit that started from `expectedVersion`; a stale save writes nothing and says what
 * changed meanwhile. The code is the purpose's identity (recipients and logs refer to it).
 */
export async function updatePurpose(code: string, expectedVersion: number, input: PurposeInput, actor: Actor, reason: string | null, db: Db = getDb()) {
  return db.transaction(async (tx) => {
    if (input.code !== code) throw new InvalidInputError({ code: "immutable" });
    const current = await tx.select({ key: purposeDataItems.itemKey }).from(purposeDataItems).where(eq(purposeDataItems.purposeCode, code));
    await checkReferences(tx, input, current.map((c) => c.key));
    const { dataItemKeys, code: _code, ...fields } = input; // eslint-disable-line @typescript-eslint/no-unused-vars
    const [row] = await tx
      .update(processingPurposes)
      .set({ ...fields, version: sql`${processingPurposes.version} + 1`, updatedAt: new Date() })
      .where(and(eq(processingPurposes.code, code), eq(processingPurposes.version, expectedVersion), ne(processingPurposes.status, "archived")))
      .returning();
    if (!row) {
      const [stored] = await tx.select({ version: processingPurposes.version, status: processingPurposes.status }).from(processingPurposes).where(eq(processingPurposes.code, code));
      return await refuseWrite(tx, "purpose", code, expectedVersion, stored, "Purpose");
    }
    await writeItems(tx, code, dataItemKeys);
    await recordVersion(tx, { entity: "purpose", key: code, version: row.version, change: "updated", snapshot: purposeSnapshot(row, dataItemKeys), reason, actor });
    return row;
  });
}

/**
 * Archives (never deletes) or restores a purpose. A purpose that current recipients still serve
 * cannot be archived: the field error lists them (unlink it in each recipient first).
 */
export async function setPurposeArchived(code: string, expectedVersion: number, archived: boolean, actor: Actor, reason: string, db: Db = getDb()) {
  return db.transaction(async (tx) => {
    if (archived) {
      const users = await tx
        .select({ name: recipients.nameEn })
        .from(recipientPurposes)
        .innerJoin(recipients, eq(recipients.id, recipientPurposes.recipientId))
        .where(and(eq(recipientPurposes.purposeCode, code), ne(recipients.status, "archived")))
        .orderBy(asc(recipients.nameEn));
      if (users.length) throw new InvalidInputError({ reason: "stillReferenced", referencedBy: users.map((u) => u.name).join("; ") });
    }
    const [row] = await tx
      .update(processingPurposes)
      .set({ status: archived ? "archived" : "active", version: sql`${processingPurposes.version} + 1`, updatedAt: new Date() })
      .where(and(eq(processingPurposes.code, code), eq(processingPurposes.version, expectedVersion)))
      .returning();
    if (!row) {
      const [stored] = await tx.select({ version: processingPurposes.version, status: processingPurposes.status }).from(processingPurposes).where(eq(processingPurposes.code, code));
      return await refuseWrite(tx, "purpose", code, expectedVersion, stored, "Purpose");
    }
    const items = await tx.select({ key: purposeDataItems.itemKey }).from(purposeDataItems).where(eq(purposeDataItems.purposeCode, code));
    await recordVersion(tx, {
      entity: "purpose",
      key: code,
      version: row.version,
      change: archived ? "archived" : "restored",
      snapshot: purposeSnapshot(row, items.map((i) => i.key)),
      reason,
      actor,
    });
    return row;
  });
}

/** Everything a purpose points at must exist and be current (items it already had may stay). */
async function checkReferences(tx: Tx, input: PurposeInput, currentItems: string[]) {
  const errors: Record<string, string> = {};
  const [subject] = await tx.select({ status: subjectCategories.status }).from(subjectCategories).where(eq(subjectCategories.key, input.subjectCategory));
  if (!subject || subject.status !== "active") errors.subjectCategory = "unknownSubjectCategory";
  const itemKeys = [...new Set(input.dataItemKeys)];
  const items = await tx.select({ key: dataItems.key, status: dataItems.status }).from(dataItems).where(inArray(dataItems.key, itemKeys));
  const usable = new Set(items.filter((i) => i.status === "active" || currentItems.includes(i.key)).map((i) => i.key));
  if (itemKeys.some((k) => !usable.has(k))) errors.dataItemKeys = "unknownDataItem";
  const codes = [...new Set([...input.retentionLawCodes, ...input.legalBases.flatMap((b) => (b.referenceCode ? [b.referenceCode] : []))])];
  if (codes.length) {
    const known = await tx.select({ code: legalReferences.code, status: legalReferences.status }).from(legalReferences).where(inArray(legalReferences.code, codes));
    const active = new Set(known.filter((k) => k.status === "active").map((k) => k.code));
    if (input.retentionLawCodes.some((c) => !active.has(c))) errors.retentionLawCodes = "unknownReference";
    if (input.legalBases.some((b) => b.referenceCode && !active.has(b.referenceCode))) errors.legalBases = "unknownReference";
  }
  if (Object.keys(errors).length) throw new InvalidInputError(errors);
}

async function writeItems(tx: Tx, code: string, keys: string[]) {
  // The link table mirrors the current version; earlier lists live on in catalogue_versions.
  await tx.delete(purposeDataItems).where(eq(purposeDataItems.purposeCode, code));
  const unique = [...new Set(keys)];
  if (unique.length) await tx.insert(purposeDataItems).values(unique.map((itemKey) => ({ purposeCode: code, itemKey })));
}
