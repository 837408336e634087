"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { FileText, Send } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { ANSWER_LOCALES, DECISION_OUTCOMES, type AnswerLocale, type SubjectDecisionOutcome } from "@/lib/subject-requests/facts";
import type { PurposeRetention } from "@/lib/subject-requests/decision";
import { closeSubjectRequestAction, previewSubjectAnswerAction } from "../actions";
import { useErrorText } from "./error-text";

export type AnswerPreview = { subject: string; text: string; retention: PurposeRetention[]; grantedCodes: string[]; serviceEnds: boolean; errors: Record<string, string> };

/**
 * The DPO's decision and answer: outcome, legal ground and reasons where the request is not granted in
 * full, the answer filled from the template in the chosen language (editable), then recorded. The
 * server checks the same reasoned-decision rule again when it writes.
 */
export function AnswerPanel({ id, version, defaultLanguage, references, sensitive, initial }: { id: string; version: number; defaultLanguage: AnswerLocale; references: { code: string; title: string }[]; sensitive: boolean; initial: AnswerPreview }) {
  const t = useTranslations("subjectRequests.answer");
  const tr = useTranslations("subjectRequests");
  const errorText = useErrorText();
  const router = useRouter();
  const [language, setLanguage] = useState<AnswerLocale>(defaultLanguage);
  const [outcome, setOutcome] = useState<SubjectDecisionOutcome>("granted");
  const [legalGroundCode, setGround] = useState("");
  const [reason, setReason] = useState("");
  const [retentionTriggerOn, setTrigger] = useState("");
  const [serviceEndsAcknowledged, setAck] = useState(false);
  // The page fills the template for the default choices; after that only on request, so edits are never lost.
  const [answerSubject, setSubject] = useState(initial.subject);
  const [answerText, setText] = useState(initial.text);
  const [preview, setPreview] = useState<AnswerPreview>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();

  const decision = { id, outcome, legalGroundCode, reason, retentionTriggerOn, answerLanguage: language };
  const fill = () =>
    start(async () => {
      setErrors({});
      const result = await previewSubjectAnswerAction(decision);
      if (result.ok && result.data) {
        const p = result.data as AnswerPreview;
        setPreview(p);
        setSubject(p.subject);
        setText(p.text);
        setErrors(p.errors);
      } else if (!result.ok) setErrors(result.fieldErrors ?? { _form: result.error });
    });

  const record = () =>
    start(async () => {
      setErrors({});
      const result = await closeSubjectRequestAction({ ...decision, expectedVersion: version, serviceEndsAcknowledged, answerSubject, answerText });
      if (result.ok) {
        toast.success(t("recorded"));
        router.refresh();
        return;
      }
      setErrors(result.error === "invalid" ? (result.fieldErrors ?? {}) : { _form: result.message ?? result.error });
    });

  const error = (field: string) =>
    errors[field] ? (
      <p id={`answer-${field}-error`} className="text-sm text-destructive" data-testid={`answer-error-${field}`}>
        {errorText(errors[field])}
      </p>
    ) : null;
  const described = (field: string) => ({ "aria-invalid": !!errors[field], "aria-describedby": errors[field] ? `answer-${field}-error` : undefined });
  const retained = preview.retention.filter((r) => r.applies);

  return (
    <div className="grid gap-4" data-testid="answer-panel">
      {errors._form && (
        <Alert variant="destructive">
          <AlertDescription>{errorText(errors._form)}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor="answer-language">{t("language")}</Label>
          <NativeSelect id="answer-language" value={language} onChange={(e) => setLanguage(e.target.value as AnswerLocale)}>
            {ANSWER_LOCALES.map((l) => (
              <option key={l} value={l}>
                {tr(`languages.${l}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="answer-outcome">{t("outcome")}</Label>
          <NativeSelect id="answer-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as SubjectDecisionOutcome)} {...described("outcome")}>
            {DECISION_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {tr(`outcomes.${o}`)}
              </option>
            ))}
          </NativeSelect>
          {error("outcome")}
        </div>
        {sensitive && (
          <div className="grid gap-1.5 sm:col-span-2">
            <Label htmlFor="answer-trigger">{t("retentionTriggerOn")}</Label>
            <Input id="answer-trigger" type="date" value={retentionTriggerOn} onChange={(e) => setTrigger(e.target.value)} aria-describedby="answer-trigger-hint" />
            <p id="answer-trigger-hint" className="text-xs text-muted-foreground">
              {t("retentionTriggerHint")}
            </p>
            {error("retentionTriggerOn")}
          </div>
        )}
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor="answer-ground">{t("legalGround")}</Label>
          <NativeSelect id="answer-ground" value={legalGroundCode} onChange={(e) => setGround(e.target.value)} {...described("legalGroundCode")}>
            <option value="">{t("noGround")}</option>
            {references.map((r) => (
              <option key={r.code} value={r.code}>
                {r.code} — {r.title}
              </option>
            ))}
          </NativeSelect>
          {error("legalGroundCode")}
        </div>
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor="answer-reason">{t("reason")}</Label>
          <Textarea id="answer-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} {...described("reason")} />
          <p className="text-xs text-muted-foreground">{t("reasonHint")}</p>
          {error("reason")}
        </div>
      </div>

      {sensitive && (
        <div className="grid gap-1 text-sm" data-testid="retention-check">
          {retained.length ? (
            <Alert variant="warning">
              <AlertTitle>{t("retentionTitle")}</AlertTitle>
              <AlertDescription>
                <ul className="list-disc pl-4">
                  {retained.map((r) => (
                    <li key={r.code}>{r.retainedUntil ? t("retainedUntil", { code: r.code, laws: r.lawCodes.join(", "), day: r.retainedUntil }) : t("retainedRunning", { code: r.code, laws: r.lawCodes.join(", ") })}</li>
                  ))}
                </ul>
              </AlertDescription>
            </Alert>
          ) : (
            <p className="text-muted-foreground">{t("noRetention")}</p>
          )}
        </div>
      )}

      {preview.serviceEnds && (
        <div className="grid gap-1">
          <label className="flex items-start gap-2 rounded-md border border-amber-500/50 p-3 text-sm">
            <Checkbox checked={serviceEndsAcknowledged} onCheckedChange={(v) => setAck(v === true)} aria-label={t("serviceEndsAck")} className="mt-0.5" {...described("serviceEndsAcknowledged")} />
            <span>{t("serviceEndsAck")}</span>
          </label>
          {error("serviceEndsAcknowledged")}
        </div>
      )}

      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="outline" size="sm" disabled={pending} onClick={fill}>
          <FileText aria-hidden />
          {t("fill")}
        </Button>
        <span className="text-xs text-muted-foreground">{t("fillHint")}</span>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="answer-subject">{t("subject")}</Label>
        <Input id="answer-subject" value={answerSubject} onChange={(e) => setSubject(e.target.value)} {...described("answerSubject")} />
        {error("answerSubject")}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="answer-text">{t("text")}</Label>
        <Textarea id="answer-text" rows={16} value={answerText} onChange={(e) => setText(e.target.value)} className="font-mono text-xs" {...described("answerText")} />
        {error("answerText")}
      </div>
      <div>
        <Button onClick={record} disabled={pending}>
          <Send aria-hidden />
          {t("record")}
        </Button>
      </div>
    </div>
  );
}
