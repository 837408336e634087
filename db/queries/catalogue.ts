import "server-only";
import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import {
  catalogueVersions,
  countries,
  countryCalendarDays,
  dataCategories,
  dataItems,
  legalReferences,
  processingActions,
  processingPurposes,
  purposeDataItems,
  recipients,
  subjectCategories,
} from "../schema";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { diffSnapshots } from "@/lib/registry/diff";
import type { CatalogueCreateInput, CatalogueEntity, CatalogueUpdateInput } from "@/lib/validation/catalogue";
import type { Actor } from "./actor";

/** Every entity whose versions live in catalogue_versions. */
export type VersionedEntity = CatalogueEntity | "purpose" | "calendar-day";
type Change = "created" | "updated" | "archived" | "restored";

/** What a version stores: every field the DPO edits (the row without its version counter and timestamp). */
export function catalogueSnapshot<T extends Record<string, unknown>>(row: T): Omit<T, "version" | "updatedAt"> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { version, updatedAt, ...fields } = row;
  return fields;
}

/** Writes one version row; called inside the transaction that made the change. */
export async function recordVersion(
  tx: Tx | Db,
  v: { entity: VersionedEntity; key: string; version: number; change: Change; snapshot: object; reason: string | null; actor: Actor },
) {
  await tx.insert(catalogueVersions).values({
    entity: v.entity,
    entityKey: v.key,
    version: v.version,
    change: v.change,
    snapshot: v.snapshot,
    reason: v.reason,
    changedBy: v.actor.id,
    changedByEmail: v.actor.email,
  });
}

/**
 * A write that matched no row: the entry is gone, archived, or someone saved in between.
 * Nothing was written; the ConflictError says what changed meanwhile.
 */
export async function refuseWrite(
  tx: Tx,
  entity: VersionedEntity,
  key: string,
  expectedVersion: number,
  current: { version: number; status: string } | undefined,
  what: string,
): Promise<never> {
  if (!current) throw new NotFoundError(what);
  if (current.version === expectedVersion && current.status === "archived") {
    throw new ConflictError("archived", { currentVersion: current.version, changes: [] });
  }
  const versions = await tx
    .select()
    .from(catalogueVersions)
    .where(and(eq(catalogueVersions.entity, entity), eq(catalogueVersions.entityKey, key), inArray(catalogueVersions.version, [expectedVersion, current.version])))
    .orderBy(asc(catalogueVersions.version));
  const [from, to] = versions;
  throw new ConflictError("stale", {
    currentVersion: current.version,
    changes: from && to ? diffSnapshots(from.snapshot as Record<string, unknown>, to.snapshot as Record<string, unknown>) : [],
    by: to?.changedByEmail,
    at: to?.changedAt.toISOString(),
  });
}

/** Every version of one entry, newest first, each with its field-level diff against the one before. */
export async function getCatalogueHistory(entity: VersionedEntity, key: string, db: Db = getDb()) {
  const versions = await db
    .select()
    .from(catalogueVersions)
    .where(and(eq(catalogueVersions.entity, entity), eq(catalogueVersions.entityKey, key)))
    .orderBy(asc(catalogueVersions.version));
  return versions
    .map((v, i) => ({
      version: v.version,
      change: v.change,
      reason: v.reason,
      changedByEmail: v.changedByEmail,
      changedAt: v.changedAt,
      changes: diffSnapshots(i > 0 ? (versions[i - 1].snapshot as Record<string, unknown>) : null, v.snapshot as Record<string, unknown>),
    }))
    .reverse();
}
export type CatalogueHistory = Awaited<ReturnType<typeof getCatalogueHistory>>;

// The catalogues share their bookkeeping columns (status, version, updated_at); one table's type
// stands for all of them in the generic writes below, each entity naming its own table and key.
type AnyCatalogueTable = typeof dataCategories;
const TABLES: Record<CatalogueEntity, { table: unknown; key: unknown; what: string }> = {
  "data-category": { table: dataCategories, key: dataCategories.key, what: "Data category" },
  "data-item": { table: dataItems, key: dataItems.key, what: "Data item" },
  "subject-category": { table: subjectCategories, key: subjectCategories.key, what: "Subject category" },
  "processing-action": { table: processingActions, key: processingActions.key, what: "Processing action" },
  "legal-reference": { table: legalReferences, key: legalReferences.code, what: "Legal reference" },
  country: { table: countries, key: countries.code, what: "Country" },
};
function tableOf(entity: CatalogueEntity) {
  const t = TABLES[entity];
  return { table: t.table as AnyCatalogueTable, key: t.key as AnyCatalogueTable["key"], what: t.what };
}

/** The data catalogue for its page: categories with items, subject categories, actions, references. */
export async function getCatalogueOverview(db: Db = getDb()) {
  const [categories, items, subjects, actions, references, itemUse] = await Promise.all([
    db.select().from(dataCategories).orderBy(asc(dataCategories.position), asc(dataCategories.key)),
    db.select().from(dataItems).orderBy(asc(dataItems.key)),
    db.select().from(subjectCategories).orderBy(asc(subjectCategories.key)),
    db.select().from(processingActions).orderBy(asc(processingActions.position)),
    db.select().from(legalReferences).orderBy(asc(legalReferences.code)),
    db
      .select({ key: purposeDataItems.itemKey, n: count() })
      .from(purposeDataItems)
      .innerJoin(processingPurposes, eq(processingPurposes.code, purposeDataItems.purposeCode))
      .where(eq(processingPurposes.status, "active"))
      .groupBy(purposeDataItems.itemKey),
  ]);
  const uses = new Map(itemUse.map((u) => [u.key, Number(u.n)]));
  return { categories, items: items.map((i) => ({ ...i, purposeCount: uses.get(i.key) ?? 0 })), subjects, actions, references };
}

export async function getCatalogueEntry(entity: CatalogueEntity, key: string, db: Db = getDb()) {
  const { table, key: keyColumn } = tableOf(entity);
  const [row] = await db.select().from(table).where(eq(keyColumn, key));
  return (row as Record<string, unknown> & { version: number; status: "active" | "archived" }) ?? null;
}

/**
 * Data items' names in the three languages by key (archived ones too: old records still name
 * them). With keys, only those; records keep the keys, screens show the names.
 */
export async function dataItemNames(keys?: readonly string[], db: Db = getDb()) {
  if (keys && !keys.length) return new Map<string, { en: string; ru: string | null; kk: string | null }>();
  const rows = await db
    .select({ key: dataItems.key, en: dataItems.nameEn, ru: dataItems.nameRu, kk: dataItems.nameKk })
    .from(dataItems)
    .where(keys ? inArray(dataItems.key, [...keys]) : undefined);
  return new Map(rows.map((r) => [r.key, { en: r.en, ru: r.ru, kk: r.kk }]));
}

export async function processingActionNames(db: Db = getDb()) {
  return db.select().from(processingActions).orderBy(asc(processingActions.position));
}

/** The row a create or update writes, from validated input. */
function rowOf(input: CatalogueCreateInput | CatalogueUpdateInput): { key: string; values: Record<string, unknown> } {
  switch (input.entity) {
    case "data-category":
    case "subject-category":
    case "processing-action":
      return { key: input.data.key, values: { ...input.data } };
    case "data-item":
      // The key names the item as rules and logs do ("contact: phone"); it never changes afterwards.
      return { key: `${input.data.categoryKey}: ${input.data.nameEn}`, values: { ...input.data, key: `${input.data.categoryKey}: ${input.data.nameEn}` } };
    case "legal-reference":
    case "country":
      return { key: input.data.code, values: { ...input.data } };
  }
}

const KEY_FIELD: Record<CatalogueEntity, string> = {
  "data-category": "key",
  "data-item": "nameEn",
  "subject-category": "key",
  "processing-action": "key",
  "legal-reference": "code",
  country: "code",
};

export async function createCatalogueEntry(input: CatalogueCreateInput, actor: Actor, reason: string | null = null, db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const { table, key: keyColumn } = tableOf(input.entity);
    const { key, values } = rowOf(input);
    const [existing] = await tx.select({ version: table.version }).from(table).where(eq(keyColumn, key));
    if (existing) throw new InvalidInputError({ [KEY_FIELD[input.entity]]: "keyTaken" });
    if (input.entity === "data-item") await requireActiveCategory(tx, input.data.categoryKey);
    const [row] = await tx
      .insert(table)
      .values({ ...values, version: 1 } as never)
      .returning();
    const snapshot = catalogueSnapshot(row as unknown as Record<string, unknown>);
    await recordVersion(tx, { entity: input.entity, key, version: 1, change: "created", snapshot, reason, actor });
    return { key, version: 1 };
  });
}

export async function updateCatalogueEntry(input: CatalogueUpdateInput, actor: Actor, db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const { table, key: keyColumn, what } = tableOf(input.entity);
    const { key: keyFromData, values } = rowOf(input);
    const [current] = await tx.select().from(table).where(eq(keyColumn, input.key));
    const stored = current as unknown as (Record<string, unknown> & { version: number; status: string }) | undefined;
    if (input.entity === "data-item") {
      // Its key embeds the category, so an item stays in its category; the names may change.
      if (stored && stored.categoryKey !== input.data.categoryKey) throw new InvalidInputError({ categoryKey: "immutable" });
      delete values.categoryKey;
    } else if (keyFromData !== input.key) {
      throw new InvalidInputError({ [KEY_FIELD[input.entity]]: "immutable" });
    }
    delete values.key;
    delete values.code;
    const [row] = await tx
      .update(table)
      .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
      .where(and(eq(keyColumn, input.key), eq(table.version, input.expectedVersion), ne(table.status, "archived")))
      .returning();
    if (!row) return await refuseWrite(tx, input.entity, input.key, input.expectedVersion, stored, what);
    await recordVersion(tx, { entity: input.entity, key: input.key, version: row.version, change: "updated", snapshot: catalogueSnapshot(row as unknown as Record<string, unknown>), reason: input.reason, actor });
    return { key: input.key, version: row.version };
  });
}

/**
 * Archives (never deletes) or restores an entry. An entry still referenced by current entries
 * cannot be archived: the field error lists where it is used.
 */
export async function setCatalogueEntryArchived(
  input: { entity: CatalogueEntity; key: string; archived: boolean; expectedVersion: number; reason: string },
  actor: Actor,
  db: Db = getDb(),
) {
  return db.transaction(async (tx) => {
    const { table, key: keyColumn, what } = tableOf(input.entity);
    if (input.archived) {
      const usedBy = await findReferences(tx, input.entity, input.key);
      if (usedBy.length) throw new InvalidInputError({ reason: "stillReferenced", referencedBy: usedBy.join("; ") });
    } else if (input.entity === "data-item") {
      const [item] = await tx.select({ categoryKey: dataItems.categoryKey }).from(dataItems).where(eq(dataItems.key, input.key));
      if (item) await requireActiveCategory(tx, item.categoryKey, "reason");
    }
    const [row] = await tx
      .update(table)
      .set({ status: input.archived ? "archived" : "active", version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
      .where(and(eq(keyColumn, input.key), eq(table.version, input.expectedVersion)))
      .returning();
    if (!row) {
      const [current] = await tx.select({ version: table.version, status: table.status }).from(table).where(eq(keyColumn, input.key));
      return await refuseWrite(tx, input.entity, input.key, input.expectedVersion, current, what);
    }
    await recordVersion(tx, {
      entity: input.entity,
      key: input.key,
      version: row.version,
      change: input.archived ? "archived" : "restored",
      snapshot: catalogueSnapshot(row as unknown as Record<string, unknown>),
      reason: input.reason,
      actor,
    });
    return { key: input.key, version: row.version, status: row.status };
  });
}

async function requireActiveCategory(tx: Tx, categoryKey: string, field = "categoryKey") {
  const [category] = await tx.select({ status: dataCategories.status }).from(dataCategories).where(eq(dataCategories.key, categoryKey));
  if (!category || category.status !== "active") throw new InvalidInputError({ [field]: "unknownCategory" });
}

/** Current entries that use this one: what must change before it can be archived. */
async function findReferences(tx: Tx, entity: CatalogueEntity, key: string): Promise<string[]> {
  const activePurposes = eq(processingPurposes.status, "active");
  const currentRecipients = ne(recipients.status, "archived");
  switch (entity) {
    case "data-category": {
      const rows = await tx.select({ key: dataItems.key }).from(dataItems).where(and(eq(dataItems.categoryKey, key), eq(dataItems.status, "active")));
      return rows.map((r) => r.key).sort();
    }
    case "data-item": {
      const rows = await tx
        .select({ code: processingPurposes.code })
        .from(purposeDataItems)
        .innerJoin(processingPurposes, eq(processingPurposes.code, purposeDataItems.purposeCode))
        .where(and(eq(purposeDataItems.itemKey, key), activePurposes));
      return rows.map((r) => r.code).sort();
    }
    case "subject-category": {
      const rows = await tx.select({ code: processingPurposes.code }).from(processingPurposes).where(and(eq(processingPurposes.subjectCategory, key), activePurposes));
      return rows.map((r) => r.code).sort();
    }
    case "legal-reference": {
      const rows = await tx
        .select({ code: processingPurposes.code })
        .from(processingPurposes)
        .where(
          and(
            activePurposes,
            sql`(${processingPurposes.retentionLawCodes} @> ${JSON.stringify([key])}::jsonb or ${processingPurposes.legalBases} @> ${JSON.stringify([{ referenceCode: key }])}::jsonb)`,
          ),
        );
      return rows.map((r) => r.code).sort();
    }
    case "processing-action": {
      const rows = await tx
        .select({ name: recipients.nameEn })
        .from(recipients)
        .where(and(currentRecipients, sql`${recipients.permittedActions} @> ${JSON.stringify([key])}::jsonb`));
      return rows.map((r) => r.name).sort();
    }
    case "country": {
      const rows = await tx.select({ name: recipients.nameEn }).from(recipients).where(and(currentRecipients, eq(recipients.countryCode, key)));
      return rows.map((r) => r.name).sort();
    }
  }
}

/** Countries for their list: facts and how many calendar days each keeps. */
export async function listCountries(db: Db = getDb()) {
  const [rows, days] = await Promise.all([
    db.select().from(countries).orderBy(asc(countries.nameEn)),
    db
      .select({ code: countryCalendarDays.countryCode, n: count() })
      .from(countryCalendarDays)
      .where(eq(countryCalendarDays.status, "active"))
      .groupBy(countryCalendarDays.countryCode),
  ]);
  const perCountry = new Map(days.map((d) => [d.code, Number(d.n)]));
  return rows.map((c) => ({ ...c, calendarDays: perCountry.get(c.code) ?? 0 }));
}
