"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Search, X } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Button } from "@/components/ui/button";
import { EFFECTIVE_STATUSES } from "@/lib/transfers/constants";
import { useSearchParamsUpdate } from "@/components/use-search-params-update";

export function TransferFilters({ view, recipients }: { view: "mine" | "queue" | "all"; recipients: { id: string; name: string }[] }) {
  const t = useTranslations("transfers");
  const { params, update } = useSearchParamsUpdate();
  const [q, setQ] = useState(params.get("q") ?? "");

  useEffect(() => {
    if ((params.get("q") ?? "") === q) return;
    const id = setTimeout(() => update({ q: q || undefined }), 300);
    return () => clearTimeout(id);
  }, [q, params, update]);

  // The queue holds submitted requests only; the other views filter by status.
  const statuses = EFFECTIVE_STATUSES.filter((s) => view === "mine" || s !== "draft");
  const active = ["q", "status", "recipient"].some((k) => params.get(k));
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
      {view !== "queue" && (
        <div className="grid gap-1">
          <Label htmlFor="filter-status" className="text-xs text-muted-foreground">
            {t("fields.status")}
          </Label>
          <NativeSelect id="filter-status" value={params.get("status") ?? ""} onChange={(e) => update({ status: e.target.value || undefined })}>
            <option value="">{t("filters.any")}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
      <div className="grid gap-1">
        <Label htmlFor="filter-recipient" className="text-xs text-muted-foreground">
          {t("fields.recipient")}
        </Label>
        <NativeSelect id="filter-recipient" value={params.get("recipient") ?? ""} onChange={(e) => update({ recipient: e.target.value || undefined })}>
          <option value="">{t("filters.any")}</option>
          {recipients.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      {active && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setQ("");
            update({ q: undefined, status: undefined, recipient: undefined });
          }}
        >
          <X aria-hidden />
          {t("filters.clear")}
        </Button>
      )}
    </div>
  );
}
