import { revalidatePath } from "next/cache";
import { createUser, updateUser } from "@/db/queries/users";
import { actorOf } from "@/lib/server/auth/actor";
import { userCreateInput, userUpdateInput } from "@/lib/validation/user";
import { defineAction } from "./define";

export const createUserDef = defineAction({
  name: "users.create",
  permission: "users.manage",
  schema: userCreateInput,
  async handler(input, user) {
    const row = await createUser(input, actorOf(user));
    revalidatePath("/admin/users");
    return { id: row.id };
  },
});

export const updateUserDef = defineAction({
  name: "users.update",
  permission: "users.manage",
  schema: userUpdateInput,
  async handler({ id, expectedVersion, ...change }, user) {
    const row = await updateUser(id, expectedVersion, change, actorOf(user));
    revalidatePath("/admin/users");
    return { id: row.id, version: row.version };
  },
});
