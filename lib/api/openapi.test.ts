import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  it("documents the transfer-request endpoints and the bearer token scheme", () => {
    const doc = openApiDocument();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/transfer-requests", "/api/v1/transfer-requests/{id}"]));
    const input = doc.components.schemas.TransferRequestInput as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(input.properties)).toEqual(expect.arrayContaining(["recipientId", "purposeCodes", "dataItems", "crossBorderGround", "submit"]));
    expect(input.required).toEqual(expect.arrayContaining(["recipientId", "purposeCodes", "justification"]));
  });
});
