import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ENTRY_FORMAT, ENTRY_KEYS, canonicalEntryJson, encodeEntry, entryLeafHash, entryProblem, isIsoMillis, parseCanonicalEntryJson } from "./canonical";
import { hashLeaf } from "./merkle";
import type { TransferLogEntry } from "./types";

const ENTRY: TransferLogEntry = {
  seq: 42,
  loggedAt: "2026-11-25T10:00:00.123Z",
  occurredAt: "2026-11-25T09:58:00.000Z",
  recipientId: "7c1d9e3f-2a4b-4c6d-8e0f-1a2b3c4d5e6f",
  recipientVersion: 3,
  approvalId: null,
  purposeCodes: ["contract_performance", "legal_obligation"],
  dataItems: ["full_name", "iin"],
  recordCount: 1200,
  subjectPopulations: ["customers"],
  sendingSystem: "1С:Бухгалтерия",
  destinationCountry: "DE",
  idempotencyKey: "crm-000042",
  externalReference: "ERP-7",
  flags: [{ code: "NO_APPROVAL", reason: 'line1\n"quoted" \u2028 \u0001 ✓' }],
};

/** Generic RFC 8785 for our value types: sort keys recursively, JSON.stringify the rest. */
function jcs(v: unknown): string {
  if (Array.isArray(v)) return "[" + v.map(jcs).join(",") + "]";
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return "{" + Object.keys(o).sort().map((k) => JSON.stringify(k) + ":" + jcs(o[k])).join(",") + "}";
  }
  return JSON.stringify(v);
}

describe("canonical entry encoding", () => {
  it("is the documented golden byte string", () => {
    const expected =
      ENTRY_FORMAT +
      "\n" +
      '{"approvalId":null,"dataItems":["full_name","iin"],"destinationCountry":"DE","externalReference":"ERP-7",' +
      '"flags":[{"code":"NO_APPROVAL","reason":"line1\\n\\"quoted\\" \u2028 \\u0001 ✓"}],"idempotencyKey":"crm-000042",' +
      '"loggedAt":"2026-11-25T10:00:00.123Z","occurredAt":"2026-11-25T09:58:00.000Z",' +
      '"purposeCodes":["contract_performance","legal_obligation"],"recipientId":"7c1d9e3f-2a4b-4c6d-8e0f-1a2b3c4d5e6f",' +
      '"recipientVersion":3,"recordCount":1200,"sendingSystem":"1С:Бухгалтерия","seq":42,"subjectPopulations":["customers"]}';
    expect(Buffer.from(encodeEntry(ENTRY)).toString("utf8")).toBe(expected);
    expect(Buffer.from(encodeEntry(ENTRY)).equals(Buffer.from(expected, "utf8"))).toBe(true);
  });

  it("has a stable leaf hash (changing the encoding must be a new format version)", () => {
    expect(entryLeafHash(ENTRY).equals(hashLeaf(encodeEntry(ENTRY)))).toBe(true);
    expect(entryLeafHash(ENTRY).toString("hex")).toMatchInlineSnapshot(`"376a227bf338aa07a3db8a36810cacaed0e5fff2f24e8ea33d2b6f236df32a07"`);
  });

  it("ENTRY_KEYS is sorted by UTF-16 code units", () => {
    expect([...ENTRY_KEYS]).toEqual([...ENTRY_KEYS].sort());
  });

  it("equals generic JCS regardless of the object's key order", () => {
    const pick = <T>(xs: readonly T[]) => xs[randomInt(xs.length)];
    const words = ["a", "ü", "\u0000", "\\", '"', "𝄞", "\t", "日本", "", "x".repeat(50)];
    for (let i = 0; i < 200; i++) {
      const e: TransferLogEntry = {
        ...ENTRY,
        seq: randomInt(2 ** 40),
        recordCount: randomInt(1e9),
        approvalId: i % 2 ? null : pick(words),
        externalReference: i % 3 ? pick(words) : null,
        purposeCodes: Array.from({ length: randomInt(4) }, () => pick(words)),
        flags: Array.from({ length: randomInt(3) }, () => ({ reason: pick(words), code: pick(words) })),
      };
      // Shuffle key order: the encoding must not depend on it.
      const shuffled = Object.fromEntries(Object.entries(e).sort(() => randomInt(3) - 1)) as unknown as TransferLogEntry;
      expect(canonicalEntryJson(shuffled)).toBe(jcs(e));
    }
  });

  it("arrays keep their order (order is part of the record)", () => {
    const swapped = { ...ENTRY, dataItems: ["iin", "full_name"] };
    expect(entryLeafHash(swapped).equals(entryLeafHash(ENTRY))).toBe(false);
  });

  it("rejects what it cannot encode unambiguously", () => {
    const bad: Array<[string, unknown]> = [
      ["microseconds", { ...ENTRY, loggedAt: "2026-11-25T10:00:00.123456Z" }],
      ["no millis", { ...ENTRY, loggedAt: "2026-11-25T10:00:00Z" }],
      ["offset", { ...ENTRY, occurredAt: "2026-11-25T10:00:00.000+05:00" }],
      ["Feb 30", { ...ENTRY, occurredAt: "2026-02-30T10:00:00.000Z" }],
      ["unknown field", { ...ENTRY, note: "x" }],
      ["missing field", (({ flags: _f, ...rest }) => rest)(ENTRY)],
      ["float count", { ...ENTRY, recordCount: 1.5 }],
      ["negative count", { ...ENTRY, recordCount: -1 }],
      ["unsafe integer", { ...ENTRY, seq: 2 ** 53 }],
      ["string seq", { ...ENTRY, seq: "42" }],
      ["lone surrogate", { ...ENTRY, recipientId: "a\ud800" }],
      ["undefined approval", { ...ENTRY, approvalId: undefined }],
      ["flag extra key", { ...ENTRY, flags: [{ code: "A", reason: "b", x: 1 }] }],
      ["non-string list", { ...ENTRY, dataItems: ["a", 1] }],
    ];
    for (const [why, value] of bad) {
      expect(entryProblem(value), why).not.toBeNull();
      expect(() => encodeEntry(value as TransferLogEntry), why).toThrow();
    }
    expect(entryProblem(ENTRY)).toBeNull();
  });

  it("isIsoMillis accepts only exact millisecond UTC instants", () => {
    expect(isIsoMillis("2026-11-25T10:00:00.123Z")).toBe(true);
    expect(isIsoMillis("2024-02-29T23:59:59.999Z")).toBe(true);
    expect(isIsoMillis("2026-11-25t10:00:00.123z")).toBe(false);
    expect(isIsoMillis("2026-13-01T00:00:00.000Z")).toBe(false);
    expect(isIsoMillis("2026-11-25T24:00:00.000Z")).toBe(false);
  });
});

describe("parseCanonicalEntryJson (the verifier's strict fast parser)", () => {
  const pick = <T>(xs: readonly T[]) => xs[randomInt(xs.length)];
  const atoms = ["a", "Zz", "ü", "\u0000", "\u001f", "\b\f\n\r\t", "\\", '"', "/", "\u007f", "\u2028", "𝄞", "日本", " ", "null", "0", "[]", "{}", ",", ":"];
  const word = () => Array.from({ length: randomInt(4) }, () => pick(atoms)).join("");
  const randomEntry = (): TransferLogEntry => ({
    ...ENTRY,
    seq: pick([0, 1, 9, 10, randomInt(2 ** 40), Number.MAX_SAFE_INTEGER]),
    recordCount: randomInt(1e6),
    recipientVersion: randomInt(3),
    recipientId: word(),
    approvalId: randomInt(2) ? null : word(),
    externalReference: randomInt(2) ? null : word(),
    purposeCodes: Array.from({ length: randomInt(3) }, word),
    dataItems: Array.from({ length: randomInt(3) }, word),
    subjectPopulations: Array.from({ length: randomInt(3) }, word),
    sendingSystem: word(),
    destinationCountry: word(),
    idempotencyKey: word(),
    flags: Array.from({ length: randomInt(3) }, () => ({ code: word(), reason: word() })),
  });

  it("round-trips every canonical text to the same values JSON.parse gives", () => {
    for (let i = 0; i < 2000; i++) {
      const e = randomEntry();
      const json = canonicalEntryJson(e);
      expect(parseCanonicalEntryJson(json)).toEqual(JSON.parse(json));
      expect(parseCanonicalEntryJson("xx" + json + "}", 2, json.length + 2)).toEqual(e);
    }
  });

  it("splits lists correctly around escaped quotes and backslashes", () => {
    const tricky = { ...ENTRY, purposeCodes: ['",', "b", "\\", '"', '","', "", "\\\",\""], dataItems: ["", ""], flags: [{ code: '"},{"code":"x', reason: "\\" }] };
    expect(parseCanonicalEntryJson(canonicalEntryJson(tricky))).toEqual(tricky);
  });

  it("refuses non-canonical spellings of valid entries", () => {
    const json = canonicalEntryJson(ENTRY);
    const variants = [
      json.replace('"seq":42', '"seq": 42'),
      json.replace('"seq":42', '"seq":042'),
      json.replace('"seq":42', '"seq":42.0'),
      json.replace('"seq":42', '"seq":4.2e1'),
      json.replace('"DE"', '"\\u0044E"'),
      json.replace('"ERP-7"', '"ERP\\/7"'),
      json.replace("\\n", "\\u000a"),
      json.replace('"approvalId":null,"dataItems"', '"dataItems"').replace('"destinationCountry"', '"approvalId":null,"destinationCountry"'),
      json.replace('"seq":42', '"seq":41,"seq":42'),
      json + " ",
      " " + json,
      json.replace('"loggedAt":"2026-11-25T10:00:00.123Z"', '"loggedAt":"2026-11-25T10:00:00.123456Z"'),
      json.replace('"recipientId":"', '"recipientId":"\ud800'),
    ];
    const withUnitSep = canonicalEntryJson({ ...ENTRY, destinationCountry: "\u001f" });
    variants.push(withUnitSep.replace("\\u001f", "\\u001F"));
    for (const v of variants) {
      expect(v, "variant must differ").not.toBe(json);
      expect(parseCanonicalEntryJson(v), v).toBeNull();
    }
  });

  it("never accepts a mutated text unless it is canonical and means what JSON.parse says", () => {
    const chars = ['"', "\\", " ", ",", ":", "0", "1", "}", "]", "[", "{", "u", "n", "\n", "a", "-"];
    let accepted = 0;
    for (let i = 0; i < 20000; i++) {
      const json = canonicalEntryJson(randomEntry());
      const at = randomInt(json.length);
      const m =
        pick([
          () => json.slice(0, at) + json.slice(at + 1),
          () => json.slice(0, at) + pick(chars) + json.slice(at),
          () => json.slice(0, at) + pick(chars) + json.slice(at + 1),
          () => json.slice(0, at) + json.slice(at, at + randomInt(20)) + json.slice(at),
        ])();
      const parsed = parseCanonicalEntryJson(m);
      if (parsed === null) continue;
      accepted++;
      expect(JSON.parse(m)).toEqual(parsed);
      expect(canonicalEntryJson(parsed)).toBe(m);
    }
    // Some mutations are themselves canonical (e.g. an edited string); most are not.
    expect(accepted).toBeLessThan(20000);
  });
});
