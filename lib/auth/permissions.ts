/**
 * The one table that maps roles to permissions. Code checks named permissions, never role
 * strings; the authorization test is generated from this table and the route table.
 */
export const ROLES = ["admin", "dpo", "engineer", "auditor", "sts", "support"] as const;
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
  "transfers.request",
  "transfers.decide",
  "transfers.read",
  "tokens.personal",
  // Deletion acts (the policy 4.4; RULES D4): read, record, approve (four eyes), download.
  "deletionActs.read",
  "deletionActs.write",
  "deletionActs.approve",
  "deletionActs.export",
  // Data-subject requests (policy section 5; RULES C1-C3): read, record and work, decide.
  "subjects.read",
  "subjects.manage",
  "subjects.decide",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    "register.read",
    "register.write",
    "register.export",
    "users.manage",
    "tokens.manage",
    "audit.read",
    "transfers.request",
    "transfers.decide",
    "transfers.read",
    "tokens.personal",
    "log.read",
    "log.export",
    "log.checkpoint",
    "log.keys.manage",
    "log.access.read",
    "deletionActs.read",
    "deletionActs.write",
    "deletionActs.approve",
    "deletionActs.export",
    "subjects.read",
    "subjects.manage",
    "subjects.decide",
  ],
  dpo: [
    "register.read",
    "register.write",
    "register.export",
    "audit.read",
    "transfers.request",
    "transfers.decide",
    "transfers.read",
    "tokens.personal",
    "log.read",
    "log.export",
    "log.checkpoint",
    "deletionActs.read",
    "deletionActs.write",
    "deletionActs.approve",
    "deletionActs.export",
    "subjects.read",
    "subjects.manage",
    "subjects.decide",
  ],
  engineer: ["register.read", "register.export", "transfers.request", "transfers.read", "tokens.personal", "log.read"],
  // Auditors read and download the proof of destruction (they neither record nor approve it), and
  // check that requests were answered in time and with reasons: they read the requests register.
  auditor: ["register.read", "register.export", "audit.read", "transfers.read", "tokens.personal", "log.read", "log.export", "log.checkpoint", "log.access.read", "deletionActs.read", "deletionActs.export", "subjects.read"],
  // The state technical service examines, read-only (KZ-PDL art. 22 p. 1(4); RULES E2); every read of the log is logged.
  // Not "subjects.read": KZ-PDL art. 22 p. 1(4) opens the informatization objects for examination, not
  // the correspondence with individual subjects; the STS gets it only if the DPO decides so.
  sts: ["register.read", "register.export", "transfers.read", "tokens.personal", "log.read", "log.export"],
  // A support agent records subjects' requests and works them; answers, refusals and extensions are
  // the DPO's reasoned decisions (policy 5.2, the consent-withdrawal and deletion rows); no register writes, no transfer decisions.
  support: ["register.read", "tokens.personal", "subjects.read", "subjects.manage"],
  // "transfers.ingest" belongs to no role: only service tokens report transfers.
};

export function can(role: Role | undefined | null, permission: Permission): boolean {
  return !!role && ROLE_PERMISSIONS[role]?.includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Permissions no API token ever carries: a leaked credential cannot mint more credentials. */
const NEVER_FOR_TOKENS: readonly Permission[] = ["users.manage", "tokens.manage", "tokens.personal", "log.keys.manage"];

/** Decisions and records a person signs: a deletion act names its executor and approver (RULES D4). */
const PERSONS_ONLY: readonly Permission[] = ["transfers.decide", "subjects.decide", "deletionActs.write", "deletionActs.approve"];

/**
 * What a service token may be granted: never the administration of people or tokens, and never
 * deciding transfers or subjects' requests — a decision is a person's, with a reason, under the four-eyes rule.
 */
export const SERVICE_TOKEN_SCOPES: readonly Permission[] = PERMISSIONS.filter((p) => !NEVER_FOR_TOKENS.includes(p) && !PERSONS_ONLY.includes(p));

/** What a person may put on their own personal token: their role's permissions, minus credential administration. */
export function personalTokenScopes(role: Role): Permission[] {
  return ROLE_PERMISSIONS[role].filter((p) => !NEVER_FOR_TOKENS.includes(p));
}
