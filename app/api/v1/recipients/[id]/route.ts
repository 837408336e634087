import { getRecipient, updateRecipient } from "@/db/queries/recipients";
import { apiRoute, readJson } from "@/lib/server/api/handler";
import { problem } from "@/lib/api/problem";
import { recipientPutBody } from "@/lib/validation/recipient";

export const GET = apiRoute<{ id: string }>("register.read", async ({ params }) => {
  const r = await getRecipient(params.id);
  return r ? Response.json(r) : problem("notFound");
});

export const PUT = apiRoute<{ id: string }>("register.write", async ({ req, params, actor }) => {
  const body = await readJson(req, recipientPutBody);
  const row = await updateRecipient(params.id, body.expectedVersion, body.data, actor, body.reason);
  return Response.json({ id: row.id, version: row.version });
});
