import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { ACT_LANGUAGES } from "@/lib/deletion-acts/constants";

/**
 * Query parameters of the API's downloads and reports. A value outside the listed ones is refused
 * (400 naming the parameter), never read as the default: a caller asking for `format=xml` must not
 * get a CSV believing it asked for something else. The OpenAPI document is generated from these.
 */

/** `?lang=` of the lint; absent: the session's or Accept-Language's language. */
export const lintQuery = z.object({ lang: z.enum(LOCALES, "unsupportedLanguage").optional().describe("Language of the explanations; default: the session's or Accept-Language") });

const headers = z.enum(["keys", "localized"], "invalid").optional().describe("keys (default): stable English column keys and values; localized: column titles and values in the caller's language");

export const registerExportQuery = z.object({ format: z.enum(["csv", "json"], "unsupportedFormat").optional().describe("Default csv"), headers });

export const ropaExportQuery = z.object({ format: z.enum(["csv", "xlsx"], "unsupportedFormat").optional().describe("Default csv"), headers });

export const deletionActDownloadQuery = z.object({
  lang: z.enum(ACT_LANGUAGES, "unsupportedLanguage").optional().describe("Default: the act's language (kk-ru: Kazakh and Russian side by side). Used by the PDF."),
});
