import { z } from "zod";
import { CONTROLLER_COUNTRY, RECIPIENT_ROLES, TRANSFER_BASES, CROSS_BORDER_GROUNDS, KZ_BIN_PATTERN, PROCESSING_ACTION_KEYS } from "@/lib/registry/facts";
import { optionalIsoDate, optionalText } from "./common";

/**
 * One schema for the recipient form, the server action and the API. Messages are stable keys
 * ("required", "binFormat" …) that the UI translates, so the API and every language share them.
 */
export const recipientInput = z
  .object({
    nameEn: z.string().trim().min(1, "required").max(300),
    nameKk: optionalText(300),
    nameRu: optionalText(300),
    legalForm: optionalText(100),
    registrationNumber: optionalText(50),
    countryCode: z.string().trim().regex(/^[A-Z]{2}$/, "countryCode"),
    address: optionalText(500),
    email: z
      .union([z.literal(""), z.null(), z.string().trim().email("email")])
      .optional()
      .transform((v) => (v ? v : null)),
    phone: optionalText(50),
    role: z.enum(RECIPIENT_ROLES, { message: "required" }),
    transferPurposes: z.array(z.string().trim().min(1).max(500)).min(1, "atLeastOnePurpose").max(50),
    transferPurposesKk: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
    transferPurposesRu: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
    linkedPurposeCodes: z.array(z.string().trim().min(1).max(20)).max(100).default([]),
    basis: z.enum(TRANSFER_BASES, { message: "required" }),
    contractNumber: optionalText(100),
    contractDate: optionalIsoDate,
    contractExpiresOn: optionalIsoDate,
    instructionActions: z.boolean().default(false),
    instructionPurposes: z.boolean().default(false),
    instructionConfidentiality: z.boolean().default(false),
    instructionSecurity: z.boolean().default(false),
    instructionIncidentReporting: z.boolean().default(false),
    permittedActions: z.array(z.enum(PROCESSING_ACTION_KEYS)).max(PROCESSING_ACTION_KEYS.length).default([]),
    crossBorder: z.boolean(),
    transferGround: z
      .union([z.enum(CROSS_BORDER_GROUNDS), z.literal(""), z.null()])
      .optional()
      .transform((v) => (v ? v : null)),
    rknNotificationNumber: optionalText(100),
    rknNotificationDate: optionalIsoDate,
    status: z.enum(["active", "suspended"]).default("active"),
    notes: optionalText(4000),
  })
  .superRefine((r, ctx) => {
    // Kept consistent: cross-border exactly when the destination is not the controller's country.
    if (r.crossBorder !== (r.countryCode !== CONTROLLER_COUNTRY)) {
      ctx.addIssue({ code: "custom", path: ["crossBorder"], message: "crossBorderMismatch" });
    }
    if (r.countryCode === CONTROLLER_COUNTRY && r.registrationNumber && !KZ_BIN_PATTERN.test(r.registrationNumber)) {
      ctx.addIssue({ code: "custom", path: ["registrationNumber"], message: "binFormat" });
    }
    if (r.contractDate && r.contractExpiresOn && r.contractExpiresOn < r.contractDate) {
      ctx.addIssue({ code: "custom", path: ["contractExpiresOn"], message: "expiryBeforeDate" });
    }
    if (r.basis === "contract" && (r.contractDate || r.contractExpiresOn) && !r.contractNumber) {
      ctx.addIssue({ code: "custom", path: ["contractNumber"], message: "required" });
    }
    if (r.rknNotificationDate && !r.rknNotificationNumber) {
      ctx.addIssue({ code: "custom", path: ["rknNotificationNumber"], message: "required" });
    }
    if (!r.crossBorder && r.transferGround) {
      ctx.addIssue({ code: "custom", path: ["transferGround"], message: "groundOnlyCrossBorder" });
    }
  });

export type RecipientInput = z.output<typeof recipientInput>;

export const recipientUpdate = z.object({
  expectedVersion: z.coerce.number().int().positive(),
  reason: optionalText(1000),
});

export const archiveInput = z.object({
  expectedVersion: z.coerce.number().int().positive(),
  reason: z.string().trim().min(3, "reasonRequired").max(1000),
});

/** PUT /api/v1/recipients/{id}: a full replacement of the editable fields, from the version the client read (optimistic). */
export const recipientPutBody = z.object({ expectedVersion: z.number().int().positive(), reason: optionalText(1000), data: recipientInput });

/** Filters of the recipients list: from the URL or the API's query string. */
export const recipientListQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  role: z.enum(RECIPIENT_ROLES).optional().catch(undefined),
  crossBorder: z.enum(["yes", "no"]).optional().catch(undefined),
  country: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  status: z.enum(["active", "suspended", "archived", "all"]).optional().catch(undefined),
  basis: z.enum(TRANSFER_BASES).optional().catch(undefined),
  sort: z.enum(["name", "country", "role", "status", "updatedAt", "basis"]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(200).optional().catch(undefined),
});
export type RecipientListQuery = z.output<typeof recipientListQuery>;
