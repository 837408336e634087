import { problem } from "@/lib/api/problem";
import { logFilterOf, logExportQuery, parseLogListQuery } from "@/lib/validation/transfer-log";
import { readQuery } from "@/lib/server/api/query";
import { logExport } from "@/lib/server/transfer-log/downloads";
import { logReadRoute, recordRead } from "@/lib/server/transfer-log/access";

/**
 * CSV or JSONL of a filtered range of the log, streamed; X-Total-Count drives the progress bar.
 * The filters are the viewer's, so the file selects exactly what the page shows.
 */
export const GET = logReadRoute("log.export", (req) => (new URL(req.url).searchParams.get("format") === "jsonl" ? "download-jsonl" : "download-csv"), async ({ req, principal }) => {
  const format = readQuery(req, logExportQuery.pick({ format: true })).format ?? "csv";
  const params = new URL(req.url).searchParams;
  params.delete("format");
  const { query, invalid } = parseLogListQuery(params);
  if (Object.keys(invalid).length) return problem("validation", { errors: invalid });
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { before, limit, ...filter } = query;
  await recordRead(principal, format === "csv" ? "download-csv" : "download-jsonl", { filter });
  const { total, stream } = await logExport(format, logFilterOf(filter));
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="transfer-log-${stamp}.${format}"`,
      "x-total-count": String(total),
      "cache-control": "no-store",
    },
  });
});
