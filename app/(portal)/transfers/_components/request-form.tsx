"use client";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Loader2, Send, Save } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Checkbox } from "@/components/ui/checkbox";
import { NativeSelect } from "@/components/ui/native-select";
import { Badge } from "@/components/ui/badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CROSS_BORDER_GROUNDS } from "@/lib/registry/facts";
import { SUBJECT_POPULATIONS, VOLUME_PERIODS } from "@/lib/transfers/constants";
import type { TransferEvaluation } from "@/lib/rules/types";
import { RuleResults, RuleSummary, registerNamesOf } from "./rule-results";
import { createTransferRequestAction, previewTransferRulesAction, updateTransferRequestAction } from "../actions";

export type TransferFormValues = {
  recipientId: string;
  purposeCodes: string[];
  subjectCategories: string[];
  populations: string[];
  dataItems: string[];
  actions: string[];
  mode: "one-off" | "recurring";
  periodStart: string;
  periodEnd: string;
  expectedVolume: string;
  volumePeriod: string;
  sendingSystem: string;
  crossBorderGround: string;
  depersonalised: boolean;
  justification: string;
};

export type TransferFormOptions = {
  recipients: { id: string; name: string; crossBorder: boolean; linkedPurposeCodes: string[] }[];
  purposes: { code: string; name: string; dataItems: string[] }[];
  dataItems: Record<string, { name: string; directIdentifier: boolean }>;
  subjectCategories: { key: string; name: string }[];
  actions: { key: string; name: string }[];
};

type FieldName = keyof TransferFormValues;

export function TransferRequestForm({ mode, id, version, defaults, options }: { mode: "create" | "edit"; id?: string; version?: number; defaults: TransferFormValues; options: TransferFormOptions }) {
  const t = useTranslations("transfers");
  const te = useTranslations("errors");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TransferFormValues>({ defaultValues: defaults });
  const { register, control, handleSubmit, setError, setValue, getValues, formState } = form;
  const values = useWatch({ control });

  const recipient = options.recipients.find((r) => r.id === values.recipientId);
  const crossBorder = recipient?.crossBorder ?? false;
  const chosenPurposes = useMemo(() => values.purposeCodes ?? [], [values.purposeCodes]);

  // Data items are offered only from the chosen purposes' lists, each with the purposes that list it.
  const offeredItems = useMemo(() => {
    const byItem = new Map<string, string[]>();
    for (const p of options.purposes) if (chosenPurposes.includes(p.code)) for (const item of p.dataItems) byItem.set(item, [...(byItem.get(item) ?? []), p.code]);
    return [...byItem].map(([key, codes]) => ({ key, codes }));
  }, [options.purposes, chosenPurposes]);

  useEffect(() => {
    const offered = new Set(offeredItems.map((i) => i.key));
    const current = getValues("dataItems");
    if (current.some((i) => !offered.has(i))) setValue("dataItems", current.filter((i) => offered.has(i)));
  }, [offeredItems, getValues, setValue]);

  useEffect(() => {
    if (values.mode === "one-off" && values.volumePeriod !== "once") setValue("volumePeriod", "once");
    if (values.mode === "recurring" && values.volumePeriod === "once") setValue("volumePeriod", "month");
  }, [values.mode, values.volumePeriod, setValue]);

  useEffect(() => {
    if (!crossBorder && getValues("crossBorderGround")) setValue("crossBorderGround", "");
  }, [crossBorder, getValues, setValue]);

  // The live rule check: the draft as typed, evaluated on the server, nothing saved.
  const [evaluation, setEvaluation] = useState<TransferEvaluation | null>(null);
  const [checking, setChecking] = useState(false);
  const sequence = useRef(0);
  const previewKey = JSON.stringify([
    values.recipientId,
    values.purposeCodes,
    values.populations,
    values.dataItems,
    values.actions,
    values.mode,
    values.periodStart,
    values.periodEnd,
    values.crossBorderGround,
    values.depersonalised,
  ]);
  useEffect(() => {
    if (!values.recipientId) return;
    const mine = ++sequence.current;
    const timer = setTimeout(async () => {
      setChecking(true);
      const v = getValues();
      const result = await previewTransferRulesAction({
        recipientId: v.recipientId,
        purposeCodes: v.purposeCodes,
        populations: v.populations,
        dataItems: v.dataItems,
        actions: v.actions,
        mode: v.mode,
        periodStart: v.periodStart || null,
        periodEnd: v.mode === "recurring" ? v.periodEnd || null : null,
        crossBorderGround: v.crossBorderGround || null,
        depersonalised: v.depersonalised,
      });
      if (mine !== sequence.current) return;
      setChecking(false);
      setEvaluation(result.ok ? (result.data as TransferEvaluation) : null);
    }, 400);
    return () => clearTimeout(timer);
  }, [previewKey, values.recipientId, getValues]);

  const save = (submit: boolean) =>
    handleSubmit((v) => {
      setFormError(null);
      const data = {
        ...v,
        periodEnd: v.mode === "recurring" ? v.periodEnd || null : null,
        volumePeriod: v.mode === "one-off" ? "once" : v.volumePeriod,
        crossBorderGround: v.crossBorderGround || null,
      };
      start(async () => {
        const result = mode === "create" ? await createTransferRequestAction({ data, submit }) : await updateTransferRequestAction({ id, expectedVersion: version, data, submit });
        if (result.ok) {
          toast.success(submit ? t("form.submitted") : t("form.saved"));
          const target = (result.data as { id: string }).id;
          router.push(`/transfers/${target}`);
          router.refresh();
          return;
        }
        if (result.error === "invalid" && result.fieldErrors) {
          for (const [path, message] of Object.entries(result.fieldErrors)) {
            const name = path.replace(/^data\./, "").split(".")[0];
            if (name in defaults) setError(name as FieldName, { message });
            else setFormError(message);
          }
          toast.error(t("form.fixErrors"));
          return;
        }
        setFormError(result.message ?? result.error);
      });
    });

  const errorOf = (name: FieldName) => {
    const message = formState.errors[name]?.message;
    return message ? (te.has(message as never) ? te(message as never) : message) : undefined;
  };
  const fieldError = (name: FieldName) =>
    errorOf(name) ? (
      <p id={`${name}-error`} className="text-sm text-destructive">
        {errorOf(name)}
      </p>
    ) : null;

  const checkboxes = (name: "purposeCodes" | "subjectCategories" | "populations" | "dataItems" | "actions", legend: string, items: { value: string; label: string; hint?: React.ReactNode }[], columns = "sm:grid-cols-2") => (
    <fieldset className="grid gap-2" aria-invalid={!!errorOf(name)} aria-describedby={errorOf(name) ? `${name}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <div className={`grid gap-2 ${columns}`}>
            {items.map((o) => (
              <label key={o.value} className="flex items-start gap-2 text-sm">
                <Checkbox
                  checked={field.value.includes(o.value)}
                  onCheckedChange={(checked) => field.onChange(checked ? [...field.value, o.value] : field.value.filter((v: string) => v !== o.value))}
                  aria-label={o.label}
                  className="mt-0.5"
                />
                <span>
                  {o.label}
                  {o.hint}
                </span>
              </label>
            ))}
          </div>
        )}
      />
      {fieldError(name)}
    </fieldset>
  );

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,34rem)]">
      <form onSubmit={(e) => e.preventDefault()} className="grid content-start gap-6" noValidate>
        {formError && (
          <Alert variant="destructive" data-testid="form-error">
            <AlertDescription>{te.has(formError as never) ? te(formError as never) : formError}</AlertDescription>
          </Alert>
        )}
        <Card>
          <CardHeader>
            <CardTitle>{t("form.sections.what")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-5">
            <div className="grid gap-1.5">
              <Label htmlFor="recipientId">{t("fields.recipient")}</Label>
              <NativeSelect id="recipientId" aria-invalid={!!errorOf("recipientId")} {...register("recipientId")}>
                <option value="">{t("form.chooseRecipient")}</option>
                {options.recipients.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </NativeSelect>
              {recipient?.crossBorder && <p className="text-xs text-amber-700 dark:text-amber-300">{t("form.crossBorderHint")}</p>}
              {fieldError("recipientId")}
            </div>
            {checkboxes(
              "purposeCodes",
              t("fields.purposeCodes"),
              options.purposes.map((p) => ({
                value: p.code,
                label: `${p.code} — ${p.name}`,
                hint: recipient?.linkedPurposeCodes.includes(p.code) ? (
                  <Badge variant="outline" className="ml-2">
                    {t("form.linked")}
                  </Badge>
                ) : null,
              })),
              "",
            )}
            {values.recipientId && <p className="-mt-3 text-xs text-muted-foreground">{t("form.linkedHint")}</p>}
            {checkboxes(
              "dataItems",
              t("fields.dataItems"),
              offeredItems.map((i) => ({
                value: i.key,
                label: options.dataItems[i.key]?.name ?? i.key,
                hint: (
                  <span className="ml-2 text-xs text-muted-foreground">
                    {i.codes.join(", ")}
                    {options.dataItems[i.key]?.directIdentifier && (
                      <Badge variant="secondary" className="ml-2">
                        {t("form.directIdentifier")}
                      </Badge>
                    )}
                  </span>
                ),
              })),
            )}
            {offeredItems.length === 0 && <p className="-mt-3 text-xs text-muted-foreground">{t("form.choosePurposesFirst")}</p>}
            {checkboxes(
              "actions",
              t("fields.actions"),
              options.actions.map((a) => ({ value: a.key, label: a.name })),
              "grid-cols-2 sm:grid-cols-3",
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("form.sections.whom")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-5">
            {checkboxes(
              "subjectCategories",
              t("fields.subjectCategories"),
              options.subjectCategories.map((c) => ({ value: c.key, label: c.name })),
            )}
            {checkboxes(
              "populations",
              t("fields.populations"),
              SUBJECT_POPULATIONS.map((p) => ({ value: p, label: t(`population.${p}`) })),
            )}
            <Controller
              control={control}
              name="depersonalised"
              render={({ field }) => (
                <label className="flex items-start gap-2 text-sm">
                  <Checkbox checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} aria-label={t("fields.depersonalised")} className="mt-0.5" />
                  <span>
                    {t("fields.depersonalised")}
                    <span className="block text-xs text-muted-foreground">{t("form.depersonalisedHint")}</span>
                  </span>
                </label>
              )}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("form.sections.how")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2">
            <div className="grid gap-1.5">
              <Label htmlFor="mode">{t("fields.mode")}</Label>
              <NativeSelect id="mode" {...register("mode")}>
                <option value="one-off">{t("mode.one-off")}</option>
                <option value="recurring">{t("mode.recurring")}</option>
              </NativeSelect>
            </div>
            <div />
            <div className="grid gap-1.5">
              <Label htmlFor="periodStart">{values.mode === "recurring" ? t("fields.periodStart") : t("fields.transferDate")}</Label>
              <Input id="periodStart" type="date" aria-invalid={!!errorOf("periodStart")} {...register("periodStart")} />
              {fieldError("periodStart")}
            </div>
            {values.mode === "recurring" ? (
              <div className="grid gap-1.5">
                <Label htmlFor="periodEnd">{t("fields.periodEnd")}</Label>
                <Input id="periodEnd" type="date" aria-invalid={!!errorOf("periodEnd")} {...register("periodEnd")} />
                {fieldError("periodEnd")}
              </div>
            ) : (
              <div />
            )}
            <div className="grid gap-1.5">
              <Label htmlFor="expectedVolume">{t("fields.expectedVolume")}</Label>
              <Input id="expectedVolume" type="number" min={1} step={1} inputMode="numeric" aria-invalid={!!errorOf("expectedVolume")} {...register("expectedVolume")} />
              {fieldError("expectedVolume")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="volumePeriod">{t("fields.volumePeriod")}</Label>
              <NativeSelect id="volumePeriod" disabled={values.mode === "one-off"} aria-invalid={!!errorOf("volumePeriod")} {...register("volumePeriod")}>
                {VOLUME_PERIODS.map((p) => (
                  <option key={p} value={p} disabled={values.mode === "recurring" && p === "once"}>
                    {t(`volumePeriod.${p}`)}
                  </option>
                ))}
              </NativeSelect>
              {fieldError("volumePeriod")}
            </div>
            <div className="grid gap-1.5 md:col-span-2">
              <Label htmlFor="sendingSystem">{t("fields.sendingSystem")}</Label>
              <Input id="sendingSystem" aria-invalid={!!errorOf("sendingSystem")} aria-describedby="sendingSystem-hint" {...register("sendingSystem")} />
              <p id="sendingSystem-hint" className="text-xs text-muted-foreground">
                {t("form.sendingSystemHint")}
              </p>
              {fieldError("sendingSystem")}
            </div>
            <div className="grid gap-1.5 md:col-span-2">
              <Label htmlFor="crossBorderGround">{t("fields.crossBorderGround")}</Label>
              <NativeSelect id="crossBorderGround" disabled={!crossBorder} aria-invalid={!!errorOf("crossBorderGround")} {...register("crossBorderGround")}>
                <option value="">{crossBorder ? t("form.chooseGround") : t("form.notCrossBorder")}</option>
                {CROSS_BORDER_GROUNDS.map((g) => (
                  <option key={g} value={g}>
                    {t(`ground.${g}`)}
                  </option>
                ))}
              </NativeSelect>
              {fieldError("crossBorderGround")}
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("form.sections.why")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-1.5">
            <Label htmlFor="justification">{t("fields.justification")}</Label>
            <Textarea id="justification" rows={4} aria-invalid={!!errorOf("justification")} {...register("justification")} />
            {fieldError("justification")}
          </CardContent>
        </Card>

        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={save(true)} disabled={pending}>
            {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Send aria-hidden />}
            {t("form.submit")}
          </Button>
          <Button type="button" variant="outline" onClick={save(false)} disabled={pending}>
            <Save aria-hidden />
            {t("form.saveDraft")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => router.back()}>
            {t("form.cancel")}
          </Button>
        </div>
      </form>

      <section aria-labelledby="live-rules" className="xl:sticky xl:top-4 xl:self-start">
        <Card>
          <CardHeader>
            <CardTitle id="live-rules" className="flex items-center gap-2">
              {t("form.liveRules")}
              {checking && <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label={t("form.checking")} />}
            </CardTitle>
            <CardDescription>{t("form.liveRulesHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3" data-testid="live-rules">
            {evaluation && values.recipientId ? (
              <>
                <RuleSummary results={evaluation.results} />
                <RuleResults results={evaluation.results} label={t("form.liveRules")} names={registerNamesOf(options)} compact />
              </>
            ) : (
              <Alert>
                <AlertTitle>{t("form.noRulesYet")}</AlertTitle>
                <AlertDescription>{t("form.noRulesYetHint")}</AlertDescription>
              </Alert>
            )}
          </CardContent>
        </Card>
      </section>
    </div>
  );
}
