/** The transfer log's read API in the OpenAPI document (lib/api/openapi.ts); formats in lib/transfer-log/FORMAT.md. */

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
      principalKind: { type: "string", enum: ["user", "service-token", "personal-token"] },
      role: { type: ["string", "null"] },
      action: { type: "string" },
      detail: { type: "object" },
      address: { type: ["string", "null"] },
    },
  },
};

const q = (name: string, description: string, schema: Record<string, unknown> = { type: "string" }) => ({ name, in: "query", description, schema });

/** Filters shared by /log/entries and the downloads (lib/validation/transfer-log.ts). */
const filterParameters = [
  q("from", "a day (YYYY-MM-DD, Almaty time) or an instant (ISO 8601): transfers that occurred from then"),
  q("to", "a day (inclusive) or an instant (exclusive)"),
  q("recipient", "recipient id", { type: "string", format: "uuid" }),
  q("country", "destination country, ISO 3166-1 alpha-2", { type: "string", pattern: "^[A-Z]{2}$" }),
  q("crossBorder", "yes: destination outside Kazakhstan; no: inside", { type: "string", enum: ["yes", "no"] }),
  q("approval", "approval id", { type: "string", format: "uuid" }),
  q("flagged", "1: only entries with flags; 0: only without", { type: "string", enum: ["1", "0"] }),
  q("system", "sending system"),
];

type Problems = (...codes: number[]) => Record<string, unknown>;

export function logPaths(problems: Problems) {
  const json = (schema: Record<string, unknown>, description: string) => ({ description, content: { "application/json": { schema } } });
  const recorded = " Recorded in the access log (RULES E1, E2).";
  return {
    "/api/v1/log/entries": {
      get: {
        summary: "Log entries, newest first, by keyset (permission log.read)." + recorded,
        parameters: [
          ...filterParameters,
          q("before", "cursor: only entries with seq below this (the previous page's nextBefore)", { type: "integer", minimum: 0 }),
          q("limit", "page size (default 50)", { type: "integer", minimum: 1, maximum: 500 }),
        ],
        responses: {
          "200": json({ type: "object", properties: { entries: { type: "array", items: ref("LogEntry") }, nextBefore: { type: ["integer", "null"] } } }, "A page of entries; nextBefore is null on the last page"),
          ...problems(400, 401, 403),
        },
      },
    },
    "/api/v1/log/entries/{seq}": {
      get: {
        summary: "One entry with its receipt: leaf hash, covering checkpoint and inclusion proof (log.read)." + recorded,
        parameters: [{ name: "seq", in: "path", required: true, schema: { type: "integer", minimum: 0 } }],
        responses: { "200": json(ref("Receipt"), "The receipt"), ...problems(400, 401, 403, 404) },
      },
    },
    "/api/v1/log/consistency": {
      get: {
        summary: "RFC 6962 consistency proof that the tree of size `second` extends the one of size `first` (log.read)." + recorded,
        parameters: [q("first", "earlier tree size", { type: "integer", minimum: 0 }), q("second", "later tree size (at most the log's size)", { type: "integer", minimum: 0 })],
        responses: {
          "200": json(
            {
              type: "object",
              properties: {
                first: { type: "integer" },
                second: { type: "integer" },
                proof: { type: "array", items: { type: "string" }, description: "base64 hashes; verify with RFC 9162 §2.1.4.2" },
                firstCheckpoint: { oneOf: [ref("Checkpoint"), { type: "null" }] },
                secondCheckpoint: { oneOf: [ref("Checkpoint"), { type: "null" }] },
              },
            },
            "The proof, with the stored checkpoints of both sizes (null where none was issued)",
          ),
          ...problems(400, 401, 403),
        },
      },
    },
    "/api/v1/log/checkpoints": {
      get: {
        summary: "Signed checkpoints, newest first, with the log's public keys and their validity (log.read)." + recorded,
        parameters: [q("limit", "how many (default 100)", { type: "integer", minimum: 1, maximum: 1000 })],
        responses: {
          "200": json({ type: "object", properties: { checkpoints: { type: "array", items: ref("Checkpoint") }, keys: { type: "array", items: ref("LogPublicKey") } } }, "Checkpoints and keys"),
          ...problems(400, 401, 403),
        },
      },
      post: {
        summary: "Sign a checkpoint of the log as it stands now, besides the schedule (log.checkpoint); audited.",
        responses: { "201": json(ref("Checkpoint"), "The new checkpoint"), ...problems(401, 403) },
      },
    },
    "/api/v1/log/keys": {
      get: {
        summary: "Every key the log has signed with, with validity and vkey (log.read)." + recorded,
        responses: { "200": json({ type: "object", properties: { keys: { type: "array", items: ref("LogPublicKey") } } }, "Keys"), ...problems(401, 403) },
      },
    },
    "/api/v1/log/access": {
      get: {
        summary: "Who read the log, newest first, by keyset (log.access.read)." + recorded,
        parameters: [q("before", "cursor: events with id below this", { type: "integer", minimum: 1 }), q("limit", "page size (default 100)", { type: "integer", minimum: 1, maximum: 1000 }), q("actor", "one actor's events (email or token:<name>)")],
        responses: {
          "200": json({ type: "object", properties: { events: { type: "array", items: ref("LogAccessEvent") }, nextBefore: { type: ["integer", "null"] } } }, "A page of access events"),
          ...problems(400, 401, 403),
        },
      },
    },
    "/api/v1/log/access/export": {
      get: {
        summary: "The whole access log as CSV, streamed (log.access.read)." + recorded,
        responses: { "200": { description: "CSV (UTF-8 with BOM). Cells beginning with =, +, -, @, TAB or CR are prefixed with ' and quoted (CSV formula neutralisation).", content: { "text/csv": { schema: { type: "string" } } } }, ...problems(401, 403) },
      },
    },
  };
}
