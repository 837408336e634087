/** The transfer log's answer schemas in the OpenAPI document (lib/api/openapi.ts); formats in lib/transfer-log/FORMAT.md. */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const timestamp = { type: "string", format: "date-time", description: "UTC, milliseconds: YYYY-MM-DDTHH:mm:ss.sssZ" };

export const logSchemas = {
  LogEntry: {
    type: "object",
    description: "A logged transfer (FORMAT.md §1) with the leaf hash the log recorded for it.",
    required: ["seq", "loggedAt", "occurredAt", "recipientId", "recipientVersion", "approvalId", "purposeCodes", "dataItems", "recordCount", "subjectPopulations", "sendingSystem", "destinationCountry", "idempotencyKey", "externalReference", "flags"],
    properties: {
      seq: { type: "integer", minimum: 0, description: "position in the log = Merkle leaf index" },
      loggedAt: timestamp,
      occurredAt: timestamp,
      recipientId: { type: "string", format: "uuid" },
      recipientVersion: { type: "integer" },
      approvalId: { type: ["string", "null"], format: "uuid" },
      purposeCodes: { type: "array", items: { type: "string" } },
      dataItems: { type: "array", items: { type: "string" } },
      recordCount: { type: "integer", minimum: 0 },
      subjectPopulations: { type: "array", items: { type: "string" } },
      sendingSystem: { type: "string" },
      destinationCountry: { type: "string", description: "ISO 3166-1 alpha-2" },
      idempotencyKey: { type: "string" },
      externalReference: { type: ["string", "null"] },
      flags: { type: "array", items: { type: "object", required: ["code", "reason"], properties: { code: { type: "string" }, reason: { type: "string" } } } },
      leafHash: { type: "string", pattern: "^[0-9a-f]{64}$", description: "SHA-256(0x00 || entry bytes), hex" },
    },
  },
  Checkpoint: {
    type: "object",
    required: ["treeSize", "rootHash", "note", "issuedAt"],
    properties: {
      id: { type: "integer" },
      treeSize: { type: "integer", minimum: 0 },
      rootHash: { type: "string", description: "base64 of the 32-byte Merkle tree hash" },
      keyId: { type: "string", pattern: "^[0-9a-f]{8}$" },
      issuedAt: timestamp,
      note: { type: "string", description: "the C2SP signed note (tlog-checkpoint body + Ed25519 signature lines)" },
    },
  },
  LogPublicKey: {
    type: "object",
    required: ["name", "keyId", "publicKey", "validFrom", "validUntil"],
    properties: {
      name: { type: "string" },
      keyId: { type: "string", pattern: "^[0-9a-f]{8}$" },
      publicKey: { type: "string", description: "base64 of the 32-byte Ed25519 public key" },
      validFrom: timestamp,
      validUntil: { ...timestamp, type: ["string", "null"] },
      vkey: { type: "string", description: "signed-note verifier key: <name>+<keyId>+<base64(0x01 || key)>" },
    },
  },
  Receipt: {
    type: "object",
    required: ["entry", "leafHash", "checkpoint", "proof"],
    properties: {
      entry: ref("LogEntry"),
      leafHash: { type: "string", pattern: "^[0-9a-f]{64}$" },
      checkpoint: { oneOf: [ref("Checkpoint"), { type: "null" }], description: "the latest checkpoint covering the entry; null until one does" },
      proof: { type: ["array", "null"], items: { type: "string" }, description: "RFC 6962 inclusion proof (base64 hashes), verify with RFC 9162 §2.1.3.2" },
    },
  },
  LogAccessEvent: {
    type: "object",
    properties: {
      id: { type: "integer" },
      at: timestamp,
      actorLabel: { type: "string" },
      actorUserId: { type: ["string", "null"], format: "uuid" },
      principalKind: { type: "string", enum: ["user", "service-token", "personal-token", "anonymous"] },
      role: { type: ["string", "null"] },
      action: { type: "string" },
      detail: { type: "object", description: "what was read; a refused attempt has outcome: \"refused\", status, reason, permission and path" },
      address: { type: ["string", "null"] },
    },
  },
};
