"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Loader2, RefreshCw } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/server/actions/define";
import { fieldErrorText } from "@/components/registry/action-errors";
import { createPurposeAction, updatePurposeAction } from "../actions";

export type PurposeFormValues = {
  code: string;
  subjectCategory: string;
  nameEn: string;
  nameRu: string;
  nameKk: string;
  consent: boolean;
  contract: boolean;
  lawReferences: string[];
  dataItemKeys: string[];
  channels: string[];
  retentionYears: string;
  retentionFrom: string;
  retentionLawCodes: string[];
  deletionEvent: string;
  deletionDelayYears: string;
  isResearch: boolean;
  securityMeasures: string;
  responsiblePerson: string;
  sourceNote: string;
  reason: string;
};

type Option = { value: string; label: string };

/** The purpose form (RULES A2): create or edit, server-validated; errors shown at the fields. */
export function PurposeForm({
  mode,
  version,
  defaults,
  subjects,
  itemGroups,
  references,
  channels,
  events,
}: {
  mode: "create" | "edit";
  version?: number;
  defaults: PurposeFormValues;
  subjects: Option[];
  itemGroups: { category: string; items: Option[] }[];
  references: Option[];
  channels: Option[];
  events: Option[];
}) {
  const t = useTranslations("purposes");
  const tr = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [conflict, setConflict] = useState<Extract<ActionResult, { ok: false }>["conflict"] | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<PurposeFormValues>({ defaultValues: defaults });

  const onSubmit = handleSubmit((v) => {
    setConflict(null);
    const legalBases = [
      ...(v.consent ? [{ kind: "consent" }] : []),
      ...v.lawReferences.map((referenceCode) => ({ kind: "law", referenceCode })),
      ...(v.contract ? [{ kind: "contract" }] : []),
    ];
    const data = {
      code: v.code,
      subjectCategory: v.subjectCategory,
      nameEn: v.nameEn,
      nameRu: v.nameRu,
      nameKk: v.nameKk,
      legalBases,
      dataItemKeys: v.dataItemKeys,
      channels: v.channels,
      retentionYears: v.retentionYears,
      retentionFrom: v.retentionFrom,
      retentionLawCodes: v.retentionLawCodes,
      deletionEvent: v.deletionEvent,
      deletionDelayYears: v.deletionDelayYears,
      isResearch: v.isResearch,
      securityMeasures: v.securityMeasures,
      responsiblePerson: v.responsiblePerson,
      sourceNote: v.sourceNote,
    };
    start(async () => {
      const result = mode === "create" ? await createPurposeAction(data) : await updatePurposeAction({ code: defaults.code, expectedVersion: version, reason: v.reason, data });
      if (result.ok) {
        toast.success(mode === "create" ? tr("record.created") : tr("record.saved"));
        router.push(`/registry/purposes/${encodeURIComponent(v.code)}`);
        router.refresh();
        return;
      }
      if (result.error === "conflict") {
        setConflict(result.conflict ?? null);
        return;
      }
      if (result.error === "invalid" && result.fieldErrors) {
        for (const path of Object.keys(result.fieldErrors)) {
          if (path === "referencedBy") continue;
          const name = path.replace(/^data\./, "").split(".")[0];
          const field = ({ legalBases: "consent" }[name] ?? name) as keyof PurposeFormValues;
          setError(field, { message: fieldErrorText(tr, result, path) ?? "" });
        }
        toast.error(tr("errors.invalid"));
        return;
      }
      toast.error(tr(`errors.${result.error}`));
    });
  });

  const errorOf = (name: keyof PurposeFormValues) => formState.errors[name]?.message;
  const errorText = (name: keyof PurposeFormValues) =>
    errorOf(name) ? (
      <p id={`${name}-error`} className="text-sm text-destructive">
        {errorOf(name)}
      </p>
    ) : null;
  const text = (name: keyof PurposeFormValues, label: string, props: React.ComponentProps<typeof Input> = {}) => (
    <div className="grid gap-1.5">
      <Label htmlFor={name}>{label}</Label>
      <Input id={name} aria-invalid={!!errorOf(name)} aria-describedby={errorOf(name) ? `${name}-error` : undefined} {...register(name)} {...props} />
      {errorText(name)}
    </div>
  );
  const select = (name: keyof PurposeFormValues, label: string, options: Option[], empty?: string) => (
    <div className="grid gap-1.5">
      <Label htmlFor={name}>{label}</Label>
      <NativeSelect id={name} aria-invalid={!!errorOf(name)} aria-describedby={errorOf(name) ? `${name}-error` : undefined} {...register(name)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
      {errorText(name)}
    </div>
  );
  // `group` prefixes the accessible name where one option appears in two lists (a law as basis and as retention reference).
  const checks = (name: "lawReferences" | "dataItemKeys" | "channels" | "retentionLawCodes", options: Option[], columns = "sm:grid-cols-2", group?: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <div className={`grid gap-2 ${columns}`}>
          {options.map((o) => (
            <label key={o.value} className="flex items-start gap-2 text-sm">
              <Checkbox
                checked={field.value.includes(o.value)}
                onCheckedChange={(checked) => field.onChange(checked ? [...field.value, o.value] : field.value.filter((x) => x !== o.value))}
                aria-label={group ? `${group}: ${o.label}` : o.label}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      )}
    />
  );
  const flag = (name: "consent" | "contract" | "isResearch", label: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <label className="flex items-center gap-2 text-sm">
          <Checkbox checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} aria-label={label} />
          {label}
        </label>
      )}
    />
  );

  return (
    <form onSubmit={onSubmit} className="grid gap-6" noValidate>
      {conflict && (
        <Alert variant="destructive" data-testid="conflict">
          <AlertTitle>{tr("record.conflictTitle")}</AlertTitle>
          <AlertDescription className="grid gap-2">
            <p>{tr("record.conflictBody", { by: conflict.by ?? "—", version: conflict.currentVersion, fields: conflict.changes.map((c) => c.field).join(", ") })}</p>
            <div>
              <Button type="button" variant="outline" size="sm" onClick={() => window.location.reload()}>
                <RefreshCw aria-hidden />
                {tr("record.reload")}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t("sections.purpose")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          {text("code", t("fields.code"), { readOnly: mode === "edit" })}
          {select("subjectCategory", t("fields.subjectCategory"), subjects)}
          {text("nameEn", t("fields.nameEn"))}
          {text("nameRu", t("fields.nameRu"))}
          {text("nameKk", t("fields.nameKk"))}
          <div className="flex items-end pb-2">{flag("isResearch", t("fields.isResearch"))}</div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("sections.basis")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3">
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t("fields.legalBases")}</legend>
            {flag("consent", t("basis.consent"))}
            {flag("contract", t("basis.contract"))}
            <p className="text-sm text-muted-foreground">{t("lawBasisHint")}</p>
            {checks("lawReferences", references, "sm:grid-cols-1", t("basis.law"))}
            {errorText("consent")}
          </fieldset>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t("fields.channels")}</legend>
            {checks("channels", channels, "sm:grid-cols-3")}
          </fieldset>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("fields.dataItems")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          {itemGroups.map((g) => (
            <fieldset key={g.category} className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">{g.category}</legend>
              {checks(
                "dataItemKeys",
                g.items,
              )}
            </fieldset>
          ))}
          {errorText("dataItemKeys")}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("sections.retention")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          {text("retentionYears", t("fields.retentionYears"), { type: "number", min: 0, max: 100 })}
          {select("retentionFrom", t("fields.retentionFrom"), events, t("notSet"))}
          <fieldset className="grid gap-2 md:col-span-2">
            <legend className="mb-1 text-sm font-medium">{t("fields.retentionLawCodes")}</legend>
            {checks("retentionLawCodes", references, "sm:grid-cols-1", t("fields.retentionLawCodes"))}
            {errorText("retentionLawCodes")}
          </fieldset>
          {select("deletionEvent", t("fields.deletionEvent"), events, t("notSet"))}
          {text("deletionDelayYears", t("fields.deletionDelayYears"), { type: "number", min: 0, max: 100 })}
        </CardContent>
      </Card>

      <Card>
        <CardContent className="grid gap-4 pt-5 md:grid-cols-2">
          <div className="grid gap-1.5 md:col-span-2">
            <Label htmlFor="securityMeasures">{t("fields.securityMeasures")}</Label>
            <Textarea id="securityMeasures" rows={2} {...register("securityMeasures")} />
          </div>
          {text("responsiblePerson", t("fields.responsiblePerson"))}
          <div className="grid gap-1.5 md:col-span-2">
            <Label htmlFor="sourceNote">{t("fields.sourceNote")}</Label>
            <Textarea id="sourceNote" rows={2} {...register("sourceNote")} />
          </div>
          {mode === "edit" && text("reason", tr("record.reasonForChange"))}
        </CardContent>
      </Card>

      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending && <Loader2 className="animate-spin" aria-hidden />}
          {mode === "create" ? t("create") : tr("record.save")}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          {tr("record.cancel")}
        </Button>
      </div>
    </form>
  );
}
