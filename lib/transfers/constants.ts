/**
 * The vocabulary of transfer requests, shared by the schema, validation, the UI and the API.
 * Pure constants: safe to import from client components.
 */
import type { SubjectPopulation } from "../rules/types";

/**
 * Stored states. "expired" is never stored: an approval past its valid_until is expired,
 * computed on read (effectiveStatus below), so it is true without a sweep having to run.
 */
export const TRANSFER_REQUEST_STATUSES = ["draft", "submitted", "approved", "rejected", "returned", "revoked"] as const;
export type TransferRequestStatus = (typeof TRANSFER_REQUEST_STATUSES)[number];
export const EFFECTIVE_STATUSES = [...TRANSFER_REQUEST_STATUSES, "expired"] as const;
export type EffectiveStatus = (typeof EFFECTIVE_STATUSES)[number];

export const TRANSFER_MODES = ["one-off", "recurring"] as const;
export const VOLUME_PERIODS = ["once", "day", "week", "month", "year"] as const;
/** Populations a request covers (RULES A5, B8); minors are offered so that B8 can refuse them visibly. */
export const SUBJECT_POPULATIONS = ["kz-subjects", "ru-citizens", "minors"] as const satisfies readonly SubjectPopulation[];
export const DECISION_OUTCOMES = ["approved", "rejected", "returned"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const TRANSFER_EVENT_ACTIONS = ["created", "updated", "submitted", "approved", "rejected", "returned", "revoked"] as const;

/** States in which the requester may still change the request and (re)submit it. */
export const EDITABLE_STATUSES: readonly TransferRequestStatus[] = ["draft", "returned"];

/**
 * Calendar days (validity, "today" for the rules) are Almaty days: the controller works in
 * Kazakhstan, and an approval "valid until 30 June" ends at the end of 30 June there.
 */
export const BUSINESS_TIME_ZONE = "Asia/Almaty";

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: BUSINESS_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The Almaty calendar day of an instant, "YYYY-MM-DD". */
export function businessDate(at: Date = new Date()): string {
  return dayFormat.format(at);
}

/** The status a person should see on `today`: an approval past its last valid day is "expired". */
export function effectiveStatus(row: { status: TransferRequestStatus; validUntil: string | null }, today: string): EffectiveStatus {
  if (row.status === "approved" && row.validUntil !== null && row.validUntil < today) return "expired";
  return row.status;
}
