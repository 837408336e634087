import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { CALENDAR_DAY_KINDS, COLLECTION_CHANNELS, RETENTION_EVENTS } from "@/lib/registry/facts";

const versioned = {
  status: text("status", { enum: ["active", "archived"] }).notNull().default("active"),
  /** Bumped on every change; edits carry the version they started from. */
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
};

/** The eleven processing actions of the policy (section 7), with their names in three languages. */
export const processingActions = pgTable("processing_actions", {
  key: text("key").primaryKey(),
  nameEn: text("name_en").notNull(),
  nameKk: text("name_kk").notNull(),
  nameRu: text("name_ru").notNull(),
  position: integer("position").notNull(),
  ...versioned,
});

/** Groups of personal data (identifiers, contact, document details …), policy section 3.4. */
export const dataCategories = pgTable("data_categories", {
  key: text("key").primaryKey(),
  nameEn: text("name_en").notNull(),
  nameKk: text("name_kk"),
  nameRu: text("name_ru"),
  position: integer("position").notNull().default(0),
  ...versioned,
});

/**
 * Items of personal data. The key is "group: item" as the policy's digest writes it
 * (e.g. "contact: phone"), so rules, requests and logged transfers name items the same way.
 */
export const dataItems = pgTable(
  "data_items",
  {
    key: text("key").primaryKey(),
    categoryKey: text("category_key").notNull().references(() => dataCategories.key),
    nameEn: text("name_en").notNull(),
    nameKk: text("name_kk"),
    nameRu: text("name_ru"),
    /** A direct identifier (KZ-PDL art. 17 p. 1; RULES B2): research transfers may not carry it. */
    directIdentifier: boolean("direct_identifier").notNull().default(false),
    ...versioned,
  },
  (t) => [index("data_items_category").on(t.categoryKey)],
);

/** Categories of data subjects. `hasContract` says whether retention can run "from contract end". */
export const subjectCategories = pgTable("subject_categories", {
  key: text("key").primaryKey(),
  nameEn: text("name_en").notNull(),
  nameKk: text("name_kk"),
  nameRu: text("name_ru"),
  hasContract: boolean("has_contract").notNull(),
  ...versioned,
});

/** Legal references for retention and bases (AML-11-4, CC-178-1 …), with the period they set. */
export const legalReferences = pgTable("legal_references", {
  code: text("code").primaryKey(),
  titleEn: text("title_en").notNull(),
  titleKk: text("title_kk"),
  titleRu: text("title_ru"),
  /** Retention period in years the reference sets, or null when it sets none. */
  years: integer("years"),
  ...versioned,
});

export const collectionChannels = COLLECTION_CHANNELS;
export const retentionEvents = RETENTION_EVENTS;
export type LegalBasis = { kind: "consent" | "law" | "contract"; referenceCode?: string | null };

/**
 * Processing purposes — the record of processing (policy section 3.4; RULES A2).
 */
export const processingPurposes = pgTable("processing_purposes", {
  code: text("code").primaryKey(),
  subjectCategory: text("subject_category").notNull().references(() => subjectCategories.key),
  nameEn: text("name_en").notNull(),
  nameKk: text("name_kk"),
  nameRu: text("name_ru"),
  legalBases: jsonb("legal_bases").$type<LegalBasis[]>().notNull().default([]),
  channels: jsonb("channels").$type<string[]>().notNull().default([]),
  retentionYears: integer("retention_years"),
  retentionFrom: text("retention_from", { enum: retentionEvents }),
  retentionLawCodes: jsonb("retention_law_codes").$type<string[]>().notNull().default([]),
  deletionEvent: text("deletion_event", { enum: retentionEvents }),
  deletionDelayYears: integer("deletion_delay_years"),
  /** Statistical, sociological, scientific or marketing research (KZ-PDL art. 17 p. 1). */
  isResearch: boolean("is_research").notNull().default(false),
  securityMeasures: text("security_measures"),
  responsiblePerson: text("responsible_person"),
  /** Known contradictions in the source, shown to the DPO (not hidden). */
  sourceNote: text("source_note"),
  ...versioned,
});

/** Which data items a purpose processes. */
export const purposeDataItems = pgTable(
  "purpose_data_items",
  {
    purposeCode: text("purpose_code").notNull().references(() => processingPurposes.code),
    itemKey: text("item_key").notNull().references(() => dataItems.key),
  },
  (t) => [primaryKey({ columns: [t.purposeCode, t.itemKey] })],
);

/** Countries as data (RULES A4): adequacy is a legal fact with its source and as-of date. */
export const countries = pgTable("countries", {
  code: text("code").primaryKey(),
  nameEn: text("name_en").notNull(),
  nameKk: text("name_kk").notNull(),
  nameRu: text("name_ru").notNull(),
  /** Whether Kazakhstan's law treats it as ensuring protection (KZ-PDL art. 16); null = not decided. */
  kzAdequate: boolean("kz_adequate"),
  kzAdequacySource: text("kz_adequacy_source"),
  /** On Roskomnadzor's list of adequate countries (RU-152 art. 12 p. 2). */
  rknAdequate: boolean("rkn_adequate"),
  rknAdequacySource: text("rkn_adequacy_source"),
  rknAdequacyAsOf: date("rkn_adequacy_as_of"),
  convention108: boolean("convention_108"),
  ...versioned,
});

/** Public holidays and moved working days per country (RULES C4): data the DPO keeps. */
export const countryCalendarDays = pgTable(
  "country_calendar_days",
  {
    countryCode: text("country_code").notNull().references(() => countries.code),
    date: date("date").notNull(),
    /** holiday / carry-over / transfer = a day off; working-day = a weekend day that is worked. */
    kind: text("kind", { enum: CALENDAR_DAY_KINDS }).notNull(),
    name: text("name").notNull(),
    source: text("source"),
    ...versioned,
  },
  (t) => [primaryKey({ columns: [t.countryCode, t.date] })],
);

/**
 * Every version of every catalogue entry (purposes, items, categories, countries, references,
 * actions, calendar days): a full snapshot with who, when and why. Never updated or deleted.
 */
export const catalogueVersions = pgTable(
  "catalogue_versions",
  {
    entity: text("entity").notNull(),
    entityKey: text("entity_key").notNull(),
    version: integer("version").notNull(),
    change: text("change", { enum: ["created", "updated", "archived", "restored"] }).notNull(),
    snapshot: jsonb("snapshot").notNull(),
    reason: text("reason"),
    changedBy: uuid("changed_by").references(() => users.id),
    changedByEmail: text("changed_by_email").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityKey, t.version] })],
);
