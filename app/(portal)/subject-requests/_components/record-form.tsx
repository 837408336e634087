"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Save } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { ANSWER_LOCALES, DELETION_GROUNDS, REQUEST_CHANNELS, SUBJECT_ID_KINDS, SUBJECT_LAWS, SUBJECT_RIGHTS } from "@/lib/subject-requests/facts";
import { recordSubjectRequestAction } from "../actions";
import { useErrorText } from "./error-text";

export type RecordFormValues = {
  subjectIdKind: string;
  subjectId: string;
  contactAddress: string;
  law: string;
  channel: string;
  right: string;
  deletionGround: string;
  purposeCodes: string[];
  summary: string;
  answerLocale: string;
  receivedOn: string;
};

/** Records a request as it arrived: who (only the identifier needed), under which law, what is asked. */
export function RecordRequestForm({ defaults, purposes, today }: { defaults: RecordFormValues; purposes: { code: string; name: string }[]; today: string }) {
  const t = useTranslations("subjectRequests");
  const errorText = useErrorText();
  const router = useRouter();
  const [v, setV] = useState(defaults);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const set = <K extends keyof RecordFormValues>(key: K, value: RecordFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setErrors({});
      const result = await recordSubjectRequestAction({ ...v, deletionGround: v.right === "deletion" ? v.deletionGround : null });
      if (result.ok && result.data) {
        toast.success(t("recorded", { number: (result.data as { number: number }).number }));
        router.push(`/subject-requests/${(result.data as { id: string }).id}`);
        return;
      }
      if (!result.ok) setErrors(result.error === "invalid" ? (result.fieldErrors ?? {}) : { _form: result.error });
    });
  };

  const error = (field: string) =>
    errors[field] ? (
      <p id={`${field}-error`} className="text-sm text-destructive">
        {errorText(errors[field])}
      </p>
    ) : null;
  const described = (field: string) => ({ "aria-invalid": !!errors[field], "aria-describedby": errors[field] ? `${field}-error` : undefined });

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {Object.keys(errors).length > 0 && (
        <Alert variant="destructive" data-testid="form-error">
          <AlertDescription>{errorText(errors._form ?? "invalid")}</AlertDescription>
        </Alert>
      )}
      <Card>
        <CardContent className="grid gap-4 pt-6 sm:grid-cols-2">
          <fieldset className="grid gap-2 sm:col-span-2">
            <legend className="text-sm font-medium">{t("fields.subject")}</legend>
            <p className="text-xs text-muted-foreground">{t("form.minimisation")}</p>
            <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
              <div className="grid gap-1.5">
                <Label htmlFor="subjectIdKind">{t("fields.subjectIdKind")}</Label>
                <NativeSelect id="subjectIdKind" value={v.subjectIdKind} onChange={(e) => set("subjectIdKind", e.target.value)}>
                  {SUBJECT_ID_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`idKinds.${k}`)}
                    </option>
                  ))}
                </NativeSelect>
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="subjectId">{t("fields.subjectId")}</Label>
                <Input id="subjectId" value={v.subjectId} onChange={(e) => set("subjectId", e.target.value)} autoComplete="off" {...described("subjectId")} />
                {error("subjectId")}
              </div>
            </div>
          </fieldset>
          <div className="grid gap-1.5">
            <Label htmlFor="law">{t("fields.law")}</Label>
            <NativeSelect id="law" value={v.law} onChange={(e) => set("law", e.target.value)} {...described("law")}>
              {SUBJECT_LAWS.map((l) => (
                <option key={l} value={l}>
                  {t(`laws.${l}`)}
                </option>
              ))}
            </NativeSelect>
            <p className="text-xs text-muted-foreground">{t("form.lawHint")}</p>
            {error("law")}
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="receivedOn">{t("fields.receivedOn")}</Label>
            <Input id="receivedOn" type="date" max={today} value={v.receivedOn} onChange={(e) => set("receivedOn", e.target.value)} {...described("receivedOn")} />
            {error("receivedOn")}
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="channel">{t("fields.channel")}</Label>
            <NativeSelect id="channel" value={v.channel} onChange={(e) => set("channel", e.target.value)}>
              {REQUEST_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="contactAddress">{t("fields.contactAddress")}</Label>
            <Input id="contactAddress" value={v.contactAddress} onChange={(e) => set("contactAddress", e.target.value)} autoComplete="off" {...described("contactAddress")} />
            <p className="text-xs text-muted-foreground">{t("form.contactHint")}</p>
            {error("contactAddress")}
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="right">{t("fields.right")}</Label>
            <NativeSelect id="right" value={v.right} onChange={(e) => set("right", e.target.value)} {...described("right")}>
              {SUBJECT_RIGHTS.map((r) => (
                <option key={r} value={r}>
                  {t(`rights.${r}`)}
                </option>
              ))}
            </NativeSelect>
            {error("right")}
          </div>
          {v.right === "deletion" && (
            <div className="grid gap-1.5">
              <Label htmlFor="deletionGround">{t("fields.deletionGround")}</Label>
              <NativeSelect id="deletionGround" value={v.deletionGround} onChange={(e) => set("deletionGround", e.target.value)} {...described("deletionGround")}>
                <option value="">{t("form.choose")}</option>
                {DELETION_GROUNDS.map((g) => (
                  <option key={g} value={g}>
                    {t(`deletionGrounds.${g}`)}
                  </option>
                ))}
              </NativeSelect>
              {error("deletionGround")}
            </div>
          )}
          <div className="grid gap-1.5">
            <Label htmlFor="answerLocale">{t("fields.answerLocale")}</Label>
            <NativeSelect id="answerLocale" value={v.answerLocale} onChange={(e) => set("answerLocale", e.target.value)}>
              {ANSWER_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <fieldset className="grid gap-2 sm:col-span-2" aria-describedby={errors.purposeCodes ? "purposeCodes-error" : undefined}>
            <legend className="text-sm font-medium">{t("fields.purposeCodes")}</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {purposes.map((p) => (
                <label key={p.code} className="flex items-start gap-2 text-sm">
                  <Checkbox
                    checked={v.purposeCodes.includes(p.code)}
                    onCheckedChange={(checked) => set("purposeCodes", checked ? [...v.purposeCodes, p.code] : v.purposeCodes.filter((c) => c !== p.code))}
                    aria-label={t("form.purposeLabel", { code: p.code, name: p.name })}
                    className="mt-0.5"
                  />
                  <span>
                    <span className="font-mono text-xs font-semibold">{p.code}</span> {p.name}
                  </span>
                </label>
              ))}
            </div>
            {error("purposeCodes")}
          </fieldset>
          <div className="grid gap-1.5 sm:col-span-2">
            <Label htmlFor="summary">{t("fields.summary")}</Label>
            <Textarea id="summary" rows={3} value={v.summary} onChange={(e) => set("summary", e.target.value)} {...described("summary")} />
            <p className="text-xs text-muted-foreground">{t("form.summaryHint")}</p>
            {error("summary")}
          </div>
        </CardContent>
      </Card>
      <div>
        <Button type="submit" disabled={pending}>
          <Save aria-hidden />
          {t("form.submit")}
        </Button>
      </div>
    </form>
  );
}
