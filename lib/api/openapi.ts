import { z } from "zod";
import { recipientInput } from "@/lib/validation/recipient";
import { PROBLEM_TYPES, problemTypeUri } from "./problem";

/** The machine API's OpenAPI 3.1 document; request schemas come from the same zod schemas the server uses. */
export function openApiDocument() {
  const Problem = {
    type: "object",
    required: ["type", "title", "status"],
    properties: {
      type: { type: "string", enum: Object.keys(PROBLEM_TYPES).map((k) => problemTypeUri(k as keyof typeof PROBLEM_TYPES)) },
      title: { type: "string" },
      status: { type: "integer" },
      detail: { type: "string" },
      errors: { type: "object", additionalProperties: { type: "string" }, description: "field path → message key" },
    },
  };
  const problems = (...codes: number[]) =>
    Object.fromEntries(codes.map((c) => [String(c), { description: "Problem", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } }]));
  const id = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
  return {
    openapi: "3.1.0",
    info: {
      title: "QPlus transfer-registry portal API",
      version: "1.0.0",
      description: "The register of recipients of personal data (QPlus policy 7.1). Authenticate with the portal's session cookie.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "authjs.session-token" } },
      schemas: { Problem, RecipientInput: z.toJSONSchema(recipientInput, { io: "input", unrepresentable: "any" }) },
    },
    security: [{ session: [] }],
    paths: {
      "/api/health": {
        get: { summary: "Health and database reachability", security: [], responses: { "200": { description: "ok" }, "503": { description: "database unreachable" } } },
      },
      "/api/v1/recipients": {
        get: {
          summary: "List recipients (search, filters, sort, pagination)",
          parameters: ["q", "role", "crossBorder", "country", "status", "basis", "sort", "dir", "page", "pageSize"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
          responses: { "200": { description: "A page of recipients" }, ...problems(401, 403) },
        },
        post: {
          summary: "Create a recipient (permission register.write)",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/RecipientInput" } } } },
          responses: { "201": { description: "Created" }, ...problems(400, 401, 403, 413, 415) },
        },
      },
      "/api/v1/recipients/{id}": {
        get: { summary: "One recipient, current version", parameters: [id], responses: { "200": { description: "The recipient" }, ...problems(401, 403, 404) } },
        put: {
          summary: "Replace a recipient's editable fields, from the version read (stale saves get 409)",
          parameters: [id],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["expectedVersion", "data"],
                  properties: { expectedVersion: { type: "integer" }, reason: { type: "string" }, data: { $ref: "#/components/schemas/RecipientInput" } },
                },
              },
            },
          },
          responses: { "200": { description: "Saved" }, ...problems(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      "/api/v1/recipients/{id}/history": {
        get: { summary: "Every version with who, when, why and a field-level diff", parameters: [id], responses: { "200": { description: "Versions" }, ...problems(401, 403, 404) } },
      },
      "/api/v1/lint": {
        get: {
          summary: "The policy lint over the record of processing today: each problem with rule id, source, explanation and the entry to fix (permission register.read)",
          parameters: [{ name: "lang", in: "query", schema: { type: "string", enum: ["ru", "kk", "en"] } }],
          responses: { "200": { description: "Problems" }, ...problems(401, 403) },
        },
      },
      "/api/v1/ropa/export": {
        get: {
          summary: "Download the record of processing activities, one row per purpose × recipient (permission register.export)",
          parameters: [
            { name: "format", in: "query", schema: { type: "string", enum: ["csv"] } },
            { name: "headers", in: "query", schema: { type: "string", enum: ["keys", "localized"] }, description: "localized: column titles and values in the caller's language" },
          ],
          responses: { "200": { description: "CSV file (UTF-8 with BOM)" }, ...problems(400, 401, 403) },
        },
      },
      "/api/v1/recipients/export": {
        get: {
          summary: "Download the register",
          parameters: [{ name: "format", in: "query", schema: { type: "string", enum: ["csv", "json"] } }],
          responses: { "200": { description: "CSV or JSON file" }, ...problems(401, 403) },
        },
      },
    },
  };
}
