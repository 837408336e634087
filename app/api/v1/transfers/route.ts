import { z } from "zod";
import { apiRoute, readJson } from "@/lib/server/api/handler";
import { problem } from "@/lib/api/problem";
import { ingestTransfers } from "@/lib/server/transfer-log/ingest";
import { ingestChecks } from "@/lib/server/transfer-log/checks";
import { normaliseTransferBatch } from "@/lib/validation/transfer-event";

/** 1,000 events of about 1 KB each, with room to spare. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Sending systems report transfers here (service token with transfers.ingest). The answer comes
 * after the batch is committed; a retry with the same idempotency key gets the first answer.
 */
export const POST = apiRoute("transfers.ingest", async ({ req }) => {
  const body = await readJson(req, z.unknown(), MAX_BATCH_BYTES);
  const events = normaliseTransferBatch(body);
  if (!events) return problem("validation", { errors: { events: "required" } });
  const outcome = await ingestTransfers(events, ingestChecks());
  if (!outcome.ok) return problem("validation", { errors: outcome.errors });
  const created = outcome.results.some((r) => !r.duplicate);
  return Response.json(
    {
      results: outcome.results.map((r) => ({ idempotencyKey: r.idempotencyKey, seq: r.seq, loggedAt: r.loggedAt, leafHash: r.leafHash, flags: r.flags, duplicate: r.duplicate })),
    },
    { status: created ? 201 : 200 },
  );
});
