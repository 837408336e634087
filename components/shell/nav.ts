import type { Permission } from "@/lib/auth/permissions";

/** The sidebar: each entry shows only to people whose role has its permission. */
export const NAV = [
  { href: "/", key: "dashboard", icon: "home", permission: "register.read" },
  { href: "/registry/recipients", key: "recipients", icon: "building", permission: "register.read" },
  { href: "/registry/purposes", key: "purposes", icon: "target", permission: "register.read" },
  { href: "/registry/catalogue", key: "catalogue", icon: "database", permission: "register.read" },
  { href: "/registry/countries", key: "countries", icon: "globe", permission: "register.read" },
  { href: "/registry/lint", key: "lint", icon: "check", permission: "register.read" },
  { href: "/registry/publications", key: "publications", icon: "file", permission: "register.read" },
  { href: "/admin/users", key: "users", icon: "users", permission: "users.manage" },
  { href: "/admin/tokens", key: "tokens", icon: "key", permission: "tokens.manage" },
] as const satisfies readonly { href: string; key: string; icon: string; permission: Permission }[];
