/**
 * The closed lists of a deletion act (the policy 4.3–4.4; RULES D4), shared by the schema, the
 * validation, the PDF and the pages. Relative imports only: drizzle-kit loads the schema that uses these.
 */

/** How the subject is identified: the portal stores only this one identifier (the policy 3.4, C1). */
export const SUBJECT_KINDS = ["wallet", "login", "phone", "iin", "other"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Why the data was deleted: the grounds of the policy 4.3 and 5 (and KZ-PDL art. 18; RU-152 art. 21). */
export const DELETION_REASONS = ["purpose-achieved", "period-expired", "consent-withdrawn", "unlawful-processing", "subject-request"] as const;
export type DeletionReason = (typeof DELETION_REASONS)[number];

/** How it was deleted. */
export const DELETION_METHODS = ["erasure", "media-destruction", "depersonalisation"] as const;
export type DeletionMethod = (typeof DELETION_METHODS)[number];

/** An act records a deletion; a correction replaces an approved act; a void annuls one. Both reference it. */
export const DELETION_ACT_KINDS = ["deletion", "correction", "void"] as const;
export type DeletionActKind = (typeof DELETION_ACT_KINDS)[number];

/** The act's language: Kazakh and Russian side by side (the state language with Russian, as official forms in Kazakhstan are made), or one language. */
export const ACT_LANGUAGES = ["kk-ru", "kk", "ru", "en"] as const;
export type ActLanguage = (typeof ACT_LANGUAGES)[number];

/** What is recorded in an act's trail (append-only). */
export const DELETION_ACT_EVENTS = ["created", "approved", "rejected", "superseded", "download"] as const;
export type DeletionActEventKind = (typeof DELETION_ACT_EVENTS)[number];

export const DELETION_ACT_FORMATS = ["pdf", "json", "extract"] as const;
export type DeletionActFormat = (typeof DELETION_ACT_FORMATS)[number];

/**
 * The act's number: a neutral Latin prefix (readable in kk, ru and en, and in file names),
 * the year of the act, and a gap-free sequence within the year: DA-2026-0001.
 */
export const ACT_NUMBER_PREFIX = "DA";
export function formatActNumber(year: number, seq: number): string {
  return `${ACT_NUMBER_PREFIX}-${year}-${String(seq).padStart(4, "0")}`;
}
