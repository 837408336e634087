import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../test-db";
import { rowsOf } from "../client";
import { appendTransfers, logHead } from "./transfer-log";

// A killed process needs a server that outlives it: this test runs against PostgreSQL only
// (PGlite lives inside the process that is killed; its single-process durability is PGlite's own).
const onPostgres = !!process.env.DATABASE_URL;
let t: TestDb;

beforeAll(async () => {
  if (onPostgres) t = await createTestDb();
});
afterAll(async () => t?.close());

describe.skipIf(!onPostgres)("a writer killed in the middle of a batch", () => {
  it("leaves every acknowledged event exactly once, no gap, and retries of the rest are safe", async () => {
    const acked = await new Promise<number[]>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(__dirname, "append-worker.ts"), "crash"], {
        env: { ...process.env, DATABASE_URL: t.url },
        stdio: ["ignore", "pipe", "inherit"],
      });
      const batches: number[] = [];
      child.stdout.on("data", (d: Buffer) => {
        for (const line of d.toString().split("\n")) if (line.startsWith("ACK ")) batches.push(Number(line.slice(4)));
        // Kill hard once a few batches are in: the next one is usually in flight.
        if (batches.length >= 5) child.kill("SIGKILL");
      });
      child.on("exit", () => resolve(batches));
      child.on("error", reject);
      setTimeout(() => child.kill("SIGKILL"), 60_000).unref();
    });
    expect(acked.length).toBeGreaterThanOrEqual(5);

    const keys = rowsOf<{ idempotency_key: string }>(await t.db.execute(sql`select idempotency_key from transfer_log_entries where sending_system = 'crash-test'`)).map((r) => r.idempotency_key);
    for (const b of acked) for (let i = 0; i < 200; i++) expect(keys).toContain(`crash-${b}-${i}`);
    expect(new Set(keys).size).toBe(keys.length);

    // Retrying every batch the writer may have sent (acknowledged or not) adds each event once.
    const last = Math.max(...acked) + 1;
    for (let b = 0; b <= last; b++) {
      const events = Array.from({ length: 200 }, (_, i) => ({
        occurredAt: "2026-11-20T08:15:00.000Z",
        recipientId: "8d1b5a52-5b7e-4f4e-9d3a-2f5c8c1f0a11",
        recipientVersion: 1,
        approvalId: null,
        purposeCodes: ["C3"],
        dataItems: ["financial: balance"],
        recordCount: 1,
        subjectPopulations: ["kz-subjects"],
        sendingSystem: "crash-test",
        destinationCountry: "KZ",
        idempotencyKey: `crash-${b}-${i}`,
        externalReference: null,
        flags: [],
      }));
      await appendTransfers(events, t.db);
    }
    const seqs = rowsOf<{ seq: string | number }>(await t.db.execute(sql`select seq from transfer_log_entries order by seq`)).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: (last + 1) * 200 }, (_, i) => i));
    expect((await logHead(t.db)).size).toBe(seqs.length);
  });
});
