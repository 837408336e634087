/**
 * Deadlines of data-subject requests: the policy's right → the law's right (facts.ts) → the
 * deadline in lib/rules (RULES C1-C4), and how much time is left on a given day. Pure.
 */
import { SUBJECT_REQUEST_DEADLINES, type SubjectRequestLaw } from "@/lib/rules/legal-facts";
import { subjectRequestDeadline, workingDaysBetween, type SubjectRequestDeadline, type WorkingCalendar } from "@/lib/rules/working-days";
import type { IsoDate } from "@/lib/rules/types";
import { lawRightOf, type DeletionGround, type SubjectRight } from "./facts";

export interface DeadlineQuestion {
  law: SubjectRequestLaw;
  right: SubjectRight;
  deletionGround: DeletionGround | null;
  receivedOn: IsoDate;
  extended: boolean;
}

export type RequestDeadline = SubjectRequestDeadline & { lawRight: string; extendable: boolean; extensionDays: number | null };

/** May a request of this law and right be extended (RU access only: once, +5 working days)? */
export function extensionOf(law: SubjectRequestLaw, right: SubjectRight, deletionGround: DeletionGround | null) {
  const lawRight = lawRightOf(law, right, deletionGround);
  const fact = (SUBJECT_REQUEST_DEADLINES[law] as Record<string, { extension?: { days: number; unit: string } }>)[lawRight];
  return fact?.extension ?? null;
}

export function requestDeadline(q: DeadlineQuestion, calendar: WorkingCalendar): RequestDeadline {
  const lawRight = lawRightOf(q.law, q.right, q.deletionGround);
  const extension = extensionOf(q.law, q.right, q.deletionGround);
  const deadline =
    q.law === "KZ"
      ? subjectRequestDeadline({ law: "KZ", right: lawRight as never, receivedOn: q.receivedOn, calendar })
      : subjectRequestDeadline({ law: "RU", right: lawRight as never, receivedOn: q.receivedOn, calendar, extended: q.extended && !!extension });
  return { ...deadline, lawRight, extendable: !!extension, extensionDays: extension?.days ?? null };
}

export type Urgency = "overdue" | "due-today" | "due-soon" | "on-time";

export interface TimeLeft {
  urgency: Urgency;
  /** Calendar days from today to the due date (negative when overdue). */
  calendarDays: number;
  /** Working days after today up to and including the due date (negative when overdue). */
  workingDays: number;
}

/** "Due soon" when at most this many working days are left: a portal convention, not a legal period. */
export const DUE_SOON_WORKING_DAYS = 1;

export function timeLeft(dueOn: IsoDate, today: IsoDate, calendar: WorkingCalendar): TimeLeft {
  const calendarDays = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const workingDays = workingDaysBetween(today, dueOn, calendar);
  const urgency: Urgency = calendarDays < 0 ? "overdue" : calendarDays === 0 ? "due-today" : workingDays <= DUE_SOON_WORKING_DAYS ? "due-soon" : "on-time";
  return { urgency, calendarDays, workingDays };
}
