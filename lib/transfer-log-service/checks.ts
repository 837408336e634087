import "server-only";
import type { IngestChecks } from "./ingest";

/**
 * The checks ingestion runs against the other registers. Approval coverage and the transfer
 * rules plug in here once transfer approvals exist; until then an event with an approval id is
 * flagged "approval-unknown" and one without "no-approval".
 */
export const ingestChecks: IngestChecks = {};
