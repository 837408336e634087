import { z } from "zod";
import { isIsoDate } from "@/lib/rules/working-days";
import { businessDate } from "@/lib/transfers/constants";
import {
  ANSWER_LOCALES,
  DECISION_OUTCOMES,
  DELETION_GROUNDS,
  REQUEST_CHANNELS,
  SUBJECT_ID_KINDS,
  SUBJECT_LAWS,
  SUBJECT_REQUEST_STATUSES,
  SUBJECT_RIGHTS,
} from "@/lib/subject-requests/facts";
import { MIN_ANSWER_LENGTH, MIN_REASON_LENGTH } from "@/lib/subject-requests/decision";
import { optionalText } from "./common";

/** Messages are keys under subjectRequests.errors (or the shared "errors"). */
const day = z.string({ message: "invalidDate" }).refine(isIsoDate, "invalidDate");
const optionalDay = z
  .union([day, z.literal(""), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

/** A wallet number is digits; a login is the phone number (policy 3.4: "login (phone number)"). */
const WALLET = /^\d{6,20}$/;
const LOGIN = /^\+?\d{10,15}$/;
const EMAIL = z.email();

export const recordSubjectRequestInput = z
  .object({
    subjectIdKind: z.enum(SUBJECT_ID_KINDS, { message: "required" }),
    subjectId: z.string({ message: "required" }).trim().min(1, "required").max(40),
    contactAddress: optionalText(300),
    law: z.enum(SUBJECT_LAWS, { message: "required" }),
    channel: z.enum(REQUEST_CHANNELS, { message: "required" }),
    right: z.enum(SUBJECT_RIGHTS, { message: "required" }),
    deletionGround: z
      .union([z.enum(DELETION_GROUNDS), z.literal(""), z.null()])
      .optional()
      .transform((v) => (v ? v : null)),
    purposeCodes: z.array(z.string().trim().min(1).max(40), { message: "atLeastOnePurpose" }).min(1, "atLeastOnePurpose").max(30),
    summary: optionalText(1000),
    answerLocale: z.enum(ANSWER_LOCALES, { message: "required" }),
    receivedOn: day,
  })
  .superRefine((v, ctx) => {
    const id = v.subjectId.replace(/[\s-]/g, "");
    if (v.subjectIdKind === "wallet" && !WALLET.test(id)) ctx.addIssue({ code: "custom", path: ["subjectId"], message: "walletFormat" });
    if (v.subjectIdKind === "login" && !LOGIN.test(id)) ctx.addIssue({ code: "custom", path: ["subjectId"], message: "loginFormat" });
    // An email request is answered to the address it came from.
    if (v.channel === "email" && (!v.contactAddress || !EMAIL.safeParse(v.contactAddress).success)) ctx.addIssue({ code: "custom", path: ["contactAddress"], message: "contactEmail" });
    if (v.right === "deletion" && !v.deletionGround) ctx.addIssue({ code: "custom", path: ["deletionGround"], message: "deletionGroundRequired" });
    if (v.right !== "deletion" && v.deletionGround) ctx.addIssue({ code: "custom", path: ["deletionGround"], message: "deletionGroundOnlyDeletion" });
    // A request cannot arrive tomorrow (Almaty calendar day).
    if (isIsoDate(v.receivedOn) && v.receivedOn > businessDate()) ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "receivedInFuture" });
    if (new Set(v.purposeCodes).size !== v.purposeCodes.length) ctx.addIssue({ code: "custom", path: ["purposeCodes"], message: "duplicatePurpose" });
  })
  .transform((v) => ({ ...v, subjectId: v.subjectId.replace(/[\s-]/g, "") }));
export type RecordSubjectRequestInput = z.output<typeof recordSubjectRequestInput>;

const ref = { id: z.uuid({ message: "notFound" }), expectedVersion: z.number({ message: "required" }).int().min(1) };

export const startSubjectRequestInput = z.object(ref);

export const extendSubjectRequestInput = z.object({
  ...ref,
  notice: z.string({ message: "extensionNoticeRequired" }).trim().min(MIN_REASON_LENGTH, "extensionNoticeRequired").max(4000),
});

export const cancelSubjectRequestInput = z.object({
  ...ref,
  reason: z.string({ message: "reasonRequired" }).trim().min(3, "reasonRequired").max(4000),
});

const decisionFields = {
  outcome: z.enum(DECISION_OUTCOMES, { message: "required" }),
  reason: optionalText(4000),
  legalGroundCode: optionalText(40),
  retentionTriggerOn: optionalDay,
  answerLanguage: z.enum(ANSWER_LOCALES, { message: "required" }),
};

/** The filled template for a decision being drafted: saves nothing. */
export const previewSubjectAnswerInput = z.object({ id: ref.id, ...decisionFields });

export const closeSubjectRequestInput = z.object({
  ...ref,
  ...decisionFields,
  serviceEndsAcknowledged: z.boolean().default(false),
  answerSubject: z.string({ message: "required" }).trim().min(1, "required").max(300),
  answerText: z.string({ message: "answerRequired" }).trim().min(MIN_ANSWER_LENGTH, "answerRequired").max(20000),
});
export type CloseSubjectRequestInput = z.output<typeof closeSubjectRequestInput>;

export const SUBJECT_LIST_STATUSES = ["open", "overdue", "due-today", ...SUBJECT_REQUEST_STATUSES, "all"] as const;
export const SUBJECT_LIST_SORTS = ["due", "received", "number"] as const;

/** Filters of the queue: from the URL or the API's query string. */
export const subjectRequestListQuery = z.object({
  status: z.enum(SUBJECT_LIST_STATUSES).optional().catch(undefined),
  right: z.enum(SUBJECT_RIGHTS).optional().catch(undefined),
  law: z.enum(SUBJECT_LAWS).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(SUBJECT_LIST_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(200).optional().catch(undefined),
});
export type SubjectRequestListQuery = z.output<typeof subjectRequestListQuery>;
