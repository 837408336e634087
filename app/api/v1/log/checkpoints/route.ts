import { logCheckpointsQuery } from "@/lib/validation/transfer-log";
import { issueCheckpoint, listCheckpoints } from "@/db/queries/transfer-log";
import { listLogPublicKeys } from "@/db/queries/log-keys";
import { apiRoute } from "@/lib/server/api/handler";
import { logReadRoute, recordRead } from "@/lib/server/transfer-log/access";
import { logPublicKeyToVkey } from "@/lib/transfer-log";
import { readQuery } from "@/lib/server/api/query";

const shown = (c: { id: number; treeSize: number; rootHash: string; keyId: string; note: string; issuedAt: Date }) => ({
  id: c.id,
  treeSize: c.treeSize,
  rootHash: c.rootHash,
  keyId: c.keyId,
  issuedAt: c.issuedAt.toISOString(),
  note: c.note,
});

/** Signed checkpoints, newest first, with the log's public keys (and their validity) to verify them. */
export const GET = logReadRoute("log.read", "api-checkpoint", async ({ req, principal }) => {
  const { limit } = readQuery(req, logCheckpointsQuery);
  await recordRead(principal, "api-checkpoint", { limit: limit ?? 100 });
  const [checkpoints, keys] = await Promise.all([listCheckpoints({ limit: limit ?? 100 }), listLogPublicKeys()]);
  return Response.json({ checkpoints: checkpoints.map(shown), keys: keys.map((k) => ({ ...k, vkey: logPublicKeyToVkey(k) })) });
});

/** Signs a checkpoint of the log as it stands now (on demand, besides the schedule); audited. */
export const POST = apiRoute("log.checkpoint", async ({ actor }) => {
  const checkpoint = await issueCheckpoint(undefined, actor);
  return Response.json(shown(checkpoint), { status: 201 });
});
