import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { actorOf } from "@/lib/server/auth/actor";
import { personalTokenInput, revokeTokenInput, serviceTokenInput } from "@/lib/validation/token";
import { personalTokenScopes } from "@/lib/auth/permissions";
import { InvalidInputError } from "@/lib/errors";
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

export const createPersonalTokenDef = defineAction({
  name: "tokens.createPersonal",
  permission: "tokens.personal",
  schema: personalTokenInput,
  async handler({ name, scopes, expiresOn }, user) {
    // Bound by the person's role now; resolveApiToken bounds it again by their role at each use.
    const allowed = personalTokenScopes(user.role);
    if (scopes.some((s) => !(allowed as string[]).includes(s))) throw new InvalidInputError({ scopes: "scopeNotInRole" });
    const expiresAt = new Date(`${expiresOn}T23:59:59.999+05:00`);
    const created = await createApiToken({ name, kind: "personal", userId: user.id, scopes, expiresAt }, actorOf(user));
    revalidatePath("/profile/tokens");
    return { id: created.id, token: created.token };
  },
});

export const revokePersonalTokenDef = defineAction({
  name: "tokens.revokePersonal",
  permission: "tokens.personal",
  schema: revokeTokenInput,
  async handler({ id, reason }, user) {
    await revokeApiToken(id, reason, actorOf(user), undefined, { ownerId: user.id });
    revalidatePath("/profile/tokens");
    return { id };
  },
});
