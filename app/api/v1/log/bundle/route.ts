import { apiRoute } from "@/lib/server/api/handler";
import { problem } from "@/lib/api/problem";
import { BundleRangeError, logBundle } from "@/lib/server/transfer-log/downloads";
import { recordRead } from "@/lib/server/transfer-log/access";

/** A verification bundle for seq from..to, for `npm run log:verify` or any third-party verifier. */
export const GET = apiRoute("log.export", async ({ req, principal }) => {
  const params = new URL(req.url).searchParams;
  const from = Number(params.get("from") ?? 0);
  const to = params.has("to") ? Number(params.get("to")) : NaN;
  if (!Number.isInteger(from) || !Number.isInteger(to)) return problem("validation", { errors: { ...(Number.isInteger(from) ? {} : { from: "integer" }), ...(Number.isInteger(to) ? {} : { to: "integer" }) } });
  try {
    const { total, stream } = await logBundle(from, to);
    await recordRead(principal, "download-bundle", { from, to });
    return new Response(stream, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="transfer-log-bundle-${from}-${to}.jsonl"`,
        "x-total-count": String(total),
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof BundleRangeError) return problem("validation", { detail: err.message, errors: { to: "outOfRange" } });
    throw err;
  }
});
