import { inclusionReceipt } from "@/db/queries/transfer-log";
import { problem } from "@/lib/api/problem";
import { logSeqParam } from "@/lib/validation/transfer-log";
import { logReadRoute, recordRead } from "@/lib/server/transfer-log/access";

/**
 * One entry with its receipt: leaf hash, the latest checkpoint that covers it and the inclusion
 * proof against that checkpoint (checkpoint and proof are null until a checkpoint covers it).
 */
export const GET = logReadRoute<{ seq: string }>("log.read", "api-entry", async ({ params, principal }) => {
  const parsed = logSeqParam.safeParse(params.seq);
  if (!parsed.success) return problem("validation", { errors: { seq: "invalid" } });
  const seq = parsed.data;
  await recordRead(principal, "api-entry", { seq, receipt: true });
  const receipt = await inclusionReceipt(seq);
  return receipt ? Response.json(receipt) : problem("notFound", { detail: `No log entry ${seq}` });
});
