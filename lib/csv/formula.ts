/**
 * CSV formula neutralisation (OWASP "CSV Injection", CWE-1236). A spreadsheet opening a CSV reads a
 * cell that begins with one of these characters as a formula, so a recipient named
 * `=HYPERLINK("http://x","y")` would become a live link in the DPO's Excel. Every CSV the portal
 * writes goes through this module: the JavaScript writers through `csvText`, the log CSV that
 * PostgreSQL's COPY produces through `formulaGuardSql`, both built from this one list.
 *
 * The treatment is OWASP's: the cell is prefixed with a single quote (spreadsheets show the rest as
 * text) and quoted. It changes only the CSV downloads; what is stored, the JSON and JSONL downloads
 * and the verification bundle keep the exact value.
 */
import { stringify } from "csv-stringify/sync";

/**
 * The leading characters that make a cell a formula: OWASP's `=`, `+`, `-`, `@`, TAB and CR, and
 * their full-width forms, which Apple Numbers folds into the ASCII ones.
 */
export const FORMULA_LEADING_CHARACTERS: readonly string[] = ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];

const leading = new Set(FORMULA_LEADING_CHARACTERS);

/** True when a spreadsheet would read this cell as a formula. */
export function isFormulaCell(value: string): boolean {
  return value.length > 0 && leading.has(value[0]);
}

/** The cell as a spreadsheet must show it: a dangerous one gets a leading single quote. */
export function neutraliseCell(value: string): string {
  return isFormulaCell(value) ? `'${value}` : value;
}

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Rows as CSV text (RFC 4180 quoting by csv-stringify), every cell passed through `neutraliseCell`,
 * and every neutralised cell quoted. Numbers are written as their text and checked like any other
 * cell, so there is no type a value can hide behind.
 */
export function csvText(rows: readonly (readonly CsvCell[])[], options: { recordDelimiter?: "unix" | "windows" } = {}): string {
  const text = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "" : String(cell))));
  return stringify(text, {
    record_delimiter: options.recordDelimiter ?? "unix",
    cast: { string: (value) => (isFormulaCell(value) ? { value: `'${value}`, quoted: true } : value) },
  });
}

/**
 * The same rule as a SQL expression over a text expression, for the log CSV that COPY writes: the
 * characters come from FORMULA_LEADING_CHARACTERS as code points (`chr(n)`), so SQL and JavaScript
 * cannot disagree. COPY quotes the guarded columns itself (`force_quote`).
 */
export function formulaGuardSql(textExpression: string): string {
  const list = FORMULA_LEADING_CHARACTERS.map((c) => `chr(${c.codePointAt(0)})`).join(", ");
  return `case when left(${textExpression}, 1) in (${list}) then '''' || ${textExpression} else ${textExpression} end`;
}
