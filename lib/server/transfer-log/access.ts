import "server-only";
import { clientAddressOrNull } from "@/lib/server/client-address";
import { recordLogAccess } from "@/db/queries/transfer-log";
import type { Principal } from "@/lib/auth/principal";
import type { SessionUser } from "@/lib/auth/session-user";

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
}
