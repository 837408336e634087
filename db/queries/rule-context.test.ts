import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "../test-db";
import { seedPolicyFacts } from "../seed";
import { recipients } from "../schema";
import { getRecipient, setRecipientArchived, updateRecipient } from "./recipients";
import { loadRuleContext } from "./rule-context";
import { evaluateTransfer } from "@/lib/rules/transfer-rules";
import { SEED_CALENDARS } from "@/lib/rules/holidays-seed";
import { addWorkingDays } from "@/lib/rules/working-days";
import type { RuleResult, TransferProposal } from "@/lib/rules/types";
import type { TransferRuleId } from "@/lib/rules/legal-facts";
import { recipientInput, type RecipientInput } from "@/lib/validation/recipient";
import { NotFoundError } from "@/lib/errors";

/**
 * Every transfer rule, passing and failing, on the policy's real recipients as the seed puts them
 * in the database, read through the one loader the approvals and the transfer log share.
 */
let t: TestDb;
const dpo = { id: null, email: "dpo@qplus.local" };
const ids: Record<string, string> = {};
const TODAY = "2026-03-02";
const WALLET_OPERATIONS = "financial: e-money operations (amount, time and date, purpose, recipients)";

beforeAll(async () => {
  t = await createTestDb();
  await seedPolicyFacts(t.db);
  for (const r of await t.db.select({ id: recipients.id, key: recipients.key }).from(recipients)) ids[r.key] = r.id;
});
afterAll(async () => t?.close());

function proposal(key: string, fields: Partial<TransferProposal>): TransferProposal {
  return {
    recipientId: ids[key],
    purposeCodes: [],
    dataItems: [],
    actions: ["storage", "use"],
    populations: ["kz-subjects"],
    mode: "recurring",
    period: { start: "2026-03-02", end: "2026-06-30" },
    crossBorderGround: null,
    depersonalised: false,
    ...fields,
  };
}

async function evaluate(key: string, fields: Partial<TransferProposal>, options: { recipientVersion?: number; today?: string } = {}) {
  const p = proposal(key, fields);
  const ctx = await loadRuleContext({ recipientId: ids[key], recipientVersion: options.recipientVersion, purposeCodes: p.purposeCodes, today: options.today ?? TODAY, proposal: p }, t.db);
  return evaluateTransfer(ctx);
}

const rule = (e: { results: RuleResult[] }, id: TransferRuleId) => e.results.find((r) => r.ruleId === id)!;

/** Edits a seeded recipient the way the DPO's form does: through the validated input, with a new version. */
async function editRecipient(key: string, change: Partial<RecipientInput>) {
  const current = (await getRecipient(ids[key], t.db))!;
  const { id, version, key: _key, updatedAt, updatedBy, ...fields } = current; // eslint-disable-line @typescript-eslint/no-unused-vars
  const input = recipientInput.parse({ ...fields, ...change });
  return updateRecipient(id, version, input, dpo, "test: record register facts", t.db);
}

const CONTRACT = { contractNumber: "QK-2025/01", contractDate: "2025-01-10", contractExpiresOn: "2027-12-31" };
const FULL_INSTRUCTION = { instructionActions: true, instructionPurposes: true, instructionConfidentiality: true, instructionSecurity: true, instructionIncidentReporting: true };

describe("loadRuleContext maps the register into the rules' plain facts", () => {
  it("reads QIWI JSC's current version, its purposes with their items, countries and calendars", async () => {
    const p = proposal("qiwi-jsc", { purposeCodes: ["V1", "C12"] });
    const ctx = await loadRuleContext({ recipientId: ids["qiwi-jsc"], purposeCodes: ["C8"], today: TODAY, proposal: p }, t.db);
    expect(ctx.recipient).toMatchObject({ id: ids["qiwi-jsc"], name: "QIWI JSC", version: 1, status: "active", role: "processor", countryCode: "RU", crossBorder: true, basis: "contract", contract: null, transferGround: null, rknNotification: null });
    expect(ctx.recipient.linkedPurposeCodes.sort()).toEqual(["C12", "V1"]);
    expect(ctx.recipient.permittedActions).toHaveLength(11);
    expect(ctx.purposes.map((x) => x.code)).toEqual(["C8", "V1", "C12"]);
    expect(ctx.purposes.find((x) => x.code === "C8")).toMatchObject({ isResearch: true, dataItems: expect.arrayContaining(["contact: phone", "other: interview answers"]) });
    expect(ctx.purposes.find((x) => x.code === "V1")?.dataItems.sort()).toEqual(["online: cookies: analytical", "online: cookies: marketing"]);
    expect(ctx.purposeVersions).toEqual({ C8: 1, V1: 1, C12: 1 });
    // Undecided adequacy (null in the catalogue) is "not adequate" for the rules.
    expect(ctx.countries.RU).toEqual({ code: "RU", kzAdequate: false, rknAdequate: false });
    expect(ctx.countries.KZ.rknAdequate).toBe(true);
    // The calendars come from country_calendar_days and count like the seed's.
    expect(addWorkingDays("2026-05-06", 5, ctx.holidays!.RU!)).toBe(addWorkingDays("2026-05-06", 5, SEED_CALENDARS.RU));
    expect(addWorkingDays("2026-03-18", 5, ctx.holidays!.KZ!)).toBe(addWorkingDays("2026-03-18", 5, SEED_CALENDARS.KZ));
  });

  it("refuses an unknown recipient or version", async () => {
    await expect(loadRuleContext({ recipientId: "00000000-0000-4000-8000-000000000000", purposeCodes: [], today: TODAY, proposal: proposal("qiwi-jsc", {}) }, t.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadRuleContext({ recipientId: ids["qiwi-jsc"], recipientVersion: 99, purposeCodes: [], today: TODAY, proposal: proposal("qiwi-jsc", {}) }, t.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the policy's cases", () => {
  it("B2: a marketing-research transfer of phone numbers to Key Business Solutions is refused", async () => {
    await editRecipient("key-business-solutions", CONTRACT);
    const e = await evaluate("key-business-solutions", { purposeCodes: ["C8"], dataItems: ["contact: phone"], crossBorderGround: "consent" });
    expect(e.blocked).toBe(true);
    expect(rule(e, "B2")).toMatchObject({ ok: false, severity: "block", source: "KZ-PDL art. 17 p. 1" });
    expect(rule(e, "B2").reason).toContain("contact: phone");
    expect(e.results.filter((r) => r.severity === "block").map((r) => r.ruleId)).toEqual(["B2"]);
  });

  it("a top-up transfer of wallet operations to Halyk Bank passes once its contract is recorded", async () => {
    // The seed records no contract: a contract-basis recipient without one is blocked, with a reason that says so.
    const before = await evaluate("halyk-bank", { purposeCodes: ["C3"], dataItems: [WALLET_OPERATIONS] });
    expect(rule(before, "B6-CONTRACT")).toMatchObject({ ok: false, severity: "block" });
    expect(rule(before, "B6-CONTRACT").reason).toContain("no contract is recorded");
    expect(rule(before, "B6-CONTRACT").reason).toContain("Record the contract's number, date and expiry on the recipient in the register");
    await editRecipient("halyk-bank", CONTRACT);
    const e = await evaluate("halyk-bank", { purposeCodes: ["C3"], dataItems: [WALLET_OPERATIONS] });
    expect(e.blocked).toBe(false);
    expect(e.warnings).toEqual([]);
    expect(e.results.every((r) => r.ok)).toBe(true);
    expect(e.results.map((r) => r.ruleId)).toEqual(["REG-ACTIVE", "B6-CONTRACT", "B6-PURPOSE", "B6-DATA", "B6-ACTIONS", "B7", "B1", "B3", "B4", "B5", "B2", "B8"]);
  });
});

describe("each rule passes and fails on the real recipients", () => {
  it("REG-ACTIVE: an archived recipient takes no transfers; its earlier version still reads as active", async () => {
    const counterparties = (await getRecipient(ids.counterparties, t.db))!;
    await setRecipientArchived(counterparties.id, counterparties.version, true, dpo, "test: archived", t.db);
    const archived = await evaluate("counterparties", { purposeCodes: ["C3"], dataItems: [WALLET_OPERATIONS] });
    expect(rule(archived, "REG-ACTIVE")).toMatchObject({ ok: false, severity: "block" });
    const asBefore = await evaluate("counterparties", { purposeCodes: ["C3"], dataItems: [WALLET_OPERATIONS] }, { recipientVersion: 1 });
    expect(rule(asBefore, "REG-ACTIVE").ok).toBe(true);
  });

  it("B6-CONTRACT: expired, not yet in force, and in force", async () => {
    await editRecipient("npc", { contractNumber: "NPC-1", contractDate: "2024-01-01", contractExpiresOn: "2025-12-31" });
    expect(rule(await evaluate("npc", { purposeCodes: ["C2"], dataItems: ["contact: full name"] }), "B6-CONTRACT").reason).toContain("expired on 2025-12-31");
    await editRecipient("npc", { contractNumber: "NPC-2", contractDate: "2026-04-01", contractExpiresOn: null });
    expect(rule(await evaluate("npc", { purposeCodes: ["C2"], dataItems: ["contact: full name"] }), "B6-CONTRACT")).toMatchObject({ ok: false, severity: "block" });
    await editRecipient("npc", { contractNumber: "NPC-2", contractDate: "2026-01-01", contractExpiresOn: null });
    expect(rule(await evaluate("npc", { purposeCodes: ["C2"], dataItems: ["contact: full name"] }), "B6-CONTRACT")).toMatchObject({ ok: true, severity: "info" });
    // Authorised state bodies receive under the law: no contract needed.
    expect(rule(await evaluate("state-bodies", { purposeCodes: ["C9"], dataItems: ["contact: full name"] }), "B6-CONTRACT").ok).toBe(true);
  });

  it("B6-PURPOSE and B6-DATA: only linked purposes, only their items", async () => {
    const unlinked = await evaluate("halyk-bank", { purposeCodes: ["C8"], dataItems: ["other: interview answers"] });
    expect(rule(unlinked, "B6-PURPOSE")).toMatchObject({ ok: false, severity: "block" });
    expect(rule(unlinked, "B6-PURPOSE").reason).toContain("linked: C1, C3");
    const outside = await evaluate("halyk-bank", { purposeCodes: ["C3"], dataItems: [WALLET_OPERATIONS, "document-details: IIN"] });
    expect(rule(outside, "B6-PURPOSE").ok).toBe(true);
    expect(rule(outside, "B6-DATA")).toMatchObject({ ok: false, severity: "block" });
    expect(rule(outside, "B6-DATA").reason).toContain("document-details: IIN");
    expect(rule(await evaluate("halyk-bank", { purposeCodes: ["C1", "C3"], dataItems: ["identifiers: wallet number"] }), "B6-DATA").ok).toBe(true);
  });

  it("B6-ACTIONS: only the actions the register permits", async () => {
    expect(rule(await evaluate("kazpost", { purposeCodes: ["C2"], dataItems: ["contact: full name"], actions: ["destruction"] }), "B6-ACTIONS").ok).toBe(true);
    await editRecipient("kazpost", { permittedActions: ["storage", "use"] });
    const e = await evaluate("kazpost", { purposeCodes: ["C2"], dataItems: ["contact: full name"], actions: ["use", "destruction"] });
    expect(rule(e, "B6-ACTIONS")).toMatchObject({ ok: false, severity: "block" });
    expect(rule(e, "B6-ACTIONS").reason).toContain("destruction");
  });

  it("B7: a processor's instruction must state every duty (a warning)", async () => {
    const missing = await evaluate("kazpost", { purposeCodes: ["C2"], dataItems: ["contact: full name"] });
    expect(rule(missing, "B7")).toMatchObject({ ok: false, severity: "warn" });
    await editRecipient("kazpost", FULL_INSTRUCTION);
    expect(rule(await evaluate("kazpost", { purposeCodes: ["C2"], dataItems: ["contact: full name"] }), "B7")).toMatchObject({ ok: true });
    // An operator needs no instruction.
    expect(rule(await evaluate("halyk-bank", { purposeCodes: ["C3"], dataItems: [WALLET_OPERATIONS] }), "B7").ok).toBe(true);
  });

  it("B1: a transfer to QIWI JSC in Russia needs a ground; adequacy must be recorded to be one", async () => {
    const base = { purposeCodes: ["V1"], dataItems: ["online: cookies: analytical"] };
    expect(rule(await evaluate("qiwi-jsc", base), "B1")).toMatchObject({ ok: false, severity: "block" });
    expect(rule(await evaluate("qiwi-jsc", { ...base, crossBorderGround: "adequate-protection" }), "B1").ok).toBe(false);
    expect(rule(await evaluate("qiwi-jsc", { ...base, crossBorderGround: "consent" }), "B1")).toMatchObject({ ok: true });
    expect(rule(await evaluate("halyk-bank", { purposeCodes: ["C3"], dataItems: [WALLET_OPERATIONS] }), "B1").reason).toContain("not a cross-border transfer");
  });

  it("B3: the primary copy of Kazakhstan subjects' data stays in Kazakhstan", async () => {
    const base = { purposeCodes: ["V1"], dataItems: ["online: cookies: analytical"], crossBorderGround: "consent" as const };
    expect(rule(await evaluate("qiwi-jsc", base), "B3").ok).toBe(true);
    expect(rule(await evaluate("qiwi-jsc", { ...base, primaryCopyInKazakhstan: false }), "B3")).toMatchObject({ ok: false, severity: "block" });
  });

  it("B4: data leaving Russia needs a Roskomnadzor notification on record", async () => {
    const fromRussia = { purposeCodes: ["C3"], dataItems: [WALLET_OPERATIONS], originCountry: "RU" };
    expect(rule(await evaluate("halyk-bank", fromRussia), "B4")).toMatchObject({ ok: false, severity: "block" });
    await editRecipient("halyk-bank", { ...CONTRACT, rknNotificationNumber: "RKN-77/2026", rknNotificationDate: "2026-01-15" });
    // Kazakhstan is on RKN's list (from the countries table): no waiting period.
    expect(rule(await evaluate("halyk-bank", fromRussia), "B4")).toMatchObject({ ok: true });
    expect(rule(await evaluate("qiwi-jsc", { ...fromRussia, purposeCodes: ["V1"] }), "B4").reason).toContain("does not leave Russia");
  });

  it("B5: Russian citizens' data is flagged for the DPO", async () => {
    const e = await evaluate("qiwi-jsc", { purposeCodes: ["V1"], dataItems: ["online: cookies: analytical"], crossBorderGround: "consent", populations: ["kz-subjects", "ru-citizens"] });
    expect(rule(e, "B5")).toMatchObject({ ok: false, severity: "warn" });
    expect(rule(await evaluate("qiwi-jsc", { purposeCodes: ["V1"], dataItems: ["online: cookies: analytical"], crossBorderGround: "consent" }), "B5").ok).toBe(true);
  });

  it("B2: research data passes only depersonalised and without direct identifiers", async () => {
    const answers = { purposeCodes: ["C8"], dataItems: ["other: interview answers"], crossBorderGround: "consent" as const };
    expect(rule(await evaluate("key-business-solutions", answers), "B2")).toMatchObject({ ok: false, severity: "warn" });
    expect(rule(await evaluate("key-business-solutions", { ...answers, depersonalised: true }), "B2")).toMatchObject({ ok: true });
    expect(rule(await evaluate("key-business-solutions", { ...answers, dataItems: ["contact: full name"], depersonalised: true }), "B2").severity).toBe("block");
  });

  it("B8: minors' data is refused", async () => {
    const base = { purposeCodes: ["C3"], dataItems: [WALLET_OPERATIONS] };
    expect(rule(await evaluate("halyk-bank", base), "B8").ok).toBe(true);
    expect(rule(await evaluate("halyk-bank", { ...base, populations: ["kz-subjects", "minors"] }), "B8")).toMatchObject({ ok: false, severity: "block", source: "the policy, 5.4" });
  });

  it("keeps the recipient's status as recorded", async () => {
    const [row] = await t.db.select({ status: recipients.status }).from(recipients).where(eq(recipients.id, ids.counterparties));
    expect(row.status).toBe("archived");
  });
});
