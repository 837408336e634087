import { apiRoute } from "@/lib/server/api/handler";
import { downloadAct } from "@/lib/server/deletion-acts/downloads";

/** The deletion act's PDF (?lang=kk-ru|kk|ru|en; default: the act's language). Every download is recorded. */
export const GET = apiRoute<{ id: string }>("deletionActs.export", async ({ req, params, principal }) => downloadAct(params.id, "pdf", principal, new URL(req.url).searchParams.get("lang")));
