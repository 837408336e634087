/**
 * The one table that maps roles to permissions. Code checks named permissions, never role
 * strings; the authorization test is generated from this table and the route table.
 */
export const ROLES = ["admin", "dpo", "engineer", "auditor", "sts"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "register.read",
  "register.write",
  "register.export",
  "users.manage",
  "tokens.manage",
  "audit.read",
  "log.read",
  "log.export",
  "log.checkpoint",
  "log.keys.manage",
  "log.access.read",
  "transfers.ingest",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ["register.read", "register.write", "register.export", "users.manage", "tokens.manage", "audit.read", "log.read", "log.export", "log.checkpoint", "log.keys.manage", "log.access.read"],
  dpo: ["register.read", "register.write", "register.export", "audit.read", "log.read", "log.export", "log.checkpoint"],
  engineer: ["register.read", "register.export", "log.read"],
  auditor: ["register.read", "register.export", "audit.read", "log.read", "log.export", "log.checkpoint", "log.access.read"],
  // The state technical service examines, read-only (KZ-PDL art. 22 p. 1(4); RULES E2); every read is logged.
  sts: ["register.read", "register.export", "log.read", "log.export"],
  // "transfers.ingest" belongs to no role: only service tokens report transfers.
};

export function can(role: Role | undefined | null, permission: Permission): boolean {
  return !!role && ROLE_PERMISSIONS[role]?.includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * What a service token may be granted: never the administration of people or tokens, so a
 * leaked machine credential cannot mint more credentials.
 */
export const SERVICE_TOKEN_SCOPES: readonly Permission[] = PERMISSIONS.filter((p) => p !== "users.manage" && p !== "tokens.manage" && p !== "log.keys.manage");
