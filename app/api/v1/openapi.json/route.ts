import { openApiDocument } from "@/lib/api/openapi";

/** Public: the API's description, not its data. */
export async function GET() {
  return Response.json(openApiDocument());
}
