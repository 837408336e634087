import { listLogPublicKeys } from "@/db/queries/log-keys";
import { logReadRoute, recordRead } from "@/lib/server/transfer-log/access";
import { logPublicKeyToVkey } from "@/lib/transfer-log";

/** Every key the log has signed with, with its validity and its vkey (pin these out of band). */
export const GET = logReadRoute("log.read", "api-checkpoint", async ({ principal }) => {
  await recordRead(principal, "api-checkpoint", { keys: true });
  const keys = await listLogPublicKeys();
  return Response.json({ keys: keys.map((k) => ({ ...k, vkey: logPublicKeyToVkey(k) })) });
});
