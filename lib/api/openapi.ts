import { z } from "zod";
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from "./problem";
import { logSchemas } from "./openapi-log";
import { RuleResult, TransferRequest } from "./openapi-schemas";
import { API_OPERATIONS, requestSchemas, type ApiOperation } from "./routes";

/** zod → JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), as the request is sent: the input side of transforms. */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", reused: "inline" }) as Record<string, unknown>;
  void _dialect;
  return rest;
}

const STATUS_TEXT: Record<number, string> = Object.fromEntries(
  Object.entries(PROBLEM_TYPES).reduce<Array<[number, string]>>((all, [type, p]) => {
    const same = all.find(([s]) => s === p.status);
    if (same) same[1] += ` | ${type}`;
    else all.push([p.status, type]);
    return all;
  }, []),
);

/** Problem answers: every operation may also answer 503 (database unreachable, Retry-After), and 500 where the portal defines it. */
function problemResponses(codes: readonly number[]) {
  const always = Object.values(PROBLEM_TYPES)
    .map((p) => p.status as number)
    .filter((s) => s >= 500);
  return Object.fromEntries(
    [...new Set([...codes, ...always])]
      .sort((a, b) => a - b)
      .map((c) => [String(c), { description: `Problem (${STATUS_TEXT[c] ?? "error"})`, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } }]),
  );
}

function parameters(op: ApiOperation) {
  const out: Array<Record<string, unknown>> = [];
  for (const [name, schema] of Object.entries(op.pathParams ?? {})) out.push({ name, in: "path", required: true, schema: jsonSchemaOf(schema) });
  for (const [name, schema] of Object.entries(op.query?.shape ?? {})) {
    const s = schema as z.ZodType;
    const { description, ...rest } = jsonSchemaOf(s);
    out.push({ name, in: "query", required: !s.safeParse(undefined).success, ...(description ? { description } : {}), schema: rest });
  }
  return out;
}

function operation(op: ApiOperation) {
  const access = op.access === "public" ? "Public." : op.access === "signedIn" ? "Any signed-in person." : `Permission ${op.access}.`;
  const recorded = op.logRead ? " Recorded in the access log, refusals included (RULES E1, E2)." : "";
  const body =
    op.body === undefined
      ? {}
      : { requestBody: { required: true, content: { "application/json": { schema: "jsonSchema" in op.body ? op.body.jsonSchema : bodySchema(op.body) } } } };
  const params = parameters(op);
  return {
    operationId: `${op.method.toLowerCase()}${op.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: op.summary,
    description: [op.description, `${access}${recorded}`].filter(Boolean).join(" "),
    ...(op.access === "public" ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...body,
    // An operation's own answer for a status (health's 503 is plain JSON) wins over the generic problem.
    responses: { ...problemResponses(op.problems), ...op.responses },
  };
}

/** A body schema that is a named component is referenced, not inlined. */
function bodySchema(schema: z.ZodType) {
  const name = Object.entries(requestSchemas).find(([, s]) => s === schema)?.[0];
  return name ? { $ref: `#/components/schemas/${name}` } : jsonSchemaOf(schema);
}

/**
 * The machine API's OpenAPI 3.1 document, generated from the one list of routes
 * (lib/api/routes.ts): paths, permissions, parameters and request bodies come from the zod schemas
 * the handlers parse with, so the document cannot drift from what the server accepts.
 */
export function openApiDocument() {
  const Problem = {
    type: "object",
    description: "RFC 9457 problem details",
    required: ["type", "title", "status"],
    properties: {
      type: { type: "string", enum: Object.keys(PROBLEM_TYPES).map((k) => problemTypeUri(k as ProblemType)) },
      title: { type: "string" },
      status: { type: "integer" },
      detail: { type: "string" },
      errors: { type: "object", additionalProperties: { type: "string" }, description: "field path → message key" },
    },
  };
  const IngestAnswer = {
    type: "object",
    required: ["results"],
    properties: {
      results: {
        type: "array",
        items: {
          type: "object",
          required: ["idempotencyKey", "seq", "loggedAt", "leafHash", "flags", "duplicate"],
          properties: {
            idempotencyKey: { type: "string" },
            seq: { type: "integer", minimum: 0 },
            loggedAt: { type: "string", format: "date-time" },
            leafHash: { type: "string", pattern: "^[0-9a-f]{64}$" },
            flags: { type: "array", items: { type: "object", required: ["code", "reason"], properties: { code: { type: "string" }, reason: { type: "string" } } } },
            duplicate: { type: "boolean", description: "true: this idempotencyKey was logged before; the first answer" },
          },
        },
      },
    },
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "QPlus transfer-registry portal API",
      version: "1.0.0",
      description:
        "The register of recipients of personal data (QPlus policy 7.1), transfer requests and the tamper-evident transfer log. Authenticate with the portal's session cookie, " +
        "or with an API token in `Authorization: Bearer qpt_…`: a personal token (created by a person at /profile/tokens, acting for them " +
        "with at most their role's permissions) or a service token (created by an administrator). Every read of the log is itself recorded (who, when, what).",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
        bearer: { type: "http", scheme: "bearer", description: "An API token (qpt_…): a service token from an administrator, or a personal token bounded by its owner's role." },
      },
      schemas: <Record<string, Record<string, unknown>>>{
        Problem,
        IngestAnswer,
        ...Object.fromEntries(Object.entries(requestSchemas).map(([name, s]) => [name, jsonSchemaOf(s)])),
        RuleResult,
        TransferRequest,
        ...logSchemas,
      },
    },
    // Either the portal's session cookie or a Bearer token; a request with a token is judged by it alone.
    security: [{ session: [] }, { bearer: [] }],
    paths,
  };
}
