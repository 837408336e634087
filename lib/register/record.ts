/**
 * The record of processing as plain objects: what db/queries/record.ts loads in one go and what
 * the policy lint, the published policy's snapshot and the RoPA download are computed from.
 * No DB rows, no Next: pure functions take these shapes.
 */
import { DISPLAY_TIME_ZONE } from "@/lib/i18n/config";

/** A text the register keeps in three languages; English is always present. */
export interface Text3 {
  en: string;
  kk: string | null;
  ru: string | null;
}

export type EntryStatus = "active" | "archived";
export type LegalBasisKind = "consent" | "law" | "contract";
export interface LegalBasisFacts {
  kind: LegalBasisKind;
  referenceCode?: string | null;
}

export interface PurposeRecord {
  code: string;
  status: EntryStatus;
  subjectCategory: string;
  name: Text3;
  legalBases: LegalBasisFacts[];
  dataItemKeys: string[];
  channels: string[];
  retentionYears: number | null;
  retentionFrom: string | null;
  retentionLawCodes: string[];
  deletionEvent: string | null;
  deletionDelayYears: number | null;
  isResearch: boolean;
  securityMeasures: string | null;
  responsiblePerson: string | null;
  sourceNote: string | null;
}

export interface RecipientRecord {
  id: string;
  key: string;
  version: number;
  status: "active" | "suspended" | "archived";
  name: Text3;
  role: "operator" | "processor";
  countryCode: string;
  crossBorder: boolean;
  basis: "contract" | "law" | "consent";
  transferPurposes: string[];
  contractNumber: string | null;
  contractDate: string | null;
  contractExpiresOn: string | null;
  instructionActions: boolean;
  instructionPurposes: boolean;
  instructionConfidentiality: boolean;
  instructionSecurity: boolean;
  instructionIncidentReporting: boolean;
  permittedActions: string[];
  linkedPurposeCodes: string[];
  transferGround: string | null;
  rknNotificationNumber: string | null;
  rknNotificationDate: string | null;
}

export interface DataItemRecord {
  key: string;
  categoryKey: string;
  name: Text3;
  directIdentifier: boolean;
  status: EntryStatus;
}

export interface DataCategoryRecord {
  key: string;
  name: Text3;
  position: number;
  status: EntryStatus;
}

export interface SubjectCategoryRecord {
  key: string;
  name: Text3;
  hasContract: boolean;
  status: EntryStatus;
}

export interface LegalReferenceRecord {
  code: string;
  title: Text3;
  years: number | null;
  status: EntryStatus;
}

export interface CountryRecord {
  code: string;
  name: Text3;
  kzAdequate: boolean | null;
  kzAdequacySource: string | null;
  rknAdequate: boolean | null;
  rknAdequacySource: string | null;
  rknAdequacyAsOf: string | null;
  convention108: boolean | null;
  status: EntryStatus;
}

export interface ProcessingActionRecord {
  key: string;
  name: Text3;
  position: number;
  status: EntryStatus;
}

export interface RecordOfProcessing {
  purposes: PurposeRecord[];
  recipients: RecipientRecord[];
  dataItems: DataItemRecord[];
  dataCategories: DataCategoryRecord[];
  subjectCategories: SubjectCategoryRecord[];
  legalReferences: LegalReferenceRecord[];
  countries: CountryRecord[];
  actions: ProcessingActionRecord[];
}

/** V1 before C1 … C12, numbers in numeric order, anything else after, alphabetically. */
export function comparePurposeCodes(a: string, b: string): number {
  const parse = (code: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(code);
    return m ? { prefix: m[1], n: Number(m[2]) } : { prefix: code, n: -1 };
  };
  const rank = (prefix: string) => (prefix === "V" ? 0 : prefix === "C" ? 1 : 2);
  const pa = parse(a);
  const pb = parse(b);
  return rank(pa.prefix) - rank(pb.prefix) || pa.prefix.localeCompare(pb.prefix) || pa.n - pb.n || a.localeCompare(b);
}

/** Today's date in Almaty ("YYYY-MM-DD"): the day the register's deadlines are judged on. */
export function todayInAlmaty(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: DISPLAY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
