import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { seedPolicyFacts } from "../seed";
import { createRecipient, getRecipient, getRecipientHistory, getRecipientVersion, listRecipients, setRecipientArchived, updateRecipient } from "./recipients";
import { recipientInput } from "@/lib/validation/recipient";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { recipients, recipientVersions } from "../schema";
import { eq } from "drizzle-orm";

let t: TestDb;
const dpo = { id: null, email: "dpo@qplus.local" };
const other = { id: null, email: "second-dpo@qplus.local" };

beforeAll(async () => {
  t = await createTestDb();
  await seedPolicyFacts(t.db);
});
afterAll(async () => t?.close());

const kaspi = () =>
  recipientInput.parse({
    nameEn: "Kaspi Bank JSC",
    nameRu: "АО «Kaspi Bank»",
    countryCode: "KZ",
    registrationNumber: "971240001315",
    role: "processor",
    transferPurposes: ["Identification"],
    linkedPurposeCodes: ["C2"],
    basis: "contract",
    contractNumber: "KB-17",
    contractDate: "2026-01-10",
    contractExpiresOn: "2027-01-10",
    permittedActions: ["storage", "use"],
    crossBorder: false,
  });

describe("the seeded register", () => {
  it("holds the policy's seven recipients with their roles, bases and cross-border flags", async () => {
    const { rows, total } = await listRecipients({}, t.db);
    expect(total).toBe(7);
    const byName = Object.fromEntries(rows.map((r) => [r.nameEn, r]));
    expect(Object.keys(byName).sort()).toEqual([
      "Authorised state bodies",
      "Counterparties",
      "Halyk Bank of Kazakhstan JSC",
      "Kazpost JSC",
      "Key Business Solutions LLC",
      "National Payment Corporation of the National Bank of Kazakhstan JSC",
      "QIWI JSC",
    ]);
    expect(byName["QIWI JSC"]).toMatchObject({ role: "processor", crossBorder: true, countryCode: "RU", basis: "contract" });
    expect(byName["Key Business Solutions LLC"]).toMatchObject({ crossBorder: true, countryCode: "RU", transferPurposes: ["Marketing research"] });
    expect(byName["Authorised state bodies"]).toMatchObject({ role: "operator", basis: "law", crossBorder: false });
    expect(byName["Halyk Bank of Kazakhstan JSC"]).toMatchObject({ role: "operator", crossBorder: false });
  });

  it("is seeded once: a second seed changes nothing", async () => {
    await seedPolicyFacts(t.db);
    expect((await listRecipients({ status: "all" }, t.db)).total).toBe(7);
  });

  it("filters, searches and sorts on the server", async () => {
    expect((await listRecipients({ crossBorder: "yes" }, t.db)).rows.map((r) => r.nameEn).sort()).toEqual(["Key Business Solutions LLC", "QIWI JSC"]);
    expect((await listRecipients({ role: "operator", basis: "law" }, t.db)).rows.map((r) => r.nameEn)).toEqual(["Authorised state bodies"]);
    expect((await listRecipients({ q: "halyk" }, t.db)).rows.map((r) => r.nameEn)).toEqual(["Halyk Bank of Kazakhstan JSC"]);
    expect((await listRecipients({ q: "Казпочта" }, t.db)).rows.map((r) => r.nameEn)).toEqual(["Kazpost JSC"]);
    const desc = await listRecipients({ sort: "name", dir: "desc", pageSize: 2, page: 1 }, t.db);
    expect(desc.rows.map((r) => r.nameEn)).toEqual(["QIWI JSC", "National Payment Corporation of the National Bank of Kazakhstan JSC"]);
    expect(desc.total).toBe(7);
  });
});

describe("editing the register", () => {
  it("creates version 1 with who and when, and links purposes both ways", async () => {
    const row = await createRecipient(kaspi(), dpo, "new identification partner", t.db);
    expect(row.version).toBe(1);
    expect(row.key).toBe("kaspi-bank-jsc");
    const detail = await getRecipient(row.id, t.db);
    expect(detail?.linkedPurposeCodes).toEqual(["C2"]);
    const [v1] = await getRecipientHistory(row.id, t.db);
    expect(v1).toMatchObject({ version: 1, change: "created", changedByEmail: dpo.email, reason: "new identification partner" });
  });

  it("keeps every version and shows a field-level diff", async () => {
    const row = await createRecipient({ ...kaspi(), nameEn: "Diff Test LLP" }, dpo, null, t.db);
    await updateRecipient(row.id, 1, { ...kaspi(), nameEn: "Diff Test LLP", permittedActions: ["storage", "use", "destruction"], email: "dpo@diff.kz" }, dpo, "contract annex 2", t.db);
    const history = await getRecipientHistory(row.id, t.db);
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(history[0].reason).toBe("contract annex 2");
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: "permittedActions", before: ["storage", "use"], after: ["storage", "use", "destruction"] },
        { field: "email", before: null, after: "dpo@diff.kz" },
      ]),
    );
    expect(history[0].changes).toHaveLength(2);
    const v1 = await getRecipientVersion(row.id, 1, t.db);
    expect(v1?.snapshot.permittedActions).toEqual(["storage", "use"]);
  });

  it("refuses a stale save, says what changed meanwhile, and writes nothing", async () => {
    const row = await createRecipient({ ...kaspi(), nameEn: "Stale Test LLP" }, dpo, null, t.db);
    await updateRecipient(row.id, 1, { ...kaspi(), nameEn: "Stale Test LLP", phone: "+7 727 000 00 00" }, other, null, t.db);
    const stale = updateRecipient(row.id, 1, { ...kaspi(), nameEn: "Stale Test LLP", address: "Almaty" }, dpo, null, t.db);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const err = (await stale.catch((e) => e)) as ConflictError;
    expect(err.details.currentVersion).toBe(2);
    expect(err.details.by).toBe(other.email);
    expect(err.details.changes).toEqual([{ field: "phone", before: null, after: "+7 727 000 00 00" }]);
    const now = await getRecipient(row.id, t.db);
    expect(now).toMatchObject({ version: 2, address: null });
    expect((await getRecipientHistory(row.id, t.db)).length).toBe(2);
  });

  it("writes nothing when a reference is unknown (no partial save)", async () => {
    const before = (await listRecipients({ status: "all" }, t.db)).total;
    await expect(createRecipient({ ...kaspi(), nameEn: "Ghost LLP", linkedPurposeCodes: ["C99"] }, dpo, null, t.db)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(createRecipient({ ...kaspi(), nameEn: "Ghost LLP", countryCode: "ZZ", crossBorder: true }, dpo, null, t.db)).rejects.toMatchObject({ fieldErrors: { countryCode: "unknownCountry" } });
    expect((await listRecipients({ status: "all" }, t.db)).total).toBe(before);
  });

  it("archives instead of deleting; archived entries leave the default list and refuse edits", async () => {
    const row = await createRecipient({ ...kaspi(), nameEn: "Archive Test LLP" }, dpo, null, t.db);
    const archived = await setRecipientArchived(row.id, 1, true, dpo, "contract ended", t.db);
    expect(archived.status).toBe("archived");
    expect((await listRecipients({ q: "Archive Test" }, t.db)).total).toBe(0);
    expect((await listRecipients({ q: "Archive Test", status: "archived" }, t.db)).total).toBe(1);
    await expect(updateRecipient(row.id, 2, { ...kaspi(), nameEn: "Archive Test LLP" }, dpo, null, t.db)).rejects.toBeInstanceOf(ConflictError);
    const [still] = await t.db.select().from(recipients).where(eq(recipients.id, row.id));
    expect(still).toBeDefined();
    const versions = await t.db.select().from(recipientVersions).where(eq(recipientVersions.recipientId, row.id));
    expect(versions.map((v) => v.change).sort()).toEqual(["archived", "created"]);
  });

  it("gives exactly one winner when two editors save the same version at once", async () => {
    const row = await createRecipient({ ...kaspi(), nameEn: "Race Test LLP" }, dpo, null, t.db);
    const results = await Promise.allSettled([
      updateRecipient(row.id, 1, { ...kaspi(), nameEn: "Race Test LLP", phone: "1" }, dpo, null, t.db),
      updateRecipient(row.id, 1, { ...kaspi(), nameEn: "Race Test LLP", phone: "2" }, other, null, t.db),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError)).toHaveLength(1);
    expect((await getRecipientHistory(row.id, t.db)).map((h) => h.version)).toEqual([2, 1]);
  });
});
