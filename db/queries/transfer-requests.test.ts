import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "../test-db";
import { seedPolicyFacts } from "../seed";
import { emailOutbox, recipients, transferDecisions, transferRequestEvents, transferRequests, transferRuleEvaluations, users } from "../schema";
import { getRecipient, updateRecipient } from "./recipients";
import { createUser, setUserLocale } from "./users";
import { createApiToken, resolveApiToken } from "./tokens";
import {
  createTransferRequest,
  decideTransferRequest,
  getTransferRequest,
  getTransferTimeline,
  listTransferRequests,
  revokeApproval,
  submitTransferRequest,
  updateTransferRequest,
  type Decider,
  type Requester,
} from "./transfer-requests";
import { findCoveringApproval } from "./approvals";
import { countUnreadNotifications, listNotifications, markEmailsSent, markNotificationsRead, unsentEmails } from "./notifications";
import { transferRequestInput, type TransferRequestInput } from "@/lib/validation/transfer-request";
import { recipientInput } from "@/lib/validation/recipient";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import { addCalendarDays } from "@/lib/rules/working-days";
import { businessDate, effectiveStatus } from "@/lib/transfers/constants";

let t: TestDb;
const ids: Record<string, string> = {};
const people: Record<string, { id: string; email: string }> = {};
const system = { id: null, email: "system" };
const TODAY = businessDate();
const IN_60_DAYS = addCalendarDays(TODAY, 60);
const WALLET_OPERATIONS = "financial: e-money operations (amount, time and date, purpose, recipients)";

const as = (who: keyof typeof people): Requester => ({ userId: people[who].id, tokenId: null, label: people[who].email });
const decider = (who: keyof typeof people): Decider => ({ id: people[who].id, email: people[who].email });

beforeAll(async () => {
  t = await createTestDb();
  await seedPolicyFacts(t.db);
  for (const r of await t.db.select({ id: recipients.id, key: recipients.key }).from(recipients)) ids[r.key] = r.id;
  for (const [key, role] of [
    ["engineer", "engineer"],
    ["dpo", "dpo"],
    ["dpo2", "dpo"],
    ["admin", "admin"],
  ] as const) {
    const u = await createUser({ email: `${key}@qplus.test`, name: key, role, password: "a long password!" }, system, t.db);
    people[key] = { id: u.id, email: u.email };
  }
  await setUserLocale(people.engineer.id, "kk", t.db);
  await setUserLocale(people.dpo2.id, "en", t.db);
  // The seed records no contracts; the DPO records them (B6-CONTRACT).
  for (const key of ["qiwi-jsc", "halyk-bank", "key-business-solutions"]) {
    const current = (await getRecipient(ids[key], t.db))!;
    const { id, version, key: _k, updatedAt, updatedBy, ...fields } = current; // eslint-disable-line @typescript-eslint/no-unused-vars
    const input = recipientInput.parse({ ...fields, contractNumber: `${key}-2025`, contractDate: "2025-01-10", contractExpiresOn: "2030-12-31" });
    await updateRecipient(id, version, input, system, "contract recorded", t.db);
  }
});
afterAll(async () => t?.close());

/** QIWI JSC analytics: cookies for V1, on the subjects' consent (the issue's "done when"). */
const qiwiAnalytics = (fields: Partial<Record<keyof TransferRequestInput, unknown>> = {}): TransferRequestInput =>
  transferRequestInput.parse({
    recipientId: ids["qiwi-jsc"],
    purposeCodes: ["V1"],
    subjectCategories: ["visitors"],
    populations: ["kz-subjects"],
    dataItems: ["online: cookies: analytical"],
    actions: ["storage", "use", "systematisation"],
    mode: "recurring",
    periodStart: TODAY,
    periodEnd: IN_60_DAYS,
    expectedVolume: 250000,
    volumePeriod: "month",
    sendingSystem: "analytics-export (Kafka topic web.events)",
    crossBorderGround: "consent",
    justification: "Product analytics of the QPlus site, as policy section 7.1 names for QIWI JSC.",
    ...fields,
  });

const halykTopUp = (fields: Partial<Record<keyof TransferRequestInput, unknown>> = {}) =>
  transferRequestInput.parse({
    recipientId: ids["halyk-bank"],
    purposeCodes: ["C3"],
    subjectCategories: ["clients"],
    populations: ["kz-subjects"],
    dataItems: [WALLET_OPERATIONS, "identifiers: wallet number"],
    actions: ["storage", "use"],
    mode: "recurring",
    periodStart: TODAY,
    periodEnd: IN_60_DAYS,
    expectedVolume: 40000,
    volumePeriod: "day",
    sendingSystem: "payments-core",
    justification: "Issue and redeem e-money for wallet top-ups.",
    ...fields,
  });

const kbsPhones = () =>
  transferRequestInput.parse({
    recipientId: ids["key-business-solutions"],
    purposeCodes: ["C8"],
    subjectCategories: ["clients"],
    populations: ["kz-subjects"],
    dataItems: ["contact: phone", "contact: full name"],
    actions: ["use"],
    mode: "one-off",
    periodStart: TODAY,
    expectedVolume: 3000,
    volumePeriod: "once",
    sendingSystem: "crm export",
    crossBorderGround: "consent",
    justification: "Phone survey of clients for the marketing research.",
  });

async function rowCounts() {
  const [[a], [b], [c], [d]] = await Promise.all([
    t.db.select({ n: count() }).from(transferRequests),
    t.db.select({ n: count() }).from(transferRequestEvents),
    t.db.select({ n: count() }).from(transferRuleEvaluations),
    t.db.select({ n: count() }).from(transferDecisions),
  ]);
  return [a.n, b.n, c.n, d.n].map(Number);
}

describe("an engineer asks, the rules check, the DPO decides", () => {
  it("QIWI JSC analytics: submitted with the rules' results, approved with a reason, pinned to the register versions", async () => {
    const created = await createTransferRequest(qiwiAnalytics(), as("engineer"), { submit: true }, t.db);
    expect(created.status).toBe("submitted");
    expect(created.evaluation?.blocked).toBe(false);
    // The seed records no instruction checklist for the processor: B7 warns; consent is the ground
    // and the portal keeps no consent records: B1 warns. The DPO must acknowledge both.
    expect(created.evaluation?.warnings.map((w) => w.ruleId)).toEqual(["B7", "B1"]);

    const refused = decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "approved", reason: "Analytics under the DPA", validUntil: IN_60_DAYS, acknowledgedRuleIds: [] }, decider("dpo"), new Date(), t.db);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { acknowledgedRuleIds: "acknowledgeWarnings" } });

    const decided = await decideTransferRequest(
      { id: created.id, expectedVersion: created.version, outcome: "approved", reason: "Analytics under the DPA of 10 Jan 2025; consent collected on the site", validUntil: IN_60_DAYS, acknowledgedRuleIds: ["B7", "B1"] },
      decider("dpo"),
      new Date(),
      t.db,
    );
    expect(decided.status).toBe("approved");

    const detail = (await getTransferRequest(created.id, t.db))!;
    const qiwi = (await getRecipient(ids["qiwi-jsc"], t.db))!;
    expect(detail.decision).toMatchObject({ outcome: "approved", recipientVersion: qiwi.version, purposeVersions: { V1: 1 }, validUntil: IN_60_DAYS, acknowledgedRuleIds: ["B7", "B1"], decidedByEmail: "dpo@qplus.test" });

    const timeline = await getTransferTimeline(created.id, t.db);
    expect(timeline.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorLabel])).toEqual([
      ["created", null, "draft", "engineer@qplus.test"],
      ["submitted", "draft", "submitted", "engineer@qplus.test"],
      ["approved", "submitted", "approved", "dpo@qplus.test"],
    ]);
    expect(timeline[1].evaluation).toMatchObject({ stage: "submission", blocked: false });
    expect(timeline[2].evaluation).toMatchObject({ stage: "decision", blocked: false, recipientVersion: qiwi.version });
    expect(timeline[2].reason).toContain("consent collected");
    expect(timeline[2].evaluation?.results.map((r) => r.ruleId)).toContain("B1");
  });

  it("notifies the DPOs of a new request and the engineer of the decision, in app and by email in each one's language", async () => {
    const before = await countUnreadNotifications({ id: people.dpo2.id, role: "dpo" }, t.db);
    const created = await createTransferRequest(halykTopUp(), as("engineer"), { submit: true }, t.db);
    expect(await countUnreadNotifications({ id: people.dpo2.id, role: "dpo" }, t.db)).toBe(before + 1);
    const [latest] = await listNotifications({ id: people.dpo2.id, role: "dpo" }, 1, t.db);
    expect(latest).toMatchObject({ kind: "transferSubmitted", link: `/transfers/${created.id}`, read: false });
    await markNotificationsRead({ id: people.dpo2.id, role: "dpo" }, { ids: [latest.id] }, t.db);
    expect(await countUnreadNotifications({ id: people.dpo2.id, role: "dpo" }, t.db)).toBe(before);
    // Another DPO's read does not read it for everyone.
    expect((await listNotifications({ id: people.dpo.id, role: "dpo" }, 1, t.db))[0]).toMatchObject({ id: latest.id, read: false });

    await decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "approved", reason: "Top-ups are the bank's service", validUntil: IN_60_DAYS, acknowledgedRuleIds: [] }, decider("dpo2"), new Date(), t.db);
    expect((await listNotifications({ id: people.engineer.id, role: "engineer" }, 1, t.db))[0]).toMatchObject({ kind: "transferApproved" });

    const mails = await unsentEmails(100, t.db);
    const toDpo2 = mails.find((m) => m.to === "dpo2@qplus.test" && m.kind === "transferSubmitted" && m.body.includes(`/transfers/${created.id}`));
    expect(toDpo2).toMatchObject({ locale: "en" });
    expect(toDpo2!.subject).toMatch(/^Transfer request No\. \d+ awaits your decision$/);
    // No language chosen: Russian, the portal's default.
    expect(mails.find((m) => m.to === "dpo@qplus.test" && m.body.includes(`/transfers/${created.id}`))).toMatchObject({ locale: "ru", subject: expect.stringContaining("ожидает вашего решения") });
    const toEngineer = mails.find((m) => m.to === "engineer@qplus.test" && m.kind === "transferApproved" && m.body.includes(`/transfers/${created.id}`));
    expect(toEngineer).toMatchObject({ locale: "kk", subject: expect.stringContaining("мақұлданды") });
    expect(toEngineer!.body).toContain("Top-ups are the bank's service");
    expect(toEngineer!.body).toContain("Қазақстан Халық Банкі АҚ");
    // The engineer, who asked, is not emailed about their own request.
    expect(mails.some((m) => m.to === "engineer@qplus.test" && m.kind === "transferSubmitted")).toBe(false);
    await markEmailsSent([toEngineer!.id], t.db);
    expect((await unsentEmails(100, t.db)).some((m) => m.id === toEngineer!.id)).toBe(false);
  });

  it("returns for changes; the engineer changes and resubmits; the timeline keeps every step", async () => {
    const created = await createTransferRequest(halykTopUp(), as("engineer"), { submit: true }, t.db);
    const returned = await decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "returned", reason: "Wallet numbers are not needed", validUntil: null, acknowledgedRuleIds: [] }, decider("dpo"), new Date(), t.db);
    expect(returned.status).toBe("returned");
    const changed = await updateTransferRequest(created.id, returned.version, halykTopUp({ dataItems: [WALLET_OPERATIONS] }), as("engineer"), { submit: true }, t.db);
    expect(changed.status).toBe("submitted");
    const rejected = await decideTransferRequest({ id: created.id, expectedVersion: changed.version, outcome: "rejected", reason: "Covered by the existing approval" }, decider("dpo"), new Date(), t.db);
    expect(rejected.status).toBe("rejected");
    const timeline = await getTransferTimeline(created.id, t.db);
    expect(timeline.map((e) => e.action)).toEqual(["created", "submitted", "returned", "updated", "submitted", "rejected"]);
    expect(timeline.filter((e) => e.evaluation).map((e) => e.evaluation!.stage)).toEqual(["submission", "decision", "submission", "decision"]);
    expect((await getTransferRequest(created.id, t.db))!.dataItems).toEqual([WALLET_OPERATIONS]);
    // Decided requests are no longer the engineer's to change.
    await expect(updateTransferRequest(created.id, rejected.version, halykTopUp(), as("engineer"), { submit: false }, t.db)).rejects.toMatchObject({ message: "notEditable" });
  });

  it("only the requester changes or submits a request", async () => {
    const draft = await createTransferRequest(halykTopUp(), as("engineer"), { submit: false }, t.db);
    expect(draft.status).toBe("draft");
    await expect(submitTransferRequest(draft.id, draft.version, as("dpo"), new Date(), t.db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateTransferRequest(draft.id, draft.version, halykTopUp(), as("admin"), { submit: false }, t.db)).rejects.toBeInstanceOf(ForbiddenError);
    // Drafts are not in the DPO's queue or the auditors' list.
    const all = await listTransferRequests({}, { userId: people.dpo.id, view: "all" }, TODAY, t.db);
    expect(all.rows.some((r) => r.id === draft.id)).toBe(false);
    const mine = await listTransferRequests({}, { userId: people.engineer.id, view: "mine" }, TODAY, t.db);
    expect(mine.rows.find((r) => r.id === draft.id)).toMatchObject({ effectiveStatus: "draft", blocked: null });
  });
});

describe("a request that breaks a rule cannot be approved by anyone", () => {
  it("Key Business Solutions, phone numbers for marketing research: blocked by B2, refused to the DPO and the admin, nothing written", async () => {
    const created = await createTransferRequest(kbsPhones(), as("engineer"), { submit: true }, t.db);
    expect(created.status).toBe("submitted");
    expect(created.evaluation?.blocked).toBe(true);
    expect(created.evaluation?.results.find((r) => r.ruleId === "B2")).toMatchObject({ ok: false, severity: "block" });
    // Stored with its message, naming the recipient as the register does in every language, so
    // each reader sees the reason in theirs; the English reason stays for the API.
    const [stored] = (await getTransferTimeline(created.id, t.db)).filter((e) => e.evaluation).map((e) => e.evaluation!.results.find((r) => r.ruleId === "B2")!);
    expect(stored.reason).toMatch(/^Key Business Solutions LLC: research purpose C8 would receive direct identifiers: contact: phone/);
    expect(stored.message).toMatchObject({
      key: "ruleReasons.B2.directIdentifiers",
      params: { recipient: "Key Business Solutions LLC", recipientRu: "ООО «Ключевые Бизнес Решения»", recipientKk: "«Ключевые Бизнес Решения» ЖШҚ", purposes: ["C8"] },
    });
    expect(stored.message!.params.items).toContain("contact: phone");
    const counts = await rowCounts();
    for (const who of ["dpo", "admin"] as const) {
      const attempt = decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "approved", reason: "Approve anyway", validUntil: TODAY, acknowledgedRuleIds: ["B2"] }, decider(who), new Date(), t.db);
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
      await expect(attempt).rejects.toMatchObject({ fieldErrors: { outcome: "blockedByRules" } });
    }
    expect(await rowCounts()).toEqual(counts);
    expect((await getTransferRequest(created.id, t.db))!.status).toBe("submitted");
    // It can still be rejected, with a reason.
    const rejected = await decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "rejected", reason: "Research needs depersonalised data (KZ-PDL art. 17)" }, decider("dpo"), new Date(), t.db);
    expect(rejected.status).toBe("rejected");
    const queue = await listTransferRequests({}, { userId: people.dpo.id, view: "all" }, TODAY, t.db);
    expect(queue.rows.find((r) => r.id === created.id)).toMatchObject({ effectiveStatus: "rejected", blocked: true });
  });

  it("minors are refused (B8)", async () => {
    const created = await createTransferRequest(halykTopUp({ populations: ["kz-subjects", "minors"] }), as("engineer"), { submit: true }, t.db);
    expect(created.evaluation?.results.find((r) => r.ruleId === "B8")).toMatchObject({ severity: "block" });
    await expect(
      decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "approved", reason: "no", validUntil: IN_60_DAYS, acknowledgedRuleIds: [] }, decider("dpo"), new Date(), t.db),
    ).rejects.toMatchObject({ fieldErrors: { outcome: "blockedByRules" } });
  });
});

describe("four eyes", () => {
  it("nobody decides a request they made or submitted — DPOs and admins included", async () => {
    const byDpo = await createTransferRequest(halykTopUp(), as("dpo"), { submit: true }, t.db);
    await expect(decideTransferRequest({ id: byDpo.id, expectedVersion: byDpo.version, outcome: "approved", reason: "mine", validUntil: IN_60_DAYS }, decider("dpo"), new Date(), t.db)).rejects.toMatchObject({
      reason: "fourEyes",
    });
    const byAdmin = await createTransferRequest(halykTopUp(), as("admin"), { submit: true }, t.db);
    await expect(decideTransferRequest({ id: byAdmin.id, expectedVersion: byAdmin.version, outcome: "rejected", reason: "mine" }, decider("admin"), new Date(), t.db)).rejects.toBeInstanceOf(ForbiddenError);
    // Another person may.
    expect((await decideTransferRequest({ id: byDpo.id, expectedVersion: byDpo.version, outcome: "approved", reason: "second pair of eyes", validUntil: IN_60_DAYS }, decider("admin"), new Date(), t.db)).status).toBe("approved");
    // The requester sees no role-wide notice of their own request.
    const own = await listNotifications({ id: people.dpo.id, role: "dpo" }, 50, t.db);
    expect(own.some((n) => n.link === `/transfers/${byDpo.id}` && n.kind === "transferSubmitted")).toBe(false);
  });

  it("a personal token acts for its owner: the owner cannot decide what their token filed", async () => {
    const token = await createApiToken({ name: "cli", kind: "personal", userId: people.dpo.id, scopes: ["transfers.request"], expiresAt: new Date(Date.now() + 86400_000) }, { id: people.dpo.id, email: people.dpo.email }, t.db);
    const resolved = (await resolveApiToken(token.token, new Date(), t.db))!;
    const created = await createTransferRequest(halykTopUp(), { userId: resolved.ownerId, tokenId: resolved.id, label: `${resolved.ownerEmail} (token cli)` }, { submit: true }, t.db);
    await expect(decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "approved", reason: "mine", validUntil: IN_60_DAYS }, decider("dpo"), new Date(), t.db)).rejects.toMatchObject({ reason: "fourEyes" });
    expect((await getTransferRequest(created.id, t.db))!).toMatchObject({ requesterUserId: people.dpo.id, requesterTokenId: resolved.id });
  });

  it("a service token's request can be decided by any DPO; it is its own requester", async () => {
    const token = await createApiToken({ name: "payments-gateway", kind: "service", userId: null, scopes: ["transfers.request"], expiresAt: new Date(Date.now() + 86400_000) }, { id: people.admin.id, email: people.admin.email }, t.db);
    const service: Requester = { userId: null, tokenId: token.id, label: "token:payments-gateway" };
    const created = await createTransferRequest(halykTopUp(), service, { submit: true }, t.db);
    const mine = await listTransferRequests({}, { userId: null, tokenId: token.id, view: "mine" }, TODAY, t.db);
    expect(mine.rows.map((r) => r.id)).toEqual([created.id]);
    expect((await decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "approved", reason: "ok", validUntil: IN_60_DAYS }, decider("dpo"), new Date(), t.db)).status).toBe("approved");
  });
});

describe("validity, expiry and revocation", () => {
  it("an approval past its last valid day reads as expired (computed on read) and covers nothing after it", async () => {
    const created = await createTransferRequest(halykTopUp(), as("engineer"), { submit: true }, t.db);
    const approvedAt = new Date();
    await decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "approved", reason: "short approval", validUntil: TODAY }, decider("dpo"), approvedAt, t.db);
    const row = (await getTransferRequest(created.id, t.db))!;
    expect(effectiveStatus(row, TODAY)).toBe("approved");
    const tomorrow = addCalendarDays(TODAY, 1);
    expect(effectiveStatus(row, tomorrow)).toBe("expired");
    const expired = await listTransferRequests({ status: "expired" }, { userId: null, view: "all" }, tomorrow, t.db);
    expect(expired.rows.map((r) => r.id)).toContain(created.id);
    expect((await listTransferRequests({ status: "expired" }, { userId: null, view: "all" }, TODAY, t.db)).rows.map((r) => r.id)).not.toContain(created.id);

    const query = { approvalId: created.id, recipientId: ids["halyk-bank"], purposeCode: "C3", dataItems: [WALLET_OPERATIONS] };
    expect(await findCoveringApproval({ ...query, at: new Date(approvedAt.getTime() + 1000) }, t.db)).toMatchObject({ statusAt: "active", covered: true, recipientVersion: expect.any(Number), purposeVersions: { C3: 1 } });
    expect(await findCoveringApproval({ ...query, at: new Date(`${tomorrow}T12:00:00+05:00`) }, t.db)).toMatchObject({ statusAt: "expired", covered: false });
    expect(await findCoveringApproval({ ...query, at: new Date(approvedAt.getTime() - 60_000) }, t.db)).toMatchObject({ statusAt: "not-yet-valid", covered: false });
  });

  it("the DPO revokes an approval with a reason; it applies to transfers after the revocation", async () => {
    const created = await createTransferRequest(halykTopUp(), as("engineer"), { submit: true }, t.db);
    const approvedAt = new Date(Date.now() - 10_000);
    const approved = await decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "approved", reason: "ok", validUntil: IN_60_DAYS }, decider("dpo"), approvedAt, t.db);
    const revokedAt = new Date();
    await revokeApproval({ id: created.id, expectedVersion: approved.version, reason: "Contract terminated by the bank" }, decider("dpo2"), revokedAt, t.db);
    const row = (await getTransferRequest(created.id, t.db))!;
    expect(row.status).toBe("revoked");
    const query = { approvalId: created.id, recipientId: ids["halyk-bank"], purposeCode: "C3", dataItems: [WALLET_OPERATIONS] };
    expect(await findCoveringApproval({ ...query, at: new Date(revokedAt.getTime() - 1000) }, t.db)).toMatchObject({ statusAt: "active", covered: true });
    expect(await findCoveringApproval({ ...query, at: revokedAt }, t.db)).toMatchObject({ statusAt: "revoked", covered: false });
    // Revoking twice is a conflict; the timeline says who revoked and when.
    await expect(revokeApproval({ id: created.id, expectedVersion: row.version, reason: "again" }, decider("dpo"), new Date(), t.db)).rejects.toBeInstanceOf(ConflictError);
    expect((await getTransferTimeline(created.id, t.db)).at(-1)).toMatchObject({ action: "revoked", fromStatus: "approved", toStatus: "revoked", actorLabel: "dpo2@qplus.test" });
    expect((await listNotifications({ id: people.engineer.id, role: "engineer" }, 1, t.db))[0]).toMatchObject({ kind: "approvalRevoked" });
  });

  it("findCoveringApproval: covers only the approved recipient, purposes and items; null for what was never approved", async () => {
    const created = await createTransferRequest(halykTopUp({ dataItems: [WALLET_OPERATIONS] }), as("engineer"), { submit: true }, t.db);
    expect(await findCoveringApproval({ approvalId: created.id, recipientId: ids["halyk-bank"], purposeCode: "C3", dataItems: [], at: new Date() }, t.db)).toBeNull();
    await decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "approved", reason: "ok", validUntil: IN_60_DAYS }, decider("dpo"), new Date(Date.now() - 1000), t.db);
    const other = await findCoveringApproval({ approvalId: created.id, recipientId: ids["qiwi-jsc"], purposeCode: "C1", dataItems: [WALLET_OPERATIONS, "document-details: IIN"], at: new Date() }, t.db);
    expect(other).toMatchObject({ statusAt: "active", covered: false, covers: { recipient: false, purpose: false, dataItems: false, missingItems: ["document-details: IIN"] } });
    expect(await findCoveringApproval({ approvalId: "00000000-0000-4000-8000-000000000000", recipientId: ids["halyk-bank"], purposeCode: "C3", dataItems: [], at: new Date() }, t.db)).toBeNull();
    expect(await findCoveringApproval({ approvalId: "not-a-uuid", recipientId: ids["halyk-bank"], purposeCode: "C3", dataItems: [], at: new Date() }, t.db)).toBeNull();
  });

  it("refuses a validity outside today … the end of the requested period", async () => {
    const created = await createTransferRequest(halykTopUp(), as("engineer"), { submit: true }, t.db);
    for (const validUntil of [addCalendarDays(TODAY, -1), addCalendarDays(IN_60_DAYS, 1)]) {
      await expect(decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "approved", reason: "ok", validUntil }, decider("dpo"), new Date(), t.db)).rejects.toMatchObject({
        fieldErrors: { validUntil: "validUntilRange" },
      });
    }
  });
});

describe("concurrency and bad input", () => {
  it("two DPOs deciding at the same moment give exactly one decision; the other gets a conflict", async () => {
    for (let round = 0; round < 3; round++) {
      const created = await createTransferRequest(halykTopUp(), as("engineer"), { submit: true }, t.db);
      const results = await Promise.allSettled([
        decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "approved", reason: "approve", validUntil: IN_60_DAYS }, decider("dpo"), new Date(), t.db),
        decideTransferRequest({ id: created.id, expectedVersion: created.version, outcome: "rejected", reason: "reject" }, decider("dpo2"), new Date(), t.db),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const [failure] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(failure.reason).toBeInstanceOf(ConflictError);
      expect(failure.reason.message).toBe("alreadyDecided");
      const decisions = await t.db.select().from(transferDecisions).where(eq(transferDecisions.requestId, created.id));
      expect(decisions).toHaveLength(1);
      const events = await t.db.select().from(transferRequestEvents).where(eq(transferRequestEvents.requestId, created.id));
      expect(events.map((e) => e.action).sort()).toEqual(["created", decisions[0].outcome, "submitted"].sort());
      const evaluations = await t.db.select().from(transferRuleEvaluations).where(eq(transferRuleEvaluations.requestId, created.id));
      expect(evaluations.map((e) => e.stage).sort()).toEqual(["decision", "submission"]);
    }
  });

  it("a stale decision (the request changed since it was read) is refused", async () => {
    const created = await createTransferRequest(halykTopUp(), as("engineer"), { submit: true }, t.db);
    await expect(decideTransferRequest({ id: created.id, expectedVersion: created.version - 1, outcome: "rejected", reason: "stale" }, decider("dpo"), new Date(), t.db)).rejects.toMatchObject({ message: "stale" });
  });

  it("unknown references and a missing cross-border ground are refused at their fields, and nothing is written", async () => {
    const counts = await rowCounts();
    const outboxBefore = (await t.db.select({ n: count() }).from(emailOutbox))[0].n;
    await expect(createTransferRequest(halykTopUp({ dataItems: ["contact: favourite colour"], subjectCategories: ["martians"] }), as("engineer"), { submit: true }, t.db)).rejects.toMatchObject({
      fieldErrors: { dataItems: "unknownDataItem", subjectCategories: "unknownSubjectCategory" },
    });
    await expect(createTransferRequest(qiwiAnalytics({ crossBorderGround: null }), as("engineer"), { submit: true }, t.db)).rejects.toMatchObject({ fieldErrors: { crossBorderGround: "groundRequired" } });
    await expect(createTransferRequest(halykTopUp({ crossBorderGround: "consent" }), as("engineer"), { submit: false }, t.db)).rejects.toMatchObject({ fieldErrors: { crossBorderGround: "groundOnlyCrossBorder" } });
    expect(await rowCounts()).toEqual(counts);
    expect((await t.db.select({ n: count() }).from(emailOutbox))[0].n).toBe(outboxBefore);
    // A draft may lack the ground; submitting it then names the field.
    const draft = await createTransferRequest(qiwiAnalytics({ crossBorderGround: null }), as("engineer"), { submit: false }, t.db);
    await expect(submitTransferRequest(draft.id, draft.version, as("engineer"), new Date(), t.db)).rejects.toMatchObject({ fieldErrors: { crossBorderGround: "groundRequired" } });
    expect((await getTransferRequest(draft.id, t.db))!.status).toBe("draft");
  });

  it("the queue lists submitted requests oldest first, with their age and rule state", async () => {
    const queue = await listTransferRequests({}, { userId: people.dpo.id, view: "queue" }, TODAY, t.db);
    expect(queue.rows.length).toBeGreaterThan(0);
    expect(queue.rows.every((r) => r.status === "submitted")).toBe(true);
    const submitted = queue.rows.map((r) => r.submittedAt!.getTime());
    expect([...submitted].sort((a, b) => a - b)).toEqual(submitted);
    expect(queue.rows.some((r) => r.blocked === false)).toBe(true);
    const [{ n }] = await t.db.select({ n: count() }).from(users);
    expect(Number(n)).toBeGreaterThanOrEqual(4);
  });
});
