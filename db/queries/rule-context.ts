import "server-only";
import { and, eq, inArray, max, ne } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { catalogueVersions, countries, countryCalendarDays, processingPurposes, purposeDataItems, recipients } from "../schema";
import { NotFoundError } from "@/lib/errors";
import { isCrossBorderGround } from "@/lib/rules/legal-facts";
import { calendarFromEntries, type CalendarEntry } from "@/lib/rules/holidays-seed";
import type { CountryFacts, IsoDate, PurposeFacts, RecipientFacts, RuleContext, TransferProposal } from "@/lib/rules/types";
import type { WorkingCalendar } from "@/lib/rules/working-days";
import { getRecipientVersion, type RecipientSnapshot } from "./recipients";

export interface RuleContextRequest {
  recipientId: string;
  /** The register version to evaluate against; default: the recipient's current version. */
  recipientVersion?: number;
  /** Purposes to load besides the proposal's own (e.g. every purpose a log entry names). */
  purposeCodes: string[];
  /**
   * Evaluate some purposes as they stood at these catalogue versions (catalogue_versions,
   * entity "purpose"), e.g. the versions an approval pinned; the others are read as they are now.
   */
  purposeVersions?: Record<string, number>;
  /** The day the rules are evaluated on (filing, decision, or the transfer event's date). */
  today: IsoDate;
  proposal: TransferProposal;
}

/** A RuleContext, plus the catalogue version of each purpose it read (to pin in decisions and logs). */
export interface LoadedRuleContext extends RuleContext {
  purposeVersions: Record<string, number>;
}

/**
 * Maps the register's rows into the plain RuleContext that lib/rules evaluates: the recipient
 * version's snapshot, the purposes with their data items and research flag, every country's
 * adequacy facts, and the working-day calendars kept in country_calendar_days. Used by transfer
 * requests (filing, decision) and by the transfer log (event arrival), so it reads nothing
 * specific to either. Throws NotFoundError for an unknown recipient or version; purposes that do
 * not exist are left out, and B6-PURPOSE says so.
 */
export async function loadRuleContext(request: RuleContextRequest, db: Db = getDb()): Promise<LoadedRuleContext> {
  const recipient = await loadRecipientFacts(request.recipientId, request.recipientVersion, db);
  const codes = [...new Set([...request.purposeCodes, ...request.proposal.purposeCodes])];
  const [purposes, countryFacts, holidays] = await Promise.all([
    loadPurposeFacts(codes, request.purposeVersions ?? {}, db),
    loadCountryFacts(db),
    loadCalendars(db),
  ]);
  return {
    today: request.today,
    recipient,
    purposes: purposes.facts,
    purposeVersions: purposes.versions,
    countries: countryFacts,
    proposal: request.proposal,
    holidays,
  };
}

async function loadRecipientFacts(recipientId: string, version: number | undefined, db: Db): Promise<RecipientFacts> {
  let wanted = version;
  if (wanted === undefined) {
    const [current] = /^[0-9a-f-]{36}$/i.test(recipientId)
      ? await db.select({ version: recipients.version }).from(recipients).where(eq(recipients.id, recipientId))
      : [];
    if (!current) throw new NotFoundError("Recipient");
    wanted = current.version;
  }
  const row = await getRecipientVersion(recipientId, wanted, db);
  if (!row) throw new NotFoundError(`Recipient version ${wanted}`);
  return recipientFactsOf(recipientId, row.version, row.snapshot);
}

/** One register snapshot as the rules see it. */
export function recipientFactsOf(id: string, version: number, s: RecipientSnapshot): RecipientFacts {
  return {
    id,
    name: s.nameEn,
    // Reasons name the recipient in the reader's language (lib/i18n/rule-reasons.ts).
    nameRu: s.nameRu ?? null,
    nameKk: s.nameKk ?? null,
    version,
    status: s.status,
    role: s.role,
    countryCode: s.countryCode,
    crossBorder: s.crossBorder,
    basis: s.basis,
    // A contract is "recorded" once it has a date: without one nobody can say when it is in force,
    // so B6-CONTRACT treats it as missing and asks the DPO to record it.
    contract: s.contractDate ? { number: s.contractNumber ?? "", date: s.contractDate, expiresOn: s.contractExpiresOn ?? null } : null,
    instruction: {
      actions: s.instructionActions,
      purposes: s.instructionPurposes,
      confidentiality: s.instructionConfidentiality,
      security: s.instructionSecurity,
      incidentReporting: s.instructionIncidentReporting,
    },
    permittedActions: [...(s.permittedActions ?? [])],
    linkedPurposeCodes: [...(s.linkedPurposeCodes ?? [])],
    transferGround: isCrossBorderGround(s.transferGround) ? s.transferGround : null,
    rknNotification: s.rknNotificationNumber && s.rknNotificationDate ? { number: s.rknNotificationNumber, date: s.rknNotificationDate } : null,
  };
}

type PurposeSnapshot = { dataItems?: string[]; isResearch?: boolean; status?: "active" | "archived" };

async function loadPurposeFacts(codes: string[], pinned: Record<string, number>, db: Db) {
  const facts: PurposeFacts[] = [];
  const versions: Record<string, number> = {};
  if (!codes.length) return { facts, versions };
  const pinnedCodes = codes.filter((c) => pinned[c] !== undefined);
  const currentCodes = codes.filter((c) => pinned[c] === undefined);

  for (const code of pinnedCodes) {
    const [v] = await db
      .select({ snapshot: catalogueVersions.snapshot })
      .from(catalogueVersions)
      .where(and(eq(catalogueVersions.entity, "purpose"), eq(catalogueVersions.entityKey, code), eq(catalogueVersions.version, pinned[code])));
    if (!v) throw new NotFoundError(`Purpose ${code} version ${pinned[code]}`);
    const s = v.snapshot as PurposeSnapshot;
    facts.push({ code, dataItems: [...(s.dataItems ?? [])], isResearch: s.isResearch === true, status: s.status ?? "active" });
    versions[code] = pinned[code];
  }

  if (currentCodes.length) {
    const [rows, items, latest] = await Promise.all([
      db
        .select({ code: processingPurposes.code, isResearch: processingPurposes.isResearch, status: processingPurposes.status, version: processingPurposes.version })
        .from(processingPurposes)
        .where(inArray(processingPurposes.code, currentCodes)),
      db.select().from(purposeDataItems).where(inArray(purposeDataItems.purposeCode, currentCodes)),
      db
        .select({ code: catalogueVersions.entityKey, version: max(catalogueVersions.version) })
        .from(catalogueVersions)
        .where(and(eq(catalogueVersions.entity, "purpose"), inArray(catalogueVersions.entityKey, currentCodes)))
        .groupBy(catalogueVersions.entityKey),
    ]);
    const latestByCode = new Map(latest.map((l) => [l.code, l.version]));
    for (const p of rows) {
      facts.push({
        code: p.code,
        dataItems: items.filter((i) => i.purposeCode === p.code).map((i) => i.itemKey),
        isResearch: p.isResearch,
        status: p.status,
      });
      // The catalogue's version history is what a decision pins; the row's counter is the fallback.
      versions[p.code] = latestByCode.get(p.code) ?? p.version;
    }
  }
  const order = new Map(codes.map((c, i) => [c, i]));
  facts.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
  return { facts, versions };
}

async function loadCountryFacts(db: Db): Promise<Record<string, CountryFacts>> {
  const rows = await db.select({ code: countries.code, kzAdequate: countries.kzAdequate, rknAdequate: countries.rknAdequate }).from(countries);
  // Undecided adequacy (null) counts as not adequate: the safe side for B1 and B4.
  return Object.fromEntries(rows.map((c) => [c.code, { code: c.code, kzAdequate: c.kzAdequate === true, rknAdequate: c.rknAdequate === true }]));
}

async function loadCalendars(db: Db): Promise<Record<string, WorkingCalendar>> {
  const rows = await db
    .select({ countryCode: countryCalendarDays.countryCode, date: countryCalendarDays.date, kind: countryCalendarDays.kind, name: countryCalendarDays.name, source: countryCalendarDays.source })
    .from(countryCalendarDays)
    .where(ne(countryCalendarDays.status, "archived"));
  const byCountry = new Map<string, CalendarEntry[]>();
  for (const r of rows) {
    const list = byCountry.get(r.countryCode) ?? [];
    list.push({ date: r.date, kind: r.kind, name: r.name, source: r.source ?? "" });
    byCountry.set(r.countryCode, list);
  }
  return Object.fromEntries([...byCountry].map(([code, entries]) => [code, calendarFromEntries(entries)]));
}
