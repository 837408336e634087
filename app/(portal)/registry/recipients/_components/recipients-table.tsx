"use client";
import Link from "next/link";
import { useMemo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useSearchParamsUpdate } from "@/components/use-search-params-update";

export type RecipientTableRow = {
  id: string;
  name: string;
  role: "operator" | "processor";
  country: string;
  crossBorder: boolean;
  basis: "contract" | "law" | "consent";
  status: "active" | "suspended" | "archived";
  purposes: string[];
  updatedAt: string;
};

const SORTABLE: Record<string, string> = { name: "name", role: "role", country: "country", basis: "basis", status: "status", updatedAt: "updatedAt" };

/** The register's table: sorting and paging happen on the server, through the URL. */
export function RecipientsTable({ rows, total, page, pageSize, sort, dir }: { rows: RecipientTableRow[]; total: number; page: number; pageSize: number; sort: string; dir: "asc" | "desc" }) {
  const t = useTranslations("recipients");
  const format = useFormatter();
  const { update, pending } = useSearchParamsUpdate();

  const columns = useMemo<ColumnDef<RecipientTableRow>[]>(
    () => [
      {
        id: "name",
        header: t("fields.name"),
        cell: ({ row }) => (
          <Link href={`/registry/recipients/${row.original.id}`} className="font-medium hover:underline">
            {row.original.name}
          </Link>
        ),
      },
      { id: "role", header: t("fields.role"), cell: ({ row }) => t(`role.${row.original.role}`) },
      {
        id: "country",
        header: t("fields.country"),
        cell: ({ row }) => (
          <span className="flex items-center gap-2">
            {row.original.country}
            {row.original.crossBorder && <Badge variant="warning">{t("crossBorderBadge")}</Badge>}
          </span>
        ),
      },
      { id: "purposes", header: t("fields.transferPurposes"), cell: ({ row }) => <span className="line-clamp-2 max-w-md text-muted-foreground">{row.original.purposes.join("; ")}</span> },
      { id: "basis", header: t("fields.basis"), cell: ({ row }) => t(`basis.${row.original.basis}`) },
      {
        id: "status",
        header: t("fields.status"),
        cell: ({ row }) => <Badge variant={row.original.status === "active" ? "success" : row.original.status === "suspended" ? "warning" : "secondary"}>{t(`status.${row.original.status}`)}</Badge>,
      },
      { id: "updatedAt", header: t("fields.updatedAt"), cell: ({ row }) => format.dateTime(new Date(row.original.updatedAt), { dateStyle: "medium", timeStyle: "short" }) },
    ],
    [t, format],
  );

  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualPagination: true });
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <div className="grid gap-3" aria-busy={pending}>
      <div className="rounded-lg border">
        <Table aria-label={t("title")}>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => {
                  const key = SORTABLE[header.column.id];
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  if (!key) return <TableHead key={header.id}>{label}</TableHead>;
                  const activeSort = sort === key;
                  const Icon = !activeSort ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
                  return (
                    <TableHead key={header.id} aria-sort={activeSort ? (dir === "asc" ? "ascending" : "descending") : "none"}>
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 hover:text-foreground"
                        onClick={() => update({ sort: key, dir: activeSort && dir === "asc" ? "desc" : "asc" }, false)}
                      >
                        {label}
                        <Icon className="size-3.5" aria-hidden />
                      </button>
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {table.getRowModel().rows.length ? (
              table.getRowModel().rows.map((row) => (
                <TableRow key={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
                  ))}
                </TableRow>
              ))
            ) : (
              <TableRow>
                <TableCell colSpan={columns.length} className="h-24 text-center text-muted-foreground">
                  {t("empty")}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
      <div className="flex items-center justify-between text-sm text-muted-foreground">
        <span>{t("pagination.summary", { total, page, pages })}</span>
        <div className="flex gap-2">
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => update({ page: String(page - 1) }, false)}>
            <ChevronLeft aria-hidden />
            {t("pagination.previous")}
          </Button>
          <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => update({ page: String(page + 1) }, false)}>
            {t("pagination.next")}
            <ChevronRight aria-hidden />
          </Button>
        </div>
      </div>
    </div>
  );
}
