/**
 * The retention schedule (issue #7 part 3): per purpose, when its data falls due for deletion,
 * from the retention rule and its trigger (RULES D1–D3), and a due list by month.
 *
 * The portal does not hold subjects' data, so a "due" entry names a cohort, not people:
 * "C1: data of contracts that ended in December 2021 falls due in December 2026". Purposes with
 * no period, no trigger, or a rule the policy lint calls contradictory (deletion before retention,
 * retention from a contract the subjects do not have) are listed as needing attention and left
 * out of the due list: a schedule built on them would be a guess.
 *
 * Pure: plain objects in (lib/register/record.ts), plain objects out.
 */
import { deletionBeforeRetention, retentionFromMissingContract } from "@/lib/lint/rules";
import type { LegalReferenceRecord, PurposeRecord, RecordOfProcessing, Text3 } from "@/lib/register/record";

export type RetentionTrigger = "contract-end" | "transaction" | "collection" | "purpose-achieved";

/** Why a purpose cannot be scheduled as it stands; each maps to a message and (where one exists) a lint rule. */
export type RetentionAttention = "noPeriod" | "noTrigger" | "noReference" | "deletionBeforeRetention" | "retentionFromMissingContract";

export interface RetentionRule {
  code: string;
  name: Text3;
  subjectCategory: string;
  /** Years kept after the trigger; null when the register sets none. */
  years: number | null;
  trigger: RetentionTrigger | null;
  /** The legal references cited, with the period each sets (null = none). */
  references: { code: string; title: Text3; years: number | null }[];
  /** The deletion criterion as recorded, when it differs from the retention rule. */
  deletionEvent: RetentionTrigger | null;
  deletionDelayYears: number | null;
  /**
   * A second condition before deletion (e.g. C9: kept 5 years from the transaction, deleted only
   * once the contract has ended too): the deletion event when it differs from the trigger.
   */
  alsoAfter: RetentionTrigger | null;
  /** Ids of the lint rules behind `attention`, so the page can point at the lint. */
  lintRuleIds: string[];
  attention: RetentionAttention[];
  sourceNote: string | null;
}

export interface RetentionDue {
  /** "YYYY-MM": the month the cohort's data falls due. */
  month: string;
  code: string;
  trigger: RetentionTrigger;
  /** "YYYY-MM": the month the trigger happened for this cohort. */
  cohortMonth: string;
  years: number;
  alsoAfter: RetentionTrigger | null;
}

export interface RetentionMonth {
  month: string;
  /** Before the current month: the cohort should already have been deleted. */
  past: boolean;
  current: boolean;
  due: RetentionDue[];
}

export interface RetentionSchedule {
  today: string;
  rules: RetentionRule[];
  months: RetentionMonth[];
  attention: RetentionRule[];
}

export const RETENTION_TRIGGERS: readonly RetentionTrigger[] = ["contract-end", "transaction", "collection", "purpose-achieved"];

const isTrigger = (value: string | null): value is RetentionTrigger => !!value && (RETENTION_TRIGGERS as readonly string[]).includes(value);

/** "YYYY-MM" of a month offset from another "YYYY-MM" (negative = earlier). */
export function addMonths(month: string, offset: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + offset;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function referencesOf(p: PurposeRecord, refs: LegalReferenceRecord[]) {
  return p.retentionLawCodes.map((code) => {
    const ref = refs.find((r) => r.code === code);
    return { code, title: ref?.title ?? { en: code, kk: null, ru: null }, years: ref?.years ?? null };
  });
}

/** The rule of each active purpose, with what needs a person's attention. */
export function retentionRules(record: RecordOfProcessing, today: string): RetentionRule[] {
  const lintInput = { ...record, today };
  // The same rules the policy lint runs, so the schedule and the lint never disagree.
  const conflicts = deletionBeforeRetention.check(lintInput);
  const noContract = retentionFromMissingContract.check(lintInput);
  return record.purposes
    .filter((p) => p.status === "active")
    .map((p): RetentionRule => {
      const trigger = isTrigger(p.retentionFrom) ? p.retentionFrom : null;
      const deletionEvent = isTrigger(p.deletionEvent) ? p.deletionEvent : null;
      const attention: RetentionAttention[] = [];
      const lintRuleIds: string[] = [];
      if (p.retentionYears === null) attention.push("noPeriod");
      if (!trigger) attention.push("noTrigger");
      if (p.retentionLawCodes.length === 0) attention.push("noReference");
      if (conflicts.some((c) => c.entity.kind === "purpose" && c.entity.code === p.code)) {
        attention.push("deletionBeforeRetention");
        lintRuleIds.push(deletionBeforeRetention.id);
      }
      if (noContract.some((c) => c.entity.kind === "purpose" && c.entity.code === p.code)) {
        attention.push("retentionFromMissingContract");
        lintRuleIds.push(retentionFromMissingContract.id);
      }
      return {
        code: p.code,
        name: p.name,
        subjectCategory: p.subjectCategory,
        years: p.retentionYears,
        trigger,
        references: referencesOf(p, record.legalReferences),
        deletionEvent,
        deletionDelayYears: p.deletionDelayYears,
        alsoAfter: deletionEvent && trigger && deletionEvent !== trigger ? deletionEvent : null,
        lintRuleIds,
        attention,
        sourceNote: p.sourceNote,
      };
    });
}

/**
 * The schedule on `today` ("YYYY-MM-DD", Almaty): every active purpose's rule, and for each month
 * from `pastMonths` before the current one to `futureMonths` after it, the cohorts that fall due.
 * A purpose kept N years after its trigger makes the cohort of month M − N·12 fall due in month M.
 * The deletion delay, when longer than the retention period for the same event, is the later date
 * and wins; a shorter one is the lint's conflict and is not scheduled.
 */
export function retentionSchedule(record: RecordOfProcessing, today: string, options: { pastMonths?: number; futureMonths?: number } = {}): RetentionSchedule {
  const pastMonths = options.pastMonths ?? 3;
  const futureMonths = options.futureMonths ?? 12;
  const rules = retentionRules(record, today);
  const schedulable = rules.filter((r) => r.attention.length === 0 || r.attention.every((a) => a === "noReference"));
  const thisMonth = today.slice(0, 7);
  const months: RetentionMonth[] = [];
  for (let offset = -pastMonths; offset < futureMonths; offset++) {
    const month = addMonths(thisMonth, offset);
    const due = schedulable.map((r): RetentionDue => {
      const years = r.deletionEvent === r.trigger && (r.deletionDelayYears ?? 0) > (r.years ?? 0) ? r.deletionDelayYears! : r.years!;
      return { month, code: r.code, trigger: r.trigger!, cohortMonth: addMonths(month, -12 * years), years, alsoAfter: r.alsoAfter };
    });
    months.push({ month, past: offset < 0, current: offset === 0, due });
  }
  return { today, rules, months, attention: rules.filter((r) => !schedulable.includes(r)) };
}

export interface RetentionCohort {
  trigger: RetentionTrigger;
  cohortMonth: string;
  years: number;
  alsoAfter: RetentionTrigger | null;
  codes: string[];
}

/**
 * A month's due entries grouped by cohort: purposes with the same trigger and period fall due for
 * the same cohort ("contracts that ended in December 2021: C1–C5"), so a person reads one line each.
 */
export function cohortsOf(month: RetentionMonth): RetentionCohort[] {
  const groups = new Map<string, RetentionCohort>();
  for (const d of month.due) {
    const key = `${d.cohortMonth}|${d.trigger}|${d.alsoAfter ?? ""}`;
    const group = groups.get(key) ?? { trigger: d.trigger, cohortMonth: d.cohortMonth, years: d.years, alsoAfter: d.alsoAfter, codes: [] };
    group.codes.push(d.code);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.cohortMonth.localeCompare(b.cohortMonth) || RETENTION_TRIGGERS.indexOf(a.trigger) - RETENTION_TRIGGERS.indexOf(b.trigger));
}

/** The due list as CSV rows (stable English keys), for the download. */
export function retentionCsvRows(schedule: RetentionSchedule): string[][] {
  const header = ["due_month", "purpose", "trigger", "cohort_month", "years", "also_after"];
  return [header, ...schedule.months.flatMap((m) => m.due.map((d) => [d.month, d.code, d.trigger, d.cohortMonth, String(d.years), d.alsoAfter ?? ""]))];
}
