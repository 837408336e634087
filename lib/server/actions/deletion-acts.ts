import { revalidatePath } from "next/cache";
import { createDeletionAct, decideDeletionAct, type ActActor } from "@/db/queries/deletion-acts";
import type { SessionUser } from "@/lib/auth/session-user";
import { decideDeletionActInput, deletionActInput } from "@/lib/validation/deletion-act";
import { defineAction } from "./define";

const actorOf = (user: SessionUser): ActActor => ({ id: user.id, email: user.email, name: user.name, role: user.role });

/** Records a completed deletion as an act (numbered, awaiting approval), with its "created" event. */
export const createDeletionActDef = defineAction({
  name: "deletionActs.create",
  permission: "deletionActs.write",
  schema: deletionActInput,
  async handler(input, user) {
    const result = await createDeletionAct(input, actorOf(user));
    revalidatePath("/deletion-acts");
    if (input.supersedesActId) revalidatePath(`/deletion-acts/${input.supersedesActId}`);
    return result;
  },
});

/** The approver's decision (four eyes: not the executor, not the one who recorded it). */
export const decideDeletionActDef = defineAction({
  name: "deletionActs.decide",
  permission: "deletionActs.approve",
  schema: decideDeletionActInput,
  async handler(input, user) {
    const result = await decideDeletionAct(input, actorOf(user));
    revalidatePath("/deletion-acts");
    revalidatePath(`/deletion-acts/${input.actId}`);
    return result;
  },
});
