import { getRecipient, getRecipientHistory } from "@/db/queries/recipients";
import { apiRoute } from "@/lib/server/api/handler";
import { problem } from "@/lib/api/problem";

export const GET = apiRoute<{ id: string }>("register.read", async ({ params }) => {
  if (!(await getRecipient(params.id))) return problem("notFound");
  return Response.json({ versions: await getRecipientHistory(params.id) });
});
