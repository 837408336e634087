"use client";
import Link from "next/link";
import { useMemo } from "react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { EffectiveStatus } from "@/lib/transfers/constants";
import { TransferStatusBadge } from "./status-badge";
import { useSearchParamsUpdate } from "@/components/use-search-params-update";

export type TransferTableRow = {
  id: string;
  number: number;
  status: EffectiveStatus;
  recipient: string;
  crossBorder: boolean;
  purposeCodes: string[];
  requester: string;
  blocked: boolean | null;
  warnings: number;
  submittedAt: string | null;
  updatedAt: string;
  validUntil: string | null;
};

/** The request lists: filtering and paging happen on the server, through the URL. */
export function TransfersTable({ rows, view, total, page, pageSize }: { rows: TransferTableRow[]; view: "mine" | "queue" | "all"; total: number; page: number; pageSize: number }) {
  const t = useTranslations("transfers");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const { update, pending } = useSearchParamsUpdate();

  const columns = useMemo<ColumnDef<TransferTableRow>[]>(() => {
    const list: ColumnDef<TransferTableRow>[] = [
      {
        id: "number",
        header: t("fields.number"),
        cell: ({ row }) => (
          <Link href={`/transfers/${row.original.id}`} className="font-medium hover:underline">
            {t("numberN", { number: row.original.number })}
          </Link>
        ),
      },
      {
        id: "recipient",
        header: t("fields.recipient"),
        cell: ({ row }) => (
          <span className="flex items-center gap-2">
            {row.original.recipient}
            {row.original.crossBorder && <Badge variant="warning">{t("crossBorder")}</Badge>}
          </span>
        ),
      },
      { id: "purposes", header: t("fields.purposeCodes"), cell: ({ row }) => row.original.purposeCodes.join(", ") },
      { id: "requester", header: t("fields.requester"), cell: ({ row }) => <span className="text-muted-foreground">{row.original.requester}</span> },
      { id: "status", header: t("fields.status"), cell: ({ row }) => <TransferStatusBadge status={row.original.status} /> },
      {
        id: "rules",
        header: t("fields.rules"),
        cell: ({ row }) =>
          row.original.blocked === null ? (
            <span className="text-muted-foreground">{t("rulesNotRun")}</span>
          ) : row.original.blocked ? (
            <Badge variant="danger">{t("rulesBlocked")}</Badge>
          ) : row.original.warnings > 0 ? (
            <Badge variant="warning">{t("rulesWarnings", { count: row.original.warnings })}</Badge>
          ) : (
            <Badge variant="success">{t("rulesPassed")}</Badge>
          ),
      },
    ];
    if (view === "queue") {
      list.push({
        id: "age",
        header: t("fields.age"),
        cell: ({ row }) => (row.original.submittedAt ? <span data-testid="request-age">{format.relativeTime(new Date(row.original.submittedAt), now)}</span> : null),
      });
    } else {
      list.push(
        {
          id: "validUntil",
          header: t("fields.validUntil"),
          cell: ({ row }) => (row.original.validUntil ? format.dateTime(new Date(`${row.original.validUntil}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : null),
        },
        { id: "updatedAt", header: t("fields.updatedAt"), cell: ({ row }) => format.dateTime(new Date(row.original.updatedAt), { dateStyle: "medium", timeStyle: "short" }) },
      );
    }
    return list;
  }, [t, format, now, view]);

  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualPagination: true });
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <div className="grid gap-3" aria-busy={pending}>
      <div className="overflow-x-auto rounded-lg border">
        <Table aria-label={t(`views.${view}`)}>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => (
                  <TableHead key={header.id}>{flexRender(header.column.columnDef.header, header.getContext())}</TableHead>
                ))}
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
