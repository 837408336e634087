import { z } from "zod";
import { recipientInput } from "@/lib/validation/recipient";
import { createTransferRequestBody } from "@/lib/validation/transfer-request";
import { EFFECTIVE_STATUSES } from "@/lib/transfers/constants";
import { TRANSFER_RULE_IDS } from "@/lib/rules/legal-facts";
import { PROBLEM_TYPES, problemTypeUri } from "./problem";
import { logPaths, logSchemas } from "./openapi-log";

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
  // Every endpoint that reads the database may answer 503 (with Retry-After) while it is unreachable.
  const problems = (...codes: number[]) =>
    Object.fromEntries([...codes, 503].map((c) => [String(c), { description: "Problem", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } }]));
  const id = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
  const RuleResult = {
    type: "object",
    required: ["ruleId", "ok", "severity", "reason", "source"],
    properties: {
      ruleId: { type: "string", enum: [...TRANSFER_RULE_IDS] },
      ok: { type: "boolean" },
      severity: { type: "string", enum: ["block", "warn", "info"], description: "block: approval impossible; warn: the DPO must acknowledge it to approve" },
      reason: { type: "string", description: "The verdict in English, naming the facts" },
      message: {
        type: "object",
        description: "The same verdict as a message key of the portal's catalogues (ruleReasons.*) with language-neutral params: codes, register keys, ISO dates. Absent on results stored before it existed.",
        required: ["key", "params"],
        properties: {
          key: { type: "string" },
          params: { type: "object", additionalProperties: { oneOf: [{ type: "string" }, { type: "number" }, { type: "array", items: { type: "string" } }] } },
        },
      },
      source: { type: "string" },
    },
  };
  const evaluation = {
    type: ["object", "null"],
    properties: {
      stage: { type: "string", enum: ["submission", "decision"] },
      evaluatedOn: { type: "string", format: "date" },
      recipientVersion: { type: "integer" },
      purposeVersions: { type: "object", additionalProperties: { type: "integer" } },
      blocked: { type: "boolean" },
      results: { type: "array", items: { $ref: "#/components/schemas/RuleResult" } },
    },
  };
  const TransferRequest = {
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      number: { type: "integer" },
      status: { type: "string", enum: [...EFFECTIVE_STATUSES], description: "expired = approved, and the last valid day has passed (computed on read)" },
      version: { type: "integer" },
      recipient: { type: "object" },
      requester: { type: "string" },
      decision: { type: ["object", "null"], description: "The latest decision, with the recipient and purpose versions it pinned" },
      ruleResults: evaluation,
      timeline: {
        type: "array",
        items: {
          type: "object",
          properties: {
            action: { type: "string" },
            from: { type: ["string", "null"] },
            to: { type: "string" },
            by: { type: "string" },
            at: { type: "string", format: "date-time" },
            reason: { type: ["string", "null"] },
            evaluation,
          },
        },
      },
    },
  };
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
      schemas: {
        Problem,
        RecipientInput: z.toJSONSchema(recipientInput, { io: "input", unrepresentable: "any" }),
        TransferRequestInput: z.toJSONSchema(createTransferRequestBody, { io: "input", unrepresentable: "any" }),
        RuleResult,
        TransferRequest,
        ...logSchemas,
      },
    },
    // Either the portal's session cookie or a Bearer token; a request with a token is judged by it alone.
    security: [{ session: [] }, { bearer: [] }],
    paths: {
      "/api/health": {
        get: {
          summary: "Health and database reachability: databaseRole is least-privilege, owner, superuser (with a warning) or single-user (embedded)",
          security: [],
          responses: { "200": { description: "ok" }, "503": { description: "database unreachable (within a second; Retry-After)" } },
        },
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
      ...logPaths(problems),
      "/api/v1/transfer-requests": {
        get: {
          summary: "List transfer requests (permission transfers.read)",
          description: "view=mine (default: the caller's own — a personal token's owner, or the service token itself), queue (submitted, oldest first) or all (everything past draft).",
          parameters: ["view", "status", "recipient", "q", "page", "pageSize"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
          responses: { "200": { description: "A page of requests" }, ...problems(401, 403) },
        },
        post: {
          summary: "File a transfer request, optionally submitting it at once (permission transfers.request)",
          description:
            "The requester is the caller: a personal token acts for its owner, a service token for itself; nobody may decide a request they made (four eyes). " +
            "With submit: true the rules run and their results are returned; a blocked request is still filed, and cannot be approved.",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/TransferRequestInput" } } } },
          responses: {
            "201": {
              description: "Filed; location names the request",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      id: { type: "string", format: "uuid" },
                      number: { type: "integer" },
                      status: { type: "string" },
                      version: { type: "integer" },
                      ruleResults: { type: ["object", "null"], properties: { blocked: { type: "boolean" }, results: { type: "array", items: { $ref: "#/components/schemas/RuleResult" } } } },
                    },
                  },
                },
              },
            },
            ...problems(400, 401, 403, 413, 415),
          },
        },
      },
      "/api/v1/transfer-requests/{id}": {
        get: {
          summary: "One transfer request: status, rule results and timeline (permission transfers.read)",
          parameters: [id],
          responses: { "200": { description: "The request", content: { "application/json": { schema: { $ref: "#/components/schemas/TransferRequest" } } } }, ...problems(401, 403, 404) },
        },
      },
      "/api/v1/subject-requests": {
        get: {
          summary: "The queue of data-subject requests (permission subjects.read)",
          description:
            "status=open (default: received or in progress), overdue, due-today, received, in-progress, answered, refused, cancelled or all; sort=due (default, nearest first), received or number. " +
            "Each open row carries its time left (calendar and working days on the law's country calendar) and urgency: overdue, due-today, due-soon or on-time.",
          parameters: ["status", "right", "law", "q", "sort", "dir", "page", "pageSize"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
          responses: { "200": { description: "A page of requests" }, ...problems(401, 403) },
        },
        post: {
          summary: "Record a data-subject request (permission subjects.manage)",
          description:
            "The deadline (RULES C1-C3) is counted in working days on the calendar of the applicable law's country and returned with calendarWarning when the calendar holds no holidays for a year it runs through. " +
            "deletionGround is required for right=deletion (Russia's deadline depends on it) and refused otherwise; an email request needs the contact address to answer to.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["subjectIdKind", "subjectId", "law", "channel", "right", "purposeCodes", "answerLocale", "receivedOn"],
                  properties: {
                    subjectIdKind: { type: "string", enum: ["wallet", "login"] },
                    subjectId: { type: "string", description: "Wallet number (digits) or login (the phone number)" },
                    contactAddress: { type: ["string", "null"], description: "Email (required for channel=email) or postal address" },
                    law: { type: "string", enum: ["KZ", "RU"] },
                    channel: { type: "string", enum: ["email", "post"] },
                    right: { type: "string", enum: ["information", "rectification", "consent-withdrawal", "blocking", "deletion", "complaint"] },
                    deletionGround: { type: ["string", "null"], enum: ["purpose-achieved", "period-expired", "consent-withdrawn", "unlawful", null] },
                    purposeCodes: { type: "array", items: { type: "string" }, minItems: 1 },
                    summary: { type: ["string", "null"], maxLength: 1000 },
                    answerLocale: { type: "string", enum: ["kk", "ru", "en"] },
                    receivedOn: { type: "string", format: "date", description: "Not after today (Almaty)" },
                  },
                },
              },
            },
          },
          responses: {
            "201": {
              description: "Recorded",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { id: { type: "string", format: "uuid" }, number: { type: "integer" }, dueOn: { type: "string", format: "date" }, version: { type: "integer" }, calendarWarning: { type: ["string", "null"] } },
                  },
                },
              },
            },
            ...problems(400, 401, 403),
          },
        },
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
            { name: "format", in: "query", schema: { type: "string", enum: ["csv", "xlsx"] } },
            { name: "headers", in: "query", schema: { type: "string", enum: ["keys", "localized"] }, description: "localized: column titles and values in the caller's language" },
          ],
          responses: { "200": { description: "CSV file (UTF-8 with BOM) or XLSX workbook. Cells beginning with =, +, -, @, TAB or CR are prefixed with ' and quoted (CSV formula neutralisation)." }, ...problems(400, 401, 403) },
        },
      },
      "/api/v1/retention/export": {
        get: {
          summary: "The retention schedule's due list as CSV: per month and purpose, the cohort whose data falls due (permission register.export)",
          responses: { "200": { description: "CSV file (UTF-8 with BOM): due_month, purpose, trigger, cohort_month, years, also_after. Cells beginning with =, +, -, @, TAB or CR are prefixed with ' and quoted (CSV formula neutralisation)." }, ...problems(401, 403) },
        },
      },
      "/api/v1/deletion-acts/{id}/pdf": {
        get: {
          summary: "A deletion act as PDF, marked as a draft until approved; the download is recorded in the act's trail (permission deletionActs.export)",
          parameters: [id, { name: "lang", in: "query", schema: { type: "string", enum: ["kk-ru", "kk", "ru", "en"] }, description: "Default: the act's language (kk-ru: Kazakh and Russian side by side)" }],
          responses: { "200": { description: "application/pdf" }, ...problems(401, 403, 404) },
        },
      },
      "/api/v1/deletion-acts/{id}/json": {
        get: {
          summary: "The data of a deletion act (format qplus-deletion-act/v1, stable English keys); recorded in the act's trail (permission deletionActs.export)",
          parameters: [id],
          responses: { "200": { description: "JSON" }, ...problems(401, 403, 404) },
        },
      },
      "/api/v1/deletion-acts/{id}/extract": {
        get: {
          summary: "The act's log extract (RULES D4): one line per system and data category, the act's trail, and the transfer log at the time; recorded in the trail (permission deletionActs.export)",
          parameters: [id],
          responses: { "200": { description: "JSON (format qplus-deletion-act-extract/v1)" }, ...problems(401, 403, 404) },
        },
      },
      "/api/v1/recipients/export": {
        get: {
          summary: "Download the register",
          parameters: [{ name: "format", in: "query", schema: { type: "string", enum: ["csv", "json"] } }],
          responses: { "200": { description: "CSV or JSON file. In the CSV, cells beginning with =, +, -, @, TAB or CR are prefixed with ' and quoted (formula neutralisation); the JSON has the exact values." }, ...problems(401, 403) },
        },
      },
    },
  };
}
