import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../test-db";
import { rowsOf } from "../client";
import { appendTransfers, consistencyBetween, inclusionReceipt, issueCheckpoint, issueHistoricalCheckpoint, latestCheckpoint, listCheckpoints, listLogEntries, logHead, seqRangeLoggedBetween, streamLogEntries, type PreparedTransfer } from "./transfer-log";
import { listLogPublicKeys, rotateSigningKey } from "./log-keys";
import { entryLeafHash, merkleRoot, verifyCheckpoint, verifyConsistency, verifyInclusion } from "@/lib/transfer-log";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

let n = 0;
const event = (over: Partial<PreparedTransfer> = {}): PreparedTransfer => ({
  occurredAt: "2026-11-20T08:15:00.000Z",
  recipientId: "8d1b5a52-5b7e-4f4e-9d3a-2f5c8c1f0a11",
  recipientVersion: 1,
  approvalId: null,
  purposeCodes: ["C3"],
  dataItems: ["financial: balance"],
  recordCount: 10,
  subjectPopulations: ["kz-subjects"],
  sendingSystem: "wallet-core",
  destinationCountry: "KZ",
  idempotencyKey: `evt-${++n}`,
  externalReference: null,
  flags: [],
  ...over,
});

describe("appending to the log", () => {
  it("assigns gap-free sequence numbers and hashes exactly what is stored", async () => {
    const results = await appendTransfers([event(), event(), event({ flags: [{ code: "no-approval", reason: "no approval id" }] })], t.db);
    expect(results.map((r) => r.seq)).toEqual([0, 1, 2]);
    // Read back from the database: the recomputed hash equals the stored one.
    for await (const batch of streamLogEntries({}, t.db)) {
      for (const e of batch) {
        const { leafHash, ...entry } = e;
        expect(Buffer.from(entryLeafHash(entry)).toString("hex")).toBe(leafHash);
      }
    }
  });

  it("answers a retry with the first answer and never logs twice", async () => {
    const first = await appendTransfers([event({ idempotencyKey: "retry-1" })], t.db);
    const again = await appendTransfers([event({ idempotencyKey: "retry-1", recordCount: 999 }), event({ idempotencyKey: "retry-1" })], t.db);
    expect(again).toEqual([
      { ...first[0], duplicate: true },
      { ...first[0], duplicate: true },
    ]);
    const [{ n: count }] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from transfer_log_entries where idempotency_key = 'retry-1'`));
    expect(count).toBe(1);
  });

  it("keeps the head's root equal to the root over all stored leaves", async () => {
    const head = await logHead(t.db);
    const rows = rowsOf<{ leaf_hash: Uint8Array }>(await t.db.execute(sql`select leaf_hash from transfer_log_entries order by seq`));
    expect(head.size).toBe(rows.length);
    expect(head.rootHash.equals(merkleRoot(rows.map((r) => Buffer.from(r.leaf_hash))))).toBe(true);
  });

  it("16 concurrent writers leave no fork and no gap", async () => {
    const before = (await logHead(t.db)).size;
    await Promise.all(Array.from({ length: 16 }, (_, w) => appendTransfers(Array.from({ length: 25 }, () => event({ sendingSystem: `writer-${w}` })), t.db)));
    const rows = rowsOf<{ seq: string | number }>(await t.db.execute(sql`select seq from transfer_log_entries order by seq`));
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: before + 400 }, (_, i) => i));
    const head = await logHead(t.db);
    const leaves = rowsOf<{ leaf_hash: Uint8Array }>(await t.db.execute(sql`select leaf_hash from transfer_log_entries order by seq`));
    expect(head.rootHash.equals(merkleRoot(leaves.map((r) => Buffer.from(r.leaf_hash))))).toBe(true);
  });
});

describe("group commit", () => {
  it("commits concurrent batches together, yet one bad batch fails alone", async () => {
    const before = (await logHead(t.db)).size;
    // The first call takes the lock; the next three queue and are committed as one group,
    // in which the middle batch cannot be stored (not a uuid): it must not take the others down.
    const calls = [
      appendTransfers([event({ idempotencyKey: "group-a" })], t.db),
      appendTransfers([event({ idempotencyKey: "group-b" }), event({ idempotencyKey: "group-a" })], t.db),
      appendTransfers([event({ idempotencyKey: "group-bad", recipientId: "not-a-uuid" })], t.db),
      appendTransfers([event({ idempotencyKey: "group-c" }), event({ idempotencyKey: "group-b" })], t.db),
    ];
    const [a, b, bad, c] = await Promise.allSettled(calls);
    expect(bad.status).toBe("rejected");
    if (a.status !== "fulfilled" || b.status !== "fulfilled" || c.status !== "fulfilled") throw new Error("a good batch failed");
    // Retries across batches of a group get the first answer.
    expect(b.value[1]).toEqual({ ...a.value[0], duplicate: true });
    expect(c.value[1]).toEqual({ ...b.value[0], duplicate: true });
    expect([a.value[0].seq, b.value[0].seq, c.value[0].seq]).toEqual([before, before + 1, before + 2]);
    const rows = rowsOf<{ seq: string | number }>(await t.db.execute(sql`select seq from transfer_log_entries order by seq`));
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: before + 3 }, (_, i) => i));
  });
});

describe("checkpoints and proofs", () => {
  it("signs checkpoints that verify with the published keys, also after a rotation", async () => {
    const cp1 = await issueCheckpoint(t.db);
    await appendTransfers([event(), event()], t.db);
    await rotateSigningKey({ id: null, email: "admin@qplus.local" }, "yearly rotation", t.db);
    const cp2 = await issueCheckpoint(t.db);
    const keys = await listLogPublicKeys(t.db);
    expect(keys).toHaveLength(2);
    expect(keys[0].validUntil).not.toBeNull();
    expect(verifyCheckpoint(cp1.note, keys)).toMatchObject({ ok: true });
    expect(verifyCheckpoint(cp2.note, keys)).toMatchObject({ ok: true });
    expect(cp1.keyId).not.toBe(cp2.keyId);
    // A checkpoint signed with the retired key after its period would not verify: forge one by editing the note.
    expect(verifyCheckpoint(cp2.note.replace(/\n\d+\n/, `\n${cp2.treeSize + 1}\n`), keys)).toMatchObject({ ok: false });
  });

  it("proves inclusion of any entry and consistency between checkpoints", async () => {
    const receipt = await inclusionReceipt(5, t.db);
    expect(receipt?.checkpoint).not.toBeNull();
    const ok = verifyInclusion(
      Buffer.from(receipt!.leafHash, "hex"),
      5,
      receipt!.checkpoint!.treeSize,
      receipt!.proof!.map((p) => Buffer.from(p, "base64")),
      Buffer.from(receipt!.checkpoint!.rootHash, "base64"),
    );
    expect(ok).toBe(true);
    const head = await logHead(t.db);
    const proof = await consistencyBetween(3, head.size, t.db);
    const rows = rowsOf<{ leaf_hash: Uint8Array }>(await t.db.execute(sql`select leaf_hash from transfer_log_entries order by seq`));
    const leaves = rows.map((r) => Buffer.from(r.leaf_hash));
    expect(verifyConsistency(3, head.size, merkleRoot(leaves, 3), head.rootHash, proof!.map((p) => Buffer.from(p, "base64")))).toBe(true);
  });

  it("signs and stores a checkpoint for an earlier size whose root matches the tree at that size, without hiding the latest", async () => {
    const before = await issueCheckpoint(t.db);
    const c = await issueHistoricalCheckpoint(4, { id: null, email: "auditor@example.kz" }, "bundle 0..3", t.db);
    const keys = await listLogPublicKeys(t.db);
    expect(verifyCheckpoint(c.note, keys)).toMatchObject({ ok: true, checkpoint: { size: 4 } });
    const rows = rowsOf<{ leaf_hash: Uint8Array }>(await t.db.execute(sql`select leaf_hash from transfer_log_entries order by seq limit 4`));
    expect(c.rootHash).toBe(merkleRoot(rows.map((r) => Buffer.from(r.leaf_hash))).toString("base64"));
    // Listed like any other, with who asked for it in the audit trail.
    expect((await listCheckpoints({ limit: 1 }, t.db))[0]).toMatchObject({ id: c.id, treeSize: 4 });
    const [audit] = rowsOf<{ actor_email: string; after: { treeSize: number; for: string } }>(
      await t.db.execute(sql`select actor_email, after from audit_events where entity = 'log-checkpoint' and entity_id = ${String(c.id)}`),
    );
    expect(audit).toMatchObject({ actor_email: "auditor@example.kz", after: { treeSize: 4, for: "bundle 0..3" } });
    // "The latest checkpoint" is still the one of the largest tree.
    expect((await latestCheckpoint(t.db))?.id).toBe(before.id);
    await expect(issueHistoricalCheckpoint(before.treeSize + 1, null, "beyond the head", t.db)).rejects.toThrow(/fewer than/);
  });

  it("finds the seq range of the entries logged in a window", async () => {
    const all = rowsOf<{ seq: string; logged_at: Date | string }>(await t.db.execute(sql`select seq, logged_at from transfer_log_entries order by seq`));
    const first = new Date(all[0].logged_at);
    const last = new Date(all.at(-1)!.logged_at);
    expect(await seqRangeLoggedBetween(first, new Date(last.getTime() + 1), t.db)).toEqual({ from: 0, to: all.length - 1 });
    expect(await seqRangeLoggedBetween(new Date(last.getTime() + 1), new Date(last.getTime() + 60_000), t.db)).toBeNull();
  });

  it("pages newest first by keyset and filters flagged entries", async () => {
    const page1 = await listLogEntries({}, { limit: 5 }, t.db);
    expect(page1.entries.map((e) => e.seq)).toEqual([...page1.entries.map((e) => e.seq)].sort((a, b) => b - a));
    const page2 = await listLogEntries({}, { before: page1.nextBefore!, limit: 5 }, t.db);
    expect(page2.entries[0].seq).toBe(page1.entries[4].seq - 1);
    const flagged = await listLogEntries({ flagged: true }, {}, t.db);
    expect(flagged.entries.map((e) => e.seq)).toEqual([2]);
  });
});

describe("the CSV download comes from the database's COPY", () => {
  it("streams every matching entry with the machine-readable header, in seq order", async () => {
    const { copyLogCsv } = await import("./log-copy");
    const { rawClientOf } = await import("../test-db");
    const read = async (filter: Parameters<typeof copyLogCsv>[0]) => {
      const stream = copyLogCsv(filter, rawClientOf(t));
      const text = await new Response(stream).text();
      return text.trim().split("\n");
    };
    const all = await read({});
    const head = await logHead(t.db);
    expect(all[0]).toBe("seq,loggedAt,occurredAt,recipientId,recipientVersion,approvalId,purposeCodes,dataItems,recordCount,subjectPopulations,sendingSystem,destinationCountry,idempotencyKey,externalReference,flags,leafHash");
    expect(all).toHaveLength(head.size + 1);
    expect(all.slice(1).map((l) => Number(l.split(",")[0]))).toEqual(Array.from({ length: head.size }, (_, i) => i));
    expect(all[3]).toMatch(/^2,2026-.*Z,2026-11-20T08:15:00\.000Z,.*"\[\{""code"": ""no-approval"".*,[0-9a-f]{64}$/);
    const flagged = await read({ flagged: true });
    expect(flagged.slice(1).map((l) => Number(l.split(",")[0]))).toEqual([2]);
    const system = await read({ sendingSystem: "writer-3' or '1'='1" });
    expect(system).toHaveLength(1);
    // Small batches (the embedded path) give the same bytes as one pass.
    const batched = (await new Response(copyLogCsv({}, rawClientOf(t), 7)).text()).trim().split("\n");
    expect(batched).toEqual(all);
  });
});
