import { getTransferRequest, getTransferTimeline } from "@/db/queries/transfer-requests";
import { apiRoute } from "@/lib/server/api/handler";
import { problem } from "@/lib/api/problem";
import { businessDate } from "@/lib/transfers/constants";
import { transferRequestDocument } from "@/lib/server/transfers/document";

/** Status, rule results and timeline of one request. Drafts are visible only to their requester. */
export const GET = apiRoute<{ id: string }>("transfers.read", async ({ params, principal }) => {
  const request = await getTransferRequest(params.id);
  const own = request && (request.requesterUserId ? request.requesterUserId === principal.userId : request.requesterTokenId === principal.tokenId);
  if (!request || (request.status === "draft" && !own)) return problem("notFound");
  return Response.json(transferRequestDocument(request, await getTransferTimeline(request.id), businessDate()));
});
