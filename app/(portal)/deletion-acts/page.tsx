import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Plus, Search } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { listDeletionActs } from "@/db/queries/deletion-acts";
import { DELETION_ACT_KINDS, DELETION_REASONS } from "@/lib/deletion-acts/constants";
import { deletionActListQuery } from "@/lib/validation/deletion-act";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ActStatusBadge } from "./_components/act-status-badge";

export async function generateMetadata() {
  const t = await getTranslations("deletionActs");
  return { title: t("title") };
}

/** Deletion acts: search by number or subject, filter by status, reason and kind, sort — all in the URL. */
export default async function DeletionActsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("deletionActs.read", "/deletion-acts");
  const t = await getTranslations("deletionActs");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = deletionActListQuery.parse(raw);
  const rows = await listDeletionActs(query);

  const filter = (name: string, label: string, value: string | undefined, items: { value: string; label: string }[], withAny = true) => (
    <div className="grid gap-1.5">
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <NativeSelect id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        {withAny && <option value="">{t("any")}</option>}
        {items.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="max-w-3xl text-sm text-muted-foreground">{t("subtitle", { rule: "D4" })}</p>
        </div>
        {can(user.role, "deletionActs.write") && (
          <Button size="sm" asChild>
            <Link href="/deletion-acts/new">
              <Plus aria-hidden />
              {t("new")}
            </Link>
          </Button>
        )}
      </div>
      <form method="get" role="search" aria-label={t("search")} className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_1fr_auto]">
        <div className="grid gap-1.5">
          <Label htmlFor="filter-q">{t("search")}</Label>
          <Input id="filter-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("searchPlaceholder")} />
        </div>
        {filter(
          "status",
          t("fields.status"),
          query.status,
          (["pending", "approved", "rejected"] as const).map((s) => ({ value: s, label: t(`status.${s}`) })),
        )}
        {filter(
          "reason",
          t("fields.reason"),
          query.reason,
          DELETION_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) })),
        )}
        {filter(
          "kind",
          t("fields.kind"),
          query.kind,
          DELETION_ACT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
        )}
        {filter(
          "sort",
          t("sortLabel"),
          query.sort,
          (["number", "actDate", "subject"] as const).map((s) => ({ value: s, label: t(`sort.${s}`) })),
          false,
        )}
        {filter(
          "dir",
          t("dirLabel"),
          query.dir,
          (["desc", "asc"] as const).map((d) => ({ value: d, label: t(`dir.${d}`) })),
          false,
        )}
        <Button type="submit" variant="secondary">
          <Search aria-hidden />
          {t("filter")}
        </Button>
      </form>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {t("count", { count: rows.length })}
      </p>
      <div className="overflow-x-auto rounded-md border">
        <Table aria-label={t("title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("fields.number")}</TableHead>
              <TableHead>{t("fields.actDate")}</TableHead>
              <TableHead>{t("fields.subject")}</TableHead>
              <TableHead>{t("fields.purposes")}</TableHead>
              <TableHead>{t("fields.reason")}</TableHead>
              <TableHead>{t("fields.executor")}</TableHead>
              <TableHead>{t("fields.status")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={7} className="text-muted-foreground">
                  {t("empty")}
                </TableCell>
              </TableRow>
            ) : (
              rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="whitespace-nowrap">
                    <Link href={`/deletion-acts/${r.id}`} className="font-mono font-medium underline-offset-4 hover:underline">
                      {r.number}
                    </Link>
                    {r.kind !== "deletion" && <span className="block text-xs text-muted-foreground">{t(`kind.${r.kind}`)}</span>}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{r.actDate}</TableCell>
                  <TableCell>
                    <span className="text-xs text-muted-foreground">{t(`subjectKind.${r.subjectKind}`)}</span> <span className="font-mono">{r.subjectValue}</span>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{r.purposeCodes.join(", ")}</TableCell>
                  <TableCell className="text-sm">{t(`reason.${r.reason}`)}</TableCell>
                  <TableCell className="text-sm">{r.executorEmail}</TableCell>
                  <TableCell>
                    <span className="flex flex-wrap gap-1">
                      <ActStatusBadge status={r.status} />
                      {r.superseded && <Badge variant="secondary">{t("superseded")}</Badge>}
                    </span>
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
