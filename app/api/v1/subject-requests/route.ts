import { listSubjectRequests, recordSubjectRequest } from "@/db/queries/subject-requests";
import { apiRoute, readJson } from "@/lib/server/api/handler";
import { businessDate } from "@/lib/transfers/constants";
import { recordSubjectRequestInput, subjectRequestListQuery } from "@/lib/validation/subject-request";

/** The queue of data-subject requests: open ones by default, the nearest deadline first. */
export const GET = apiRoute("subjects.read", async ({ req }) => {
  const query = subjectRequestListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listSubjectRequests(query, businessDate()));
});

/** Records a request as it arrived; the deadline is counted on the law's country calendar. */
export const POST = apiRoute("subjects.manage", async ({ req, actor }) => {
  const input = await readJson(req, recordSubjectRequestInput);
  const created = await recordSubjectRequest(input, actor);
  return Response.json(created, { status: 201, headers: { location: `/subject-requests/${created.id}` } });
});
