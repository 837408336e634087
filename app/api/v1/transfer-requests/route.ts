import { createTransferRequest, listTransferRequests } from "@/db/queries/transfer-requests";
import { apiRoute, readJson } from "@/lib/server/api/handler";
import { businessDate } from "@/lib/transfers/constants";
import { createTransferRequestBody, transferListQuery } from "@/lib/validation/transfer-request";

/** Lists requests: view=mine (the caller's own: the token's owner, or the service token), queue, or all. */
export const GET = apiRoute("transfers.read", async ({ req, principal }) => {
  const query = transferListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const view = query.view ?? "mine";
  return Response.json(await listTransferRequests(query, { userId: principal.userId, tokenId: principal.tokenId, view }, businessDate()));
});

/** Files a request for the caller; with "submit": true it is submitted at once and the rule results come back. */
export const POST = apiRoute("transfers.request", async ({ req, principal }) => {
  const { submit, ...input } = await readJson(req, createTransferRequestBody);
  const created = await createTransferRequest(input, { userId: principal.userId, tokenId: principal.tokenId, label: principal.label }, { submit });
  return Response.json(
    { id: created.id, number: created.number, status: created.status, version: created.version, ruleResults: created.evaluation },
    { status: 201, headers: { location: `/api/v1/transfer-requests/${created.id}` } },
  );
});
