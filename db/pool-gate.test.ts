import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import { gatedSql, PoolGate } from "./pool-gate";
import { createTestDb, type TestDb } from "./test-db";
import { rowsOf } from "./client";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/database-unavailable";

describe("the pool gate", () => {
  it("admits up to its size, hands a freed place to the longest waiter, and refuses after the wait", async () => {
    const gate = new PoolGate(2, 150);
    const a = await gate.acquire();
    const b = await gate.acquire();
    const order: string[] = [];
    const c = gate.acquire().then((release) => (order.push("c"), release));
    const d = gate.acquire().then((release) => (order.push("d"), release));
    expect(gate.state).toEqual({ active: 2, waiting: 2 });
    a();
    a(); // giving a place back twice gives it once
    (await c)();
    b();
    (await d)();
    expect(order).toEqual(["c", "d"]);
    expect(gate.state).toEqual({ active: 0, waiting: 0 });

    const held = [await gate.acquire(), await gate.acquire()];
    const started = performance.now();
    const refused = await gate.acquire().then(
      () => null,
      (e) => e,
    );
    expect(refused).toBeInstanceOf(DatabaseUnavailableError);
    expect(refused.reason).toBe("pool-wait");
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(gate.state).toEqual({ active: 2, waiting: 0 });
    held.forEach((r) => r());
  });
});

const onPostgres = !!process.env.DATABASE_URL?.trim();
let t: TestDb | undefined;
beforeAll(async () => {
  if (onPostgres) t = await createTestDb();
});
afterAll(async () => t?.close());

describe.skipIf(!onPostgres)("drizzle through the gate (PostgreSQL: the gate sits in front of postgres.js)", () => {
  it("a query that waited too long for a connection is refused as unavailable and never runs afterwards", async () => {
    const client = postgres(t!.url!, { max: 1, onnotice: () => {} });
    const db = drizzle(gatedSql(client, new PoolGate(1, 200)));
    try {
      // One transaction holds the only place for a second.
      const holding = db.transaction(async (tx) => {
        await tx.execute(sql`select pg_sleep(1)`);
      });
      await new Promise((r) => setTimeout(r, 50));
      const started = performance.now();
      // A write, so that running it later would leave a trace.
      const late = await db.execute(sql`insert into sign_in_attempts (email, address, succeeded) values ('late@gate.test', 'gate', false)`).then(
        () => null,
        (e) => e,
      );
      const waited = performance.now() - started;
      expect(isDatabaseUnavailable(late)).toBe(true);
      expect(waited).toBeLessThan(900);
      const lateTx = await db
        .transaction(async (tx) => {
          await tx.execute(sql`insert into sign_in_attempts (email, address, succeeded) values ('late@gate.test', 'gate-tx', false)`);
        })
        .then(
          () => null,
          (e) => e,
        );
      expect(lateTx).toBeInstanceOf(DatabaseUnavailableError);
      await holding;
      // Nothing refused ran later.
      await new Promise((r) => setTimeout(r, 300));
      const seen = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from sign_in_attempts where email = 'late@gate.test'`));
      expect(seen[0].n).toBe(0);
      // And the gate lets the next one through once the place is free.
      expect(rowsOf<{ ok: number }>(await db.execute(sql`select 1 as ok`))[0].ok).toBe(1);
    } finally {
      await client.end();
    }
  });
});
