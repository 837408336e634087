import type { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/common";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";

/** What every server action returns to its form: a value, never a thrown error. */
export type ActionResult<T = unknown> =
  | { ok: true; data?: T }
  | {
      ok: false;
      error: "unauthenticated" | "forbidden" | "invalid" | "conflict" | "notFound" | "unavailable";
      fieldErrors?: Record<string, string>;
      conflict?: ConflictError["details"];
      /** A message key under "errors" saying why, when the error alone does not (e.g. "fourEyes"). */
      message?: string;
    };

export type ActionDef<S extends z.ZodType, T> = {
  name: string;
  permission: Permission;
  schema: S;
  handler: (input: z.output<S>, user: SessionUser) => Promise<T>;
};

const registry = new Map<string, ActionDef<z.ZodType, unknown>>();

/**
 * Declares a server action: its name, the permission it needs, the schema of its input and the
 * handler. Every action is listed in one registry, so the authorization test covers all of them.
 */
export function defineAction<S extends z.ZodType, T>(def: ActionDef<S, T>): ActionDef<S, T> {
  registry.set(def.name, def as unknown as ActionDef<z.ZodType, unknown>);
  return def;
}

export function registeredActions() {
  return [...registry.values()];
}

/**
 * The one way a mutation runs: authenticate → check the named permission → validate with zod →
 * the handler (one db/queries call that writes and audits in one transaction) → a result value.
 * The permission is checked before validation so that people without it learn nothing from errors.
 */
export async function executeAction<S extends z.ZodType, T>(def: ActionDef<S, T>, user: SessionUser | null, input: unknown): Promise<ActionResult<T>> {
  if (!user) return { ok: false, error: "unauthenticated" };
  if (!can(user.role, def.permission)) return { ok: false, error: "forbidden" };
  const parsed = def.schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, data: await def.handler(parsed.data, user) };
  } catch (err) {
    if (err instanceof InvalidInputError) return { ok: false, error: "invalid", fieldErrors: err.fieldErrors };
    if (err instanceof ConflictError) return { ok: false, error: "conflict", conflict: err.details, message: err.message };
    if (err instanceof ForbiddenError) return { ok: false, error: "forbidden", message: err.reason };
    if (err instanceof NotFoundError) return { ok: false, error: "notFound" };
    // The database is unreachable or too busy: the form says so, and the person can try again.
    if (isDatabaseUnavailable(err)) return { ok: false, error: "unavailable" };
    throw err;
  }
}
