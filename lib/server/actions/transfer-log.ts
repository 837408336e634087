import { revalidatePath } from "next/cache";
import { issueCheckpoint } from "@/db/queries/transfer-log";
import { rotateSigningKey } from "@/db/queries/log-keys";
import { actorOf } from "@/lib/server/auth/actor";
import { issueCheckpointInput, rotateSigningKeyInput } from "@/lib/validation/transfer-log";
import { defineAction } from "./define";

export const issueCheckpointDef = defineAction({
  name: "log.issueCheckpoint",
  permission: "log.checkpoint",
  schema: issueCheckpointInput,
  async handler(_input, user) {
    const cp = await issueCheckpoint(undefined, actorOf(user));
    revalidatePath("/log/checkpoints");
    revalidatePath("/log");
    return { id: cp.id, treeSize: cp.treeSize, rootHash: cp.rootHash, keyId: cp.keyId };
  },
});

export const rotateSigningKeyDef = defineAction({
  name: "log.rotateSigningKey",
  permission: "log.keys.manage",
  schema: rotateSigningKeyInput,
  async handler({ reason }, user) {
    const key = await rotateSigningKey(actorOf(user), reason);
    revalidatePath("/log/checkpoints");
    return { keyId: key.keyId };
  },
});
