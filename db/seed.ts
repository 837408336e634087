import { count } from "drizzle-orm";
import bcrypt from "bcryptjs";
import { getDb, type Db } from "./client";
import { countries, processingActions, processingPurposes, recipients, users } from "./schema";
import { createRecipient } from "./queries/recipients";
import { SYSTEM_ACTOR } from "./queries/actor";
import { recipientInput } from "@/lib/validation/recipient";
import { policyV1 } from "./seed-data/policy-v1";
import { purposeNamesKk, purposeNamesRu } from "./seed-data/purpose-names-kk";
import { seedCountries } from "./seed-data/countries";
import { CONTROLLER_COUNTRY } from "@/lib/registry/facts";

export const DEMO_ROLES = ["admin", "dpo", "engineer", "auditor", "sts"] as const;
export const demoEmail = (role: string) => `${role}@qplus.local`;
const DEMO_NAMES: Record<string, string> = {
  admin: "Aigerim Admin",
  dpo: "Dana DPO",
  engineer: "Yerlan Engineer",
  auditor: "Asel Auditor",
  sts: "State Technical Service",
};

/**
 * Seeds the policy's facts (version 1.0) on an empty register. Idempotent: catalogue rows are
 * inserted when missing, recipients only when the register is empty, so a DPO's edits survive restarts.
 */
export async function seedPolicyFacts(db: Db = getDb()) {
  await db.transaction(async (tx) => {
    await tx
      .insert(processingActions)
      .values(policyV1.processingActions.map((a, i) => ({ key: a.key, nameEn: a.key.charAt(0).toUpperCase() + a.key.slice(1), nameKk: a.kk, nameRu: a.ru, position: i + 1 })))
      .onConflictDoNothing();
    await tx.insert(countries).values(seedCountries.map((c) => ({ ...c }))).onConflictDoNothing();
    await tx
      .insert(processingPurposes)
      .values(
        policyV1.purposes.map((p) => ({
          code: p.code,
          subjectCategory: p.subjectCategory,
          nameEn: p.purpose,
          nameKk: purposeNamesKk[p.code] ?? null,
          nameRu: purposeNamesRu[p.code] ?? null,
        })),
      )
      .onConflictDoNothing();

    const [{ n }] = await tx.select({ n: count() }).from(recipients);
    if (Number(n) > 0) return;
    for (const r of policyV1.recipients) {
      // Through the same validated path as the DPO's form, so the seed obeys the register's rules.
      const input = recipientInput.parse({
        nameEn: r.name,
        nameKk: r.nameKk,
        nameRu: r.nameRu,
        countryCode: r.country,
        role: r.role,
        transferPurposes: [...r.transferPurposes],
        linkedPurposeCodes: [...r.linkedProcessingPurposes],
        basis: r.basis,
        permittedActions: [...r.permittedActions],
        crossBorder: r.country !== CONTROLLER_COUNTRY,
      });
      await createRecipient({ ...input, key: r.key }, SYSTEM_ACTOR, `Seeded from the QPlus personal-data policy, ${policyV1.source}, section 7.1`, tx as unknown as Db);
    }
  });
}

/** Demo accounts for every role: embedded mode only, never on a PostgreSQL server. */
export async function seedDemoUsers(password: string, db: Db = getDb()) {
  const hash = await bcrypt.hash(password, 10);
  await db
    .insert(users)
    .values(DEMO_ROLES.map((role) => ({ email: demoEmail(role), name: DEMO_NAMES[role], role, passwordHash: hash })))
    .onConflictDoNothing();
}
