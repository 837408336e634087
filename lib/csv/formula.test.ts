import { describe, expect, it } from "vitest";
import { csvText, FORMULA_LEADING_CHARACTERS, formulaGuardSql, isFormulaCell, neutraliseCell } from "./formula";
import { readCsv } from "@/lib/test/csv-read";

const HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\t=1+1", "\r=1+1", "＝1+1"];

describe("CSV formula neutralisation (OWASP CSV Injection)", () => {
  it("covers OWASP's leading characters: = + - @ TAB CR", () => {
    for (const c of ["=", "+", "-", "@", "\t", "\r"]) expect(FORMULA_LEADING_CHARACTERS).toContain(c);
  });

  it("prefixes a cell a spreadsheet would evaluate with a single quote, and quotes it", () => {
    const text = csvText([HOSTILE]);
    const [cells] = readCsv(text);
    expect(cells.map((c) => c.value)).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(cells.every((c) => c.quoted)).toBe(true);
  });

  it("leaves every other cell as it was, and a formula character inside a cell is harmless", () => {
    const safe = ["QIWI JSC", "АО «Kaspi Bank»", "a=b", "1-2", "'=already text", "", " =spaced", "2026-11-20", "email@x.kz"];
    const [cells] = readCsv(csvText([safe]));
    expect(cells.map((c) => c.value)).toEqual(safe);
    for (const s of safe) expect(neutraliseCell(s)).toBe(s);
  });

  it("checks numbers like any other cell, and writes null as an empty cell", () => {
    const [cells] = readCsv(csvText([[-5, 12, null, undefined, true]]));
    expect(cells.map((c) => c.value)).toEqual(["'-5", "12", "", "", "true"]);
  });

  it("keeps RFC 4180 quoting for commas, quotes and line breaks inside a neutralised cell", () => {
    const value = '=A1,"x"\nB';
    const text = csvText([[value, "next"]], { recordDelimiter: "windows" });
    expect(text).toBe(`"'=A1,""x""\nB",next\r\n`);
    expect(readCsv(text)[0].map((c) => c.value)).toEqual([`'${value}`, "next"]);
  });

  it("gives SQL the same characters as code points", () => {
    const sql = formulaGuardSql("x");
    for (const c of FORMULA_LEADING_CHARACTERS) expect(sql).toContain(`chr(${c.codePointAt(0)})`);
    expect(isFormulaCell("")).toBe(false);
  });
});
