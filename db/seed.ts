import { count } from "drizzle-orm";
import bcrypt from "bcryptjs";
import { getDb, type Db } from "./client";
import {
  catalogueVersions,
  countries,
  countryCalendarDays,
  dataCategories,
  policyPublications,
  dataItems,
  legalReferences,
  processingActions,
  processingPurposes,
  purposeDataItems,
  recipients,
  subjectCategories,
  users,
  type LegalBasis,
} from "./schema";
import { channelsBySubjectCategory, dataCategoryNames, dataItemNames, legalReferenceFacts, purposesWithAmlBasis, researchPurposeCodes, subjectCategoryFacts } from "./seed-data/catalogue";
import { KZ_CALENDAR_ENTRIES, RU_CALENDAR_ENTRIES } from "@/lib/rules/holidays-seed";
import { isDirectIdentifier } from "@/lib/rules/legal-facts";
import { createRecipient } from "./queries/recipients";
import { SYSTEM_ACTOR } from "./queries/actor";
import { recipientInput } from "@/lib/validation/recipient";
import { policyV1 } from "./seed-data/policy-v1";
import { purposeNamesKk, purposeNamesRu, transferPurposesKk, transferPurposesRu } from "./seed-data/purpose-names-kk";
import { seedCountries } from "./seed-data/countries";
import { CONTROLLER_COUNTRY } from "@/lib/registry/facts";
import { catalogueSnapshot } from "./queries/catalogue";
import { purposeSnapshot } from "./queries/purposes";
import { loadRecordOfProcessing } from "./queries/record";
import { buildPolicySnapshot } from "@/lib/policy/snapshot";

/** The edition the seed publishes: the policy as issued (version 1.0 of 15 Dec 2025). */
export const SEED_PUBLICATION = { version: "1.0", publishedOn: "2025-12-15" } as const;

export const DEMO_ROLES = ["admin", "dpo", "engineer", "auditor", "sts", "support"] as const;
export const demoEmail = (role: string) => `${role}@qplus.local`;
const DEMO_NAMES: Record<string, string> = {
  admin: "Aigerim Admin",
  dpo: "Dana DPO",
  engineer: "Yerlan Engineer",
  auditor: "Asel Auditor",
  sts: "State Technical Service",
  support: "Saule Support",
};

/**
 * Seeds the policy's facts (version 1.0) on an empty register. Idempotent: catalogue rows are
 * inserted when missing, recipients only when the register is empty, so a DPO's edits survive restarts.
 */
export async function seedPolicyFacts(db: Db = getDb()) {
  await db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(processingPurposes);
    if (Number(n) === 0) await seedCatalogue(tx as unknown as Db);
    const [{ r }] = await tx.select({ r: count() }).from(recipients);
    if (Number(r) > 0) return;
    for (const rec of policyV1.recipients) {
      // Through the same validated path as the DPO's form, so the seed obeys the register's rules.
      const input = recipientInput.parse({
        nameEn: rec.name,
        nameKk: rec.nameKk,
        nameRu: rec.nameRu,
        countryCode: rec.country,
        role: rec.role,
        transferPurposes: [...rec.transferPurposes],
        transferPurposesKk: transferPurposesKk[rec.key] ?? [],
        transferPurposesRu: transferPurposesRu[rec.key] ?? [],
        linkedPurposeCodes: [...rec.linkedProcessingPurposes],
        basis: rec.basis,
        permittedActions: [...rec.permittedActions],
        crossBorder: rec.country !== CONTROLLER_COUNTRY,
      });
      await createRecipient({ ...input, key: rec.key }, SYSTEM_ACTOR, `Seeded from the QPlus personal-data policy, ${policyV1.source}, section 7.1`, tx as unknown as Db);
    }
  });
  await seedPublication(db);
}

/**
 * Edition 1.0 of the public policy, frozen from the seeded register. On a database that predates
 * the publications table, this freezes the register as it stands when the table is first empty.
 */
async function seedPublication(db: Db) {
  await db.transaction(async (tx) => {
    const [{ e }] = await tx.select({ e: count() }).from(policyPublications);
    if (Number(e) > 0) return;
    const snapshot = buildPolicySnapshot(await loadRecordOfProcessing(tx as unknown as Db));
    await tx.insert(policyPublications).values({ ...SEED_PUBLICATION, snapshot, publishedByEmail: SYSTEM_ACTOR.email });
  });
}

const SEED_REASON = `Seeded from the QPlus personal-data policy, ${policyV1.source}`;

/** The record of processing as the policy states it, each row with its version 1. */
async function seedCatalogue(db: Db) {
  const versions: (typeof catalogueVersions.$inferInsert)[] = [];
  const v1 = (entity: string, entityKey: string, snapshot: object) =>
    versions.push({ entity, entityKey, version: 1, change: "created", snapshot, reason: SEED_REASON, changedByEmail: SYSTEM_ACTOR.email });

  const actions = policyV1.processingActions.map((a, i) => ({ key: a.key, nameEn: a.key.charAt(0).toUpperCase() + a.key.slice(1), nameKk: a.kk, nameRu: a.ru, position: i + 1 }));
  (await db.insert(processingActions).values(actions).returning()).forEach((a) => v1("processing-action", a.key, catalogueSnapshot(a)));

  const categories = Object.keys(policyV1.dataCategories).map((key, i) => ({
    key,
    nameEn: dataCategoryNames[key]?.en ?? key,
    nameKk: dataCategoryNames[key]?.kk ?? null,
    nameRu: dataCategoryNames[key]?.ru ?? null,
    position: i + 1,
  }));
  (await db.insert(dataCategories).values(categories).returning()).forEach((c) => v1("data-category", c.key, catalogueSnapshot(c)));

  const items = Object.entries(policyV1.dataCategories).flatMap(([category, names]) =>
    (names as readonly string[]).map((name) => {
      const key = `${category}: ${name}`;
      return { key, categoryKey: category, nameEn: name, nameKk: dataItemNames[key]?.kk ?? null, nameRu: dataItemNames[key]?.ru ?? null, directIdentifier: isDirectIdentifier(key) };
    }),
  );
  (await db.insert(dataItems).values(items).returning()).forEach((i) => v1("data-item", i.key, catalogueSnapshot(i)));

  (await db.insert(subjectCategories).values(subjectCategoryFacts.map((s) => ({ ...s }))).returning()).forEach((s) => v1("subject-category", s.key, catalogueSnapshot(s)));

  (await db.insert(legalReferences).values(legalReferenceFacts.map((l) => ({ ...l }))).returning()).forEach((l) => v1("legal-reference", l.code, catalogueSnapshot(l)));

  (await db.insert(countries).values(seedCountries.map((c) => ({ ...c }))).returning()).forEach((c) => v1("country", c.code, catalogueSnapshot(c)));

  const days = [
    ...KZ_CALENDAR_ENTRIES.map((d) => ({ countryCode: "KZ", ...d })),
    ...RU_CALENDAR_ENTRIES.map((d) => ({ countryCode: "RU", ...d })),
  ];
  (await db.insert(countryCalendarDays).values(days).returning()).forEach((d) => v1("calendar-day", `${d.countryCode}:${d.date}`, catalogueSnapshot(d)));

  for (const p of policyV1.purposes) {
    const legalBases: LegalBasis[] = [{ kind: "consent" }, { kind: "law", referenceCode: "KZ-PDL" }];
    if (purposesWithAmlBasis.includes(p.code)) legalBases.push({ kind: "law", referenceCode: "AML-11-4" });
    const row = {
      code: p.code,
      subjectCategory: p.subjectCategory,
      nameEn: p.purpose,
      nameKk: purposeNamesKk[p.code] ?? null,
      nameRu: purposeNamesRu[p.code] ?? null,
      legalBases,
      channels: channelsBySubjectCategory[p.subjectCategory] ?? [],
      retentionYears: p.retention.years,
      retentionFrom: p.retention.from,
      retentionLawCodes: [...p.retention.law],
      // The policy's deletion criterion: the event is the retention's trigger, then the stated delay.
      deletionEvent: p.retention.from,
      deletionDelayYears: p.deletion.yearsAfterTrigger,
      isResearch: researchPurposeCodes.includes(p.code),
      sourceNote: "ambiguity" in p ? p.ambiguity : null,
    };
    const [inserted] = await db.insert(processingPurposes).values(row).returning();
    const dataItemKeys = [...p.data];
    await db.insert(purposeDataItems).values(dataItemKeys.map((itemKey) => ({ purposeCode: p.code, itemKey })));
    v1("purpose", p.code, purposeSnapshot(inserted, dataItemKeys));
  }
  for (let i = 0; i < versions.length; i += 200) await db.insert(catalogueVersions).values(versions.slice(i, i + 200));
}

/** Demo accounts for every role: embedded mode only, never on a PostgreSQL server. */
export async function seedDemoUsers(password: string, db: Db = getDb()) {
  const hash = await bcrypt.hash(password, 10);
  await db
    .insert(users)
    .values(DEMO_ROLES.map((role) => ({ email: demoEmail(role), name: DEMO_NAMES[role], role, passwordHash: hash })))
    .onConflictDoNothing();
}
