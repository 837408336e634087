import type { Permission } from "./permissions";
import { API_OPERATIONS } from "@/lib/api/routes";

/**
 * Every page and endpoint with the permission it needs ("public" = anyone, "signedIn" = any
 * signed-in person). The authorization test is generated from this table × every role and
 * anonymous; another test fails when a page or route file exists that is not listed here.
 * `path` is a concrete URL to try (ids come from the seeded register at test time).
 */
export type Access = Permission | "public" | "signedIn";

/**
 * `absent`: the path names a thing a fresh test database may not hold yet (the log starts empty),
 * so a role that is allowed may get 404 — never 200 for a role that is not allowed.
 */
export type PageEntry = { file: string; path: string; access: Access; absent?: true };
export type ApiEntry = { file: string; method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string; access: Access; body?: unknown; absent?: true };

/**
 * `:recipient` is replaced by a seeded recipient's id; `:transferRequest` by the id of a request an
 * engineer submitted at the start of the test (submitted, so every role may see it); `:subjectRequest` by
 * the id of a data-subject request the DPO recorded at the start of the test.
 */
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
  { file: "app/(portal)/log/page.tsx", path: "/log", access: "log.read" },
  { file: "app/(portal)/log/[seq]/page.tsx", path: "/log/0", access: "log.read", absent: true },
  { file: "app/(portal)/log/checkpoints/page.tsx", path: "/log/checkpoints", access: "log.read" },
  { file: "app/(portal)/log/access/page.tsx", path: "/log/access", access: "log.access.read" },
  { file: "app/(portal)/transfers/page.tsx", path: "/transfers", access: "transfers.read" },
  { file: "app/(portal)/transfers/new/page.tsx", path: "/transfers/new", access: "transfers.request" },
  { file: "app/(portal)/transfers/[id]/page.tsx", path: "/transfers/:transferRequest", access: "transfers.read" },
  { file: "app/(portal)/transfers/[id]/edit/page.tsx", path: "/transfers/:transferRequest/edit", access: "transfers.request" },
  { file: "app/(portal)/subject-requests/page.tsx", path: "/subject-requests", access: "subjects.read" },
  { file: "app/(portal)/subject-requests/new/page.tsx", path: "/subject-requests/new", access: "subjects.manage" },
  { file: "app/(portal)/subject-requests/[id]/page.tsx", path: "/subject-requests/:subjectRequest", access: "subjects.read" },
  { file: "app/(portal)/profile/tokens/page.tsx", path: "/profile/tokens", access: "tokens.personal" },
  { file: "app/(portal)/retention/page.tsx", path: "/retention", access: "register.read" },
  { file: "app/(portal)/deletion-acts/page.tsx", path: "/deletion-acts", access: "deletionActs.read" },
  { file: "app/(portal)/deletion-acts/new/page.tsx", path: "/deletion-acts/new", access: "deletionActs.write" },
  // A fresh test database holds no act: an allowed role gets 404, never 200 for one that is not allowed.
  { file: "app/(portal)/deletion-acts/[id]/page.tsx", path: "/deletion-acts/00000000-0000-4000-8000-000000000000", access: "deletionActs.read", absent: true },
];

/** Every operation of lib/api/routes.ts (the one list of the API, also behind the OpenAPI document) that can be probed. */
export const API: ApiEntry[] = API_OPERATIONS.flatMap((o) =>
  o.probe ? [{ file: o.file, method: o.method, path: o.probe.path, access: o.access, ...(o.probe.body !== undefined ? { body: o.probe.body } : {}), ...(o.probe.absent ? { absent: true as const } : {}) }] : [],
);
