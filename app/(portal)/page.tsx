import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { registerSummary } from "@/db/queries/dashboard";
import { logTileCounts } from "@/db/queries/log-view";
import { subjectRequestCounts } from "@/db/queries/subject-requests";
import { businessDate } from "@/lib/transfers/constants";
import { can } from "@/lib/auth/permissions";
import { recordRead } from "@/lib/server/transfer-log/access";
import { lintRegisterToday } from "@/lib/server/register/lint-report";
import { countPendingDeletionActs } from "@/db/queries/deletion-acts";
import { retentionScheduleToday } from "@/lib/server/retention/load";
import { CircleAlert } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import { CountryShareChart } from "./_components/country-share-chart";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const user = await requirePagePermission("register.read", "/");
  const t = await getTranslations("dashboard");
  const [s, problems, retention, pendingActs] = await Promise.all([
    registerSummary(),
    lintRegisterToday(),
    retentionScheduleToday(),
    can(user.role, "deletionActs.read") ? countPendingDeletionActs() : null,
  ]);
  // The log's tiles read the log, so the view is recorded like any other (RULES E1).
  const log = can(user.role, "log.read") ? await recordRead(user, "view-statistics", { page: "dashboard" }).then(() => logTileCounts()) : null;
  const subjects = can(user.role, "subjects.read") ? await subjectRequestCounts(businessDate()) : null;
  const tiles: { label: string; value: number; href: string; testId?: string; alarm?: boolean }[] = [
    { label: t("activeRecipients"), value: s.active, href: "/registry/recipients" },
    { label: t("crossBorderRecipients"), value: s.crossBorder, href: "/registry/recipients?crossBorder=yes" },
    { label: t("processors"), value: s.processors, href: "/registry/recipients?role=processor" },
    { label: t("suspended"), value: s.suspended, href: "/registry/recipients?status=suspended" },
    ...(log
      ? [
          { label: t("transfersLogged"), value: log.logged, href: "/log" },
          { label: t("flaggedTransfers"), value: log.flagged, href: "/log?flagged=1" },
        ]
      : []),
    // Data-subject requests: a missed deadline is a violation (RULES C1-C3), so overdue ones show here.
    ...(subjects
      ? [
          { label: t("subjectRequestsOpen"), value: subjects.open, href: "/subject-requests", testId: "subject-requests-open" },
          { label: t("subjectRequestsDueToday"), value: subjects.dueToday, href: "/subject-requests?status=due-today", testId: "subject-requests-due-today" },
          { label: t("subjectRequestsOverdue"), value: subjects.overdue, href: "/subject-requests?status=overdue", testId: "subject-requests-overdue", alarm: subjects.overdue > 0 },
        ]
      : []),
    // The policy lint: contradictions and gaps in the record of processing (RULES A2, B1, B2, B6, B7, D1-D3).
    { label: t("lintProblems"), value: problems.length, href: "/registry/lint", testId: "lint-count" },
    // Retention (RULES D1-D3): cohorts whose data falls due this month, and purposes with no usable rule.
    { label: t("retentionDueThisMonth"), value: retention.months.find((m) => m.current)?.due.length ?? 0, href: "/retention", testId: "retention-due" },
    ...(pendingActs !== null ? [{ label: t("deletionActsAwaitingApproval"), value: pendingActs, href: "/deletion-acts?status=pending", testId: "acts-pending" }] : []),
  ];
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((tile) => (
          <Link key={tile.href} href={tile.href} className="rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            <Card className={cn("transition-colors hover:bg-accent/50", tile.alarm && "border-red-600 bg-red-50 dark:border-red-400 dark:bg-red-950/40")}>
              <CardHeader>
                <CardDescription className={cn(tile.alarm && "flex items-center gap-1.5 font-medium text-red-900 dark:text-red-100")}>
                  {tile.alarm && <CircleAlert className="size-4" aria-hidden />}
                  {tile.label}
                </CardDescription>
                <CardTitle className="text-3xl tabular-nums" data-testid={tile.testId}>
                  {tile.value}
                </CardTitle>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("byCountry")}</CardTitle>
          <CardDescription>{t("byCountryHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <CountryShareChart data={s.byCountry} label={t("byCountry")} />
        </CardContent>
      </Card>
    </div>
  );
}
