import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createRecipient, setRecipientArchived, updateRecipient } from "@/db/queries/recipients";
import { archiveInput, recipientInput, recipientUpdate } from "@/lib/validation/recipient";
import { actorOf } from "@/lib/server/auth/actor";
import { defineAction } from "./define";

const revalidateRegister = (id?: string) => {
  revalidatePath("/registry/recipients");
  if (id) revalidatePath(`/registry/recipients/${id}`);
};

export const createRecipientDef = defineAction({
  name: "recipients.create",
  permission: "register.write",
  schema: recipientInput,
  async handler(input, user) {
    const row = await createRecipient(input, actorOf(user));
    revalidateRegister();
    return { id: row.id };
  },
});

export const updateRecipientDef = defineAction({
  name: "recipients.update",
  permission: "register.write",
  schema: z.object({ id: z.uuid(), data: recipientInput }).and(recipientUpdate),
  async handler({ id, data, expectedVersion, reason }, user) {
    const row = await updateRecipient(id, expectedVersion, data, actorOf(user), reason);
    revalidateRegister(id);
    return { id: row.id, version: row.version };
  },
});

export const archiveRecipientDef = defineAction({
  name: "recipients.archive",
  permission: "register.write",
  schema: z.object({ id: z.uuid(), archived: z.boolean() }).and(archiveInput),
  async handler({ id, archived, expectedVersion, reason }, user) {
    const row = await setRecipientArchived(id, expectedVersion, archived, actorOf(user), reason);
    revalidateRegister(id);
    return { id: row.id, version: row.version, status: row.status };
  },
});
