import type { Permission } from "./permissions";

/**
 * Every page and endpoint with the permission it needs ("public" = anyone, "signedIn" = any
 * signed-in person). The authorization test is generated from this table × every role and
 * anonymous; another test fails when a page or route file exists that is not listed here.
 * `path` is a concrete URL to try (ids come from the seeded register at test time).
 */
export type Access = Permission | "public" | "signedIn";

export type PageEntry = { file: string; path: string; access: Access };
export type ApiEntry = { file: string; method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string; access: Access; body?: unknown };

/** `:recipient` is replaced by a seeded recipient's id. */
export const PAGES: PageEntry[] = [
  { file: "app/(auth)/login/page.tsx", path: "/login", access: "public" },
  { file: "app/(portal)/page.tsx", path: "/", access: "register.read" },
  { file: "app/(portal)/registry/recipients/page.tsx", path: "/registry/recipients", access: "register.read" },
  { file: "app/(portal)/registry/recipients/new/page.tsx", path: "/registry/recipients/new", access: "register.write" },
  { file: "app/(portal)/registry/recipients/[id]/page.tsx", path: "/registry/recipients/:recipient", access: "register.read" },
  { file: "app/(portal)/registry/recipients/[id]/edit/page.tsx", path: "/registry/recipients/:recipient/edit", access: "register.write" },
  { file: "app/(portal)/registry/purposes/page.tsx", path: "/registry/purposes", access: "register.read" },
  { file: "app/(portal)/registry/purposes/new/page.tsx", path: "/registry/purposes/new", access: "register.write" },
  { file: "app/(portal)/registry/purposes/[code]/page.tsx", path: "/registry/purposes/C12", access: "register.read" },
  { file: "app/(portal)/registry/purposes/[code]/edit/page.tsx", path: "/registry/purposes/C12/edit", access: "register.write" },
  { file: "app/(portal)/registry/catalogue/page.tsx", path: "/registry/catalogue", access: "register.read" },
  { file: "app/(portal)/registry/catalogue/history/page.tsx", path: "/registry/catalogue/history?entity=data-item&key=contact%3A%20phone", access: "register.read" },
  { file: "app/(portal)/registry/countries/page.tsx", path: "/registry/countries", access: "register.read" },
  { file: "app/(portal)/registry/countries/[code]/page.tsx", path: "/registry/countries/KZ", access: "register.read" },
  { file: "app/(portal)/registry/lint/page.tsx", path: "/registry/lint", access: "register.read" },
  { file: "app/(portal)/registry/publications/page.tsx", path: "/registry/publications", access: "register.read" },
  // The published policy is public: anyone may read it, without signing in.
  { file: "app/policy/page.tsx", path: "/policy", access: "public" },
  { file: "app/policy/[version]/page.tsx", path: "/policy/1.0", access: "public" },
  { file: "app/policy/compare/page.tsx", path: "/policy/compare?from=1.0&to=1.0", access: "public" },
  { file: "app/(portal)/admin/users/page.tsx", path: "/admin/users", access: "users.manage" },
  { file: "app/(portal)/admin/tokens/page.tsx", path: "/admin/tokens", access: "tokens.manage" },
];

export const API: ApiEntry[] = [
  { file: "app/api/health/route.ts", method: "GET", path: "/api/health", access: "public" },
  { file: "app/api/v1/openapi.json/route.ts", method: "GET", path: "/api/v1/openapi.json", access: "public" },
  { file: "app/api/auth/[...nextauth]/route.ts", method: "GET", path: "/api/auth/session", access: "public" },
  { file: "app/api/v1/recipients/route.ts", method: "GET", path: "/api/v1/recipients", access: "register.read" },
  { file: "app/api/v1/recipients/route.ts", method: "POST", path: "/api/v1/recipients", access: "register.write", body: {} },
  { file: "app/api/v1/recipients/[id]/route.ts", method: "GET", path: "/api/v1/recipients/:recipient", access: "register.read" },
  { file: "app/api/v1/recipients/[id]/route.ts", method: "PUT", path: "/api/v1/recipients/:recipient", access: "register.write", body: {} },
  { file: "app/api/v1/recipients/[id]/history/route.ts", method: "GET", path: "/api/v1/recipients/:recipient/history", access: "register.read" },
  { file: "app/api/v1/recipients/export/route.ts", method: "GET", path: "/api/v1/recipients/export?format=csv", access: "register.export" },
  { file: "app/api/v1/lint/route.ts", method: "GET", path: "/api/v1/lint", access: "register.read" },
  { file: "app/api/v1/ropa/export/route.ts", method: "GET", path: "/api/v1/ropa/export?format=csv", access: "register.export" },
];
