/**
 * Types of the tamper-evident transfer log. Pure data: no DB, no Next.
 *
 * All timestamps are ISO-8601 UTC strings with exactly millisecond precision
 * ("2026-11-25T10:00:00.123Z"): the DB column is timestamptz(3), and hashing
 * more precision than is stored would make every re-read entry "tampered".
 */

/** A note attached to an entry by the recording system (e.g. "LATE_REPORT"). */
export interface TransferFlag {
  code: string;
  reason: string;
}

/** One personal-data transfer event, exactly as it is stored and hashed. */
export interface TransferLogEntry {
  /** 0-based position in the log; equals the Merkle leaf index. */
  seq: number;
  /** When the log accepted the entry (server clock). */
  loggedAt: string;
  /** When the transfer itself happened (reported by the sending system). */
  occurredAt: string;
  recipientId: string;
  /** Version of the recipient's registry record the transfer relied on. */
  recipientVersion: number;
  /** Approval that authorised the transfer; null when none was required/found. */
  approvalId: string | null;
  /** Purpose codes, in stored order (order is significant for hashing). */
  purposeCodes: string[];
  /** Categories of personal data transferred, in stored order. */
  dataItems: string[];
  /** Number of records (rows/documents) transferred. */
  recordCount: number;
  /** Data-subject populations concerned (customers, employees, ...), in stored order. */
  subjectPopulations: string[];
  sendingSystem: string;
  /** Destination country, ISO 3166-1 alpha-2 by convention (not enforced here). */
  destinationCountry: string;
  /** Caller-supplied key that makes submission retries harmless. */
  idempotencyKey: string;
  externalReference: string | null;
  flags: TransferFlag[];
}

/**
 * A log public key with the period in which it may sign checkpoints.
 * validFrom is inclusive, validUntil exclusive (null = still valid).
 */
export interface LogPublicKey {
  /** Signed-note key name, e.g. "qplus.kz/transfer-log". */
  name: string;
  /** 8 lowercase hex digits: first 4 bytes of SHA-256(name || 0x0A || 0x01 || publicKey). */
  keyId: string;
  /** Standard base64 (with padding) of the raw 32-byte Ed25519 public key. */
  publicKey: string;
  validFrom: string;
  validUntil: string | null;
}
