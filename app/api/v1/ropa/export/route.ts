import { getTranslations } from "next-intl/server";
import { loadRecordOfProcessing } from "@/db/queries/record";
import { apiRoute } from "@/lib/server/api/handler";
import { tableCsv } from "@/lib/csv/downloads";
import { readQuery } from "@/lib/server/api/query";
import { ropaExportQuery } from "@/lib/validation/downloads";
import { requestLocale } from "@/lib/server/i18n/request";
import type { Translate } from "@/lib/lint/present";
import { ropaTable } from "@/lib/ropa/rows";
import { ropaWorkbook } from "@/lib/ropa/xlsx";

/**
 * The record of processing activities: one row per purpose × recipient (GDPR art. 30(1) columns
 * plus the Kazakhstan/Russia fields). CSV, UTF-8 with a byte-order mark so Excel and LibreOffice
 * read Cyrillic and Kazakh letters; or XLSX (?format=xlsx). Stable English column keys and values by default;
 * ?headers=localized gives column titles and values in the reader's language. CSV cells a spreadsheet
 * would read as a formula are neutralised (lib/csv/formula.ts); XLSX cells are typed text already.
 */
export const GET = apiRoute("register.export", async ({ req }) => {
  const query = readQuery(req, ropaExportQuery);
  const format = query.format ?? "csv";
  const localizedHeaders = query.headers === "localized";
  const locale = localizedHeaders ? await requestLocale() : null;
  const t = locale ? ((await getTranslations({ locale })) as unknown as Translate) : undefined;
  const { header, rows } = ropaTable(await loadRecordOfProcessing(), { locale, t });
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === "xlsx") {
    const body = await ropaWorkbook(header, rows, "RoPA");
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="ropa-${stamp}${locale ? `-${locale}` : ""}.xlsx"`,
      },
    });
  }
  const csv = tableCsv(header, rows);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="ropa-${stamp}${locale ? `-${locale}` : ""}.csv"`,
    },
  });
});
