"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, Controller } from "react-hook-form";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Loader2, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Checkbox } from "@/components/ui/checkbox";
import { NativeSelect } from "@/components/ui/native-select";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CONTROLLER_COUNTRY, CROSS_BORDER_GROUNDS, INSTRUCTION_ELEMENTS, PROCESSING_ACTION_KEYS } from "@/lib/registry/facts";
import type { ActionResult } from "@/lib/server/actions/define";
import { FieldChanges } from "./field-changes";
import { createRecipientAction, updateRecipientAction } from "../actions";

export type RecipientFormValues = {
  nameEn: string;
  nameKk: string;
  nameRu: string;
  legalForm: string;
  registrationNumber: string;
  countryCode: string;
  address: string;
  email: string;
  phone: string;
  role: string;
  transferPurposesText: string;
  transferPurposesKkText: string;
  transferPurposesRuText: string;
  linkedPurposeCodes: string[];
  basis: string;
  contractNumber: string;
  contractDate: string;
  contractExpiresOn: string;
  instructionActions: boolean;
  instructionPurposes: boolean;
  instructionConfidentiality: boolean;
  instructionSecurity: boolean;
  instructionIncidentReporting: boolean;
  permittedActions: string[];
  transferGround: string;
  rknNotificationNumber: string;
  rknNotificationDate: string;
  status: string;
  notes: string;
  reason: string;
};

type Option = { code: string; name: string };

export function RecipientForm({
  mode,
  id,
  version,
  defaults,
  countries,
  purposes,
  actionNames,
}: {
  mode: "create" | "edit";
  id?: string;
  version?: number;
  defaults: RecipientFormValues;
  countries: Option[];
  purposes: Option[];
  actionNames: Record<string, string>;
}) {
  const t = useTranslations("recipients");
  const te = useTranslations("errors");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [conflict, setConflict] = useState<Extract<ActionResult, { ok: false }>["conflict"] | null>(null);
  const form = useForm<RecipientFormValues>({ defaultValues: defaults });
  const { register, control, handleSubmit, setError, watch, formState } = form;
  const country = watch("countryCode");
  const crossBorder = !!country && country !== CONTROLLER_COUNTRY;

  const onSubmit = handleSubmit((values) => {
    setConflict(null);
    const { transferPurposesText, transferPurposesKkText, transferPurposesRuText, reason, ...rest } = values;
    const lines = (text: string) =>
      text
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean);
    const data = {
      ...rest,
      transferPurposes: lines(transferPurposesText),
      transferPurposesKk: lines(transferPurposesKkText),
      transferPurposesRu: lines(transferPurposesRuText),
      crossBorder,
    };
    start(async () => {
      const result = mode === "create" ? await createRecipientAction(data) : await updateRecipientAction({ id, expectedVersion: version, reason, data });
      if (result.ok) {
        toast.success(mode === "create" ? t("created") : t("saved"));
        const target = (result.data as { id: string }).id;
        router.push(`/registry/recipients/${target}`);
        router.refresh();
        return;
      }
      if (result.error === "conflict") {
        setConflict(result.conflict ?? null);
        return;
      }
      if (result.error === "invalid" && result.fieldErrors) {
        for (const [path, message] of Object.entries(result.fieldErrors)) {
          const name = path.replace(/^data\./, "").split(".")[0];
          // Cross-border follows the country, so its error shows at the country field.
          const field = ({ transferPurposes: "transferPurposesText", transferPurposesKk: "transferPurposesKkText", transferPurposesRu: "transferPurposesRuText", crossBorder: "countryCode" }[name] ?? name) as keyof RecipientFormValues;
          setError(field, { message });
        }
        toast.error(t("fixErrors"));
        return;
      }
      toast.error(te(result.error));
    });
  });

  const errorOf = (name: keyof RecipientFormValues) => {
    const message = formState.errors[name]?.message;
    return message ? (te.has(message as never) ? te(message as never) : message) : undefined;
  };

  const text = (name: keyof RecipientFormValues, label: string, props: React.ComponentProps<typeof Input> = {}) => {
    const error = errorOf(name);
    return (
      <div className="grid gap-1.5">
        <Label htmlFor={name}>{label}</Label>
        <Input id={name} aria-invalid={!!error} aria-describedby={error ? `${name}-error` : undefined} {...register(name)} {...props} />
        {error && (
          <p id={`${name}-error`} className="text-sm text-destructive">
            {error}
          </p>
        )}
      </div>
    );
  };

  const checkboxGroup = (name: "permittedActions" | "linkedPurposeCodes", legend: string, options: Option[]) => (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <div className="grid gap-2 sm:grid-cols-2">
            {options.map((o) => (
              <label key={o.code} className="flex items-start gap-2 text-sm">
                <Checkbox
                  checked={field.value.includes(o.code)}
                  onCheckedChange={(checked) => field.onChange(checked ? [...field.value, o.code] : field.value.filter((v) => v !== o.code))}
                  aria-label={o.name}
                />
                <span>{o.name}</span>
              </label>
            ))}
          </div>
        )}
      />
      {errorOf(name) && <p className="text-sm text-destructive">{errorOf(name)}</p>}
    </fieldset>
  );

  return (
    <form onSubmit={onSubmit} className="grid gap-6" noValidate>
      {conflict && (
        <Alert variant="destructive" data-testid="conflict">
          <AlertTitle>{t("conflict.title")}</AlertTitle>
          <AlertDescription className="grid gap-2">
            <p>{t("conflict.body", { by: conflict.by ?? "—", version: conflict.currentVersion })}</p>
            <FieldChanges changes={conflict.changes} />
            <div>
              <Button type="button" variant="outline" size="sm" onClick={() => window.location.reload()}>
                <RefreshCw aria-hidden />
                {t("conflict.reload")}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t("sections.identity")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          {text("nameEn", t("fields.nameEn"))}
          {text("nameRu", t("fields.nameRu"))}
          {text("nameKk", t("fields.nameKk"))}
          {text("legalForm", t("fields.legalForm"))}
          {text("registrationNumber", t("fields.registrationNumber"))}
          <div className="grid gap-1.5">
            <Label htmlFor="countryCode">{t("fields.country")}</Label>
            <NativeSelect id="countryCode" aria-invalid={!!errorOf("countryCode")} {...register("countryCode")}>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </NativeSelect>
            <p className="text-xs text-muted-foreground" data-testid="cross-border-hint">
              {crossBorder ? t("crossBorderYes") : t("crossBorderNo")}
            </p>
            {errorOf("countryCode") && <p className="text-sm text-destructive">{errorOf("countryCode")}</p>}
          </div>
          {text("address", t("fields.address"))}
          {text("email", t("fields.email"), { type: "email" })}
          {text("phone", t("fields.phone"))}
          <div className="grid gap-1.5">
            <Label htmlFor="role">{t("fields.role")}</Label>
            <NativeSelect id="role" {...register("role")}>
              <option value="operator">{t("role.operator")}</option>
              <option value="processor">{t("role.processor")}</option>
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="status">{t("fields.status")}</Label>
            <NativeSelect id="status" {...register("status")}>
              <option value="active">{t("status.active")}</option>
              <option value="suspended">{t("status.suspended")}</option>
            </NativeSelect>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("sections.purposes")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <p id="transferPurposes-hint" className="text-xs text-muted-foreground">
            {t("onePerLine")}
          </p>
          <div className="grid gap-4 md:grid-cols-3">
            {(
              [
                ["transferPurposesText", t("fields.transferPurposesEn")],
                ["transferPurposesRuText", t("fields.transferPurposesRu")],
                ["transferPurposesKkText", t("fields.transferPurposesKk")],
              ] as const
            ).map(([name, label]) => (
              <div key={name} className="grid gap-1.5">
                <Label htmlFor={name}>{label}</Label>
                <Textarea id={name} rows={3} aria-invalid={!!errorOf(name)} aria-describedby="transferPurposes-hint" {...register(name)} />
                {errorOf(name) && <p className="text-sm text-destructive">{errorOf(name)}</p>}
              </div>
            ))}
          </div>
          {checkboxGroup("linkedPurposeCodes", t("fields.linkedPurposeCodes"), purposes)}
          {checkboxGroup(
            "permittedActions",
            t("fields.permittedActions"),
            PROCESSING_ACTION_KEYS.map((k) => ({ code: k, name: actionNames[k] ?? k })),
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("sections.basis")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <div className="grid gap-1.5">
            <Label htmlFor="basis">{t("fields.basis")}</Label>
            <NativeSelect id="basis" {...register("basis")}>
              <option value="contract">{t("basis.contract")}</option>
              <option value="law">{t("basis.law")}</option>
              <option value="consent">{t("basis.consent")}</option>
            </NativeSelect>
          </div>
          {text("contractNumber", t("fields.contractNumber"))}
          {text("contractDate", t("fields.contractDate"), { type: "date" })}
          {text("contractExpiresOn", t("fields.contractExpiresOn"), { type: "date" })}
          <fieldset className="grid gap-2 md:col-span-2">
            <legend className="mb-1 text-sm font-medium">{t("fields.instruction")}</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {INSTRUCTION_ELEMENTS.map((name) => (
                <Controller
                  key={name}
                  control={control}
                  name={name}
                  render={({ field }) => (
                    <label className="flex items-center gap-2 text-sm">
                      <Checkbox checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} aria-label={t(`fields.${name}`)} />
                      {t(`fields.${name}`)}
                    </label>
                  )}
                />
              ))}
            </div>
          </fieldset>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("sections.crossBorder")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <div className="grid gap-1.5">
            <Label htmlFor="transferGround">{t("fields.transferGround")}</Label>
            <NativeSelect id="transferGround" disabled={!crossBorder} aria-invalid={!!errorOf("transferGround")} {...register("transferGround")}>
              <option value="">{t("groundNone")}</option>
              {CROSS_BORDER_GROUNDS.map((g) => (
                <option key={g} value={g}>
                  {t(`ground.${g}`)}
                </option>
              ))}
            </NativeSelect>
            {errorOf("transferGround") && <p className="text-sm text-destructive">{errorOf("transferGround")}</p>}
          </div>
          <div />
          {text("rknNotificationNumber", t("fields.rknNotificationNumber"))}
          {text("rknNotificationDate", t("fields.rknNotificationDate"), { type: "date" })}
        </CardContent>
      </Card>

      <Card>
        <CardContent className="grid gap-4 pt-5">
          <div className="grid gap-1.5">
            <Label htmlFor="notes">{t("fields.notes")}</Label>
            <Textarea id="notes" rows={2} {...register("notes")} />
          </div>
          {mode === "edit" && (
            <div className="grid gap-1.5">
              <Label htmlFor="reason">{t("fields.reason")}</Label>
              <Input id="reason" {...register("reason")} />
            </div>
          )}
        </CardContent>
      </Card>

      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending && <Loader2 className="animate-spin" aria-hidden />}
          {mode === "create" ? t("create") : t("save")}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
