import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import { countries, processingPurposes, recipientPurposes, recipients, recipientVersions } from "../schema";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { diffSnapshots } from "@/lib/registry/diff";
import type { RecipientInput, RecipientListQuery } from "@/lib/validation/recipient";
import type { Actor } from "./actor";

export type RecipientRow = typeof recipients.$inferSelect;
/** What a version stores: every field the DPO edits, plus the linked purposes. */
export type RecipientSnapshot = Omit<RecipientRow, "id" | "version" | "updatedAt" | "updatedBy"> & { linkedPurposeCodes: string[] };

function snapshotOf(row: RecipientRow, linkedPurposeCodes: string[]): RecipientSnapshot {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { id, version, updatedAt, updatedBy, ...fields } = row;
  return { ...fields, linkedPurposeCodes: [...linkedPurposeCodes].sort() };
}

const SORTS = {
  name: recipients.nameEn,
  country: recipients.countryCode,
  role: recipients.role,
  status: recipients.status,
  basis: recipients.basis,
  updatedAt: recipients.updatedAt,
} as const;

/** The register's list: server-side search, filters, sort and pagination. */
export async function listRecipients(query: RecipientListQuery, db: Db = getDb()) {
  const where: SQL[] = [];
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        ilike(recipients.nameEn, like),
        ilike(recipients.nameKk, like),
        ilike(recipients.nameRu, like),
        ilike(recipients.key, like),
        ilike(recipients.registrationNumber, like),
        sql`${recipients.transferPurposes}::text ilike ${like}`,
        sql`${recipients.transferPurposesKk}::text ilike ${like}`,
        sql`${recipients.transferPurposesRu}::text ilike ${like}`,
      )!,
    );
  }
  if (query.role) where.push(eq(recipients.role, query.role));
  if (query.crossBorder) where.push(eq(recipients.crossBorder, query.crossBorder === "yes"));
  if (query.country) where.push(eq(recipients.countryCode, query.country));
  if (query.basis) where.push(eq(recipients.basis, query.basis));
  // Archived entries stay in the register but out of the default view.
  const status = query.status ?? "current";
  if (status === "current") where.push(inArray(recipients.status, ["active", "suspended"]));
  else if (status !== "all") where.push(eq(recipients.status, status));

  const pageSize = query.pageSize ?? 25;
  const page = query.page ?? 1;
  const sortColumn = SORTS[query.sort ?? "name"];
  const order = query.dir === "desc" ? desc(sortColumn) : asc(sortColumn);
  const condition = where.length ? and(...where) : undefined;

  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: recipients.id,
        key: recipients.key,
        version: recipients.version,
        nameEn: recipients.nameEn,
        nameKk: recipients.nameKk,
        nameRu: recipients.nameRu,
        role: recipients.role,
        countryCode: recipients.countryCode,
        crossBorder: recipients.crossBorder,
        basis: recipients.basis,
        status: recipients.status,
        transferPurposes: recipients.transferPurposes,
        transferPurposesKk: recipients.transferPurposesKk,
        transferPurposesRu: recipients.transferPurposesRu,
        contractExpiresOn: recipients.contractExpiresOn,
        updatedAt: recipients.updatedAt,
      })
      .from(recipients)
      .where(condition)
      .orderBy(order, asc(recipients.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(recipients).where(condition),
  ]);
  return { rows, total: Number(total), page, pageSize };
}

export type RecipientListRow = Awaited<ReturnType<typeof listRecipients>>["rows"][number];

/** Every recipient, for downloads (the register is small: hundreds of rows at most). */
export async function exportRecipients(db: Db = getDb()) {
  const rows = await db.select().from(recipients).orderBy(asc(recipients.nameEn));
  const links = await db.select().from(recipientPurposes);
  return rows.map((r) => ({ id: r.id, version: r.version, ...snapshotOf(r, links.filter((l) => l.recipientId === r.id).map((l) => l.purposeCode)) }));
}

export async function getRecipient(id: string, db: Db = getDb()) {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(recipients).where(eq(recipients.id, id));
  if (!row) return null;
  const links = await db.select({ code: recipientPurposes.purposeCode }).from(recipientPurposes).where(eq(recipientPurposes.recipientId, id));
  return { ...row, linkedPurposeCodes: links.map((l) => l.code).sort() };
}

export type RecipientDetail = NonNullable<Awaited<ReturnType<typeof getRecipient>>>;

/** Every version, newest first, each with its field-level diff against the one before. */
export async function getRecipientHistory(id: string, db: Db = getDb()) {
  if (!isUuid(id)) return [];
  const versions = await db
    .select()
    .from(recipientVersions)
    .where(eq(recipientVersions.recipientId, id))
    .orderBy(asc(recipientVersions.version));
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

/** The recipient as it stood at one version — what approvals and logged transfers point at. */
export async function getRecipientVersion(id: string, version: number, db: Db = getDb()) {
  if (!isUuid(id)) return null;
  const [v] = await db
    .select()
    .from(recipientVersions)
    .where(and(eq(recipientVersions.recipientId, id), eq(recipientVersions.version, version)));
  return v ? { ...v, snapshot: v.snapshot as RecipientSnapshot } : null;
}

export async function createRecipient(
  input: RecipientInput & { key?: string | null },
  actor: Actor,
  reason: string | null = null,
  db: Db = getDb(),
) {
  return db.transaction(async (tx) => {
    await checkReferences(tx, input);
    const key = await uniqueKey(tx, input.key || slugify(input.nameEn));
    const { linkedPurposeCodes, key: _key, ...fields } = input; // eslint-disable-line @typescript-eslint/no-unused-vars
    const [row] = await tx
      .insert(recipients)
      .values({ ...fields, key, version: 1, updatedBy: actor.id })
      .returning();
    await writeLinks(tx, row.id, linkedPurposeCodes);
    await tx.insert(recipientVersions).values({
      recipientId: row.id,
      version: 1,
      change: "created",
      snapshot: snapshotOf(row, linkedPurposeCodes),
      reason,
      changedBy: actor.id,
      changedByEmail: actor.email,
    });
    return row;
  });
}

/**
 * Saves an edit that started from `expectedVersion`. If someone saved in between, nothing is
 * written and a ConflictError says what changed meanwhile, so the editor can redo their change.
 */
export async function updateRecipient(
  id: string,
  expectedVersion: number,
  input: RecipientInput,
  actor: Actor,
  reason: string | null,
  db: Db = getDb(),
) {
  return db.transaction(async (tx) => {
    await checkReferences(tx, input);
    const { linkedPurposeCodes, ...fields } = input;
    const [row] = await tx
      .update(recipients)
      .set({ ...fields, version: sql`${recipients.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
      .where(and(eq(recipients.id, id), eq(recipients.version, expectedVersion), sql`${recipients.status} <> 'archived'`))
      .returning();
    if (!row) return await explainRefusedWrite(tx, id, expectedVersion);
    await writeLinks(tx, id, linkedPurposeCodes);
    await tx.insert(recipientVersions).values({
      recipientId: id,
      version: row.version,
      change: "updated",
      snapshot: snapshotOf(row, linkedPurposeCodes),
      reason,
      changedBy: actor.id,
      changedByEmail: actor.email,
    });
    return row;
  });
}

/** Archives (never deletes) a recipient; archived entries take no new transfers. */
export async function setRecipientArchived(
  id: string,
  expectedVersion: number,
  archived: boolean,
  actor: Actor,
  reason: string,
  db: Db = getDb(),
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(recipients)
      .set({ status: archived ? "archived" : "active", version: sql`${recipients.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
      .where(and(eq(recipients.id, id), eq(recipients.version, expectedVersion)))
      .returning();
    if (!row) return await explainRefusedWrite(tx, id, expectedVersion);
    const links = await tx.select({ code: recipientPurposes.purposeCode }).from(recipientPurposes).where(eq(recipientPurposes.recipientId, id));
    await tx.insert(recipientVersions).values({
      recipientId: id,
      version: row.version,
      change: archived ? "archived" : "restored",
      snapshot: snapshotOf(row, links.map((l) => l.code)),
      reason,
      changedBy: actor.id,
      changedByEmail: actor.email,
    });
    return row;
  });
}

async function explainRefusedWrite(tx: Tx, id: string, expectedVersion: number): Promise<never> {
  const [current] = await tx.select({ version: recipients.version, status: recipients.status }).from(recipients).where(eq(recipients.id, id));
  if (!current) throw new NotFoundError("Recipient");
  if (current.version === expectedVersion && current.status === "archived") {
    throw new ConflictError("archived", { currentVersion: current.version, changes: [] });
  }
  const versions = await tx
    .select()
    .from(recipientVersions)
    .where(and(eq(recipientVersions.recipientId, id), inArray(recipientVersions.version, [expectedVersion, current.version])))
    .orderBy(asc(recipientVersions.version));
  const [from, to] = versions;
  throw new ConflictError("stale", {
    currentVersion: current.version,
    changes: from && to ? diffSnapshots(from.snapshot as Record<string, unknown>, to.snapshot as Record<string, unknown>) : [],
    by: to?.changedByEmail,
    at: to?.changedAt.toISOString(),
  });
}

async function checkReferences(tx: Tx, input: RecipientInput) {
  const errors: Record<string, string> = {};
  const [country] = await tx.select({ code: countries.code }).from(countries).where(eq(countries.code, input.countryCode));
  if (!country) errors.countryCode = "unknownCountry";
  if (input.linkedPurposeCodes.length) {
    const known = await tx
      .select({ code: processingPurposes.code })
      .from(processingPurposes)
      .where(inArray(processingPurposes.code, input.linkedPurposeCodes));
    if (known.length !== new Set(input.linkedPurposeCodes).size) errors.linkedPurposeCodes = "unknownPurpose";
  }
  if (Object.keys(errors).length) throw new InvalidInputError(errors);
}

async function writeLinks(tx: Tx, recipientId: string, codes: string[]) {
  // The link table mirrors the current version; earlier links live on in recipient_versions.
  await tx.delete(recipientPurposes).where(eq(recipientPurposes.recipientId, recipientId));
  const unique = [...new Set(codes)];
  if (unique.length) await tx.insert(recipientPurposes).values(unique.map((purposeCode) => ({ recipientId, purposeCode })));
}

async function uniqueKey(tx: Tx, base: string) {
  const stem = base || "recipient";
  const taken = await tx.select({ key: recipients.key }).from(recipients).where(ilike(recipients.key, `${stem}%`));
  const keys = new Set(taken.map((t) => t.key));
  if (!keys.has(stem)) return stem;
  for (let i = 2; ; i++) if (!keys.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

export function slugify(name: string) {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

function isUuid(id: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/** Options for the form: countries and purposes. */
export async function recipientFormOptions(db: Db = getDb()) {
  const [countryRows, purposeRows] = await Promise.all([
    db.select({ code: countries.code, nameEn: countries.nameEn, nameKk: countries.nameKk, nameRu: countries.nameRu }).from(countries).orderBy(asc(countries.nameEn)),
    db
      .select({ code: processingPurposes.code, nameEn: processingPurposes.nameEn, nameKk: processingPurposes.nameKk, nameRu: processingPurposes.nameRu })
      .from(processingPurposes)
      .where(eq(processingPurposes.status, "active")),
  ]);
  const order = (code: string) => (code.startsWith("V") ? 0 : 1) * 1000 + Number(code.slice(1));
  return { countries: countryRows, purposes: purposeRows.sort((a, b) => order(a.code) - order(b.code)) };
}

/** Recipients named by id or by key, for ingestion: the current version and what the rules need. */
export async function recipientsByIdOrKey(refs: string[], db: Db = getDb()) {
  const ids = refs.filter(isUuid);
  const keys = refs.filter((r) => !isUuid(r));
  if (!ids.length && !keys.length) return [];
  const conds = [];
  if (ids.length) conds.push(inArray(recipients.id, ids));
  if (keys.length) conds.push(inArray(recipients.key, keys));
  return db
    .select({ id: recipients.id, key: recipients.key, version: recipients.version, nameEn: recipients.nameEn, nameRu: recipients.nameRu, nameKk: recipients.nameKk, status: recipients.status, countryCode: recipients.countryCode })
    .from(recipients)
    .where(or(...conds));
}
