import { problem } from "@/lib/api/problem";
import { BundleRangeError, logBundle } from "@/lib/server/transfer-log/downloads";
import { logReadRoute, recordRead } from "@/lib/server/transfer-log/access";
import { seqRangeLoggedBetween } from "@/db/queries/transfer-log";
import { bundleQuery } from "@/lib/validation/transfer-log";
import { readQuery } from "@/lib/server/api/query";

/**
 * A verification bundle for seq from..to, or for the entries logged between two days or instants,
 * for `npm run log:verify` or any third-party verifier.
 */
export const GET = logReadRoute("log.export", "download-bundle", async ({ req, principal, actor }) => {
  const q = readQuery(req, bundleQuery);
  const range = q.kind === "seq" ? q : await seqRangeLoggedBetween(q.from, q.to);
  if (!range) return problem("notFound", { detail: "No entries were logged between loggedFrom and loggedTo" });
  try {
    const { total, stream } = await logBundle(range.from, range.to, actor);
    await recordRead(principal, "download-bundle", { from: range.from, to: range.to, ...(q.kind === "logged" ? { loggedFrom: q.from.toISOString(), loggedTo: q.to.toISOString() } : {}) });
    return new Response(stream, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="transfer-log-bundle-${range.from}-${range.to}.jsonl"`,
        "x-total-count": String(total),
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof BundleRangeError) return problem("validation", { detail: err.message, errors: { to: "outOfRange" } });
    throw err;
  }
});
