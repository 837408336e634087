/**
 * The CSV downloads' contents, built from plain rows: the routes only authenticate, read the
 * database and stream these out, so the tests build exactly the bytes a download carries. Every
 * writer here goes through `csvText` (lib/csv/formula.ts), which neutralises formula cells.
 */
import { csvText, type CsvCell } from "./formula";

/** A UTF-8 byte-order mark, so that Excel opens Cyrillic and Kazakh names correctly. */
export const CSV_BOM = "\uFEFF";

/** Stable, machine-readable column keys of the register download (English), in a fixed order. */
export const RECIPIENT_CSV_COLUMNS = [
  "id", "key", "version", "status", "nameEn", "nameKk", "nameRu", "legalForm", "registrationNumber", "countryCode", "crossBorder",
  "address", "email", "phone", "role", "transferPurposes", "transferPurposesKk", "transferPurposesRu", "linkedPurposeCodes", "basis", "contractNumber", "contractDate",
  "contractExpiresOn", "instructionActions", "instructionPurposes", "instructionConfidentiality", "instructionSecurity",
  "instructionIncidentReporting", "permittedActions", "transferGround", "rknNotificationNumber", "rknNotificationDate", "notes",
] as const;

/** Translators for the localized download; without them, machine headers and values. */
export type RecipientCsvLabels = { t: (key: string) => string; yesNo: (value: boolean) => string };

/** The register as CSV: machine headers by default, people's column titles and values with `labels`. */
export function recipientsCsv(rows: readonly Record<string, unknown>[], labels?: RecipientCsvLabels): string {
  const cell = (column: string, v: unknown): CsvCell => {
    if (Array.isArray(v)) return v.join("; ");
    if (v === null || v === undefined) return "";
    if (typeof v === "boolean") return labels ? labels.yesNo(v) : String(v);
    if (labels && (column === "role" || column === "basis" || column === "status")) return labels.t(`${column}.${v}`);
    if (labels && column === "transferGround") return labels.t(`ground.${v}`);
    return String(v);
  };
  const header = RECIPIENT_CSV_COLUMNS.map((c) => (labels ? labels.t(`fields.${c}`) : c));
  const records = rows.map((r) => RECIPIENT_CSV_COLUMNS.map((c) => cell(c, r[c])));
  return CSV_BOM + csvText([header, ...records]);
}

/** A table (header + rows) as CSV with CRLF line ends, as the RoPA and retention downloads are. */
export function tableCsv(header: readonly CsvCell[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + csvText([header, ...rows], { recordDelimiter: "windows" });
}

export const ACCESS_LOG_CSV_COLUMNS = ["id", "at", "actorLabel", "actorUserId", "principalKind", "role", "action", "detail", "address"] as const;

export type AccessLogCsvRow = {
  id: number;
  at: Date;
  actorLabel: string;
  actorUserId: string | null;
  principalKind: string;
  role: string | null;
  action: string;
  detail: unknown;
  address: string | null;
};

/** The access log download's first chunk: the byte-order mark and the header. */
export const accessLogCsvHeader = () => CSV_BOM + csvText([[...ACCESS_LOG_CSV_COLUMNS]]);

/** One batch of the access log as CSV lines. Labels and addresses come from people and clients. */
export function accessLogCsvLines(batch: readonly AccessLogCsvRow[]): string {
  return csvText(batch.map((e) => [e.id, e.at.toISOString(), e.actorLabel, e.actorUserId, e.principalKind, e.role, e.action, JSON.stringify(e.detail), e.address]));
}
