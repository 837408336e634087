import { stringify } from "csv-stringify/sync";
import { getTranslations } from "next-intl/server";
import { exportRecipients } from "@/db/queries/recipients";
import { apiRoute } from "@/lib/server/api/handler";
import { requestLocale } from "@/lib/server/i18n/request";

/** Stable, machine-readable column keys (English), in a fixed order. */
const COLUMNS = [
  "id", "key", "version", "status", "nameEn", "nameKk", "nameRu", "legalForm", "registrationNumber", "countryCode", "crossBorder",
  "address", "email", "phone", "role", "transferPurposes", "transferPurposesKk", "transferPurposesRu", "linkedPurposeCodes", "basis", "contractNumber", "contractDate",
  "contractExpiresOn", "instructionActions", "instructionPurposes", "instructionConfidentiality", "instructionSecurity",
  "instructionIncidentReporting", "permittedActions", "transferGround", "rknNotificationNumber", "rknNotificationDate", "notes",
] as const;

/**
 * The register as CSV (machine headers by default; `headers=localized` gives people column titles
 * and values in their language) or JSON.
 */
export const GET = apiRoute("register.export", async ({ req }) => {
  const params = new URL(req.url).searchParams;
  const format = params.get("format") === "json" ? "json" : "csv";
  const rows = await exportRecipients();
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === "json") {
    return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), recipients: rows }, null, 2), {
      headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="recipients-${stamp}.json"` },
    });
  }
  const localized = params.get("headers") === "localized";
  const t = localized ? await getTranslations({ locale: await requestLocale(), namespace: "recipients" }) : null;
  const tc = localized ? await getTranslations({ locale: await requestLocale(), namespace: "common" }) : null;
  const cell = (column: string, v: unknown): string => {
    if (Array.isArray(v)) return v.join("; ");
    if (v === null || v === undefined) return "";
    if (typeof v === "boolean") return tc ? tc(v ? "yes" : "no") : String(v);
    if (t && (column === "role" || column === "basis" || column === "status")) return t(`${column}.${v}` as never);
    if (t && column === "transferGround") return t(`ground.${v}` as never);
    return String(v);
  };
  const header = COLUMNS.map((c) => (t ? t(`fields.${c}`) : c));
  const records = rows.map((r) => COLUMNS.map((c) => cell(c, (r as Record<string, unknown>)[c])));
  // A UTF-8 byte-order mark so that Excel opens Cyrillic and Kazakh names correctly.
  const csv = "\uFEFF" + stringify([header, ...records]);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="recipients-${stamp}${localized ? "-localized" : ""}.csv"` },
  });
});
