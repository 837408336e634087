import { apiRoute } from "@/lib/server/api/handler";
import { readQuery } from "@/lib/server/api/query";
import { deletionActDownloadQuery } from "@/lib/validation/downloads";
import { downloadAct } from "@/lib/server/deletion-acts/downloads";

/** The deletion act's PDF (?lang=kk-ru|kk|ru|en; default: the act's language). Every download is recorded. */
export const GET = apiRoute<{ id: string }>("deletionActs.export", async ({ req, params, principal }) => downloadAct(params.id, "pdf", principal, readQuery(req, deletionActDownloadQuery).lang ?? null));
