import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "./test-db";
import { rowsOf } from "./client";

let t: TestDb;

/** Drizzle wraps the database's error: match the message of its cause. */
async function refused(work: Promise<unknown>, pattern: RegExp) {
  const err = await work.then(
    () => null,
    (e: Error & { cause?: Error }) => e,
  );
  expect(err, "expected the database to refuse").not.toBeNull();
  expect(`${err!.cause?.message ?? ""} ${err!.message}`).toMatch(pattern);
}
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

async function insertEntry(seq: number) {
  await t.db.execute(sql`insert into transfer_log_entries (seq, logged_at, occurred_at, recipient_id, recipient_version, purpose_codes, data_items, record_count, subject_populations, sending_system, destination_country, idempotency_key, flags, leaf_hash)
    values (${seq}, now(), now(), gen_random_uuid(), 1, '[]', '[]', 1, '[]', 'test', 'KZ', ${"k" + seq + Math.random()}, '[]', '\\x00')`);
}

describe(`the log is append-only in the database itself`, () => {
  it("refuses UPDATE, DELETE and TRUNCATE, even for the owner and with replication role", async () => {
    await insertEntry(1000);
    await refused(t.owner.execute(sql`update transfer_log_entries set record_count = 2 where seq = 1000`), /append-only/);
    await refused(t.owner.execute(sql`delete from transfer_log_entries where seq = 1000`), /append-only/);
    await refused(t.owner.execute(sql`truncate transfer_log_entries`), /append-only/);
    // A superuser (PGlite) gets past the setting and is stopped by the trigger; the owner cannot set it.
    await refused(t.owner.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from transfer_log_entries where seq = 1000`);
      }), /append-only|permission denied to set parameter/);
    const [row] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from transfer_log_entries where seq = 1000`));
    expect(row.n).toBe(1);
  });

  it("the writer role can insert and read but not update, even without the triggers' help", async () => {
    await refused(t.db.transaction(async (tx) => {
        await tx.execute(sql`set local role qplus_log_writer`);
        await tx.execute(sql`alter table transfer_log_entries disable trigger all`);
      }), /owner|permission|must be/i);
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local role qplus_log_writer`);
      const rows = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from transfer_log_entries`));
      expect(rows[0].n).toBeGreaterThan(0);
    });
    await refused(t.db.transaction(async (tx) => {
        await tx.execute(sql`set local role qplus_log_writer`);
        await tx.execute(sql`select * from users`);
      }), /permission denied/);
  });

  it("guards checkpoints and the access log the same way, and keeps the head row", async () => {
    await t.db.execute(sql`insert into log_access_events (actor_label, principal_kind, action, detail) values ('x', 'user', 'view', '{}')`);
    await refused(t.owner.execute(sql`update log_access_events set action = 'nothing'`), /append-only/);
    await t.db.execute(sql`insert into log_checkpoints (tree_size, root_hash, key_id, note, issued_at) values (0, 'x', 'k', 'n', now())`);
    await refused(t.owner.execute(sql`delete from log_checkpoints`), /append-only/);
    await refused(t.owner.execute(sql`delete from transfer_log_head`), /append-only/);
  });
});
