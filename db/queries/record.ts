import "server-only";
import { getDb, type Db } from "../client";
import { countries, dataCategories, dataItems, legalReferences, processingActions, processingPurposes, purposeDataItems, recipientPurposes, recipients, subjectCategories } from "../schema";
import type { RecordOfProcessing, Text3 } from "@/lib/register/record";

const text3 = (en: string, kk: string | null, ru: string | null): Text3 => ({ en, kk, ru });

/**
 * The whole record of processing as plain objects, in one read: what the policy lint, the
 * published policy's snapshot and the RoPA download are computed from (lib/lint, lib/policy,
 * lib/ropa are pure). Archived entries are included with their status; the consumers decide.
 */
export async function loadRecordOfProcessing(db: Db = getDb()): Promise<RecordOfProcessing> {
  const [purposeRows, itemLinks, recipientRows, recipientLinks, itemRows, categoryRows, subjectRows, referenceRows, countryRows, actionRows] = await Promise.all([
    db.select().from(processingPurposes),
    db.select().from(purposeDataItems),
    db.select().from(recipients),
    db.select().from(recipientPurposes),
    db.select().from(dataItems),
    db.select().from(dataCategories),
    db.select().from(subjectCategories),
    db.select().from(legalReferences),
    db.select().from(countries),
    db.select().from(processingActions),
  ]);
  const itemsOf = new Map<string, string[]>();
  for (const l of itemLinks) itemsOf.set(l.purposeCode, [...(itemsOf.get(l.purposeCode) ?? []), l.itemKey]);
  const purposesOf = new Map<string, string[]>();
  for (const l of recipientLinks) purposesOf.set(l.recipientId, [...(purposesOf.get(l.recipientId) ?? []), l.purposeCode]);

  return {
    purposes: purposeRows.map((p) => ({
      code: p.code,
      status: p.status,
      subjectCategory: p.subjectCategory,
      name: text3(p.nameEn, p.nameKk, p.nameRu),
      legalBases: p.legalBases,
      dataItemKeys: (itemsOf.get(p.code) ?? []).sort(),
      channels: p.channels,
      retentionYears: p.retentionYears,
      retentionFrom: p.retentionFrom,
      retentionLawCodes: p.retentionLawCodes,
      deletionEvent: p.deletionEvent,
      deletionDelayYears: p.deletionDelayYears,
      isResearch: p.isResearch,
      securityMeasures: p.securityMeasures,
      responsiblePerson: p.responsiblePerson,
      sourceNote: p.sourceNote,
    })),
    recipients: recipientRows.map((r) => ({
      id: r.id,
      key: r.key,
      version: r.version,
      status: r.status,
      name: text3(r.nameEn, r.nameKk, r.nameRu),
      role: r.role,
      countryCode: r.countryCode,
      crossBorder: r.crossBorder,
      basis: r.basis,
      transferPurposes: r.transferPurposes,
      contractNumber: r.contractNumber,
      contractDate: r.contractDate,
      contractExpiresOn: r.contractExpiresOn,
      instructionActions: r.instructionActions,
      instructionPurposes: r.instructionPurposes,
      instructionConfidentiality: r.instructionConfidentiality,
      instructionSecurity: r.instructionSecurity,
      instructionIncidentReporting: r.instructionIncidentReporting,
      permittedActions: r.permittedActions,
      linkedPurposeCodes: (purposesOf.get(r.id) ?? []).sort(),
      transferGround: r.transferGround,
      rknNotificationNumber: r.rknNotificationNumber,
      rknNotificationDate: r.rknNotificationDate,
    })),
    dataItems: itemRows.map((i) => ({ key: i.key, categoryKey: i.categoryKey, name: text3(i.nameEn, i.nameKk, i.nameRu), directIdentifier: i.directIdentifier, status: i.status })),
    dataCategories: categoryRows.map((c) => ({ key: c.key, name: text3(c.nameEn, c.nameKk, c.nameRu), position: c.position, status: c.status })),
    subjectCategories: subjectRows.map((s) => ({ key: s.key, name: text3(s.nameEn, s.nameKk, s.nameRu), hasContract: s.hasContract, status: s.status })),
    legalReferences: referenceRows.map((l) => ({ code: l.code, title: text3(l.titleEn, l.titleKk, l.titleRu), years: l.years, status: l.status })),
    countries: countryRows.map((c) => ({
      code: c.code,
      name: text3(c.nameEn, c.nameKk, c.nameRu),
      kzAdequate: c.kzAdequate,
      kzAdequacySource: c.kzAdequacySource,
      rknAdequate: c.rknAdequate,
      rknAdequacySource: c.rknAdequacySource,
      rknAdequacyAsOf: c.rknAdequacyAsOf,
      convention108: c.convention108,
      status: c.status,
    })),
    actions: actionRows.map((a) => ({ key: a.key, name: text3(a.nameEn, a.nameKk, a.nameRu), position: a.position, status: a.status })),
  };
}
