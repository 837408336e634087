import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../test-db";
import { SEED_PUBLICATION, seedPolicyFacts } from "../seed";
import { catalogueVersions, policyPublications, processingPurposes, purposeDataItems } from "../schema";
import { createCatalogueEntry, getCatalogueEntry, getCatalogueHistory, setCatalogueEntryArchived, updateCatalogueEntry } from "./catalogue";
import { createPurpose, getPurpose, listPurposes, setPurposeArchived, updatePurpose } from "./purposes";
import { createCalendarDay, loadWorkingCalendar, setCalendarDayArchived } from "./calendars";
import { loadRecordOfProcessing } from "./record";
import { currentPolicySnapshot, getPublication, latestPublication, listPublications, publishPolicy } from "./publications";
import { lintRecord } from "@/lib/lint/rules";
import { comparePolicies } from "@/lib/policy/compare";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { purposeInput, type PurposeInput } from "@/lib/validation/purpose";
import { calendarDayInput, catalogueCreateInput, catalogueUpdateInput } from "@/lib/validation/catalogue";
import { addWorkingDays, isWorkingDay } from "@/lib/rules/working-days";
import { KZ_SEED_CALENDAR } from "@/lib/rules/holidays-seed";

let t: TestDb;
const dpo = { id: null, email: "dpo@qplus.local" };
const other = { id: null, email: "second-dpo@qplus.local" };

beforeAll(async () => {
  t = await createTestDb();
  await seedPolicyFacts(t.db);
});
afterAll(async () => t?.close());

/** A purpose's current content as form input, to edit one field at a time. */
async function inputOf(code: string): Promise<PurposeInput> {
  const p = (await getPurpose(code, t.db))!;
  return purposeInput.parse({ ...p, dataItemKeys: p.dataItemKeys });
}

describe("the seeded record of processing", () => {
  it("holds the thirteen purposes, each with version 1 in catalogue_versions", async () => {
    const purposes = await listPurposes(t.db);
    expect(purposes.map((p) => p.code)).toEqual(["V1", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12"]);
    const versions = await t.db.select().from(catalogueVersions).where(eq(catalogueVersions.entity, "purpose"));
    expect(versions).toHaveLength(13);
    expect(versions.every((v) => v.version === 1 && v.change === "created")).toBe(true);
  });

  it("lists the policy's two ambiguities (C12, V1) in the lint", async () => {
    const problems = lintRecord({ ...(await loadRecordOfProcessing(t.db)), today: "2026-06-01" });
    const about = (ruleId: string) => problems.filter((p) => p.ruleId === ruleId).map((p) => (p.entity.kind === "purpose" ? p.entity.code : p.entity.name.en));
    expect(about("D1-DELETION-BEFORE-RETENTION")).toEqual(["C12"]);
    expect(about("D3-RETENTION-FROM-MISSING-CONTRACT")).toEqual(["V1"]);
    expect(about("B1").sort()).toEqual(["Key Business Solutions LLC", "QIWI JSC"]);
    expect(about("B2")).toEqual(["C8"]);
  });

  it("publishes edition 1.0 from the seed, once", async () => {
    await seedPolicyFacts(t.db);
    const all = await listPublications(t.db);
    expect(all.map((p) => p.version)).toEqual(["1.0"]);
    const first = await getPublication("1.0", t.db);
    expect(first?.publishedOn).toBe(SEED_PUBLICATION.publishedOn);
    expect(first?.snapshot.purposes.map((p) => p.code)).toHaveLength(13);
    expect(first?.snapshot.recipients).toHaveLength(7);
    const c12 = first!.snapshot.purposes.find((p) => p.code === "C12")!;
    expect(c12.deletion).toEqual({ event: "contract-end", delayYears: 0 });
    expect(c12.recipientKeys).toEqual(["qiwi-jsc"]);
    expect(c12.name.kk).toContain("Басқарушылық есептілікті");
    // Read back from jsonb, the edition still equals the register it was frozen from.
    expect(comparePolicies(first!.snapshot, await currentPolicySnapshot(t.db)).differences).toBe(0);
  });
});

describe("the purposes register", () => {
  it("edits C12's deletion with a new version and a diff; the lint entry disappears", async () => {
    const c12 = (await getPurpose("C12", t.db))!;
    await updatePurpose("C12", c12.version, { ...(await inputOf("C12")), deletionDelayYears: 3 }, dpo, "no earlier than retention", t.db);
    const [latest] = await getCatalogueHistory("purpose", "C12", t.db);
    expect(latest).toMatchObject({ version: 2, change: "updated", changedByEmail: dpo.email, reason: "no earlier than retention" });
    expect(latest.changes).toEqual([{ field: "deletionDelayYears", before: 0, after: 3 }]);
    const problems = lintRecord({ ...(await loadRecordOfProcessing(t.db)), today: "2026-06-01" });
    expect(problems.filter((p) => p.ruleId === "D1-DELETION-BEFORE-RETENTION")).toEqual([]);
  });

  it("refuses a stale save and writes nothing", async () => {
    const c7 = (await getPurpose("C7", t.db))!;
    await updatePurpose("C7", c7.version, { ...(await inputOf("C7")), responsiblePerson: "Dana" }, other, null, t.db);
    const stale = updatePurpose("C7", c7.version, { ...(await inputOf("C7")), securityMeasures: "TLS" }, dpo, null, t.db);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(((await stale.catch((e) => e)) as ConflictError).details.changes).toEqual([{ field: "responsiblePerson", before: null, after: "Dana" }]);
    expect((await getPurpose("C7", t.db))?.securityMeasures).toBeNull();
  });

  it("refuses unknown references with field errors, writing nothing", async () => {
    const bad = { ...(await inputOf("C1")), code: "C99", dataItemKeys: ["contact: carrier pigeon"], retentionLawCodes: ["NOPE-1"] };
    await expect(createPurpose(bad, dpo, null, t.db)).rejects.toMatchObject({ fieldErrors: { dataItemKeys: "unknownDataItem", retentionLawCodes: "unknownReference" } });
    expect(await getPurpose("C99", t.db)).toBeNull();
    expect(await t.db.select().from(purposeDataItems).where(eq(purposeDataItems.purposeCode, "C99"))).toEqual([]);
  });

  it("will not archive a purpose that recipients serve, and says which", async () => {
    const c3 = (await getPurpose("C3", t.db))!;
    const refused = setPurposeArchived("C3", c3.version, true, dpo, "merged", t.db);
    await expect(refused).rejects.toBeInstanceOf(InvalidInputError);
    expect(((await refused.catch((e) => e)) as InvalidInputError).fieldErrors).toEqual({
      reason: "stillReferenced",
      referencedBy: "Counterparties; Halyk Bank of Kazakhstan JSC",
    });
    expect((await getPurpose("C3", t.db))?.status).toBe("active");
  });

  it("creates, archives and restores a purpose nobody serves", async () => {
    const created = await createPurpose({ ...(await inputOf("C7")), code: "C13", nameEn: "Loyalty programme" }, dpo, "new", t.db);
    expect(created.version).toBe(1);
    const archived = await setPurposeArchived("C13", 1, true, dpo, "not launched", t.db);
    expect(archived.status).toBe("archived");
    await expect(updatePurpose("C13", 2, await inputOf("C13"), dpo, null, t.db)).rejects.toBeInstanceOf(ConflictError);
    const restored = await setPurposeArchived("C13", 2, false, dpo, "launched after all", t.db);
    expect(restored).toMatchObject({ status: "active", version: 3 });
    expect((await getCatalogueHistory("purpose", "C13", t.db)).map((h) => h.change)).toEqual(["restored", "archived", "created"]);
  });
});

describe("the data catalogue", () => {
  it("adds a legal reference and an item, versioned", async () => {
    await createCatalogueEntry(catalogueCreateInput.parse({ entity: "legal-reference", data: { code: "TAX-48", titleEn: "Tax Code art. 48", years: "5" } }), dpo, null, t.db);
    await createCatalogueEntry(catalogueCreateInput.parse({ entity: "data-item", data: { categoryKey: "contact", nameEn: "postal address", nameRu: "почтовый адрес" } }), dpo, null, t.db);
    expect(await getCatalogueEntry("legal-reference", "TAX-48", t.db)).toMatchObject({ years: 5, version: 1, status: "active" });
    expect(await getCatalogueEntry("data-item", "contact: postal address", t.db)).toMatchObject({ nameRu: "почтовый адрес", directIdentifier: false });
    const [v1] = await getCatalogueHistory("data-item", "contact: postal address", t.db);
    expect(v1).toMatchObject({ version: 1, change: "created", changedByEmail: dpo.email });
  });

  it("refuses a duplicate key", async () => {
    const dup = catalogueCreateInput.parse({ entity: "data-category", data: { key: "contact", nameEn: "Contacts again" } });
    await expect(createCatalogueEntry(dup, dpo, null, t.db)).rejects.toMatchObject({ fieldErrors: { key: "keyTaken" } });
  });

  it("renames a processing action with a diff, and refuses a stale rename", async () => {
    const storage = (await getCatalogueEntry("processing-action", "storage", t.db))!;
    const input = catalogueUpdateInput.parse({ entity: "processing-action", key: "storage", expectedVersion: storage.version, reason: "wording", data: { key: "storage", nameEn: "Storage", nameKk: "сақтау", nameRu: "хранение данных" } });
    await updateCatalogueEntry(input, dpo, t.db);
    const [latest] = await getCatalogueHistory("processing-action", "storage", t.db);
    expect(latest.changes).toEqual([{ field: "nameRu", before: "хранение", after: "хранение данных" }]);
    await expect(updateCatalogueEntry(input, other, t.db)).rejects.toBeInstanceOf(ConflictError);
  });

  it("will not archive what the register still uses, and lists where", async () => {
    const phone = (await getCatalogueEntry("data-item", "contact: phone", t.db))!;
    const refused = setCatalogueEntryArchived({ entity: "data-item", key: "contact: phone", archived: true, expectedVersion: phone.version, reason: "obsolete" }, dpo, t.db);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { reason: "stillReferenced", referencedBy: "C11; C12; C2; C3; C4; C5; C6; C8; C9; C10".split("; ").sort().join("; ") } });
    const ru = (await getCatalogueEntry("country", "RU", t.db))!;
    await expect(setCatalogueEntryArchived({ entity: "country", key: "RU", archived: true, expectedVersion: ru.version, reason: "x".repeat(3) }, dpo, t.db)).rejects.toMatchObject({
      fieldErrors: { referencedBy: "Key Business Solutions LLC; QIWI JSC" },
    });
    const aml = (await getCatalogueEntry("legal-reference", "AML-11-4", t.db))!;
    await expect(setCatalogueEntryArchived({ entity: "legal-reference", key: "AML-11-4", archived: true, expectedVersion: aml.version, reason: "gone" }, dpo, t.db)).rejects.toMatchObject({
      fieldErrors: { reason: "stillReferenced" },
    });
  });

  it("archives an unused item; the register keeps the row and its versions", async () => {
    const item = (await getCatalogueEntry("data-item", "contact: postal address", t.db))!;
    await setCatalogueEntryArchived({ entity: "data-item", key: "contact: postal address", archived: true, expectedVersion: item.version, reason: "not collected" }, dpo, t.db);
    expect(await getCatalogueEntry("data-item", "contact: postal address", t.db)).toMatchObject({ status: "archived", version: 2 });
    expect((await getCatalogueHistory("data-item", "contact: postal address", t.db)).map((h) => h.change)).toEqual(["archived", "created"]);
  });
});

describe("countries and calendars", () => {
  it("builds the working calendar from the table, as the seed calendar says", async () => {
    const kz = await loadWorkingCalendar("KZ", t.db);
    for (const day of ["2026-03-23", "2026-03-24", "2026-05-11", "2026-05-12", "2026-01-03", "2025-01-05"]) {
      expect(isWorkingDay(day, kz), day).toBe(isWorkingDay(day, KZ_SEED_CALENDAR));
    }
    expect(addWorkingDays("2026-03-20", 3, kz)).toBe("2026-03-30");
    expect(kz.coversYears).toEqual([2025, 2026]);
  });

  it("counts a day the DPO adds, and stops counting it once archived", async () => {
    const day = calendarDayInput.parse({ countryCode: "KZ", date: "2026-06-17", kind: "holiday", name: "Test holiday", source: "test" });
    await createCalendarDay(day, dpo, null, t.db);
    expect(isWorkingDay("2026-06-17", await loadWorkingCalendar("KZ", t.db))).toBe(false);
    await expect(createCalendarDay(day, dpo, null, t.db)).rejects.toMatchObject({ fieldErrors: { date: "dayTaken" } });
    await setCalendarDayArchived({ countryCode: "KZ", date: "2026-06-17", archived: true, expectedVersion: 1, reason: "entered by mistake" }, dpo, t.db);
    expect(isWorkingDay("2026-06-17", await loadWorkingCalendar("KZ", t.db))).toBe(true);
    expect((await getCatalogueHistory("calendar-day", "KZ:2026-06-17", t.db)).map((h) => h.change)).toEqual(["archived", "created"]);
  });

  it("records a country's adequacy with its source", async () => {
    const ru = (await getCatalogueEntry("country", "RU", t.db))!;
    const input = catalogueUpdateInput.parse({
      entity: "country",
      key: "RU",
      expectedVersion: ru.version,
      data: { code: "RU", nameEn: "Russia", nameKk: "Ресей", nameRu: "Россия", kzAdequate: "", rknAdequate: "yes", rknAdequacySource: "RU-152 (own country)", rknAdequacyAsOf: "2026-01-01", convention108: "yes" },
    });
    await updateCatalogueEntry(input, dpo, t.db);
    expect(await getCatalogueEntry("country", "RU", t.db)).toMatchObject({ rknAdequate: true, convention108: true, kzAdequate: null });
    expect(() => catalogueUpdateInput.parse({ ...input, data: { ...input.data, kzAdequate: "yes", kzAdequacySource: "" } })).toThrow(/sourceRequired/);
  });
});

describe("published editions", () => {
  it("publishes 1.1 from the register, refuses a taken or lower number, and compares with 1.0", async () => {
    const row = await publishPolicy({ version: "1.1", publishedOn: "2026-06-01" }, dpo, t.db);
    expect(row.version).toBe("1.1");
    await expect(publishPolicy({ version: "1.1", publishedOn: "2026-06-02" }, dpo, t.db)).rejects.toMatchObject({ fieldErrors: { version: "versionTaken" } });
    await expect(publishPolicy({ version: "0.9", publishedOn: "2026-06-02" }, dpo, t.db)).rejects.toMatchObject({ fieldErrors: { version: "versionNotIncreasing" } });
    expect((await latestPublication(t.db))?.version).toBe("1.1");
    const diff = comparePolicies((await getPublication("1.0", t.db))!.snapshot, (await getPublication("1.1", t.db))!.snapshot);
    const c12 = diff.purposes.find((p) => p.key === "C12")!;
    expect(c12).toMatchObject({ change: "changed", fields: ["deletion"] });
    expect(diff.purposes.find((p) => p.key === "C13")?.change).toBe("added");
  });

  it("is append-only in the database, even for the owner", async () => {
    // drizzle wraps the database's error; the trigger's message is its cause.
    const refusal = (e: unknown) => /append-only/.test(String((e as { cause?: Error }).cause?.message ?? (e as Error).message));
    await expect(t.owner.execute(sql`update policy_publications set published_on = '2020-01-01' where version = '1.0'`)).rejects.toSatisfy(refusal);
    await expect(t.owner.delete(policyPublications).where(eq(policyPublications.version, "1.0"))).rejects.toSatisfy(refusal);
    expect((await getPublication("1.0", t.db))?.publishedOn).toBe("2025-12-15");
    expect(await t.db.select().from(processingPurposes).where(eq(processingPurposes.code, "C12"))).toHaveLength(1);
  });
});
