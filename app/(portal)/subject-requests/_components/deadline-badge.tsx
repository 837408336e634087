import { useTranslations } from "next-intl";
import { AlarmClock, CircleAlert, Clock, Hourglass } from "lucide-react";
import { cn } from "@/lib/utils";
import type { TimeLeft } from "@/lib/subject-requests/deadline";

const STYLE = {
  overdue: { icon: CircleAlert, className: "border-red-600 bg-red-100 text-red-900 dark:border-red-400 dark:bg-red-900/40 dark:text-red-100" },
  "due-today": { icon: AlarmClock, className: "border-amber-600 bg-amber-100 text-amber-950 dark:border-amber-400 dark:bg-amber-900/40 dark:text-amber-100" },
  "due-soon": { icon: Hourglass, className: "border-amber-400 bg-amber-50 text-amber-900 dark:bg-amber-900/20 dark:text-amber-200" },
  "on-time": { icon: Clock, className: "border-border text-muted-foreground" },
} as const;

/**
 * Time left on a request: overdue and due today are told by an icon and words as well as colour,
 * so nobody misses them (WCAG 1.4.1).
 */
export function DeadlineBadge({ left }: { left: TimeLeft }) {
  const t = useTranslations("subjectRequests.left");
  const { icon: Icon, className } = STYLE[left.urgency];
  const text =
    left.urgency === "overdue"
      ? t("overdue", { days: -left.calendarDays })
      : left.urgency === "due-today"
        ? t("dueToday")
        : t("daysLeft", { days: left.calendarDays, working: left.workingDays });
  return (
    <span data-testid="deadline-badge" data-urgency={left.urgency} className={cn("inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-medium whitespace-nowrap", className, left.urgency === "overdue" && "font-semibold")}>
      <Icon className="size-3.5" aria-hidden />
      {text}
    </span>
  );
}
