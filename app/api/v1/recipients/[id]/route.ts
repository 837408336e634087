import { z } from "zod";
import { getRecipient, updateRecipient } from "@/db/queries/recipients";
import { apiRoute, readJson } from "@/lib/server/api/handler";
import { problem } from "@/lib/api/problem";
import { recipientInput } from "@/lib/validation/recipient";
import { optionalText } from "@/lib/validation/common";

export const GET = apiRoute<{ id: string }>("register.read", async ({ params }) => {
  const r = await getRecipient(params.id);
  return r ? Response.json(r) : problem("notFound");
});

/** A full replacement of the editable fields, from the version the client read (optimistic). */
const putBody = z.object({ expectedVersion: z.number().int().positive(), reason: optionalText(1000), data: recipientInput });

export const PUT = apiRoute<{ id: string }>("register.write", async ({ req, params, actor }) => {
  const body = await readJson(req, putBody);
  const row = await updateRecipient(params.id, body.expectedVersion, body.data, actor, body.reason);
  return Response.json({ id: row.id, version: row.version });
});
