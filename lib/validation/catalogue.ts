import { z } from "zod";
import { CALENDAR_DAY_KINDS } from "@/lib/registry/facts";
import { isoDate, optionalIsoDate, optionalText } from "./common";

/**
 * Schemas of the data catalogue, countries and calendars: shared by the forms, the server actions
 * and the API. Messages are stable keys the UI translates.
 */

const requiredText = (max = 300) => z.string().trim().min(1, "required").max(max);
/** A stable lower-case key such as "document-details". */
const slugKey = z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "keyFormat").max(60);
/** Yes / no / not decided: forms send "yes" | "no" | "", the API may send true | false | null. */
const triState = z
  .union([z.boolean(), z.null(), z.enum(["yes", "no", ""])])
  .optional()
  .transform((v) => (v === "yes" || v === true ? true : v === "no" || v === false ? false : null));
const position = z.coerce.number().int("wholeNumber").min(0, "wholeNumber").max(10_000).default(0);
const years = z
  .union([z.literal(""), z.null(), z.coerce.number().int("wholeNumber").min(0, "wholeNumber").max(100, "tooLarge")])
  .optional()
  .transform((v) => (v === "" || v === undefined || v === null ? null : v));

export const dataCategoryInput = z.object({
  key: slugKey,
  nameEn: requiredText(),
  nameKk: optionalText(300),
  nameRu: optionalText(300),
  position,
});

export const dataItemInput = z.object({
  categoryKey: slugKey,
  nameEn: requiredText(),
  nameKk: optionalText(300),
  nameRu: optionalText(300),
  directIdentifier: z.boolean().default(false),
});

export const subjectCategoryInput = z.object({
  key: slugKey,
  nameEn: requiredText(),
  nameKk: optionalText(300),
  nameRu: optionalText(300),
  hasContract: z.boolean().default(false),
});

/** The eleven actions are a closed list (policy section 7): only their names are edited. */
export const processingActionInput = z.object({
  key: slugKey,
  nameEn: requiredText(),
  nameKk: requiredText(),
  nameRu: requiredText(),
});

export const legalReferenceInput = z.object({
  code: z.string().trim().regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, "codeFormat").max(40),
  titleEn: requiredText(500),
  titleKk: optionalText(500),
  titleRu: optionalText(500),
  years,
});

export const countryInput = z
  .object({
    code: z.string().trim().regex(/^[A-Z]{2}$/, "countryCode"),
    nameEn: requiredText(200),
    nameKk: requiredText(200),
    nameRu: requiredText(200),
    kzAdequate: triState,
    kzAdequacySource: optionalText(500),
    rknAdequate: triState,
    rknAdequacySource: optionalText(500),
    rknAdequacyAsOf: optionalIsoDate,
    convention108: triState,
  })
  .superRefine((c, ctx) => {
    // A legal fact is recorded with the act that says so (RULES A4).
    if (c.kzAdequate !== null && !c.kzAdequacySource) ctx.addIssue({ code: "custom", path: ["kzAdequacySource"], message: "sourceRequired" });
    if (c.rknAdequate !== null && !c.rknAdequacySource) ctx.addIssue({ code: "custom", path: ["rknAdequacySource"], message: "sourceRequired" });
    if (c.rknAdequate !== null && !c.rknAdequacyAsOf) ctx.addIssue({ code: "custom", path: ["rknAdequacyAsOf"], message: "required" });
  });

export const calendarDayKinds = CALENDAR_DAY_KINDS;

export const calendarDayInput = z.object({
  countryCode: z.string().trim().regex(/^[A-Z]{2}$/, "countryCode"),
  date: isoDate,
  kind: z.enum(calendarDayKinds, { message: "required" }),
  name: requiredText(200),
  source: optionalText(500),
});

/** Which catalogue an entry belongs to; also the `entity` of its rows in catalogue_versions. */
export const CATALOGUE_ENTITIES = ["data-category", "data-item", "subject-category", "processing-action", "legal-reference", "country"] as const;
export type CatalogueEntity = (typeof CATALOGUE_ENTITIES)[number];

const entry = <E extends CatalogueEntity, S extends z.ZodType>(entity: E, data: S) => z.object({ entity: z.literal(entity), data });

/** A new entry. Processing actions are a closed list and cannot be added. */
export const catalogueCreateInput = z.discriminatedUnion("entity", [
  entry("data-category", dataCategoryInput),
  entry("data-item", dataItemInput),
  entry("subject-category", subjectCategoryInput),
  entry("legal-reference", legalReferenceInput),
  entry("country", countryInput),
]);
export type CatalogueCreateInput = z.output<typeof catalogueCreateInput>;

const versioned = { key: z.string().trim().min(1).max(300), expectedVersion: z.coerce.number().int().positive(), reason: optionalText(1000) };

export const catalogueUpdateInput = z.discriminatedUnion("entity", [
  entry("data-category", dataCategoryInput).extend(versioned),
  entry("data-item", dataItemInput).extend(versioned),
  entry("subject-category", subjectCategoryInput).extend(versioned),
  entry("processing-action", processingActionInput).extend(versioned),
  entry("legal-reference", legalReferenceInput).extend(versioned),
  entry("country", countryInput).extend(versioned),
]);
export type CatalogueUpdateInput = z.output<typeof catalogueUpdateInput>;

export const catalogueArchiveInput = z.object({
  entity: z.enum(CATALOGUE_ENTITIES),
  key: z.string().trim().min(1).max(300),
  archived: z.boolean(),
  expectedVersion: z.coerce.number().int().positive(),
  reason: z.string().trim().min(3, "reasonRequired").max(1000),
});

export const calendarDayUpdateInput = z.object({
  expectedVersion: z.coerce.number().int().positive(),
  reason: optionalText(1000),
  data: calendarDayInput,
});

export const calendarDayArchiveInput = z.object({
  countryCode: z.string().trim().regex(/^[A-Z]{2}$/, "countryCode"),
  date: isoDate,
  archived: z.boolean(),
  expectedVersion: z.coerce.number().int().positive(),
  reason: z.string().trim().min(3, "reasonRequired").max(1000),
});
