/**
 * Every CSV download neutralises cells a spreadsheet would read as a formula (OWASP "CSV
 * Injection"): hostile names stored through the ordinary write paths come out prefixed with a
 * single quote and quoted, in the register (machine and localized headers), both RoPA CSVs, the
 * log CSV that COPY writes, the access log and the retention schedule. The JSONL and the bundle's
 * entries keep the exact stored values, so verification is unaffected. Runs on PGlite and, with
 * DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { createTestDb, rawClientOf, type TestDb } from "./test-db";
import { seedPolicyFacts } from "./seed";
import { createRecipient, exportRecipients } from "./queries/recipients";
import { loadRecordOfProcessing } from "./queries/record";
import { appendTransfers, recordLogAccess, streamLogAccess, streamLogEntries } from "./queries/transfer-log";
import { copyLogCsv } from "./queries/log-copy";
import { recipientInput } from "@/lib/validation/recipient";
import { accessLogCsvHeader, accessLogCsvLines, recipientsCsv, tableCsv } from "@/lib/csv/downloads";
import { FORMULA_LEADING_CHARACTERS, formulaGuardSql, neutraliseCell } from "@/lib/csv/formula";
import { ropaTable } from "@/lib/ropa/rows";
import { retentionCsvRows, retentionSchedule } from "@/lib/retention/schedule";
import { entryLeafHash } from "@/lib/transfer-log";
import type { Translate } from "@/lib/lint/present";
import { readCsv, readCsvRecords, type ReadCell } from "@/lib/test/csv-read";
import ru from "@/lib/i18n/messages/ru.json";
import { rowsOf } from "./client";
import { sql } from "drizzle-orm";

const HYPERLINK = '=HYPERLINK("http://x","y")';
const CMD = "+cmd|' /C calc'!A0";
const SUM = "@SUM(1)";
const ARITHMETIC = "-2+3";

let t: TestDb;
let recipientId = "";
const dpo = { id: null, email: "dpo@qplus.local" };

beforeAll(async () => {
  t = await createTestDb();
  await seedPolicyFacts(t.db);
  const hostile = recipientInput.parse({
    nameEn: HYPERLINK,
    nameRu: SUM,
    nameKk: CMD,
    legalForm: ARITHMETIC,
    countryCode: "KZ",
    registrationNumber: "971240001315",
    role: "processor",
    transferPurposes: [CMD],
    linkedPurposeCodes: ["C2"],
    basis: "contract",
    contractNumber: SUM,
    contractDate: "2026-01-10",
    contractExpiresOn: "2027-01-10",
    permittedActions: ["storage", "use"],
    crossBorder: false,
  });
  recipientId = (await createRecipient({ ...hostile, key: "hostile" }, dpo, null, t.db)).id;
});
afterAll(async () => t?.close());

/** A cell as a spreadsheet must get it: the value behind a single quote, inside quotes. */
const neutralised = (value: string): ReadCell => ({ value: `'${value}`, quoted: true });

describe("the register's CSV", () => {
  it("neutralises hostile names with machine headers", async () => {
    const rows = await exportRecipients(t.db);
    const record = readCsvRecords(recipientsCsv(rows)).find((r) => r.key.value === "hostile")!;
    expect(record.nameEn).toEqual(neutralised(HYPERLINK));
    expect(record.nameKk).toEqual(neutralised(CMD));
    expect(record.nameRu).toEqual(neutralised(SUM));
    expect(record.legalForm).toEqual(neutralised(ARITHMETIC));
    expect(record.transferPurposes).toEqual(neutralised(CMD));
    expect(record.contractNumber).toEqual(neutralised(SUM));
    // The JSON download carries the exact values.
    expect(rows.find((r) => r.key === "hostile")).toMatchObject({ nameEn: HYPERLINK, nameRu: SUM, legalForm: ARITHMETIC });
  });

  it("neutralises them with localized headers too", async () => {
    const root = createTranslator({ locale: "ru", messages: ru as never }) as unknown as Translate;
    const tr = (key: string) => root(`recipients.${key}`);
    const csv = recipientsCsv(await exportRecipients(t.db), { t: tr, yesNo: (v) => root(v ? "common.yes" : "common.no") });
    const [header, ...rows] = readCsv(csv);
    const at = (key: string) => header.findIndex((h) => h.value === tr(`fields.${key}`));
    const row = rows.find((r) => r[at("key")].value === "hostile")!;
    expect(row[at("nameEn")]).toEqual(neutralised(HYPERLINK));
    expect(row[at("nameRu")]).toEqual(neutralised(SUM));
    expect(row[at("legalForm")]).toEqual(neutralised(ARITHMETIC));
  });
});

describe("the RoPA CSVs", () => {
  it("neutralises the recipient's name with machine and with localized headers", async () => {
    const record = await loadRecordOfProcessing(t.db);
    const machine = ropaTable(record, { locale: null });
    const rows = readCsvRecords(tableCsv(machine.header, machine.rows)).filter((r) => r.recipientKey.value === "hostile");
    expect(rows.map((r) => r.purposeCode.value)).toEqual(["C2"]);
    expect(rows[0].recipientName).toEqual(neutralised(HYPERLINK));
    expect(rows[0].contractNumber).toEqual(neutralised(SUM));

    const tr = createTranslator({ locale: "ru", messages: ru as never }) as unknown as Translate;
    const local = ropaTable(record, { locale: "ru", t: tr });
    const [header, ...cells] = readCsv(tableCsv(local.header, local.rows));
    const name = header.findIndex((h) => h.value === local.header[machine.header.indexOf("recipientName")]);
    // In Russian the name shown is the Russian one.
    expect(cells.map((r) => r[name]).filter((c) => c.value.includes("SUM"))).toEqual([neutralised(SUM)]);
  });
});

describe("the transfer log's CSV from COPY", () => {
  it("neutralises a hostile sending system and quotes the free-text columns; JSONL and hashes keep the exact value", async () => {
    const base = {
      occurredAt: "2026-11-20T08:15:00.000Z",
      recipientId,
      recipientVersion: 1,
      approvalId: null,
      purposeCodes: ["C2"],
      dataItems: ["financial: balance"],
      recordCount: 10,
      subjectPopulations: ["kz-subjects"],
      destinationCountry: "KZ",
      flags: [],
    };
    await appendTransfers(
      [
        { ...base, sendingSystem: ARITHMETIC, idempotencyKey: HYPERLINK, externalReference: SUM },
        { ...base, sendingSystem: CMD, idempotencyKey: "plain-key", externalReference: null },
        { ...base, sendingSystem: "wallet-core", idempotencyKey: "\t=tabbed", externalReference: "=1+1" },
      ],
      t.db,
    );
    for (const batch of [20_000, 1]) {
      const csv = await new Response(copyLogCsv({}, rawClientOf(t), batch)).text();
      const rows = readCsvRecords(csv);
      expect(rows.map((r) => r.sendingSystem)).toEqual([neutralised(ARITHMETIC), neutralised(CMD), { value: "wallet-core", quoted: true }]);
      expect(rows.map((r) => r.idempotencyKey)).toEqual([neutralised(HYPERLINK), { value: "plain-key", quoted: true }, neutralised("\t=tabbed")]);
      expect(rows.map((r) => r.externalReference)).toEqual([neutralised(SUM), { value: "", quoted: false }, neutralised("=1+1")]);
      expect(rows.map((r) => r.seq.value)).toEqual(["0", "1", "2"]);
    }
    // What is stored, the JSONL (JSON of these entries) and the bundle's hashes: the exact value.
    const entries = [];
    for await (const batch of streamLogEntries({}, t.db)) entries.push(...batch);
    expect(entries.map((e) => e.sendingSystem)).toEqual([ARITHMETIC, CMD, "wallet-core"]);
    expect(JSON.stringify(entries[0])).toContain(`"sendingSystem":"${ARITHMETIC}"`);
    for (const { leafHash, ...entry } of entries) expect(Buffer.from(entryLeafHash(entry)).toString("hex")).toBe(leafHash);
  });

  it("decides in SQL exactly as in JavaScript, from the same list of characters", async () => {
    const probes = [...FORMULA_LEADING_CHARACTERS.map((c) => `${c}x`), "x=", "'=x", " =x", "", "KZ", "«=»", "\n=x", "\u00A0=x", "－x"];
    const values = probes.map((p, i) => `(${i}, '${p.replace(/'/g, "''")}')`).join(", ");
    const result = rowsOf<{ i: number; out: string }>(await t.db.execute(sql.raw(`select i, ${formulaGuardSql("v")} as out from (values ${values}) as p(i, v) order by i`)));
    expect(result.map((r) => r.out)).toEqual(probes.map(neutraliseCell));
  });
});

describe("the access log's CSV", () => {
  it("neutralises a hostile label and address", async () => {
    await recordLogAccess({ actorLabel: HYPERLINK, actorUserId: null, principalKind: "service-token", role: null, action: "download-csv", detail: { note: SUM }, address: ARITHMETIC }, t.db);
    let csv = accessLogCsvHeader();
    for await (const batch of streamLogAccess(t.db)) csv += accessLogCsvLines(batch);
    const row = readCsvRecords(csv).find((r) => r.action.value === "download-csv")!;
    expect(row.actorLabel).toEqual(neutralised(HYPERLINK));
    expect(row.address).toEqual(neutralised(ARITHMETIC));
    expect(JSON.parse(row.detail.value)).toEqual({ note: SUM });
  });
});

describe("the retention schedule's CSV", () => {
  it("goes through the same writer", async () => {
    const schedule = retentionSchedule(await loadRecordOfProcessing(t.db), "2026-12-04", { pastMonths: 3, futureMonths: 12 });
    const month = schedule.months.find((m) => m.due.length)!;
    // Purpose codes are validated ([A-Z][A-Z0-9-]*), so a hostile one cannot be stored: put it into the schedule.
    month.due[0] = { ...month.due[0], code: HYPERLINK };
    const [header, ...rows] = retentionCsvRows(schedule);
    const cells = readCsvRecords(tableCsv(header, rows));
    expect(cells.find((r) => r.purpose.value.includes("HYPERLINK"))!.purpose).toEqual(neutralised(HYPERLINK));
    expect(cells.filter((r) => r.purpose.quoted)).toHaveLength(1);
  });
});
