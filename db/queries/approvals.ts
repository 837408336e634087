import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { transferDecisions, transferRequests } from "../schema";
import { businessDate } from "@/lib/transfers/constants";

export type ApprovalStatusAt = "active" | "not-yet-valid" | "expired" | "revoked";

export interface CoveringApproval {
  /** The approval's id: the id of the transfer request that was approved. */
  approvalId: string;
  number: number;
  statusAt: ApprovalStatusAt;
  recipientId: string;
  /** The register versions the DPO approved under (pin them in the log entry). */
  recipientVersion: number;
  purposeVersions: Record<string, number>;
  purposeCodes: string[];
  dataItems: string[];
  actions: string[];
  populations: string[];
  periodStart: string;
  /** Last valid Almaty day, inclusive. */
  validUntil: string;
  approvedAt: Date;
  revokedAt: Date | null;
  covers: { recipient: boolean; purpose: boolean; dataItems: boolean; missingItems: string[] };
  /** statusAt === "active" and it covers the recipient, the purpose and every item. */
  covered: boolean;
}

/**
 * The approval a transfer claims to be made under, as it stood at the instant `at`. For the
 * transfer log, which calls it for every incoming transfer event.
 *
 * Contract:
 * - `approvalId` is the id of a transfer request. Returns null when no such request exists or it
 *   was never approved (drafts, submitted, rejected and returned requests are not approvals).
 * - Otherwise returns the approval, whatever it covers, with:
 *   - statusAt, decided at `at`, in this order:
 *     "revoked"       — revoked at or before `at` (revocation applies to transfers after it);
 *     "not-yet-valid" — `at` is before the approval instant or before the period's first day;
 *     "expired"       — `at`'s Almaty calendar day is after validUntil;
 *     "active"        — otherwise.
 *     An approval revoked after `at` is "active" for `at`: earlier transfers stay covered.
 *   - covers: recipient = same recipientId; purpose = purposeCode among the approved purposes;
 *     dataItems = every given item among the approved items (missingItems lists the others;
 *     items compare exactly, as "group: item" keys).
 *   - covered: statusAt is "active" and all three covers hold. Accept a transfer only then.
 *   - recipientVersion / purposeVersions: what the approval pinned; the log records them.
 * - Reads only; never writes. Safe inside the caller's transaction (pass it as `db`).
 */
export async function findCoveringApproval(
  query: { approvalId: string; recipientId: string; purposeCode: string; dataItems: string[]; at: Date },
  db: Db = getDb(),
): Promise<CoveringApproval | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(query.approvalId)) return null;
  const [row] = await db
    .select({
      request: {
        id: transferRequests.id,
        number: transferRequests.number,
        recipientId: transferRequests.recipientId,
        purposeCodes: transferRequests.purposeCodes,
        dataItems: transferRequests.dataItems,
        actions: transferRequests.actions,
        populations: transferRequests.populations,
        periodStart: transferRequests.periodStart,
        approvedAt: transferRequests.approvedAt,
        revokedAt: transferRequests.revokedAt,
      },
      decision: {
        recipientVersion: transferDecisions.recipientVersion,
        purposeVersions: transferDecisions.purposeVersions,
        validUntil: transferDecisions.validUntil,
      },
    })
    .from(transferRequests)
    .innerJoin(transferDecisions, and(eq(transferDecisions.requestId, transferRequests.id), eq(transferDecisions.outcome, "approved")))
    .where(eq(transferRequests.id, query.approvalId));
  if (!row || !row.request.approvedAt || !row.decision.validUntil) return null;
  const r = row.request;
  const approvedAt = row.request.approvedAt;
  const validUntil = row.decision.validUntil;
  const day = businessDate(query.at);

  let statusAt: ApprovalStatusAt = "active";
  if (r.revokedAt && r.revokedAt.getTime() <= query.at.getTime()) statusAt = "revoked";
  else if (query.at.getTime() < approvedAt.getTime() || day < r.periodStart) statusAt = "not-yet-valid";
  else if (day > validUntil) statusAt = "expired";

  const approvedItems = new Set(r.dataItems);
  const missingItems = query.dataItems.filter((i) => !approvedItems.has(i));
  const covers = {
    recipient: r.recipientId === query.recipientId,
    purpose: r.purposeCodes.includes(query.purposeCode),
    dataItems: missingItems.length === 0,
    missingItems,
  };
  return {
    approvalId: r.id,
    number: r.number,
    statusAt,
    recipientId: r.recipientId,
    recipientVersion: row.decision.recipientVersion,
    purposeVersions: row.decision.purposeVersions,
    purposeCodes: r.purposeCodes,
    dataItems: r.dataItems,
    actions: r.actions,
    populations: r.populations,
    periodStart: r.periodStart,
    validUntil,
    approvedAt,
    revokedAt: r.revokedAt,
    covers,
    covered: statusAt === "active" && covers.recipient && covers.purpose && covers.dataItems,
  };
}
