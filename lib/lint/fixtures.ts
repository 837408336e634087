/** A small record of processing for the lint's and the snapshot's unit tests: clean unless a test breaks it. */
import type { LintInput } from "./types";
import type { PurposeRecord, RecipientRecord } from "@/lib/register/record";

const t = (en: string) => ({ en, kk: `${en} (kk)`, ru: `${en} (ru)` });
const ALL_ACTIONS = ["collection", "recording", "storage", "clarification", "use", "transfer", "systematisation", "accumulation", "extraction", "blocking", "destruction"];

export function purpose(overrides: Partial<PurposeRecord> = {}): PurposeRecord {
  return {
    code: "C1",
    status: "active",
    subjectCategory: "clients",
    name: t("Register the client"),
    legalBases: [{ kind: "consent" }, { kind: "law", referenceCode: "KZ-PDL" }],
    dataItemKeys: ["identifiers: wallet number"],
    channels: ["resource"],
    retentionYears: 5,
    retentionFrom: "contract-end",
    retentionLawCodes: ["AML-11-4"],
    deletionEvent: "contract-end",
    deletionDelayYears: 5,
    isResearch: false,
    securityMeasures: null,
    responsiblePerson: null,
    sourceNote: null,
    ...overrides,
  };
}

export function recipient(overrides: Partial<RecipientRecord> = {}): RecipientRecord {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    key: "kazpost",
    version: 1,
    status: "active",
    name: t("Kazpost JSC"),
    role: "processor",
    countryCode: "KZ",
    crossBorder: false,
    basis: "contract",
    transferPurposes: ["Identification"],
    contractNumber: "KP-1",
    contractDate: "2025-01-01",
    contractExpiresOn: "2027-12-31",
    instructionActions: true,
    instructionPurposes: true,
    instructionConfidentiality: true,
    instructionSecurity: true,
    instructionIncidentReporting: true,
    permittedActions: [...ALL_ACTIONS],
    linkedPurposeCodes: ["C1"],
    transferGround: null,
    rknNotificationNumber: null,
    rknNotificationDate: null,
    ...overrides,
  };
}

export function lintInput(overrides: Partial<LintInput> = {}): LintInput {
  return {
    today: "2026-06-01",
    purposes: [purpose()],
    recipients: [recipient()],
    dataItems: [
      { key: "identifiers: wallet number", categoryKey: "identifiers", name: t("wallet number"), directIdentifier: true, status: "active" },
      { key: "other: interview answers", categoryKey: "other", name: t("interview answers"), directIdentifier: false, status: "active" },
      { key: "online: cookies: analytical", categoryKey: "online", name: t("cookies: analytical"), directIdentifier: false, status: "active" },
    ],
    dataCategories: [
      { key: "identifiers", name: t("Identifiers"), position: 1, status: "active" },
      { key: "online", name: t("Online identifiers"), position: 2, status: "active" },
      { key: "other", name: t("Other"), position: 3, status: "active" },
    ],
    subjectCategories: [
      { key: "clients", name: t("Clients"), hasContract: true, status: "active" },
      { key: "visitors", name: t("Visitors"), hasContract: false, status: "active" },
    ],
    legalReferences: [
      { code: "KZ-PDL", title: t("Personal data law"), years: null, status: "active" },
      { code: "AML-11-4", title: t("AML law art. 11 p. 4"), years: 5, status: "active" },
      { code: "CC-178-1", title: t("Civil Code art. 178 p. 1"), years: 3, status: "active" },
    ],
    countries: [
      { code: "KZ", name: t("Kazakhstan"), kzAdequate: null, kzAdequacySource: null, rknAdequate: true, rknAdequacySource: "order 128", rknAdequacyAsOf: "2022-08-05", convention108: false, status: "active" },
      { code: "RU", name: t("Russia"), kzAdequate: null, kzAdequacySource: null, rknAdequate: null, rknAdequacySource: null, rknAdequacyAsOf: null, convention108: null, status: "active" },
      { code: "DE", name: t("Germany"), kzAdequate: true, kzAdequacySource: "DPO decision 1/2026", rknAdequate: true, rknAdequacySource: "Convention 108", rknAdequacyAsOf: "2022-08-05", convention108: true, status: "active" },
    ],
    actions: ALL_ACTIONS.map((key, i) => ({ key, name: t(key), position: i + 1, status: "active" as const })),
    ...overrides,
  };
}
