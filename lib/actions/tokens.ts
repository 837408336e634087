import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { actorOf } from "@/lib/auth/actor";
import { revokeTokenInput, serviceTokenInput } from "@/lib/validation/token";
import { defineAction } from "./define";

export const createServiceTokenDef = defineAction({
  name: "tokens.createService",
  permission: "tokens.manage",
  schema: serviceTokenInput,
  async handler({ name, scopes, expiresOn }, user) {
    // A token expires at the end of its last day, Almaty time (UTC+5).
    const expiresAt = new Date(`${expiresOn}T23:59:59.999+05:00`);
    const created = await createApiToken({ name, kind: "service", userId: null, scopes, expiresAt }, actorOf(user));
    revalidatePath("/admin/tokens");
    return { id: created.id, token: created.token };
  },
});

export const revokeTokenDef = defineAction({
  name: "tokens.revoke",
  permission: "tokens.manage",
  schema: revokeTokenInput,
  async handler({ id, reason }, user) {
    await revokeApiToken(id, reason, actorOf(user));
    revalidatePath("/admin/tokens");
    return { id };
  },
});
