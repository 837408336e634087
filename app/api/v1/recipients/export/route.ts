import { getTranslations } from "next-intl/server";
import { exportRecipients } from "@/db/queries/recipients";
import { apiRoute } from "@/lib/server/api/handler";
import { readQuery } from "@/lib/server/api/query";
import { registerExportQuery } from "@/lib/validation/downloads";
import { requestLocale } from "@/lib/server/i18n/request";
import { recipientsCsv } from "@/lib/csv/downloads";

/**
 * The register as CSV (machine headers by default; `headers=localized` gives people column titles
 * and values in their language) or JSON. CSV cells a spreadsheet would read as a formula are
 * neutralised (lib/csv/formula.ts); the JSON carries the exact values.
 */
export const GET = apiRoute("register.export", async ({ req }) => {
  const query = readQuery(req, registerExportQuery);
  const format = query.format ?? "csv";
  const rows = await exportRecipients();
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === "json") {
    return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), recipients: rows }, null, 2), {
      headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="recipients-${stamp}.json"` },
    });
  }
  const localized = query.headers === "localized";
  let labels: Parameters<typeof recipientsCsv>[1];
  if (localized) {
    const locale = await requestLocale();
    const t = await getTranslations({ locale, namespace: "recipients" });
    const tc = await getTranslations({ locale, namespace: "common" });
    labels = { t: (key) => t(key as never), yesNo: (v) => tc(v ? "yes" : "no") };
  }
  return new Response(recipientsCsv(rows, labels), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="recipients-${stamp}${localized ? "-localized" : ""}.csv"` },
  });
});
