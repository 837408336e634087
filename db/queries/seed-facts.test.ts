/**
 * The seeded record of processing against the policy's facts (registry-seed.json, kept in
 * /work/shared/domain/ and copied verbatim into db/seed-data/ so the check runs on any clone).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { seedPolicyFacts } from "../seed";
import { loadRecordOfProcessing } from "./record";
import type { RecordOfProcessing } from "@/lib/register/record";

const SHARED = "/work/shared/domain/registry-seed.json";
const COPY = path.resolve(__dirname, "../seed-data/registry-seed.json");
type Facts = {
  purposes: { code: string; subjectCategory: string; data: string[]; retention: { years: number; from: string; law: string[] }; deletion: { yearsAfterTrigger: number } }[];
  recipients: { key: string; linkedProcessingPurposes: string[] }[];
  retentionLaws: { code: string; years: number | null }[];
};
const facts = JSON.parse(fs.readFileSync(COPY, "utf8")) as Facts;

let t: TestDb;
let record: RecordOfProcessing;
beforeAll(async () => {
  t = await createTestDb();
  await seedPolicyFacts(t.db);
  record = await loadRecordOfProcessing(t.db);
});
afterAll(async () => t?.close());

describe("the seed states the policy's facts", () => {
  it("uses the same facts as the shared domain file (when present)", () => {
    if (fs.existsSync(SHARED)) expect(JSON.parse(fs.readFileSync(SHARED, "utf8"))).toEqual(facts);
  });

  it("has the thirteen purposes V1, C1–C12", () => {
    expect(record.purposes.map((p) => p.code).sort()).toEqual(facts.purposes.map((p) => p.code).sort());
    expect(record.purposes).toHaveLength(13);
  });

  for (const f of facts.purposes) {
    it(`${f.code}: subject category, data items, retention and deletion`, () => {
      const p = record.purposes.find((x) => x.code === f.code)!;
      expect(p.subjectCategory).toBe(f.subjectCategory);
      expect([...p.dataItemKeys].sort()).toEqual([...f.data].sort());
      expect(p.retentionYears).toBe(f.retention.years);
      expect(p.retentionFrom).toBe(f.retention.from);
      expect(p.retentionLawCodes).toEqual(f.retention.law);
      expect(p.deletionDelayYears).toBe(f.deletion.yearsAfterTrigger);
      for (const item of p.dataItemKeys) expect(record.dataItems.some((i) => i.key === item), item).toBe(true);
    });
  }

  it("has the retention laws with their periods", () => {
    for (const law of facts.retentionLaws) expect(record.legalReferences.find((l) => l.code === law.code)?.years ?? null).toBe(law.years);
  });

  it("links recipients to the purposes the facts say", () => {
    for (const r of facts.recipients) expect(record.recipients.find((x) => x.key === r.key)?.linkedPurposeCodes).toEqual([...r.linkedProcessingPurposes].sort());
  });

  it("names every data item in Kazakh and Russian", () => {
    expect(record.dataItems.filter((i) => !i.name.kk || !i.name.ru).map((i) => i.key)).toEqual([]);
  });
});
