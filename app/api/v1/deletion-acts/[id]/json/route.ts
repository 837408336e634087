import { apiRoute } from "@/lib/server/api/handler";
import { readQuery } from "@/lib/server/api/query";
import { deletionActDownloadQuery } from "@/lib/validation/downloads";
import { downloadAct } from "@/lib/server/deletion-acts/downloads";

/** The deletion act's data as JSON, stable English keys. Every download is recorded. */
export const GET = apiRoute<{ id: string }>("deletionActs.export", async ({ req, params, principal }) => downloadAct(params.id, "json", principal, readQuery(req, deletionActDownloadQuery).lang ?? null));
