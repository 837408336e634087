import { stringify } from "csv-stringify/sync";
import { streamLogAccess } from "@/db/queries/transfer-log";
import { logReadRoute, recordRead } from "@/lib/server/transfer-log/access";

const COLUMNS = ["id", "at", "actorLabel", "actorUserId", "principalKind", "role", "action", "detail", "address"] as const;

/** The whole access log as CSV, streamed batch by batch (constant memory); the download is recorded first. */
export const GET = logReadRoute("log.access.read", "download-access-log", async ({ principal }) => {
  await recordRead(principal, "download-access-log", { format: "csv" });
  const encoder = new TextEncoder();
  const batches = streamLogAccess();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark so that spreadsheet programs read the UTF-8 correctly.
      controller.enqueue(encoder.encode("\uFEFF" + stringify([[...COLUMNS]])));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      const rows = next.value.map((e) => [e.id, e.at.toISOString(), e.actorLabel, e.actorUserId ?? "", e.principalKind, e.role ?? "", e.action, JSON.stringify(e.detail), e.address ?? ""]);
      controller.enqueue(encoder.encode(stringify(rows)));
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
