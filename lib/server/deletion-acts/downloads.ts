import "server-only";
import crypto from "node:crypto";
import { clientAddressOrNull } from "@/lib/server/client-address";
import { getDeletionAct, listDeletionActEvents, recordDeletionActDownload, transfersOfPurposes } from "@/db/queries/deletion-acts";
import type { Principal } from "@/lib/auth/principal";
import { NotFoundError } from "@/lib/errors";
import { ACT_LANGUAGES, type ActLanguage, type DeletionActFormat } from "@/lib/deletion-acts/constants";
import { actExtract, actJson } from "@/lib/deletion-acts/document";
import { loadActFonts } from "@/lib/deletion-acts/fonts";
import { renderActPdf } from "@/lib/deletion-acts/pdf";

const address = clientAddressOrNull;

const sha256 = (bytes: Uint8Array | string) => crypto.createHash("sha256").update(bytes).digest("hex");

/**
 * One download of an act: build the bytes, record who took which format (with their SHA-256),
 * then hand them out. The record is written first: if it cannot be, the download fails too.
 */
export async function downloadAct(id: string, format: DeletionActFormat, who: Principal, lang: string | null): Promise<Response> {
  const act = await getDeletionAct(id);
  if (!act) throw new NotFoundError("deletion act");
  let body: Uint8Array;
  let type: string;
  let language: ActLanguage | null = null;
  if (format === "pdf") {
    language = (ACT_LANGUAGES as readonly string[]).includes(lang ?? "") ? (lang as ActLanguage) : act.language;
    body = await renderActPdf(act, await loadActFonts(), language);
    type = "application/pdf";
  } else if (format === "json") {
    body = new TextEncoder().encode(JSON.stringify(actJson(act), null, 2));
    type = "application/json; charset=utf-8";
  } else {
    const trail = await listDeletionActEvents(act.id);
    const created = trail.find((e) => e.kind === "created");
    const extract = actExtract(
      act,
      trail.map((e) => ({ at: e.at, kind: e.kind, actorLabel: e.actorLabel, role: e.role, format: e.format, detail: e.detail })),
      { checkpointAtCreation: created?.detail.logCheckpoint ?? null, transfersOfPurposes: await transfersOfPurposes(act.purposeCodes, new Date(act.createdAt)) },
    );
    body = new TextEncoder().encode(JSON.stringify(extract, null, 2));
    type = "application/json; charset=utf-8";
  }
  await recordDeletionActDownload({ actId: act.id, format, language, sha256: sha256(body), address: await address() }, { id: who.userId, label: who.label, role: who.user?.role ?? null });
  const ext = format === "pdf" ? "pdf" : "json";
  const name = `${act.number}${format === "extract" ? "-extract" : ""}${language ? `-${language}` : ""}.${ext}`;
  return new Response(new Uint8Array(body), { headers: { "content-type": type, "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" } });
}
