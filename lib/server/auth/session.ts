import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "./index";
import { can, type Permission } from "@/lib/auth/permissions";

export type { SessionUser } from "@/lib/auth/session-user";
import type { SessionUser } from "@/lib/auth/session-user";

/** The signed-in person, once per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const u = session?.user;
  if (!u?.id || !u.role) return null;
  return { id: u.id, email: u.email ?? "", name: u.name ?? u.email ?? "", role: u.role, locale: u.locale ?? null };
});

/**
 * For pages: anonymous visitors go to sign-in, signed-in people without the permission get 403.
 * Every page calls this itself; proxy.ts only redirects early.
 */
export async function requirePagePermission(permission: Permission, callbackPath?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(callbackPath ? `/login?callbackUrl=${encodeURIComponent(callbackPath)}` : "/login");
  if (!can(user.role, permission)) forbidden();
  return user;
}

export { actorOf } from "./actor";

/** Runs a declared action as the signed-in person (see lib/actions/define.ts). */
export async function runAction<S extends import("zod").ZodType, T>(def: import("@/lib/server/actions/define").ActionDef<S, T>, input: unknown) {
  const { executeAction } = await import("@/lib/server/actions/define");
  return executeAction(def, await currentUser(), input);
}
