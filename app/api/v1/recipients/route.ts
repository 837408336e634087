import { createRecipient, listRecipients } from "@/db/queries/recipients";
import { apiRoute, readJson } from "@/lib/server/api/handler";
import { recipientInput, recipientListQuery } from "@/lib/validation/recipient";

export const GET = apiRoute("register.read", async ({ req }) => {
  const query = recipientListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listRecipients(query));
});

export const POST = apiRoute("register.write", async ({ req, actor }) => {
  const input = await readJson(req, recipientInput);
  const row = await createRecipient(input, actor);
  return Response.json({ id: row.id, key: row.key, version: row.version }, { status: 201, headers: { location: `/api/v1/recipients/${row.id}` } });
});
