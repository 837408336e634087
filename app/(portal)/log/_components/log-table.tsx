"use client";
import Link from "next/link";
import { useMemo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { KeysetPager } from "./keyset-pager";
import { LogFlagBadge } from "./log-flag";

export type LogTableRow = {
  seq: number;
  occurredAt: string;
  recipientId: string;
  recipient: string;
  country: string;
  crossBorder: boolean;
  recordCount: number;
  purposeCodes: string[];
  sendingSystem: string;
  approvalId: string | null;
  flags: { code: string; reason: string }[];
};

/**
 * A page of the log, newest first. Paging is by keyset (links carry a `before` cursor), so a
 * page costs the same at the top of the log and a million entries down.
 */
export function LogTable({ rows, newerHref, olderHref, emptyText }: { rows: LogTableRow[]; newerHref: string | null; olderHref: string | null; emptyText: string }) {
  const t = useTranslations("log");
  const format = useFormatter();

  const columns = useMemo<ColumnDef<LogTableRow>[]>(
    () => [
      {
        id: "seq",
        header: t("fields.seq"),
        cell: ({ row }) => (
          <Link href={`/log/${row.original.seq}`} className="font-mono font-medium hover:underline" aria-label={t("openEntry", { seq: row.original.seq })}>
            {row.original.seq}
          </Link>
        ),
      },
      { id: "occurredAt", header: t("fields.occurredAt"), cell: ({ row }) => <span className="whitespace-nowrap">{format.dateTime(new Date(row.original.occurredAt), { dateStyle: "medium", timeStyle: "short" })}</span> },
      { id: "recipient", header: t("fields.recipient"), cell: ({ row }) => <span className="font-medium">{row.original.recipient}</span> },
      {
        id: "country",
        header: t("fields.destinationCountry"),
        cell: ({ row }) => (
          <span className="flex items-center gap-2 whitespace-nowrap">
            {row.original.country}
            {row.original.crossBorder && <Badge variant="warning">{t("crossBorder")}</Badge>}
          </span>
        ),
      },
      { id: "recordCount", header: t("fields.recordCount"), cell: ({ row }) => <span className="tabular-nums">{format.number(row.original.recordCount)}</span> },
      { id: "purposes", header: t("fields.purposeCodes"), cell: ({ row }) => <span className="font-mono text-xs">{row.original.purposeCodes.join(", ")}</span> },
      { id: "system", header: t("fields.sendingSystem"), cell: ({ row }) => <span className="font-mono text-xs">{row.original.sendingSystem}</span> },
      {
        id: "flags",
        header: t("fields.flags"),
        cell: ({ row }) =>
          row.original.flags.length ? (
            <span className="flex flex-wrap gap-1">
              {row.original.flags.map((f, i) => (
                <LogFlagBadge key={`${f.code}-${i}`} code={f.code} />
              ))}
            </span>
          ) : (
            <span className="text-muted-foreground">{t("noFlags")}</span>
          ),
      },
    ],
    [t, format],
  );

  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualPagination: true });

  return (
    <div className="grid gap-3">
      <div className="rounded-lg border">
        <Table aria-label={t("entriesTable")}>
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
                <TableRow key={row.id} data-flagged={row.original.flags.length > 0 || undefined} className="data-[flagged]:bg-red-50/60 dark:data-[flagged]:bg-red-950/20">
                  {row.getVisibleCells().map((cell) => (
                    <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
                  ))}
                </TableRow>
              ))
            ) : (
              <TableRow>
                <TableCell colSpan={columns.length} className="h-24 text-center text-muted-foreground">
                  {emptyText}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
      <KeysetPager newerHref={newerHref} olderHref={olderHref} />
    </div>
  );
}
