/**
 * Issue 12, item 6: the portal's own database user cannot rewrite what is append-only.
 * Part of it runs on both databases (the triggers hold for every role, the owner included; the
 * grants are what the migration says); the part about the serving login role needs PostgreSQL,
 * where the portal connects as a role that owns nothing (embedded PGlite has one user).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { createTestDb, testRoles, type TestDb } from "./test-db";
import { rowsOf, type Db } from "./client";
import { seedPolicyFacts } from "./seed";
import { createUser } from "./queries/users";
import { createTransferRequest, decideTransferRequest } from "./queries/transfer-requests";
import { appendTransfers, issueCheckpoint, logHead, recordLogAccess } from "./queries/transfer-log";
import { listLogPublicKeys, rotateSigningKey } from "./queries/log-keys";
import { createDeletionAct, decideDeletionAct } from "./queries/deletion-acts";
import { recordSubjectRequest } from "./queries/subject-requests";
import { describeServingRole } from "./queries/database-role";
import { migrateDatabase, pendingMigrations } from "./migrate";
import { createOwnedDatabase, urlAs } from "./roles";
import { recipients } from "./schema";
import { transferRequestInput } from "@/lib/validation/transfer-request";
import { deletionActInput } from "@/lib/validation/deletion-act";
import { recordSubjectRequestInput } from "@/lib/validation/subject-request";
import { businessDate } from "@/lib/transfers/constants";
import { addCalendarDays } from "@/lib/rules/working-days";

const onPostgres = !!process.env.DATABASE_URL?.trim();
let t: TestDb;

/** Written once, then only read: no role may UPDATE, DELETE or TRUNCATE them. */
const APPEND_ONLY = [
  "transfer_log_entries",
  "log_checkpoints",
  "log_access_events",
  "audit_events",
  "recipient_versions",
  "catalogue_versions",
  "transfer_rule_evaluations",
  "transfer_decisions",
  "transfer_request_events",
  "policy_publications",
  "deletion_acts",
  "deletion_act_decisions",
  "deletion_act_events",
  "subject_request_events",
] as const;

/** Changed only in the ways their triggers allow, never deleted or truncated. */
const NEVER_DELETED = ["transfer_log_head", "log_signing_keys", "deletion_act_counters", "subject_requests", "recipients", "processing_purposes", "transfer_requests"] as const;

/**
 * What the serving group role (qplus_portal) may do to each table, directly or through
 * qplus_log_writer: the migration's grants, as a list a reviewer can read. A table added later
 * fails this test until its writes are decided (it is only readable by default).
 */
const SERVING_PRIVILEGES: Record<string, string> = {
  users: "SELECT INSERT UPDATE",
  sign_in_attempts: "SELECT INSERT",
  sign_in_counters: "SELECT INSERT UPDATE",
  api_tokens: "SELECT INSERT UPDATE",
  audit_events: "SELECT INSERT",
  recipients: "SELECT INSERT UPDATE",
  recipient_purposes: "SELECT INSERT DELETE",
  recipient_versions: "SELECT INSERT",
  processing_actions: "SELECT INSERT UPDATE",
  data_categories: "SELECT INSERT UPDATE",
  data_items: "SELECT INSERT UPDATE",
  subject_categories: "SELECT INSERT UPDATE",
  legal_references: "SELECT INSERT UPDATE",
  countries: "SELECT INSERT UPDATE",
  country_calendar_days: "SELECT INSERT UPDATE",
  processing_purposes: "SELECT INSERT UPDATE",
  purpose_data_items: "SELECT INSERT DELETE",
  catalogue_versions: "SELECT INSERT",
  policy_publications: "SELECT INSERT",
  transfer_requests: "SELECT INSERT UPDATE",
  transfer_rule_evaluations: "SELECT INSERT",
  transfer_decisions: "SELECT INSERT",
  transfer_request_events: "SELECT INSERT",
  notifications: "SELECT INSERT UPDATE",
  notification_reads: "SELECT INSERT",
  email_outbox: "SELECT INSERT UPDATE",
  // UPDATE of the key column only, for SELECT … FOR UPDATE; the trigger refuses any real update.
  deletion_acts: "SELECT INSERT UPDATE(id)",
  deletion_act_decisions: "SELECT INSERT",
  deletion_act_events: "SELECT INSERT",
  deletion_act_counters: "SELECT INSERT UPDATE",
  subject_requests: "SELECT INSERT UPDATE",
  subject_request_events: "SELECT INSERT",
  // The log: written through qplus_log_writer (the head's UPDATE is held in check by its trigger).
  transfer_log_entries: "SELECT INSERT",
  transfer_log_head: "SELECT UPDATE",
  transfer_log_daily: "SELECT INSERT UPDATE",
  log_checkpoints: "SELECT INSERT",
  log_access_events: "SELECT INSERT",
  log_signing_keys: "SELECT INSERT UPDATE(valid_until)",
};

/** The database's refusal, whichever guard gave it: a trigger, a missing grant, not being the owner. */
async function refused(work: Promise<unknown>, pattern: RegExp) {
  const err = await work.then(
    () => null,
    (e: Error & { cause?: Error }) => e,
  );
  expect(err, "expected the database to refuse").not.toBeNull();
  expect(`${err!.cause?.message ?? ""} ${err!.message}`).toMatch(pattern);
}

const count = async (db: Db, table: string) => rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from "${table}"`)))[0].n;
const firstColumn = async (db: Db, table: string) =>
  rowsOf<{ column_name: string }>(
    await db.execute(sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position limit 1`),
  )[0].column_name;

/** An UPDATE that changes nothing still fires the row trigger: it is the attempt that is refused. */
const touchOneRow = async (db: Db, table: string) => {
  const column = await firstColumn(db, table);
  return db.execute(sql.raw(`update "${table}" set "${column}" = "${column}" where ctid = (select ctid from "${table}" limit 1)`));
};
const deleteOneRow = (db: Db, table: string) => db.execute(sql.raw(`delete from "${table}" where ctid = (select ctid from "${table}" limit 1)`));
const truncate = (db: Db, table: string) => db.execute(sql.raw(`truncate "${table}" cascade`));

const TRIGGER = /append-only|refused|only moves forward|never deleted/;
const ANY_REFUSAL = /append-only|refused|only moves forward|never deleted|permission denied|must be owner/;

const event = (i: number) => ({
  occurredAt: "2026-11-20T08:15:00.000Z",
  recipientId: "8d1b5a52-5b7e-4f4e-9d3a-2f5c8c1f0a11",
  recipientVersion: 1,
  approvalId: null,
  purposeCodes: ["C3"],
  dataItems: ["financial: balance"],
  recordCount: 1,
  subjectPopulations: ["kz-subjects"],
  sendingSystem: "roles-test",
  destinationCountry: "KZ",
  idempotencyKey: `roles-${i}`,
  externalReference: null,
  flags: [],
});

beforeAll(async () => {
  t = await createTestDb();
  // A row in every append-only table, written the way the portal writes it, as the serving role.
  await seedPolicyFacts(t.db);
  const system = { id: null, email: "system" };
  const engineer = await createUser({ email: "engineer@roles.test", name: "Engineer", role: "engineer", password: "a long password!" }, system, t.db);
  const dpo = await createUser({ email: "dpo@roles.test", name: "DPO", role: "dpo", password: "a long password!" }, system, t.db);
  const [halyk] = await t.db.select({ id: recipients.id }).from(recipients).where(sql`${recipients.key} = 'halyk-bank'`);
  const today = businessDate();
  const request = await createTransferRequest(
    transferRequestInput.parse({
      recipientId: halyk.id,
      purposeCodes: ["C3"],
      subjectCategories: ["clients"],
      populations: ["kz-subjects"],
      dataItems: ["identifiers: wallet number"],
      actions: ["storage", "use"],
      mode: "recurring",
      periodStart: today,
      periodEnd: addCalendarDays(today, 30),
      expectedVolume: 10,
      volumePeriod: "day",
      sendingSystem: "payments-core",
      justification: "Wallet top-ups.",
    }),
    { userId: engineer.id, tokenId: null, label: engineer.email },
    { submit: true },
    t.db,
  );
  await decideTransferRequest({ id: request.id, expectedVersion: request.version, outcome: "rejected", reason: "Not now" }, { id: dpo.id, email: dpo.email }, new Date(), t.db);
  await appendTransfers([event(0), event(1), event(2)], t.db);
  await issueCheckpoint(t.db);
  await recordLogAccess({ actorLabel: dpo.email, actorUserId: dpo.id, principalKind: "user", role: "dpo", action: "view", detail: {}, address: null }, t.db);
  const act = await createDeletionAct(
    deletionActInput.parse({
      actDate: "2026-11-25",
      deletedOn: "2026-11-24",
      subjectKind: "wallet",
      subjectValue: "77011234567",
      purposeCodes: ["C7"],
      dataItems: ["contact: email"],
      systems: "crm-marketing",
      reason: "consent-withdrawn",
      legalReferenceCodes: ["KZ-PDL"],
      legalGround: "KZ-PDL art. 18: consent withdrawn",
      method: "erasure",
      language: "kk-ru",
      executorUserId: engineer.id,
    }),
    { id: dpo.id, email: dpo.email, name: "DPO", role: "dpo" },
    t.db,
  );
  const admin = await createUser({ email: "admin@roles.test", name: "Admin", role: "admin", password: "a long password!" }, system, t.db);
  await decideDeletionAct({ actId: act.id, outcome: "rejected", comment: "wrong subject" }, { id: admin.id, email: admin.email, name: "Admin", role: "admin" }, t.db);
  await recordSubjectRequest(
    recordSubjectRequestInput.parse({ subjectIdKind: "wallet", subjectId: "77010000001", contactAddress: "client@example.com", law: "KZ", channel: "email", right: "information", purposeCodes: ["C3"], answerLocale: "ru", receivedOn: today }),
    { id: dpo.id, email: dpo.email },
    new Date(),
    t.db,
  );
}, 180_000);
afterAll(async () => t?.close());

describe("append-only tables refuse every change, even for the owner of the tables", () => {
  it.each(APPEND_ONLY)("%s: UPDATE, DELETE and TRUNCATE are refused by its triggers and nothing changes", async (table) => {
    const before = await count(t.owner, table);
    expect(before, `the scenario wrote a row into ${table}`).toBeGreaterThan(0);
    await refused(touchOneRow(t.owner, table), TRIGGER);
    await refused(deleteOneRow(t.owner, table), TRIGGER);
    await refused(truncate(t.owner, table), TRIGGER);
    expect(await count(t.owner, table)).toBe(before);
  });

  it.each(NEVER_DELETED)("%s: DELETE and TRUNCATE are refused by its triggers", async (table) => {
    const before = await count(t.owner, table);
    expect(before).toBeGreaterThan(0);
    await refused(deleteOneRow(t.owner, table), TRIGGER);
    await refused(truncate(t.owner, table), TRIGGER);
    expect(await count(t.owner, table)).toBe(before);
  });

  it("the head moves only forward over entries that are all logged, never alone, back, or twice", async () => {
    const { size } = await logHead(t.owner);
    expect(size).toBe(3);
    await refused(t.owner.execute(sql`update transfer_log_head set size = size + 1`), /only moves forward with appended entries/);
    await refused(t.owner.execute(sql`update transfer_log_head set size = size - 1`), /only moves forward/);
    await refused(t.owner.execute(sql`update transfer_log_head set frontier = '[]'::jsonb`), /only moves forward/);
    await refused(t.owner.execute(sql`update transfer_log_head set size = 0, frontier = '[]'::jsonb`), /only moves forward/);
    await refused(t.owner.execute(sql`insert into transfer_log_head (id, size, frontier, updated_at) values (2, 0, '[]', now())`), /INSERT refused/);
    // An entry written beside the append path does not let the head skip over a missing one.
    await refused(
      t.owner.transaction(async (tx) => {
        await tx.execute(sql`insert into transfer_log_entries (seq, logged_at, occurred_at, recipient_id, recipient_version, purpose_codes, data_items, record_count, subject_populations, sending_system, destination_country, idempotency_key, flags, leaf_hash)
          values (${size + 1}, now(), now(), gen_random_uuid(), 1, '[]', '[]', 1, '[]', 'test', 'KZ', 'beside-the-path', '[]', '\\x00')`);
        await tx.execute(sql`update transfer_log_head set size = ${size + 2}`);
      }),
      /are not exactly what is logged/,
    );
    // The append path itself still moves it.
    await appendTransfers([event(3)], t.db);
    expect((await logHead(t.db)).size).toBe(4);
  });

  it("a signing key only gets its valid_until, once, and is never deleted or rewritten", async () => {
    const [first] = await listLogPublicKeys(t.db);
    expect(first.validUntil).toBeNull();
    await refused(t.owner.execute(sql`update log_signing_keys set public_key = 'forged' where key_id = ${first.keyId}`), /only gets its valid_until set, once/);
    await refused(t.owner.execute(sql`update log_signing_keys set valid_until = '2000-01-01' where key_id = ${first.keyId}`), /only gets its valid_until set, once/);
    await refused(t.owner.execute(sql`delete from log_signing_keys where key_id = ${first.keyId}`), /never deleted/);
    // Rotation is the one way: the old key is retired, once.
    await rotateSigningKey({ id: null, email: "system" }, "yearly rotation", t.db);
    const retired = (await listLogPublicKeys(t.db)).find((k) => k.keyId === first.keyId)!;
    expect(retired.validUntil).not.toBeNull();
    await refused(t.owner.execute(sql`update log_signing_keys set valid_until = now() + interval '1 year' where key_id = ${first.keyId}`), /only gets its valid_until set, once/);
    await refused(t.owner.execute(sql`update log_signing_keys set valid_until = null where key_id = ${first.keyId}`), /only gets its valid_until set, once/);
    expect((await listLogPublicKeys(t.db)).find((k) => k.keyId === first.keyId)!.validUntil).toBe(retired.validUntil);
  });

  it("the serving group role holds exactly the grants the migration lists, for every table", async () => {
    const tables = rowsOf<{ table_name: string }>(
      await t.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
    ).map((r) => r.table_name);
    const actual: Record<string, string> = {};
    for (const table of tables) {
      const [row] = rowsOf<Record<string, boolean>>(
        await t.db.execute(sql`select
          has_table_privilege('qplus_portal', ${table}, 'SELECT') as "SELECT", has_table_privilege('qplus_portal', ${table}, 'INSERT') as "INSERT",
          has_table_privilege('qplus_portal', ${table}, 'UPDATE') as "UPDATE", has_table_privilege('qplus_portal', ${table}, 'DELETE') as "DELETE",
          has_table_privilege('qplus_portal', ${table}, 'TRUNCATE') as "TRUNCATE", has_table_privilege('qplus_portal', ${table}, 'REFERENCES') as "REFERENCES",
          has_table_privilege('qplus_portal', ${table}, 'TRIGGER') as "TRIGGER"`),
      );
      const columns = rowsOf<{ column_name: string }>(
        await t.db.execute(sql`select column_name from information_schema.columns c where table_schema = 'public' and table_name = ${table}
          and has_column_privilege('qplus_portal', ${table}, c.column_name, 'UPDATE') order by ordinal_position`),
      ).map((r) => r.column_name);
      const held = Object.keys(row).filter((p) => row[p]);
      if (!row.UPDATE && columns.length) held.splice(held.indexOf("SELECT") + 1 + (row.INSERT ? 1 : 0), 0, `UPDATE(${columns.join(",")})`);
      actual[table] = held.join(" ");
    }
    expect(actual).toEqual(SERVING_PRIVILEGES);
  });
});

describe.skipIf(!onPostgres)("the serving login role (PostgreSQL only: embedded PGlite has a single superuser user)", () => {
  it("owns nothing: no table, sequence, function, schema or database, and cannot become a role that does", async () => {
    const [owned] = rowsOf<{ relations: number; functions: number; schemas: number; databases: number }>(
      await t.db.execute(sql`select
        (select count(*)::int from pg_class where pg_has_role(current_user, relowner, 'MEMBER')) as relations,
        (select count(*)::int from pg_proc where pg_has_role(current_user, proowner, 'MEMBER')) as functions,
        (select count(*)::int from pg_namespace where pg_has_role(current_user, nspowner, 'MEMBER')) as schemas,
        (select count(*)::int from pg_database where pg_has_role(current_user, datdba, 'MEMBER')) as databases`),
    );
    expect(owned).toEqual({ relations: 0, functions: 0, schemas: 0, databases: 0 });
    await refused(t.db.execute(sql.raw(`set role ${testRoles().owner}`)), /permission denied/);
    await refused(t.db.execute(sql`create table public.shadow (x int)`), /permission denied/);
    await refused(t.db.execute(sql`drop table transfer_log_entries`), /must be owner/);
    await refused(t.db.execute(sql`set session_replication_role = replica`), /permission denied/);
  });

  it.each(APPEND_ONLY)("%s: cannot disable its triggers, alter, update, delete or truncate it", async (table) => {
    const before = await count(t.db, table);
    await refused(t.db.execute(sql.raw(`alter table "${table}" disable trigger all`)), /must be owner/);
    await refused(t.db.execute(sql.raw(`alter table "${table}" disable trigger user`)), /must be owner/);
    await refused(t.db.execute(sql.raw(`alter table "${table}" add column rewritten text`)), /must be owner/);
    await refused(touchOneRow(t.db, table), ANY_REFUSAL);
    await refused(deleteOneRow(t.db, table), ANY_REFUSAL);
    await refused(truncate(t.db, table), ANY_REFUSAL);
    // Nor as the log writer it may switch to.
    await refused(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`set local role qplus_log_writer`);
        await tx.execute(sql.raw(`delete from "${table}"`));
      }),
      ANY_REFUSAL,
    );
    expect(await count(t.db, table)).toBe(before);
  });

  it("cannot move the head without an entry, nor retire a key twice, nor delete or rewrite a key", async () => {
    const { size } = await logHead(t.db);
    await refused(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`set local role qplus_log_writer`);
        await tx.execute(sql`update transfer_log_head set size = size + 1`);
      }),
      /only moves forward with appended entries/,
    );
    await refused(t.db.execute(sql`truncate transfer_log_head`), ANY_REFUSAL);
    await refused(t.db.execute(sql`alter table transfer_log_head disable trigger transfer_log_head_moves_with_entries`), /must be owner/);
    expect((await logHead(t.db)).size).toBe(size);

    const keys = await listLogPublicKeys(t.db);
    const retired = keys.find((k) => k.validUntil)!;
    const current = keys.find((k) => !k.validUntil)!;
    await refused(t.db.execute(sql`delete from log_signing_keys where key_id = ${current.keyId}`), /permission denied/);
    await refused(t.db.execute(sql`update log_signing_keys set public_key = 'forged' where key_id = ${current.keyId}`), /permission denied/);
    await refused(t.db.execute(sql`update log_signing_keys set valid_until = now() where key_id = ${retired.keyId}`), /only gets its valid_until set, once/);
    await refused(t.db.execute(sql`truncate log_signing_keys`), /permission denied/);
    expect(await listLogPublicKeys(t.db)).toEqual(keys);
  });

  it("is reported as least-privilege, while the owner and a superuser are reported as what they are", async () => {
    expect(await describeServingRole(t.db, "postgres")).toEqual({ kind: "least-privilege", role: testRoles().serving, reasons: [] });
    const owner = await describeServingRole(t.owner, "postgres");
    expect(owner.kind).toBe("owner");
    expect(owner.reasons).toContain("owns the portal's tables (or can become their owner)");
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const [su] = await admin`select rolsuper from pg_roles where rolname = current_user`;
      // CI's and the developers' DATABASE_URL is a superuser; elsewhere this part says nothing.
      if (su.rolsuper) expect((await describeServingRole(drizzle(admin) as unknown as Db, "postgres")).kind).toBe("superuser");
    } finally {
      await admin.end();
    }
  });

  it("a start without the owner's URL skips migrating when nothing is pending, and stops with a clear message when something is", async () => {
    const saved = { url: process.env.DATABASE_URL, owner: process.env.DATABASE_OWNER_URL };
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const blank = `qplus_test_blank_${Date.now()}`;
    try {
      delete process.env.DATABASE_OWNER_URL;
      // The test database is migrated: the serving role finds nothing pending and starts.
      expect(await pendingMigrations(t.url!)).toBe(0);
      process.env.DATABASE_URL = t.url;
      await migrateDatabase();
      // A database never migrated: the serving role may not, and says what to do.
      await createOwnedDatabase(admin, blank, testRoles().owner);
      const servingUrl = urlAs(t.url!, testRoles().serving, blank);
      expect(await pendingMigrations(servingUrl)).toBeGreaterThan(0);
      process.env.DATABASE_URL = servingUrl;
      await expect(migrateDatabase()).rejects.toThrow(/Migrations are pending and the role in DATABASE_URL may not apply them \(permission denied[^)]*\)\. Set DATABASE_OWNER_URL/);
      // With the owner's URL the same start migrates.
      process.env.DATABASE_OWNER_URL = urlAs(t.url!, testRoles().owner, blank);
      await migrateDatabase();
      expect(await pendingMigrations(servingUrl)).toBe(0);
    } finally {
      process.env.DATABASE_URL = saved.url;
      if (saved.owner === undefined) delete process.env.DATABASE_OWNER_URL;
      else process.env.DATABASE_OWNER_URL = saved.owner;
      await admin.unsafe(`drop database if exists ${blank} with (force)`);
      await admin.end();
    }
  });
});
