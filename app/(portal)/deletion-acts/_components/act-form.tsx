"use client";
import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Loader2, Save } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Checkbox } from "@/components/ui/checkbox";
import { NativeSelect } from "@/components/ui/native-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ACT_LANGUAGES, DELETION_METHODS, DELETION_REASONS, SUBJECT_KINDS, type DeletionActKind } from "@/lib/deletion-acts/constants";
import { createDeletionActAction } from "../actions";

export type ActFormValues = {
  kind: DeletionActKind;
  supersedesActId: string;
  supersedeReason: string;
  subjectRequestId: string;
  actDate: string;
  deletedOn: string;
  subjectKind: string;
  subjectValue: string;
  purposeCodes: string[];
  dataItems: string[];
  systems: string;
  reason: string;
  legalReferenceCodes: string[];
  legalGround: string;
  method: string;
  language: string;
  executorUserId: string;
  notes: string;
};

export type ActFormOptions = {
  purposes: { code: string; name: string; itemKeys: string[] }[];
  items: Record<string, string>;
  references: { code: string; title: string }[];
  people: { id: string; label: string }[];
};

type FieldName = keyof ActFormValues;

/** The new-act form: fields validated on the server by the same zod schema, errors shown at the field. */
export function DeletionActForm({ defaults, options }: { defaults: ActFormValues; options: ActFormOptions }) {
  const t = useTranslations("deletionActs");
  const te = useTranslations("errors");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<ActFormValues>({ defaultValues: defaults });
  const chosen = useWatch({ control, name: "purposeCodes" });

  // Items are offered from the chosen purposes' lists (what the act can say was processed and deleted).
  const offeredItems = useMemo(() => [...new Set(options.purposes.filter((p) => chosen.includes(p.code)).flatMap((p) => p.itemKeys))].sort(), [options.purposes, chosen]);

  const message = (key: string) => (t.has(`errors.${key}` as never) ? t(`errors.${key}` as never) : te.has(key as never) ? te(key as never) : key);
  const errorOf = (name: FieldName) => {
    const m = formState.errors[name]?.message;
    return m ? message(m) : undefined;
  };
  const fieldError = (name: FieldName) =>
    errorOf(name) ? (
      <p id={`${name}-error`} className="text-sm text-destructive">
        {errorOf(name)}
      </p>
    ) : null;
  const aria = (name: FieldName) => ({ "aria-invalid": !!errorOf(name), "aria-describedby": errorOf(name) ? `${name}-error` : undefined });

  const onSubmit = handleSubmit((v) => {
    setFormError(null);
    start(async () => {
      const result = await createDeletionActAction({ ...v, supersedesActId: v.supersedesActId || null, subjectRequestId: v.subjectRequestId || null });
      if (result.ok) {
        const data = result.data as { id: string; number: string };
        toast.success(t("created", { number: data.number }));
        router.push(`/deletion-acts/${data.id}`);
        router.refresh();
        return;
      }
      if (result.error === "invalid" && result.fieldErrors) {
        for (const [path, m] of Object.entries(result.fieldErrors)) {
          const name = path.split(".")[0];
          if (name in defaults) setError(name as FieldName, { message: m });
          else setFormError(message(m));
        }
        toast.error(t("fixErrors"));
        return;
      }
      setFormError(message(result.message ?? result.error));
    });
  });

  const checkboxes = (name: "purposeCodes" | "dataItems" | "legalReferenceCodes", legend: string, items: { value: string; label: string }[], hint?: string) => (
    <fieldset className="grid gap-2" {...aria(name)}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <div className="grid gap-2 sm:grid-cols-2">
            {items.map((o) => (
              <label key={o.value} className="flex items-start gap-2 text-sm">
                <Checkbox
                  checked={field.value.includes(o.value)}
                  onCheckedChange={(checked) => field.onChange(checked ? [...field.value, o.value] : field.value.filter((x: string) => x !== o.value))}
                  aria-label={o.label}
                  className="mt-0.5"
                />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
        )}
      />
      {fieldError(name)}
    </fieldset>
  );

  const select = (name: "subjectKind" | "reason" | "method" | "language" | "executorUserId", label: string, items: { value: string; label: string }[], hint?: string) => (
    <div className="grid gap-1.5">
      <Label htmlFor={name}>{label}</Label>
      <NativeSelect id={name} {...register(name)} {...aria(name)}>
        <option value="">—</option>
        {items.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      {fieldError(name)}
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError && (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      {defaults.kind !== "deletion" && (
        <Card>
          <CardHeader>
            <CardTitle>{t("sections.supersede")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-1.5">
            <p className="text-sm text-muted-foreground">{t("supersedeHint")}</p>
            <Label htmlFor="supersedeReason">{t("fields.supersedeReason")}</Label>
            <Textarea id="supersedeReason" rows={2} {...register("supersedeReason")} {...aria("supersedeReason")} />
            {fieldError("supersedeReason")}
            {fieldError("supersedesActId")}
          </CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t("sections.subject")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            {select(
              "subjectKind",
              t("fields.subjectKind"),
              SUBJECT_KINDS.map((k) => ({ value: k, label: t(`subjectKind.${k}`) })),
            )}
            <div className="grid gap-1.5">
              <Label htmlFor="subjectValue">{t("fields.subjectValue")}</Label>
              <Input id="subjectValue" autoComplete="off" {...register("subjectValue")} {...aria("subjectValue")} />
              {fieldError("subjectValue")}
            </div>
          </div>
          {checkboxes(
            "purposeCodes",
            t("fields.purposes"),
            options.purposes.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` })),
          )}
          {checkboxes(
            "dataItems",
            t("fields.dataItems"),
            offeredItems.map((k) => ({ value: k, label: options.items[k] ?? k })),
            t("hints.dataItems"),
          )}
          <div className="grid gap-1.5">
            <Label htmlFor="systems">{t("fields.systems")}</Label>
            <Textarea id="systems" rows={3} {...register("systems")} {...aria("systems")} />
            <p className="text-xs text-muted-foreground">{t("hints.systems")}</p>
            {fieldError("systems")}
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("sections.deletion")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="grid gap-1.5">
              <Label htmlFor="deletedOn">{t("fields.deletedOn")}</Label>
              <Input id="deletedOn" type="date" {...register("deletedOn")} {...aria("deletedOn")} />
              {fieldError("deletedOn")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="actDate">{t("fields.actDate")}</Label>
              <Input id="actDate" type="date" {...register("actDate")} {...aria("actDate")} />
              {fieldError("actDate")}
            </div>
            {select(
              "reason",
              t("fields.reason"),
              DELETION_REASONS.map((k) => ({ value: k, label: t(`reason.${k}`) })),
            )}
            {select(
              "method",
              t("fields.method"),
              DELETION_METHODS.map((k) => ({ value: k, label: t(`method.${k}`) })),
            )}
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="legalGround">{t("fields.legalGround")}</Label>
            <Textarea id="legalGround" rows={2} {...register("legalGround")} {...aria("legalGround")} />
            <p className="text-xs text-muted-foreground">{t("hints.legalGround")}</p>
            {fieldError("legalGround")}
          </div>
          {checkboxes(
            "legalReferenceCodes",
            t("fields.legalReferences"),
            options.references.map((r) => ({ value: r.code, label: `${r.code} — ${r.title}` })),
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("sections.people")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          {select(
            "executorUserId",
            t("fields.executor"),
            options.people.map((p) => ({ value: p.id, label: p.label })),
            t("hints.executor"),
          )}
          {select(
            "language",
            t("fields.language"),
            ACT_LANGUAGES.map((k) => ({ value: k, label: t(`language.${k}`) })),
          )}
          <div className="grid gap-1.5 sm:col-span-2">
            <Label htmlFor="notes">{t("fields.notes")}</Label>
            <Textarea id="notes" rows={2} {...register("notes")} />
          </div>
          <p className="text-xs text-muted-foreground sm:col-span-2">{t("fourEyesHint")}</p>
        </CardContent>
      </Card>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Save aria-hidden />}
          {pending ? t("saving") : t("save")}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
