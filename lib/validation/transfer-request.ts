import { z } from "zod";
import { CROSS_BORDER_GROUNDS, PROCESSING_ACTION_KEYS } from "@/lib/registry/facts";
import { DECISION_OUTCOMES, EFFECTIVE_STATUSES, SUBJECT_POPULATIONS, TRANSFER_MODES, VOLUME_PERIODS } from "@/lib/transfers/constants";
import { isoDate, optionalIsoDate } from "./common";

/**
 * One schema for the request form, the server actions and the API. Messages are keys under
 * "errors" that the UI translates. Facts that need the database (does the recipient exist, is it
 * cross-border, are the items known) are checked in db/queries and reported on the same fields.
 */
const codes = (max: number, message: string) =>
  z
    .array(z.string({ message: "invalid" }).trim().min(1, message).max(200), { message })
    .max(max)
    .min(1, message)
    .transform((list) => [...new Set(list)]);

const ground = z
  .union([z.enum(CROSS_BORDER_GROUNDS), z.literal(""), z.null()], { message: "invalid" })
  .optional()
  .transform((v) => (v ? v : null));

const requestFields = {
  recipientId: z.uuid({ message: "required" }),
  purposeCodes: codes(20, "atLeastOnePurpose"),
  subjectCategories: codes(10, "atLeastOneSubjectCategory"),
  populations: z
    .array(z.enum(SUBJECT_POPULATIONS, { message: "invalid" }), { message: "atLeastOnePopulation" })
    .min(1, "atLeastOnePopulation")
    .transform((list) => [...new Set(list)]),
  dataItems: codes(200, "atLeastOneDataItem"),
  actions: z
    .array(z.enum(PROCESSING_ACTION_KEYS, { message: "invalid" }), { message: "atLeastOneAction" })
    .min(1, "atLeastOneAction")
    .transform((list) => [...new Set(list)]),
  mode: z.enum(TRANSFER_MODES, { message: "required" }),
  periodStart: z.string({ message: "invalidDate" }).pipe(isoDate),
  /** Recurring transfers only; a one-off transfer happens on periodStart. */
  periodEnd: optionalIsoDate,
  expectedVolume: z.coerce.number({ message: "positiveWholeNumber" }).int("positiveWholeNumber").positive("positiveWholeNumber").max(1e12, "positiveWholeNumber"),
  volumePeriod: z.enum(VOLUME_PERIODS, { message: "required" }),
  sendingSystem: z.string({ message: "required" }).trim().min(2, "required").max(200),
  crossBorderGround: ground,
  depersonalised: z.boolean({ message: "invalid" }).default(false),
  justification: z.string({ message: "justificationLength" }).trim().min(10, "justificationLength").max(4000),
};

type RequestShape = z.output<z.ZodObject<typeof requestFields>>;

function checkPeriod(r: Pick<RequestShape, "mode" | "periodStart" | "periodEnd" | "volumePeriod">, ctx: z.RefinementCtx) {
  if (r.mode === "recurring") {
    if (!r.periodEnd) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "required" });
    else if (r.periodEnd < r.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "periodEndBeforeStart" });
    if (r.volumePeriod === "once") ctx.addIssue({ code: "custom", path: ["volumePeriod"], message: "volumePeriodRecurring" });
  } else {
    if (r.periodEnd && r.periodEnd !== r.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "oneOffSingleDay" });
    if (r.volumePeriod !== "once") ctx.addIssue({ code: "custom", path: ["volumePeriod"], message: "volumePeriodOneOff" });
  }
}

export const transferRequestInput = z.object(requestFields).superRefine(checkPeriod);
export type TransferRequestInput = z.output<typeof transferRequestInput>;

/** POST /api/v1/transfer-requests: a request, and whether to submit it at once. */
export const createTransferRequestBody = z.object({ ...requestFields, submit: z.boolean().default(false) }).superRefine(checkPeriod);

export const createTransferRequestAction = z.object({ data: transferRequestInput, submit: z.boolean().default(false) });

export const updateTransferRequestInput = z.object({
  id: z.uuid(),
  expectedVersion: z.coerce.number().int().positive(),
  data: transferRequestInput,
  submit: z.boolean().default(false),
});

export const submitTransferRequestInput = z.object({ id: z.uuid(), expectedVersion: z.coerce.number().int().positive() });

/**
 * A draft as the form holds it while the engineer types, for the live rule check: only the
 * recipient is needed; what is missing yet is evaluated as empty (and the rules say so).
 */
export const transferPreviewInput = z
  .object({
    recipientId: z.uuid("required"),
    purposeCodes: z.array(z.string().trim().max(200)).max(20).default([]),
    populations: z.array(z.enum(SUBJECT_POPULATIONS)).default([]),
    dataItems: z.array(z.string().trim().max(200)).max(200).default([]),
    actions: z.array(z.enum(PROCESSING_ACTION_KEYS)).default([]),
    mode: z.enum(TRANSFER_MODES).default("one-off"),
    periodStart: optionalIsoDate,
    periodEnd: optionalIsoDate,
    crossBorderGround: ground,
    depersonalised: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.periodStart && r.periodEnd && r.mode === "recurring" && r.periodEnd < r.periodStart) {
      ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "periodEndBeforeStart" });
    }
  });
export type TransferPreviewInput = z.output<typeof transferPreviewInput>;

/** The DPO's decision. Every outcome needs a reason; an approval also a last valid day. */
export const decideTransferRequestInput = z
  .object({
    id: z.uuid(),
    expectedVersion: z.coerce.number().int().positive(),
    outcome: z.enum(DECISION_OUTCOMES, { message: "required" }),
    reason: z.string({ message: "reasonRequired" }).trim().min(3, "reasonRequired").max(4000),
    validUntil: optionalIsoDate,
    acknowledgedRuleIds: z.array(z.string().max(40)).max(20).default([]),
  })
  .superRefine((d, ctx) => {
    if (d.outcome === "approved" && !d.validUntil) ctx.addIssue({ code: "custom", path: ["validUntil"], message: "required" });
  });
export type DecideTransferRequestInput = z.output<typeof decideTransferRequestInput>;

export const revokeApprovalInput = z.object({
  id: z.uuid(),
  expectedVersion: z.coerce.number().int().positive(),
  reason: z.string({ message: "reasonRequired" }).trim().min(3, "reasonRequired").max(4000),
});

export const TRANSFER_LIST_VIEWS = ["mine", "queue", "all"] as const;

/** Filters of the request lists: from the URL or the API's query string. */
export const transferListQuery = z.object({
  view: z.enum(TRANSFER_LIST_VIEWS).optional().catch(undefined),
  status: z.enum(EFFECTIVE_STATUSES).optional().catch(undefined),
  recipient: z.uuid().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(200).optional().catch(undefined),
});
export type TransferListQuery = z.output<typeof transferListQuery>;
