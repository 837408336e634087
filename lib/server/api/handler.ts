import "server-only";
import type { z } from "zod";
import { currentUser } from "@/lib/server/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { principalCan, principalOfUser, tokenPermissions, type Principal } from "@/lib/auth/principal";
import { resolveApiToken } from "@/db/queries/tokens";
import type { Actor } from "@/db/queries/actor";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/common";
import { problem } from "@/lib/api/problem";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/database-unavailable";

/** Bodies larger than this are refused before parsing (the register's entries are small). */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

type Ctx<P> = { principal: Principal; actor: Actor; req: Request; params: P };

/**
 * Who calls: a Bearer API token when the request carries one (and then only it), else the
 * session cookie. An invalid token is refused; it never falls back to the cookie.
 */
export async function authenticate(req: Request): Promise<Principal | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return null;
    const row = await resolveApiToken(match[1]);
    if (!row) return null;
    return {
      kind: row.kind === "service" ? "service-token" : "personal-token",
      userId: row.kind === "personal" ? row.ownerId : null,
      label: row.kind === "personal" ? `${row.ownerEmail} (token ${row.name})` : `token:${row.name}`,
      tokenId: row.id,
      user: null,
      permissions: tokenPermissions(row),
    };
  }
  const user = await currentUser();
  return user ? principalOfUser(user) : null;
}

/**
 * Wraps a route handler: authenticate → named permission → the handler. Errors thrown by
 * db/queries become problem+json; nothing else leaks.
 */
export function apiRoute<P = Record<string, string>>(permission: Permission, handler: (ctx: Ctx<P>) => Promise<Response>) {
  return async (req: Request, context: { params: Promise<P> }) => {
    try {
      // Inside the try: authenticating reads the database too, and an outage there is a 503 as well.
      const principal = await authenticate(req);
      if (!principal) return problem("unauthenticated", {}, { headers: { "www-authenticate": "Bearer" } });
      if (!principalCan(principal, permission)) return problem("forbidden", { detail: `Requires the permission ${permission}` });
      return await handler({ principal, actor: { id: principal.userId, email: principal.label }, req, params: await context.params });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

export function errorResponse(err: unknown): Response {
  if (err instanceof BodyError) return problem(err.type, { detail: err.message });
  if (err instanceof InvalidInputError) return problem("validation", { errors: err.fieldErrors });
  if (err instanceof ConflictError) return problem("conflict", { detail: err.message, ...err.details });
  if (err instanceof NotFoundError) return problem("notFound", { detail: err.message });
  if (err instanceof ForbiddenError) return problem("forbidden", { detail: err.reason });
  if (isDatabaseUnavailable(err)) return databaseUnavailable(err);
  throw err;
}

/**
 * The database is unreachable or too busy: 503 with Retry-After, so clients retry (an ingest with
 * the same idempotency keys is answered exactly once). Logged as one line, not a stack per request.
 */
function databaseUnavailable(err: unknown): Response {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  console.warn(`database unavailable: ${cause?.code ?? (err as { code?: string }).code ?? ""} ${cause?.message ?? (err as Error).message}`.trim());
  return problem("unavailable", { detail: "The database is not answering just now. Try again shortly." }, { headers: { "retry-after": String(RETRY_AFTER_SECONDS) } });
}

class BodyError extends Error {
  constructor(readonly type: "tooLarge" | "malformed" | "unsupportedMediaType", message: string) {
    super(message);
  }
}

/** Reads and validates a JSON body: size-limited, parsed, checked with zod; throws problems. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BODY_BYTES): Promise<z.output<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new BodyError("unsupportedMediaType", "Content-Type must be application/json");
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new BodyError("tooLarge", `At most ${maxBytes} bytes`);
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new BodyError("tooLarge", `At most ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BodyError("malformed", "The body is not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InvalidInputError(fieldErrorsOf(parsed.error));
  return parsed.data;
}
