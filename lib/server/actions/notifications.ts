import { revalidatePath } from "next/cache";
import { markNotificationsRead } from "@/db/queries/notifications";
import { markNotificationsReadInput } from "@/lib/validation/notification";
import { defineAction } from "./define";

/** Anyone who can see transfer requests gets their notices; reading them is theirs alone. */
export const markNotificationsReadDef = defineAction({
  name: "notifications.markRead",
  permission: "transfers.read",
  schema: markNotificationsReadInput,
  async handler(input, user) {
    await markNotificationsRead({ id: user.id, role: user.role }, input);
    revalidatePath("/", "layout");
    return {};
  },
});
