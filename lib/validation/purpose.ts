import { z } from "zod";
import { COLLECTION_CHANNELS as collectionChannels, RETENTION_EVENTS as retentionEvents } from "@/lib/registry/facts";
import { optionalText } from "./common";

/**
 * One schema for the purpose form, the server action and the API (RULES A2: what a purpose's
 * record states). Whether deletion comes before retention is NOT refused here: the policy lint
 * shows it, so the DPO can record the policy as it stands and then fix it.
 */
const years = z
  .union([z.literal(""), z.null(), z.coerce.number().int("wholeNumber").min(0, "wholeNumber").max(100, "tooLarge")])
  .optional()
  .transform((v) => (v === "" || v === undefined || v === null ? null : v));
const event = z
  .union([z.enum(retentionEvents), z.literal(""), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

export const legalBasisInput = z
  .object({
    kind: z.enum(["consent", "law", "contract"], { message: "required" }),
    referenceCode: optionalText(40),
  })
  .superRefine((b, ctx) => {
    if (b.kind === "law" && !b.referenceCode) ctx.addIssue({ code: "custom", path: ["referenceCode"], message: "lawNeedsReference" });
  })
  // Consent and contract name no reference: stored as { kind } alone, as the seed writes them.
  .transform((b): { kind: "consent" | "law" | "contract"; referenceCode?: string | null } => (b.kind === "law" ? b : { kind: b.kind }));

export const purposeInput = z
  .object({
    code: z.string().trim().regex(/^[A-Z][A-Z0-9-]{0,19}$/, "purposeCodeFormat"),
    subjectCategory: z.string().trim().min(1, "required").max(60),
    nameEn: z.string().trim().min(1, "required").max(1000),
    nameKk: optionalText(1000),
    nameRu: optionalText(1000),
    legalBases: z.array(legalBasisInput).min(1, "atLeastOneBasis").max(10),
    dataItemKeys: z.array(z.string().trim().min(1).max(300)).min(1, "atLeastOneDataItem").max(200),
    channels: z.array(z.enum(collectionChannels)).max(collectionChannels.length).default([]),
    retentionYears: years,
    retentionFrom: event,
    retentionLawCodes: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
    deletionEvent: event,
    deletionDelayYears: years,
    isResearch: z.boolean().default(false),
    securityMeasures: optionalText(4000),
    responsiblePerson: optionalText(300),
    sourceNote: optionalText(4000),
  })
  .superRefine((p, ctx) => {
    if (p.retentionYears !== null && !p.retentionFrom) ctx.addIssue({ code: "custom", path: ["retentionFrom"], message: "required" });
    if (p.retentionFrom && p.retentionYears === null) ctx.addIssue({ code: "custom", path: ["retentionYears"], message: "required" });
    if (p.deletionEvent && p.deletionDelayYears === null) ctx.addIssue({ code: "custom", path: ["deletionDelayYears"], message: "required" });
    if (p.deletionDelayYears !== null && !p.deletionEvent) ctx.addIssue({ code: "custom", path: ["deletionEvent"], message: "required" });
    const codes = p.legalBases.map((b) => `${b.kind}:${b.referenceCode ?? ""}`);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: "custom", path: ["legalBases"], message: "duplicateBasis" });
  });
export type PurposeInput = z.output<typeof purposeInput>;

export const purposeUpdate = z.object({
  code: z.string().trim().min(1).max(20),
  expectedVersion: z.coerce.number().int().positive(),
  reason: optionalText(1000),
  data: purposeInput,
});

export const purposeArchiveInput = z.object({
  code: z.string().trim().min(1).max(20),
  archived: z.boolean(),
  expectedVersion: z.coerce.number().int().positive(),
  reason: z.string().trim().min(3, "reasonRequired").max(1000),
});
