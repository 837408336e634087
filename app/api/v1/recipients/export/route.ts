import { stringify } from "csv-stringify/sync";
import { exportRecipients } from "@/db/queries/recipients";
import { apiRoute } from "@/lib/api/handler";

/** Stable, machine-readable column keys (English), in a fixed order. */
const COLUMNS = [
  "id", "key", "version", "status", "nameEn", "nameKk", "nameRu", "legalForm", "registrationNumber", "countryCode", "crossBorder",
  "address", "email", "phone", "role", "transferPurposes", "linkedPurposeCodes", "basis", "contractNumber", "contractDate",
  "contractExpiresOn", "instructionActions", "instructionPurposes", "instructionConfidentiality", "instructionSecurity",
  "instructionIncidentReporting", "permittedActions", "transferGround", "rknNotificationNumber", "rknNotificationDate", "notes",
] as const;

export const GET = apiRoute("register.export", async ({ req }) => {
  const format = new URL(req.url).searchParams.get("format") === "json" ? "json" : "csv";
  const rows = await exportRecipients();
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === "json") {
    return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), recipients: rows }, null, 2), {
      headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="recipients-${stamp}.json"` },
    });
  }
  const records = rows.map((r) => COLUMNS.map((c) => {
    const v = (r as Record<string, unknown>)[c];
    return Array.isArray(v) ? v.join("; ") : v ?? "";
  }));
  // A UTF-8 byte-order mark so that Excel opens Cyrillic and Kazakh names correctly.
  const csv = "\uFEFF" + stringify([COLUMNS as unknown as string[], ...records.map((r) => r.map((v) => (typeof v === "boolean" ? String(v) : v)))]);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="recipients-${stamp}.csv"` },
  });
});
