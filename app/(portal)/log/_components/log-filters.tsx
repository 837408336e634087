"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Checkbox } from "@/components/ui/checkbox";
import { Button } from "@/components/ui/button";
import { LOG_FILTER_KEYS } from "@/lib/validation/transfer-log";
import { useLogParams } from "./use-log-params";

type Option = { value: string; label: string };

/** The viewer's filters, all in the URL: period, recipient, country or cross-border, approval, flagged, system. */
export function LogFilters({ recipients, countries, systems }: { recipients: Option[]; countries: Option[]; systems: string[] }) {
  const t = useTranslations("log");
  const tc = useTranslations("common");
  const { params, update, pending } = useLogParams();
  const [approval, setApproval] = useState(params.get("approval") ?? "");

  // The approval id is typed (or pasted): apply it a moment after the person stops typing.
  useEffect(() => {
    if ((params.get("approval") ?? "") === approval) return;
    const id = setTimeout(() => update({ approval: approval.trim() || undefined }), 400);
    return () => clearTimeout(id);
  }, [approval, params, update]);

  const select = (name: string, label: string, options: Option[]) => (
    <div className="grid gap-1">
      <Label htmlFor={`log-filter-${name}`} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <NativeSelect id={`log-filter-${name}`} value={params.get(name) ?? ""} onChange={(e) => update({ [name]: e.target.value || undefined })} className="min-w-40">
        <option value="">{t("filters.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );

  const date = (name: "from" | "to", label: string) => (
    <div className="grid gap-1">
      <Label htmlFor={`log-filter-${name}`} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <Input id={`log-filter-${name}`} type="date" value={params.get(name)?.slice(0, 10) ?? ""} onChange={(e) => update({ [name]: e.target.value || undefined })} className="w-40" />
    </div>
  );

  const active = LOG_FILTER_KEYS.some((k) => params.get(k));
  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={pending} role="search" aria-label={t("filters.label")}>
      {date("from", t("filters.from"))}
      {date("to", t("filters.to"))}
      {select("recipient", t("fields.recipient"), recipients)}
      {select("country", t("fields.destinationCountry"), countries)}
      {select("crossBorder", t("filters.crossBorder"), [
        { value: "yes", label: tc("yes") },
        { value: "no", label: tc("no") },
      ])}
      {select("system", t("fields.sendingSystem"), systems.map((s) => ({ value: s, label: s })))}
      <div className="grid gap-1">
        <Label htmlFor="log-filter-approval" className="text-xs text-muted-foreground">
          {t("fields.approvalId")}
        </Label>
        <Input id="log-filter-approval" value={approval} onChange={(e) => setApproval(e.target.value)} placeholder={t("filters.approvalPlaceholder")} className="w-72 font-mono text-xs" />
      </div>
      <label className="flex h-9 items-center gap-2 text-sm">
        <Checkbox checked={params.get("flagged") === "1"} onCheckedChange={(v) => update({ flagged: v ? "1" : undefined })} />
        {t("filters.flaggedOnly")}
      </label>
      {active && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setApproval("");
            update(Object.fromEntries(LOG_FILTER_KEYS.map((k) => [k, undefined])));
          }}
        >
          <X aria-hidden />
          {t("filters.clear")}
        </Button>
      )}
    </div>
  );
}
