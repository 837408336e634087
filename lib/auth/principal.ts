import { can, isRole, type Permission } from "./permissions";
import type { SessionUser } from "./session-user";

/**
 * Who is calling: a signed-in person, or an API token. Route handlers check named permissions
 * on the principal; the actor recorded in audit rows says which.
 */
export type Principal = {
  kind: "user" | "service-token" | "personal-token";
  /** The person (for users and personal tokens), or null for a service token. */
  userId: string | null;
  /** Shown in audit records: the person's email, or "token:<name>". */
  label: string;
  tokenId: string | null;
  user: SessionUser | null;
  permissions: readonly Permission[];
};

export function principalOfUser(user: SessionUser): Principal {
  return { kind: "user", userId: user.id, label: user.email, tokenId: null, user, permissions: [] };
}

export function principalCan(p: Principal, permission: Permission): boolean {
  if (p.kind === "user") return !!p.user && can(p.user.role, permission);
  return p.permissions.includes(permission);
}

/** A personal token acts with its scopes, but never beyond its owner's role. */
export function tokenPermissions(row: { kind: string; scopes: string[]; ownerRole: string | null }): Permission[] {
  const scopes = row.scopes as Permission[];
  if (row.kind === "personal") return isRole(row.ownerRole) ? scopes.filter((s) => can(row.ownerRole as never, s)) : [];
  return scopes;
}
