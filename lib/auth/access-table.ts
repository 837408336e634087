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

/**
 * `:recipient` is replaced by a seeded recipient's id; `:transferRequest` by the id of a request an
 * engineer submitted at the start of the test (submitted, so every role may see it).
 */
export const PAGES: PageEntry[] = [
  { file: "app/(auth)/login/page.tsx", path: "/login", access: "public" },
  { file: "app/(portal)/page.tsx", path: "/", access: "register.read" },
  { file: "app/(portal)/registry/recipients/page.tsx", path: "/registry/recipients", access: "register.read" },
  { file: "app/(portal)/registry/recipients/new/page.tsx", path: "/registry/recipients/new", access: "register.write" },
  { file: "app/(portal)/registry/recipients/[id]/page.tsx", path: "/registry/recipients/:recipient", access: "register.read" },
  { file: "app/(portal)/registry/recipients/[id]/edit/page.tsx", path: "/registry/recipients/:recipient/edit", access: "register.write" },
  { file: "app/(portal)/admin/users/page.tsx", path: "/admin/users", access: "users.manage" },
  { file: "app/(portal)/admin/tokens/page.tsx", path: "/admin/tokens", access: "tokens.manage" },
  { file: "app/(portal)/transfers/page.tsx", path: "/transfers", access: "transfers.read" },
  { file: "app/(portal)/transfers/new/page.tsx", path: "/transfers/new", access: "transfers.request" },
  { file: "app/(portal)/transfers/[id]/page.tsx", path: "/transfers/:transferRequest", access: "transfers.read" },
  { file: "app/(portal)/transfers/[id]/edit/page.tsx", path: "/transfers/:transferRequest/edit", access: "transfers.request" },
  { file: "app/(portal)/profile/tokens/page.tsx", path: "/profile/tokens", access: "tokens.personal" },
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
  { file: "app/api/v1/transfer-requests/route.ts", method: "GET", path: "/api/v1/transfer-requests?view=all", access: "transfers.read" },
  { file: "app/api/v1/transfer-requests/route.ts", method: "POST", path: "/api/v1/transfer-requests", access: "transfers.request", body: {} },
  { file: "app/api/v1/transfer-requests/[id]/route.ts", method: "GET", path: "/api/v1/transfer-requests/:transferRequest", access: "transfers.read" },
];
