import { streamLogAccess } from "@/db/queries/transfer-log";
import { accessLogCsvHeader, accessLogCsvLines } from "@/lib/csv/downloads";
import { logReadRoute, recordRead } from "@/lib/server/transfer-log/access";

/**
 * The whole access log as CSV, streamed batch by batch (constant memory); the download is recorded
 * first. Cells a spreadsheet would read as a formula are neutralised (lib/csv/formula.ts).
 */
export const GET = logReadRoute("log.access.read", "download-access-log", async ({ principal }) => {
  await recordRead(principal, "download-access-log", { format: "csv" });
  const encoder = new TextEncoder();
  const batches = streamLogAccess();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(accessLogCsvHeader()));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      // Labels and addresses come from people and clients: neutralised like every CSV cell.
      controller.enqueue(encoder.encode(accessLogCsvLines(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="log-access-${stamp}.csv"`, "cache-control": "no-store" },
  });
});
