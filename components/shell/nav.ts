import type { Permission } from "@/lib/auth/permissions";

/** The sidebar: each entry shows only to people whose role has its permission. */
export const NAV = [
  { href: "/", key: "dashboard", icon: "home", permission: "register.read" },
  { href: "/registry/recipients", key: "recipients", icon: "building", permission: "register.read" },
  { href: "/log", key: "transferLog", icon: "log", permission: "log.read" },
  { href: "/log/checkpoints", key: "checkpoints", icon: "checkpoint", permission: "log.read" },
  { href: "/log/access", key: "logAccess", icon: "access", permission: "log.access.read" },
  { href: "/transfers", key: "transfers", icon: "transfer", permission: "transfers.read" },
  { href: "/subject-requests", key: "subjectRequests", icon: "inbox", permission: "subjects.read" },
  { href: "/registry/purposes", key: "purposes", icon: "target", permission: "register.read" },
  { href: "/registry/catalogue", key: "catalogue", icon: "database", permission: "register.read" },
  { href: "/registry/countries", key: "countries", icon: "globe", permission: "register.read" },
  { href: "/registry/lint", key: "lint", icon: "check", permission: "register.read" },
  { href: "/registry/publications", key: "publications", icon: "file", permission: "register.read" },
  { href: "/retention", key: "retention", icon: "calendar", permission: "register.read" },
  { href: "/deletion-acts", key: "deletionActs", icon: "fileX", permission: "deletionActs.read" },
  { href: "/admin/users", key: "users", icon: "users", permission: "users.manage" },
  { href: "/admin/tokens", key: "tokens", icon: "key", permission: "tokens.manage" },
  { href: "/profile/tokens", key: "profileTokens", icon: "keyPersonal", permission: "tokens.personal" },
] as const satisfies readonly { href: string; key: string; icon: string; permission: Permission }[];
