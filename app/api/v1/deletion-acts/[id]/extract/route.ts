import { apiRoute } from "@/lib/server/api/handler";
import { readQuery } from "@/lib/server/api/query";
import { deletionActDownloadQuery } from "@/lib/validation/downloads";
import { downloadAct } from "@/lib/server/deletion-acts/downloads";

/** The deletion act's log extract (RULES D4): destruction lines, the act's trail, the transfer log at the time. Every download is recorded. */
export const GET = apiRoute<{ id: string }>("deletionActs.export", async ({ req, params, principal }) => downloadAct(params.id, "extract", principal, readQuery(req, deletionActDownloadQuery).lang ?? null));
