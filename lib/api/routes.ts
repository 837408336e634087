/**
 * The one list of the portal's HTTP API: every operation of every route handler under app/api,
 * with its permission, its parameters and body as the zod schemas the handler itself parses, and
 * its answers. The OpenAPI document (lib/api/openapi.ts) and the authorization table
 * (lib/auth/access-table.ts, which drives e2e/authorization.spec.ts) are both generated from it,
 * and a test fails when a route file exports a method this list does not have.
 */
import { z } from "zod";
import type { Access } from "@/lib/auth/access-table";
import { recipientInput, recipientListQuery, recipientPutBody } from "@/lib/validation/recipient";
import { createTransferRequestBody, transferListQuery } from "@/lib/validation/transfer-request";
import { recordSubjectRequestInput, subjectRequestListQuery } from "@/lib/validation/subject-request";
import { transferEventInput } from "@/lib/validation/transfer-event";
import { bundleQueryFields, logAccessQuery, logCheckpointsQuery, logConsistencyFields, logExportQuery, logListQuery, logSeqParam } from "@/lib/validation/transfer-log";
import { deletionActDownloadQuery, lintQuery, registerExportQuery, ropaExportQuery } from "@/lib/validation/downloads";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type JsonSchema = Record<string, unknown>;
type Content = Record<string, { schema: JsonSchema }>;

export interface ApiOperation {
  /** The route handler's file, and the method it exports. */
  file: string;
  method: Method;
  /** The OpenAPI path template (`{id}`). */
  path: string;
  access: Access;
  summary: string;
  description?: string;
  /** The query parameters: the zod object the handler parses. */
  query?: z.ZodObject;
  /** Path parameters and the schema each is checked with. */
  pathParams?: Record<string, z.ZodType>;
  /** The JSON body: the zod schema the handler reads it with, or a JSON Schema where it is normalised first. */
  body?: z.ZodType | { jsonSchema: JsonSchema };
  /** Successful answers by status. */
  responses: Record<string, { description: string; content?: Content }>;
  /** Problem answers (problem+json) besides 503 and 500, which every operation may give. */
  problems: number[];
  /** A read of the transfer log: recorded in the access log, refusals included. */
  logRead?: true;
  /**
   * What the authorization test requests: a concrete path (`:recipient` etc. filled in at test
   * time), a body, and whether the thing may be absent. Only Auth.js's sign-out has none: it needs
   * Auth.js's CSRF token, and probing it would end the probing session.
   */
  probe?: { path: string; body?: unknown; absent?: true };
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const csv = { "text/csv": { schema: { type: "string" } } };
const FORMULA = "Cells beginning with =, +, -, @, TAB or CR are prefixed with ' and quoted (CSV formula neutralisation).";
const uuid = z.uuid();
const NO_ACT = "00000000-0000-4000-8000-000000000000";

/** A transfer event, and the three shapes a batch may come in (lib/validation/transfer-event.ts normaliseTransferBatch). */
const transferBatchSchema = {
  oneOf: [ref("TransferEvent"), { type: "array", items: ref("TransferEvent"), minItems: 1, maxItems: 1000 }, { type: "object", required: ["events"], properties: { events: { type: "array", items: ref("TransferEvent"), minItems: 1, maxItems: 1000 } } }],
};

const deletionActDownload = (kind: "pdf" | "json" | "extract", summary: string, answer: { description: string; content?: Content }): ApiOperation => ({
  file: `app/api/v1/deletion-acts/[id]/${kind}/route.ts`,
  method: "GET",
  path: `/api/v1/deletion-acts/{id}/${kind}`,
  access: "deletionActs.export",
  summary,
  pathParams: { id: uuid },
  query: deletionActDownloadQuery,
  responses: { "200": answer },
  problems: [400, 401, 403, 404],
  probe: { path: `/api/v1/deletion-acts/${NO_ACT}/${kind}`, absent: true },
});

export const API_OPERATIONS: ApiOperation[] = [
  {
    file: "app/api/health/route.ts",
    method: "GET",
    path: "/api/health",
    access: "public",
    summary: "Health and database reachability: databaseRole is least-privilege, owner, superuser (with a warning) or single-user (embedded)",
    responses: {
      "200": { description: "ok", content: json({ type: "object", properties: { status: { const: "ok" }, database: { type: "string", enum: ["embedded", "postgres"] }, databaseRole: { type: "string" }, warning: { type: "string" } } }) },
      "503": { description: "The database is not answering (within a second; Retry-After)", content: json({ type: "object", properties: { status: { const: "unavailable" }, database: { type: "string" } } }) },
    },
    problems: [],
    probe: { path: "/api/health" },
  },
  {
    file: "app/api/v1/openapi.json/route.ts",
    method: "GET",
    path: "/api/v1/openapi.json",
    access: "public",
    summary: "This document",
    responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) } },
    problems: [],
    probe: { path: "/api/v1/openapi.json" },
  },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "GET",
    path: "/api/auth/session",
    access: "public",
    summary: "The signed-in person's session (Auth.js), or null; the portal's own pages use it",
    description: "Auth.js serves its other endpoints (csrf, providers, signin, signout, callback) under /api/auth/ for the portal's sign-in form; they are not an API for other systems.",
    responses: { "200": { description: "The session or null", content: json({ type: ["object", "null"] }) } },
    problems: [],
    probe: { path: "/api/auth/session" },
  },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "POST",
    path: "/api/auth/signout",
    access: "public",
    summary: "Sign out (Auth.js; needs the csrfToken from GET /api/auth/csrf); the portal's menu uses it",
    responses: { "302": { description: "Redirect after sign-out" } },
    problems: [],
  },
  {
    file: "app/api/v1/recipients/route.ts",
    method: "GET",
    path: "/api/v1/recipients",
    access: "register.read",
    summary: "List recipients (search, filters, sort, pagination)",
    description: "A filter value outside its list is ignored, as in the register's own page.",
    query: recipientListQuery,
    responses: { "200": { description: "A page of recipients", content: json({ type: "object" }) } },
    problems: [401, 403],
    probe: { path: "/api/v1/recipients" },
  },
  {
    file: "app/api/v1/recipients/route.ts",
    method: "POST",
    path: "/api/v1/recipients",
    access: "register.write",
    summary: "Create a recipient",
    body: recipientInput,
    responses: { "201": { description: "Created", content: json({ type: "object" }) } },
    problems: [400, 401, 403, 413, 415],
    probe: { path: "/api/v1/recipients", body: {} },
  },
  {
    file: "app/api/v1/recipients/[id]/route.ts",
    method: "GET",
    path: "/api/v1/recipients/{id}",
    access: "register.read",
    summary: "One recipient, current version",
    pathParams: { id: uuid },
    responses: { "200": { description: "The recipient", content: json({ type: "object" }) } },
    problems: [401, 403, 404],
    probe: { path: "/api/v1/recipients/:recipient" },
  },
  {
    file: "app/api/v1/recipients/[id]/route.ts",
    method: "PUT",
    path: "/api/v1/recipients/{id}",
    access: "register.write",
    summary: "Replace a recipient's editable fields, from the version read (stale saves get 409)",
    pathParams: { id: uuid },
    body: recipientPutBody,
    responses: { "200": { description: "Saved", content: json({ type: "object" }) } },
    problems: [400, 401, 403, 404, 409, 413, 415],
    probe: { path: "/api/v1/recipients/:recipient", body: {} },
  },
  {
    file: "app/api/v1/recipients/[id]/history/route.ts",
    method: "GET",
    path: "/api/v1/recipients/{id}/history",
    access: "register.read",
    summary: "Every version with who, when, why and a field-level diff",
    pathParams: { id: uuid },
    responses: { "200": { description: "Versions", content: json({ type: "object" }) } },
    problems: [401, 403, 404],
    probe: { path: "/api/v1/recipients/:recipient/history" },
  },
  {
    file: "app/api/v1/recipients/export/route.ts",
    method: "GET",
    path: "/api/v1/recipients/export",
    access: "register.export",
    summary: "Download the register",
    query: registerExportQuery,
    responses: { "200": { description: `CSV (UTF-8 with BOM) or JSON file. ${FORMULA} The JSON has the exact values.`, content: { ...csv, ...json({ type: "object" }) } } },
    problems: [400, 401, 403],
    probe: { path: "/api/v1/recipients/export?format=csv" },
  },
  {
    file: "app/api/v1/transfers/route.ts",
    method: "POST",
    path: "/api/v1/transfers",
    access: "transfers.ingest",
    summary: "Report transfers that happened: the sending systems' API (service token with transfers.ingest)",
    description:
      "One event, an array of events, or {events: […]}, up to 1,000 (4 MiB). A batch with a bad event is refused whole, naming each bad field as events.<i>.<field>, and nothing is logged. " +
      "Every valid event is logged, in order, with gap-free seq; events no approval covers are flagged, never dropped. The answer comes after the batch is committed; " +
      "a retry with the same idempotencyKey gets the first answer (duplicate: true) and logs nothing new, so 200 when every event was a retry, else 201.",
    body: { jsonSchema: transferBatchSchema },
    responses: {
      "201": { description: "Logged", content: json(ref("IngestAnswer")) },
      "200": { description: "Every event was a retry: the first answers", content: json(ref("IngestAnswer")) },
    },
    problems: [400, 401, 403, 413, 415],
    probe: { path: "/api/v1/transfers", body: {} },
  },
  {
    file: "app/api/v1/log/export/route.ts",
    method: "GET",
    path: "/api/v1/log/export",
    access: "log.export",
    summary: "Download a filtered range of the log as CSV (from the database's COPY) or JSONL, streamed; X-Total-Count gives the number of entries",
    description: `The filters are the viewer's (/log). ${FORMULA} JSONL keeps the exact values.`,
    query: logExportQuery,
    responses: { "200": { description: "CSV or JSON Lines, one LogEntry per line", content: { ...csv, "application/x-ndjson": { schema: { type: "string" } } } } },
    problems: [400, 401, 403],
    logRead: true,
    probe: { path: "/api/v1/log/export?format=csv" },
  },
  {
    file: "app/api/v1/log/bundle/route.ts",
    method: "GET",
    path: "/api/v1/log/bundle",
    access: "log.export",
    summary: "A verification bundle (lib/transfer-log/FORMAT.md §6) for seq from..to, or for the entries logged between two days or instants; verify it with npm run log:verify -- --keys",
    description:
      "By date, the bundle is the contiguous seq range from the first to the last entry logged in the window. It ends on a checkpoint of exactly its size: a stored one, or one signed and stored for it (listed at /api/v1/log/checkpoints).",
    query: bundleQueryFields,
    responses: { "200": { description: "JSON Lines: header, prefix, entries, checkpoints", content: { "application/x-ndjson": { schema: { type: "string" } } } } },
    problems: [400, 401, 403, 404],
    logRead: true,
    probe: { path: "/api/v1/log/bundle?from=0&to=0" },
  },
  {
    file: "app/api/v1/log/entries/route.ts",
    method: "GET",
    path: "/api/v1/log/entries",
    access: "log.read",
    summary: "Log entries, newest first, by keyset",
    query: logListQuery,
    responses: { "200": { description: "A page of entries; nextBefore is null on the last page", content: json({ type: "object", properties: { entries: { type: "array", items: ref("LogEntry") }, nextBefore: { type: ["integer", "null"] } } }) } },
    problems: [400, 401, 403],
    logRead: true,
    probe: { path: "/api/v1/log/entries?limit=5" },
  },
  {
    file: "app/api/v1/log/entries/[seq]/route.ts",
    method: "GET",
    path: "/api/v1/log/entries/{seq}",
    access: "log.read",
    summary: "One entry with its receipt: leaf hash, covering checkpoint and inclusion proof",
    pathParams: { seq: logSeqParam },
    responses: { "200": { description: "The receipt", content: json(ref("Receipt")) } },
    problems: [400, 401, 403, 404],
    logRead: true,
    probe: { path: "/api/v1/log/entries/0", absent: true },
  },
  {
    file: "app/api/v1/log/consistency/route.ts",
    method: "GET",
    path: "/api/v1/log/consistency",
    access: "log.read",
    summary: "RFC 6962 consistency proof that the tree of size `second` extends the one of size `first`",
    query: logConsistencyFields,
    responses: {
      "200": {
        description: "The proof, with the stored checkpoints of both sizes (null where none was issued)",
        content: json({
          type: "object",
          properties: {
            first: { type: "integer" },
            second: { type: "integer" },
            proof: { type: "array", items: { type: "string" }, description: "base64 hashes; verify with RFC 9162 §2.1.4.2" },
            firstCheckpoint: { oneOf: [ref("Checkpoint"), { type: "null" }] },
            secondCheckpoint: { oneOf: [ref("Checkpoint"), { type: "null" }] },
          },
        }),
      },
    },
    problems: [400, 401, 403],
    logRead: true,
    probe: { path: "/api/v1/log/consistency?first=0&second=0" },
  },
  {
    file: "app/api/v1/log/checkpoints/route.ts",
    method: "GET",
    path: "/api/v1/log/checkpoints",
    access: "log.read",
    summary: "Signed checkpoints, newest first, with the log's public keys and their validity",
    query: logCheckpointsQuery,
    responses: { "200": { description: "Checkpoints and keys", content: json({ type: "object", properties: { checkpoints: { type: "array", items: ref("Checkpoint") }, keys: { type: "array", items: ref("LogPublicKey") } } }) } },
    problems: [400, 401, 403],
    logRead: true,
    probe: { path: "/api/v1/log/checkpoints" },
  },
  {
    file: "app/api/v1/log/checkpoints/route.ts",
    method: "POST",
    path: "/api/v1/log/checkpoints",
    access: "log.checkpoint",
    summary: "Sign a checkpoint of the log as it stands now, besides the schedule; audited",
    responses: { "201": { description: "The new checkpoint", content: json(ref("Checkpoint")) } },
    problems: [401, 403],
    probe: { path: "/api/v1/log/checkpoints" },
  },
  {
    file: "app/api/v1/log/keys/route.ts",
    method: "GET",
    path: "/api/v1/log/keys",
    access: "log.read",
    summary: "Every key the log has signed with, with validity and vkey: save the answer as it is and pin it with npm run log:verify -- --keys",
    responses: { "200": { description: "Keys", content: json({ type: "object", properties: { keys: { type: "array", items: ref("LogPublicKey") } } }) } },
    problems: [401, 403],
    logRead: true,
    probe: { path: "/api/v1/log/keys" },
  },
  {
    file: "app/api/v1/log/access/route.ts",
    method: "GET",
    path: "/api/v1/log/access",
    access: "log.access.read",
    summary: "Who read the log, or tried to, newest first, by keyset",
    query: logAccessQuery,
    responses: { "200": { description: "A page of access events", content: json({ type: "object", properties: { events: { type: "array", items: ref("LogAccessEvent") }, nextBefore: { type: ["integer", "null"] } } }) } },
    problems: [400, 401, 403],
    logRead: true,
    probe: { path: "/api/v1/log/access" },
  },
  {
    file: "app/api/v1/log/access/export/route.ts",
    method: "GET",
    path: "/api/v1/log/access/export",
    access: "log.access.read",
    summary: "The whole access log as CSV, streamed",
    responses: { "200": { description: `CSV (UTF-8 with BOM). ${FORMULA}`, content: csv } },
    problems: [401, 403],
    logRead: true,
    probe: { path: "/api/v1/log/access/export" },
  },
  {
    file: "app/api/v1/transfer-requests/route.ts",
    method: "GET",
    path: "/api/v1/transfer-requests",
    access: "transfers.read",
    summary: "List transfer requests",
    description: "view=mine (default: the caller's own — a personal token's owner, or the service token itself), queue (submitted, oldest first) or all (everything past draft). A filter value outside its list is ignored.",
    query: transferListQuery,
    responses: { "200": { description: "A page of requests", content: json({ type: "object" }) } },
    problems: [401, 403],
    probe: { path: "/api/v1/transfer-requests?view=all" },
  },
  {
    file: "app/api/v1/transfer-requests/route.ts",
    method: "POST",
    path: "/api/v1/transfer-requests",
    access: "transfers.request",
    summary: "File a transfer request, optionally submitting it at once",
    description:
      "The requester is the caller: a personal token acts for its owner, a service token for itself; nobody may decide a request they made (four eyes). " +
      "With submit: true the rules run and their results are returned; a blocked request is still filed, and cannot be approved.",
    body: createTransferRequestBody,
    responses: {
      "201": {
        description: "Filed; location names the request",
        content: json({
          type: "object",
          properties: {
            id: { type: "string", format: "uuid" },
            number: { type: "integer" },
            status: { type: "string" },
            version: { type: "integer" },
            ruleResults: { type: ["object", "null"], properties: { blocked: { type: "boolean" }, results: { type: "array", items: ref("RuleResult") } } },
          },
        }),
      },
    },
    problems: [400, 401, 403, 413, 415],
    probe: { path: "/api/v1/transfer-requests", body: {} },
  },
  {
    file: "app/api/v1/transfer-requests/[id]/route.ts",
    method: "GET",
    path: "/api/v1/transfer-requests/{id}",
    access: "transfers.read",
    summary: "One transfer request: status, rule results and timeline",
    pathParams: { id: uuid },
    responses: { "200": { description: "The request", content: json(ref("TransferRequest")) } },
    problems: [401, 403, 404],
    probe: { path: "/api/v1/transfer-requests/:transferRequest" },
  },
  {
    file: "app/api/v1/subject-requests/route.ts",
    method: "GET",
    path: "/api/v1/subject-requests",
    access: "subjects.read",
    summary: "The queue of data-subject requests",
    description:
      "status=open (default: received or in progress), overdue, due-today, received, in-progress, answered, refused, cancelled or all; sort=due (default, nearest first), received or number. " +
      "Each open row carries its time left (calendar and working days on the law's country calendar) and urgency: overdue, due-today, due-soon or on-time. A filter value outside its list is ignored.",
    query: subjectRequestListQuery,
    responses: { "200": { description: "A page of requests", content: json({ type: "object" }) } },
    problems: [401, 403],
    probe: { path: "/api/v1/subject-requests" },
  },
  {
    file: "app/api/v1/subject-requests/route.ts",
    method: "POST",
    path: "/api/v1/subject-requests",
    access: "subjects.manage",
    summary: "Record a data-subject request",
    description:
      "The deadline (RULES C1-C3) is counted in working days on the calendar of the applicable law's country and returned with calendarWarning when the calendar holds no holidays for a year it runs through. " +
      "deletionGround is required for right=deletion (Russia's deadline depends on it) and refused otherwise; an email request needs the contact address to answer to.",
    body: recordSubjectRequestInput,
    responses: {
      "201": {
        description: "Recorded",
        content: json({ type: "object", properties: { id: { type: "string", format: "uuid" }, number: { type: "integer" }, dueOn: { type: "string", format: "date" }, version: { type: "integer" }, calendarWarning: { type: ["string", "null"] } } }),
      },
    },
    problems: [400, 401, 403, 413, 415],
    probe: { path: "/api/v1/subject-requests", body: {} },
  },
  {
    file: "app/api/v1/lint/route.ts",
    method: "GET",
    path: "/api/v1/lint",
    access: "register.read",
    summary: "The policy lint over the record of processing today: each problem with rule id, source, explanation and the entry to fix",
    query: lintQuery,
    responses: { "200": { description: "Problems", content: json({ type: "object" }) } },
    problems: [400, 401, 403],
    probe: { path: "/api/v1/lint" },
  },
  {
    file: "app/api/v1/ropa/export/route.ts",
    method: "GET",
    path: "/api/v1/ropa/export",
    access: "register.export",
    summary: "Download the record of processing activities, one row per purpose × recipient",
    query: ropaExportQuery,
    responses: {
      "200": {
        description: `CSV file (UTF-8 with BOM) or XLSX workbook. ${FORMULA}`,
        content: { ...csv, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", contentEncoding: "binary" } } },
      },
    },
    problems: [400, 401, 403],
    probe: { path: "/api/v1/ropa/export?format=csv" },
  },
  {
    file: "app/api/v1/retention/export/route.ts",
    method: "GET",
    path: "/api/v1/retention/export",
    access: "register.export",
    summary: "The retention schedule's due list as CSV: per month and purpose, the cohort whose data falls due",
    responses: { "200": { description: `CSV file (UTF-8 with BOM): due_month, purpose, trigger, cohort_month, years, also_after. ${FORMULA}`, content: csv } },
    problems: [401, 403],
    probe: { path: "/api/v1/retention/export" },
  },
  deletionActDownload("pdf", "A deletion act as PDF, marked as a draft until approved; the download is recorded in the act's trail", { description: "PDF", content: { "application/pdf": { schema: { type: "string", contentEncoding: "binary" } } } }),
  deletionActDownload("json", "The data of a deletion act (format qplus-deletion-act/v1, stable English keys); recorded in the act's trail", { description: "JSON", content: json({ type: "object" }) }),
  deletionActDownload("extract", "The act's log extract (RULES D4): one line per system and data category, the act's trail, and the transfer log at the time; recorded in the trail", {
    description: "JSON (format qplus-deletion-act-extract/v1)",
    content: json({ type: "object" }),
  }),
];

/** Component schemas generated from zod (request side). */
export const requestSchemas = {
  RecipientInput: recipientInput,
  TransferRequestInput: createTransferRequestBody,
  SubjectRequestInput: recordSubjectRequestInput,
  TransferEvent: transferEventInput,
};
