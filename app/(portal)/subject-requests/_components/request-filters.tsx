"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Search, X } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Button } from "@/components/ui/button";
import { SUBJECT_LAWS, SUBJECT_RIGHTS } from "@/lib/subject-requests/facts";
import { SUBJECT_LIST_SORTS, SUBJECT_LIST_STATUSES } from "@/lib/validation/subject-request";
import { useSearchParamsUpdate } from "@/components/use-search-params-update";

/** Search, filters and sort of the queue, kept in the URL so a filtered queue can be shared. */
export function RequestFilters() {
  const t = useTranslations("subjectRequests");
  const { params, update } = useSearchParamsUpdate();
  const [q, setQ] = useState(params.get("q") ?? "");

  useEffect(() => {
    if ((params.get("q") ?? "") === q) return;
    const id = setTimeout(() => update({ q: q || undefined }), 300);
    return () => clearTimeout(id);
  }, [q, params, update]);

  const select = (key: string, label: string, options: readonly string[], name: (v: string) => string, empty?: string) => (
    <div className="grid gap-1">
      <Label htmlFor={`filter-${key}`} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <NativeSelect id={`filter-${key}`} value={params.get(key) ?? ""} onChange={(e) => update({ [key]: e.target.value || undefined })}>
        {empty && <option value="">{empty}</option>}
        {options.map((v) => (
          <option key={v} value={v}>
            {name(v)}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
  const active = ["q", "status", "right", "law", "sort", "dir"].some((k) => params.get(k));
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid min-w-56 flex-1 gap-1">
        <Label htmlFor="filter-q" className="text-xs text-muted-foreground">
          {t("filters.search")}
        </Label>
        <div className="relative">
          <Search className="absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input id="filter-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("filters.searchPlaceholder")} className="pl-8" />
        </div>
      </div>
      {select("status", t("fields.status"), SUBJECT_LIST_STATUSES, (v) => t(`filters.statuses.${v as (typeof SUBJECT_LIST_STATUSES)[number]}`))}
      {select("right", t("fields.right"), SUBJECT_RIGHTS, (v) => t(`rights.${v as (typeof SUBJECT_RIGHTS)[number]}`), t("filters.any"))}
      {select("law", t("fields.law"), SUBJECT_LAWS, (v) => t(`laws.${v as (typeof SUBJECT_LAWS)[number]}`), t("filters.any"))}
      {select("sort", t("filters.sort"), SUBJECT_LIST_SORTS, (v) => t(`filters.sorts.${v as (typeof SUBJECT_LIST_SORTS)[number]}`))}
      {select("dir", t("filters.direction"), ["asc", "desc"], (v) => t(`filters.directions.${v as "asc" | "desc"}`), t("filters.defaultDirection"))}
      {active && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setQ("");
            update({ q: undefined, status: undefined, right: undefined, law: undefined, sort: undefined, dir: undefined });
          }}
        >
          <X aria-hidden />
          {t("filters.clear")}
        </Button>
      )}
    </div>
  );
}
