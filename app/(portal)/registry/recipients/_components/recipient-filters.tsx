"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Search, X } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Button } from "@/components/ui/button";
import { useSearchParamsUpdate } from "@/components/use-search-params-update";

export function RecipientFilters({ countries }: { countries: { code: string; name: string }[] }) {
  const t = useTranslations("recipients");
  const tc = useTranslations("common");
  const { params, update } = useSearchParamsUpdate();
  const [q, setQ] = useState(params.get("q") ?? "");

  // Search as the person types, a moment after they pause.
  useEffect(() => {
    if ((params.get("q") ?? "") === q) return;
    const id = setTimeout(() => update({ q: q || undefined }), 300);
    return () => clearTimeout(id);
  }, [q, params, update]);

  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div className="grid gap-1">
      <Label htmlFor={`filter-${name}`} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <NativeSelect id={`filter-${name}`} value={params.get(name) ?? ""} onChange={(e) => update({ [name]: e.target.value || undefined })}>
        <option value="">{t("filters.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );

  const active = ["q", "role", "crossBorder", "country", "status", "basis"].some((k) => params.get(k));
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
      {select("role", t("fields.role"), [
        { value: "operator", label: t("role.operator") },
        { value: "processor", label: t("role.processor") },
      ])}
      {select("crossBorder", t("fields.crossBorder"), [
        { value: "yes", label: tc("yes") },
        { value: "no", label: tc("no") },
      ])}
      {select("country", t("fields.country"), countries.map((c) => ({ value: c.code, label: c.name })))}
      {select("status", t("fields.status"), [
        { value: "active", label: t("status.active") },
        { value: "suspended", label: t("status.suspended") },
        { value: "archived", label: t("status.archived") },
        { value: "all", label: t("status.all") },
      ])}
      {select("basis", t("fields.basis"), [
        { value: "contract", label: t("basis.contract") },
        { value: "law", label: t("basis.law") },
        { value: "consent", label: t("basis.consent") },
      ])}
      {active && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setQ("");
            update({ q: undefined, role: undefined, crossBorder: undefined, country: undefined, status: undefined, basis: undefined });
          }}
        >
          <X aria-hidden />
          {t("filters.clear")}
        </Button>
      )}
    </div>
  );
}
