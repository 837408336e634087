import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { listSubjectRequests } from "@/db/queries/subject-requests";
import { subjectRequestListQuery } from "@/lib/validation/subject-request";
import { businessDate } from "@/lib/transfers/constants";
import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RequestFilters } from "./_components/request-filters";
import { Pager } from "./_components/pager";
import { DeadlineBadge } from "./_components/deadline-badge";
import { SubjectStatusBadge } from "./_components/status-badge";

export async function generateMetadata() {
  const t = await getTranslations("subjectRequests");
  return { title: t("title") };
}

/** The queue of data-subject requests: open ones, the nearest deadline first (RULES C1-C3). */
export default async function SubjectRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("subjects.read", "/subject-requests");
  const t = await getTranslations("subjectRequests");
  const format = await getFormatter();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = subjectRequestListQuery.parse(raw);
  const result = await listSubjectRequests(query, businessDate());
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
        </div>
        {can(user.role, "subjects.manage") && (
          <Button size="sm" asChild>
            <Link href="/subject-requests/new">
              <Plus aria-hidden />
              {t("new")}
            </Link>
          </Button>
        )}
      </div>
      <RequestFilters />
      <div className="overflow-x-auto rounded-lg border">
        <Table aria-label={t("tableLabel")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("fields.number")}</TableHead>
              <TableHead>{t("fields.subject")}</TableHead>
              <TableHead>{t("fields.right")}</TableHead>
              <TableHead>{t("fields.law")}</TableHead>
              <TableHead>{t("fields.purposeCodes")}</TableHead>
              <TableHead>{t("fields.receivedOn")}</TableHead>
              <TableHead>{t("fields.dueOn")}</TableHead>
              <TableHead>{t("fields.status")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.length ? (
              result.rows.map((r) => (
                <TableRow key={r.id} data-urgency={r.left?.urgency ?? "closed"} className={cn(r.left?.urgency === "overdue" && "bg-red-50/60 dark:bg-red-950/30", r.left?.urgency === "due-today" && "bg-amber-50/60 dark:bg-amber-950/20")}>
                  <TableCell>
                    <Link href={`/subject-requests/${r.id}`} className="font-medium hover:underline">
                      {t("numberN", { number: r.number })}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <span className="text-muted-foreground">{t(`idKinds.${r.subjectIdKind}`)}</span> <span className="font-mono text-xs">{r.subjectId}</span>
                  </TableCell>
                  <TableCell>{t(`rights.${r.right}`)}</TableCell>
                  <TableCell>{t(`laws.${r.law}`)}</TableCell>
                  <TableCell>{r.purposeCodes.join(", ")}</TableCell>
                  <TableCell className="whitespace-nowrap">{day(r.receivedOn)}</TableCell>
                  <TableCell>
                    <div className="grid gap-1">
                      <span className="whitespace-nowrap">
                        {day(r.dueOn)}
                        {r.extended && <span className="text-xs text-muted-foreground"> · {t("extendedShort")}</span>}
                      </span>
                      {r.left && <DeadlineBadge left={r.left} />}
                    </div>
                  </TableCell>
                  <TableCell>
                    <SubjectStatusBadge status={r.status} />
                  </TableCell>
                </TableRow>
              ))
            ) : (
              <TableRow>
                <TableCell colSpan={8} className="h-24 text-center text-muted-foreground">
                  {t("empty")}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
      <Pager total={result.total} page={result.page} pageSize={result.pageSize} />
    </div>
  );
}
