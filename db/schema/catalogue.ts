import { boolean, date, integer, pgTable, text } from "drizzle-orm/pg-core";

/** The eleven processing actions of the policy (section 7), with their names in three languages. */
export const processingActions = pgTable("processing_actions", {
  key: text("key").primaryKey(),
  nameEn: text("name_en").notNull(),
  nameKk: text("name_kk").notNull(),
  nameRu: text("name_ru").notNull(),
  position: integer("position").notNull(),
});

/**
 * Processing purposes (policy section 3.4: V1, C1–C12). A small catalogue for now, so that
 * recipients can be linked to purposes; the full record of processing extends it.
 */
export const processingPurposes = pgTable("processing_purposes", {
  code: text("code").primaryKey(),
  subjectCategory: text("subject_category").notNull(),
  nameEn: text("name_en").notNull(),
  nameKk: text("name_kk"),
  nameRu: text("name_ru"),
  status: text("status", { enum: ["active", "archived"] }).notNull().default("active"),
});

/** Countries as data (RULES A4): adequacy is a legal fact with a source and an as-of date. */
export const countries = pgTable("countries", {
  code: text("code").primaryKey(),
  nameEn: text("name_en").notNull(),
  nameKk: text("name_kk").notNull(),
  nameRu: text("name_ru").notNull(),
  kzAdequate: boolean("kz_adequate"),
  kzAdequacySource: text("kz_adequacy_source"),
  rknAdequate: boolean("rkn_adequate"),
  rknAdequacySource: text("rkn_adequacy_source"),
  rknAdequacyAsOf: date("rkn_adequacy_as_of"),
});
