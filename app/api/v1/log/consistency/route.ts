import { logConsistencyQuery } from "@/lib/validation/transfer-log";
import { consistencyBetween, getCheckpointBySize } from "@/db/queries/transfer-log";
import { problem } from "@/lib/api/problem";
import { logReadRoute, recordRead } from "@/lib/server/transfer-log/access";
import { readQuery } from "@/lib/server/api/query";

/**
 * An RFC 6962 consistency proof that the tree of size `second` extends the tree of size `first`,
 * with the stored checkpoints of those sizes (null when none was issued at that size).
 */
export const GET = logReadRoute("log.read", "api-consistency", async ({ req, principal }) => {
  const { first, second } = readQuery(req, logConsistencyQuery);
  await recordRead(principal, "api-consistency", { first, second });
  const proof = await consistencyBetween(first, second);
  if (!proof) return problem("validation", { errors: { second: "beyondLog" }, detail: `The log is smaller than ${second}` });
  const [firstCheckpoint, secondCheckpoint] = await Promise.all([getCheckpointBySize(first), getCheckpointBySize(second)]);
  const shown = (c: Awaited<ReturnType<typeof getCheckpointBySize>>) => (c ? { treeSize: c.treeSize, rootHash: c.rootHash, keyId: c.keyId, note: c.note, issuedAt: c.issuedAt.toISOString() } : null);
  return Response.json({ first, second, proof, firstCheckpoint: shown(firstCheckpoint), secondCheckpoint: shown(secondCheckpoint) });
});
