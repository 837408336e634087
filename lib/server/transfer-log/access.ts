import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { clientAddressOrNull } from "@/lib/server/client-address";
import { recordLogAccess } from "@/db/queries/transfer-log";
import { can, type Permission } from "@/lib/auth/permissions";
import { principalOfUser, type Principal } from "@/lib/auth/principal";
import type { SessionUser } from "@/lib/auth/session-user";
import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { currentUser, requirePagePermission } from "@/lib/server/auth/session";

/** Kinds of reads of the log, recorded in the access log (RULES E1, E2). */
export type LogReadAction =
  | "view-list"
  | "view-entry"
  | "view-checkpoints"
  | "view-statistics"
  | "download-csv"
  | "download-jsonl"
  | "download-bundle"
  | "api-list"
  | "api-entry"
  | "api-receipt"
  | "api-consistency"
  | "api-checkpoint"
  | "view-access-log"
  | "download-access-log";

const address = clientAddressOrNull;

/**
 * Records a read of the log before the data is handed out: if the record cannot be written,
 * the read fails too (no unrecorded access).
 */
export async function recordRead(who: Principal | SessionUser, action: LogReadAction, detail: Record<string, unknown> = {}) {
  const isPrincipal = "kind" in who;
  await recordLogAccess({
    actorLabel: isPrincipal ? who.label : who.email,
    actorUserId: isPrincipal ? who.userId : who.id,
    principalKind: isPrincipal ? who.kind : "user",
    role: isPrincipal ? (who.user?.role ?? null) : who.role,
    action,
    detail,
    address: await address(),
  });
  const state = readRecorded.getStore();
  if (state) state.recorded = true;
}

// Whether the current request's read was recorded (by recordRead), so a refusal after it is not recorded twice.
const readRecorded = new AsyncLocalStorage<{ recorded: boolean }>();

type RouteHandler<P> = Parameters<typeof apiRoute<P>>[1];

/**
 * apiRoute for a read of the log: a request that is refused (401, 403, a bad parameter, nothing
 * found) is recorded in the access log too, with who asked (or "anonymous"), the status and the
 * path, so the access log shows every attempt to read the log, not only the reads that were
 * served (RULES E1, E2). Recording a refusal is best effort: no data was handed out, so a failure
 * to record it is logged and the refusal still answered.
 */
export function logReadRoute<P = Record<string, string>>(permission: Permission, action: LogReadAction | ((req: Request) => LogReadAction), handler: RouteHandler<P>) {
  const route = apiRoute<P>(permission, handler);
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const state = { recorded: false };
    const res = await readRecorded.run(state, () => route(req, context));
    if (res.status >= 400 && res.status < 500 && !state.recorded) {
      try {
        const who = res.status === 401 ? null : await authenticate(req);
        const url = new URL(req.url);
        const reason = await res
          .clone()
          .json()
          .then((p: { type?: unknown }) => (typeof p.type === "string" ? p.type : null))
          .catch(() => null);
        await recordRefusal(who, typeof action === "function" ? action(req) : action, { status: res.status, reason, permission, path: url.pathname, query: url.search });
      } catch (err) {
        console.error(`log access: could not record a refused read of ${new URL(req.url).pathname}:`, err);
      }
    }
    return res;
  };
}

/**
 * requirePagePermission for a page that reads the log: a signed-in person without the permission
 * is recorded as refused before the 403, as the API does.
 */
export async function requireLogReader(permission: Permission, path: string, action: LogReadAction): Promise<SessionUser> {
  const user = await currentUser();
  if (user && !can(user.role, permission)) await recordRefusal(principalOfUser(user), action, { status: 403, reason: "forbidden", permission, path });
  return requirePagePermission(permission, path);
}

async function recordRefusal(who: Principal | null, action: LogReadAction, detail: Record<string, unknown>) {
  await recordLogAccess({
    actorLabel: who?.label ?? "anonymous",
    actorUserId: who?.userId ?? null,
    principalKind: who?.kind ?? "anonymous",
    role: who?.user?.role ?? null,
    action,
    detail: { outcome: "refused", ...detail },
    address: await address(),
  });
}
