import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { appendTransfers, countLogEntries, distinctSendingSystems, logStatistics, type LogFilter, type PreparedTransfer } from "./transfer-log";
import { logTileCounts } from "./log-view";
import { logFilterOf } from "@/lib/validation/transfer-log";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const RECIPIENTS = ["8d1b5a52-5b7e-4f4e-9d3a-2f5c8c1f0a11", "2f0c6a1e-7d4b-4c39-a0f5-9e1b3c5d7f22", "c4e2b7a9-1f3d-4e6b-8a2c-5d7f9e1b3a44"];
const SYSTEMS = ["wallet-core", "kyc-gateway", "aml-reporting"];
let n = 0;
/** Events spread over days around Almaty midnight, including before 1 March 2024 (UTC+6 then). */
function event(i: number): PreparedTransfer {
  const base = i % 2 ? Date.UTC(2024, 1, 27, 17, 30) : Date.UTC(2026, 10, 20, 18, 45);
  return {
    occurredAt: new Date(base + (i % 9) * 3_600_000 * 7).toISOString(),
    recipientId: RECIPIENTS[i % 3],
    recipientVersion: 1,
    approvalId: null,
    purposeCodes: ["C3"],
    dataItems: ["financial: balance"],
    recordCount: 1 + (i % 13),
    subjectPopulations: ["kz-subjects"],
    sendingSystem: SYSTEMS[i % 3 === 0 ? 0 : i % 2 ? 1 : 2],
    destinationCountry: i % 4 === 0 ? "RU" : "KZ",
    idempotencyKey: `summary-${++n}`,
    externalReference: null,
    flags: i % 5 === 0 ? [{ code: "no-approval", reason: "no approval id" }] : [],
  };
}

// The same filter answered from the entries: a seq bound the summary cannot express forces that path.
const fromEntries = (f: LogFilter): LogFilter => ({ ...f, seqFrom: 0 });

describe("the log's daily summary", () => {
  it("is maintained by every append, so the viewer's figures equal a count over the entries", async () => {
    // Several appends, concurrent ones among them: each adds to the same summary rows.
    await appendTransfers(Array.from({ length: 40 }, (_, i) => event(i)), t.db);
    await Promise.all([0, 1, 2, 3].map((k) => appendTransfers(Array.from({ length: 25 }, (_, i) => event(100 + k * 25 + i)), t.db)));

    const filters: LogFilter[] = [
      {},
      logFilterOf({ flagged: "1", crossBorder: "yes" }),
      logFilterOf({ crossBorder: "no", system: "kyc-gateway" }),
      logFilterOf({ recipient: RECIPIENTS[1] }),
      logFilterOf({ from: "2024-02-28", to: "2024-02-29" }),
      logFilterOf({ from: "2026-11-21" }),
      logFilterOf({ to: "2026-11-21", flagged: "0" }),
    ];
    for (const f of filters) {
      const summary = await logStatistics(f, t.db);
      const entries = await logStatistics(fromEntries(f), t.db);
      expect(summary, JSON.stringify(f)).toEqual(entries);
      expect(await countLogEntries(f, t.db)).toBe(entries.total);
    }
    const all = await logStatistics({}, t.db);
    expect(all.total).toBe(140);
    expect(all.perDay.length).toBeGreaterThan(6);
  });

  it("gives the dashboard's flagged count and the systems filter without reading entries", async () => {
    const stats = await logStatistics(fromEntries({}), t.db);
    expect((await logTileCounts(t.db)).flagged).toBe(stats.flagged);
    expect(await distinctSendingSystems(t.db)).toEqual([...SYSTEMS].sort());
  });

  it("counts a day filter by Almaty days, the offset of that date included", async () => {
    // 2024-02-27T17:30Z is 23:30 in Almaty (UTC+6 then): it belongs to 27 February, not the 28th.
    await appendTransfers([{ ...event(1), occurredAt: "2024-02-27T17:30:00.000Z", idempotencyKey: "edge-1", recipientId: "9f3b1c2d-4e5f-4a6b-8c7d-0e1f2a3b4c55" }], t.db);
    const only = { recipient: "9f3b1c2d-4e5f-4a6b-8c7d-0e1f2a3b4c55" };
    expect((await logStatistics(logFilterOf({ ...only, from: "2024-02-27", to: "2024-02-27" }), t.db)).total).toBe(1);
    expect((await logStatistics(fromEntries(logFilterOf({ ...only, from: "2024-02-27", to: "2024-02-27" })), t.db)).total).toBe(1);
    expect((await logStatistics(logFilterOf({ ...only, from: "2024-02-28" }), t.db)).total).toBe(0);
  });
});
