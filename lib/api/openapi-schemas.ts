/**
 * Response schemas of the OpenAPI document that are not the log's (lib/api/openapi-log.ts). Request
 * schemas are not here: they are generated from the zod schemas the routes use (lib/api/routes.ts).
 */
import { EFFECTIVE_STATUSES } from "@/lib/transfers/constants";
import { TRANSFER_RULE_IDS } from "@/lib/rules/legal-facts";

export const RuleResult = {
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
export const TransferRequest = {
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
