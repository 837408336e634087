import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../test-db";
import { rowsOf } from "../client";
import { seedPolicyFacts } from "../seed";
import { createUser } from "./users";
import { countPendingDeletionActs, createDeletionAct, decideDeletionAct, getDeletionAct, listDeletionActEvents, listDeletionActs, recordDeletionActDownload, transfersOfPurposes, type ActActor } from "./deletion-acts";
import { deletionActInput } from "@/lib/validation/deletion-act";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";

let t: TestDb;
const people: Record<string, ActActor> = {};
const system = { id: null, email: "system" };

beforeAll(async () => {
  t = await createTestDb();
  await seedPolicyFacts(t.db);
  for (const [key, role] of [
    ["engineer", "engineer"],
    ["dpo", "dpo"],
    ["admin", "admin"],
  ] as const) {
    const u = await createUser({ email: `${key}@qplus.test`, name: `${key} person`, role, password: "a long password!" }, system, t.db);
    people[key] = { id: u.id, email: u.email, name: `${key} person`, role };
  }
});
afterAll(async () => t?.close());

const input = (overrides: Record<string, unknown> = {}) =>
  deletionActInput.parse({
    actDate: "2026-11-25",
    deletedOn: "2026-11-24",
    subjectKind: "wallet",
    subjectValue: "77011234567",
    purposeCodes: ["C7"],
    dataItems: ["contact: email"],
    systems: "crm-marketing\nmailer",
    reason: "consent-withdrawn",
    legalReferenceCodes: ["KZ-PDL"],
    legalGround: "KZ-PDL art. 18: consent withdrawn",
    method: "erasure",
    language: "kk-ru",
    executorUserId: people.engineer.id,
    ...overrides,
  });

/** Drizzle wraps the database's error: match the message of its cause. */
async function refused(work: Promise<unknown>, pattern: RegExp) {
  const err = await work.then(
    () => null,
    (e: Error & { cause?: Error }) => e,
  );
  expect(err, "expected the database to refuse").not.toBeNull();
  expect(`${err!.cause?.message ?? ""} ${err!.message}`).toMatch(pattern);
}

describe("deletion acts", () => {
  it("records an act with its number, snapshot and 'created' event, awaiting approval", async () => {
    const { id, number } = await createDeletionAct(input(), people.dpo, t.db);
    expect(number).toBe("DA-2026-0001");
    const act = (await getDeletionAct(id, t.db))!;
    expect(act).toMatchObject({ status: "pending", decision: null, systems: ["crm-marketing", "mailer"], subjectRequestId: null });
    expect(act.snapshot.executor.email).toBe("engineer@qplus.test");
    expect(act.snapshot.operator.bin).toBe("060640010247");
    expect(act.snapshot.categories.map((c) => c.key)).toEqual(["contact"]);
    expect((await listDeletionActEvents(id, t.db)).map((e) => e.kind)).toEqual(["created"]);
  });

  it("refuses an act for a subject request that is not a completed deletion", async () => {
    const err = await createDeletionAct(input({ subjectRequestId: "0b7e9c44-1d2a-4f6e-8c3b-5a9d7e2f1c00" }), people.dpo, t.db).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.fieldErrors).toEqual({ subjectRequestId: "requestNotCompletedDeletion" });
  });

  it("refuses unknown purposes, items and executors at their fields", async () => {
    const err = await createDeletionAct(input({ purposeCodes: ["C99"], dataItems: ["contact: pigeon"], executorUserId: "00000000-0000-4000-8000-000000000000" }), people.dpo, t.db).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.fieldErrors).toEqual({ purposeCodes: "unknownPurpose", dataItems: "unknownDataItem", executorUserId: "unknownExecutor" });
  });

  it("four eyes: neither the executor nor the recorder approves; another person does", async () => {
    const { id } = await createDeletionAct(input(), people.dpo, t.db);
    await expect(decideDeletionAct({ actId: id, outcome: "approved", comment: null }, people.dpo, t.db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideDeletionAct({ actId: id, outcome: "approved", comment: null }, people.engineer, t.db)).rejects.toBeInstanceOf(ForbiddenError);
    await decideDeletionAct({ actId: id, outcome: "approved", comment: "checked" }, people.admin, t.db);
    const act = (await getDeletionAct(id, t.db))!;
    expect(act.status).toBe("approved");
    expect(act.decision).toMatchObject({ approverEmail: "admin@qplus.test", comment: "checked" });
    // One decision per act.
    await expect(decideDeletionAct({ actId: id, outcome: "rejected", comment: "too late" }, people.admin, t.db)).rejects.toThrow(/alreadyDecided/);
  });

  it("a correction references an approved act with its reason, and supersedes it once approved", async () => {
    const { id: oldId, number: oldNumber } = await createDeletionAct(input(), people.dpo, t.db);
    // Not approved yet: nothing to correct.
    const early = await createDeletionAct(input({ kind: "correction", supersedesActId: oldId, supersedeReason: "Wrong system" }), people.dpo, t.db).catch((e) => e);
    expect(early.fieldErrors).toEqual({ supersedesActId: "supersedeOnlyApproved" });
    await decideDeletionAct({ actId: oldId, outcome: "approved", comment: null }, people.admin, t.db);
    const { id } = await createDeletionAct(input({ kind: "correction", supersedesActId: oldId, supersedeReason: "Wrong system", systems: "crm-marketing" }), people.dpo, t.db);
    // A second correction while the first is pending is refused.
    const second = await createDeletionAct(input({ kind: "void", supersedesActId: oldId, supersedeReason: "Duplicate" }), people.dpo, t.db).catch((e) => e);
    expect(second.fieldErrors).toEqual({ supersedesActId: "alreadySuperseded" });
    await decideDeletionAct({ actId: id, outcome: "approved", comment: null }, people.admin, t.db);
    const old = (await getDeletionAct(oldId, t.db))!;
    expect((await listDeletionActs({ q: old.number }, t.db)).map((r) => r.superseded)).toEqual([true]);
    expect(old.supersededBy.map((a) => a.kind)).toEqual(["correction"]);
    expect((await listDeletionActEvents(oldId, t.db)).map((e) => e.kind)).toEqual(["created", "approved", "superseded"]);
    expect((await getDeletionAct(id, t.db))!.snapshot.supersedes).toEqual({ id: oldId, number: oldNumber });
  });

  it("records downloads in the act's trail", async () => {
    const { id } = await createDeletionAct(input(), people.dpo, t.db);
    await recordDeletionActDownload({ actId: id, format: "pdf", language: "kk-ru", sha256: "ab".repeat(32), address: "10.0.0.1" }, { id: people.admin.id, label: people.admin.email, role: "admin" }, t.db);
    const trail = await listDeletionActEvents(id, t.db);
    expect(trail.at(-1)).toMatchObject({ kind: "download", format: "pdf", actorLabel: "admin@qplus.test", detail: { language: "kk-ru", sha256: "ab".repeat(32) } });
  });

  it("searches, filters and sorts the list", async () => {
    await createDeletionAct(input({ subjectKind: "login", subjectValue: "+77770001122" }), people.dpo, t.db);
    expect((await listDeletionActs({ q: "0001122" }, t.db)).map((r) => r.subjectValue)).toEqual(["+77770001122"]);
    // No act is linked to this request (the positive case is in subject-requests.test.ts, with a real request).
    expect(await listDeletionActs({ request: "0b7e9c44-1d2a-4f6e-8c3b-5a9d7e2f1c00" }, t.db)).toEqual([]);
    const approved = await listDeletionActs({ status: "approved" }, t.db);
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.every((r) => r.status === "approved")).toBe(true);
    const numbers = (await listDeletionActs({ sort: "number", dir: "asc" }, t.db)).map((r) => r.number);
    expect(numbers).toEqual([...numbers].sort());
  });

  it("numbers are gap-free and unique under concurrent creation, per year", async () => {
    const before = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from deletion_acts where year = 2027`))[0].n;
    expect(before).toBe(0);
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => createDeletionAct(input({ actDate: "2027-01-15", deletedOn: "2027-01-14", subjectValue: `wallet-${i}` }), people.dpo, t.db)));
    const seqs = created.map((c) => Number(c.number.slice(-4))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(created.every((c) => c.number.startsWith("DA-2027-"))).toBe(true);
    // A failed creation returns its number: the next act takes it, no gap.
    await createDeletionAct(input({ actDate: "2027-02-01", deletedOn: "2027-02-01", purposeCodes: ["C99"] }), people.dpo, t.db).catch(() => null);
    const next = await createDeletionAct(input({ actDate: "2027-02-01", deletedOn: "2027-02-01" }), people.dpo, t.db);
    expect(next.number).toBe("DA-2027-0013");
  });

  it("is append-only in the database, even for the owner: acts, decisions and trail refuse UPDATE, DELETE and TRUNCATE", async () => {
    const { id } = await createDeletionAct(input(), people.dpo, t.db);
    await decideDeletionAct({ actId: id, outcome: "rejected", comment: "wrong subject" }, people.admin, t.db);
    await refused(t.owner.execute(sql`update deletion_acts set subject_value = 'x' where id = ${id}`), /append-only/);
    await refused(t.owner.execute(sql`delete from deletion_acts where id = ${id}`), /append-only/);
    await refused(t.owner.execute(sql`truncate deletion_acts cascade`), /append-only/);
    await refused(t.owner.execute(sql`update deletion_act_decisions set outcome = 'approved' where act_id = ${id}`), /append-only/);
    await refused(t.owner.execute(sql`delete from deletion_act_decisions where act_id = ${id}`), /append-only/);
    await refused(t.owner.execute(sql`delete from deletion_act_events where act_id = ${id}`), /append-only/);
    await refused(t.owner.execute(sql`update deletion_act_events set actor_label = 'x' where act_id = ${id}`), /append-only/);
    await refused(
      t.owner.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from deletion_act_events where act_id = ${id}`);
      }),
      // A superuser gets past the setting and is stopped by the trigger; the owner cannot set it.
      /append-only|permission denied to set parameter/,
    );
    // The counter only moves forward by one: no reuse of a number.
    await refused(t.owner.execute(sql`update deletion_act_counters set last_number = 1 where year = 2026`), /forward/);
    await refused(t.owner.execute(sql`delete from deletion_act_counters where year = 2026`), /forward/);
    expect((await getDeletionAct(id, t.db))!.status).toBe("rejected");
  });

  it("finds whom the transfer log says data of the act's purposes went to, up to the act", async () => {
    const [halyk] = rowsOf<{ id: string }>(await t.db.execute(sql`select id from recipients where key = 'halyk-bank'`));
    const entry = (seq: number, purposes: string[], loggedAt: string) =>
      t.db.execute(sql`insert into transfer_log_entries (seq, logged_at, occurred_at, recipient_id, recipient_version, purpose_codes, data_items, record_count, subject_populations, sending_system, destination_country, idempotency_key, flags, leaf_hash)
        values (${seq}, ${loggedAt}, ${loggedAt}, ${halyk.id}, 1, ${JSON.stringify(purposes)}::jsonb, '[]', 1, '[]', 'test', 'KZ', ${`acts-${seq}`}, '[]', '\\x00')`);
    await entry(0, ["C3", "C7"], "2026-11-01T10:00:00.000Z");
    await entry(1, ["C1"], "2026-11-02T10:00:00.000Z");
    await entry(2, ["C7"], "2026-12-01T10:00:00.000Z");
    const found = await transfersOfPurposes(["C7", "C8"], new Date("2026-11-30T00:00:00.000Z"), t.db);
    expect(found).toEqual([{ recipientId: halyk.id, recipient: "Halyk Bank of Kazakhstan JSC", transfers: 1, lastOccurredAt: "2026-11-01T10:00:00.000Z", lastSeq: 0 }]);
    expect(await transfersOfPurposes([], new Date(), t.db)).toEqual([]);
  });

  it("counts the acts awaiting approval", async () => {
    const before = await countPendingDeletionActs(t.db);
    const { id } = await createDeletionAct(input(), people.dpo, t.db);
    expect(await countPendingDeletionActs(t.db)).toBe(before + 1);
    await decideDeletionAct({ actId: id, outcome: "approved", comment: null }, people.admin, t.db);
    expect(await countPendingDeletionActs(t.db)).toBe(before);
  });
});
