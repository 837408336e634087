import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "../test-db";
import { seedPolicyFacts } from "../seed";
import { auditEvents } from "../schema";
import { appendTransfers, issueCheckpoint, listLogAccess, listLogEntries, recordLogAccess, type PreparedTransfer } from "./transfer-log";
import { listRecipients } from "./recipients";
import { logTileCounts, newerAccessPageCursor, newerLogPageCursor, recipientNames } from "./log-view";
import { listLogPublicKeys } from "./log-keys";
import { verifyCheckpoint } from "@/lib/transfer-log";

let t: TestDb;
let recipientIds: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  await seedPolicyFacts(t.db);
  recipientIds = (await listRecipients({ status: "all" }, t.db)).rows.map((r) => r.id);
});
afterAll(async () => t?.close());

let n = 0;
const event = (over: Partial<PreparedTransfer> = {}): PreparedTransfer => ({
  occurredAt: "2026-11-20T08:15:00.000Z",
  recipientId: recipientIds[0],
  recipientVersion: 1,
  approvalId: null,
  purposeCodes: ["C3"],
  dataItems: ["financial: balance"],
  recordCount: 10,
  subjectPopulations: ["kz-subjects"],
  sendingSystem: "wallet-core",
  destinationCountry: "KZ",
  idempotencyKey: `view-${++n}`,
  externalReference: null,
  flags: [],
  ...over,
});

describe("what the log viewer reads", () => {
  it("names recipients in three languages by id, archived ones too", async () => {
    const all = await recipientNames(undefined, t.db);
    expect(all.length).toBe(recipientIds.length);
    const some = await recipientNames(recipientIds.slice(0, 2), t.db);
    expect(some.map((r) => r.id).sort()).toEqual(recipientIds.slice(0, 2).sort());
    expect(some.every((r) => r.nameEn && r.nameRu)).toBe(true);
    expect(await recipientNames([], t.db)).toEqual([]);
  });

  it("counts logged and flagged transfers for the dashboard", async () => {
    expect(await logTileCounts(t.db)).toEqual({ logged: 0, flagged: 0 });
    // 23 entries, every third flagged, alternating between two sending systems.
    await appendTransfers(
      Array.from({ length: 23 }, (_, i) =>
        event({ sendingSystem: i % 2 ? "crm" : "wallet-core", flags: i % 3 === 0 ? [{ code: "no-approval", reason: "no approval id" }] : [] }),
      ),
      t.db,
    );
    expect(await logTileCounts(t.db)).toEqual({ logged: 23, flagged: 8 });
  });

  it("pages newer and older by keyset and comes back to the same pages", async () => {
    const limit = 5;
    const filter = { sendingSystem: "wallet-core" };
    // Walk older to the end, remembering each page, then walk newer back to the first.
    const pages: number[][] = [];
    let before: number | undefined;
    for (;;) {
      const page = await listLogEntries(filter, { before, limit }, t.db);
      pages.push(page.entries.map((e) => e.seq));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(pages.flat()).toEqual([22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0]);
    for (let i = pages.length - 1; i > 0; i--) {
      const cursor = await newerLogPageCursor(filter, pages[i][0], limit, t.db);
      const newer = await listLogEntries(filter, { before: cursor ?? undefined, limit }, t.db);
      expect(newer.entries.map((e) => e.seq)).toEqual(pages[i - 1]);
    }
    expect(await newerLogPageCursor(filter, pages[0][0], limit, t.db)).toBeNull();
  });

  it("pages the access log newer and older, also for one actor", async () => {
    for (let i = 0; i < 12; i++) {
      await recordLogAccess({ actorLabel: i % 2 ? "sts@qplus.local" : "auditor@qplus.local", actorUserId: null, principalKind: "user", role: i % 2 ? "sts" : "auditor", action: "view-list", detail: { i }, address: null }, t.db);
    }
    const first = await listLogAccess({ limit: 4 }, t.db);
    const second = await listLogAccess({ limit: 4, before: first.nextBefore! }, t.db);
    expect(await newerAccessPageCursor(second.events[0].id, 4, undefined, t.db)).toBeNull();
    const third = await listLogAccess({ limit: 4, before: second.nextBefore! }, t.db);
    const back = await listLogAccess({ limit: 4, before: (await newerAccessPageCursor(third.events[0].id, 4, undefined, t.db)) ?? undefined }, t.db);
    expect(back.events.map((e) => e.id)).toEqual(second.events.map((e) => e.id));

    const sts = await listLogAccess({ limit: 2, actor: "sts@qplus.local" }, t.db);
    expect(sts.events.every((e) => e.actorLabel === "sts@qplus.local")).toBe(true);
    const stsOlder = await listLogAccess({ limit: 2, actor: "sts@qplus.local", before: sts.nextBefore! }, t.db);
    const stsBack = await newerAccessPageCursor(stsOlder.events[0].id, 2, "sts@qplus.local", t.db);
    expect(stsBack).toBeNull();
  });

  it("records who asked for an on-demand checkpoint, in the same transaction as the checkpoint", async () => {
    const cp = await issueCheckpoint(t.db, { id: null, email: "auditor@qplus.local" });
    expect(cp.treeSize).toBe(23);
    expect(verifyCheckpoint(cp.note, await listLogPublicKeys(t.db))).toMatchObject({ ok: true });
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "log-checkpoint"), eq(auditEvents.entityId, String(cp.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: "auditor@qplus.local", action: "issued", after: { treeSize: 23, rootHash: cp.rootHash } });
    // A scheduled checkpoint (no one asked) leaves no audit row.
    const scheduled = await issueCheckpoint(t.db);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, String(scheduled.id)))).toHaveLength(0);
  });
});
