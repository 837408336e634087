import { apiRoute } from "@/lib/api/handler";
import { logFilterOf } from "@/lib/validation/log-filter";
import { logExport } from "@/lib/transfer-log-service/downloads";
import { recordRead } from "@/lib/transfer-log-service/access";

/** CSV or JSONL of a filtered range of the log, streamed; X-Total-Count drives the progress bar. */
export const GET = apiRoute("log.export", async ({ req, principal }) => {
  const params = new URL(req.url).searchParams;
  const format = params.get("format") === "jsonl" ? "jsonl" : "csv";
  const filter = logFilterOf(params);
  await recordRead(principal, format === "csv" ? "download-csv" : "download-jsonl", { filter: Object.fromEntries(params) });
  const { total, stream } = await logExport(format, filter);
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
