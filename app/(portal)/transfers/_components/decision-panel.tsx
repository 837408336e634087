"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Check, CornerUpLeft, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Checkbox } from "@/components/ui/checkbox";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { DecisionOutcome } from "@/lib/transfers/constants";
import type { RuleResult } from "@/lib/rules/types";
import type { RegisterNames } from "@/lib/i18n/rule-reasons";
import { RuleReason } from "./rule-results";
import { decideTransferRequestAction } from "../actions";

/**
 * The DPO's decision: one reason, then approve, return for changes or reject. Approval needs a
 * last valid day and every warning acknowledged; a blocked request cannot be approved (the server
 * refuses it too).
 */
export function DecisionPanel({ id, version, blocked, warnings, names, defaultValidUntil, minValidUntil, maxValidUntil }: { id: string; version: number; blocked: boolean; warnings: RuleResult[]; names?: RegisterNames; defaultValidUntil: string; minValidUntil: string; maxValidUntil: string }) {
  const t = useTranslations("transfers.decision");
  const te = useTranslations("errors");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [validUntil, setValidUntil] = useState(defaultValidUntil);
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const message = (key: string) => (te.has(key as never) ? te(key as never) : key);

  const decide = (outcome: DecisionOutcome) =>
    start(async () => {
      setErrors({});
      const result = await decideTransferRequestAction({ id, expectedVersion: version, outcome, reason, validUntil: outcome === "approved" ? validUntil : null, acknowledgedRuleIds: outcome === "approved" ? acknowledged : [] });
      if (result.ok) {
        toast.success(t(`done.${outcome}`));
        router.refresh();
        return;
      }
      if (result.error === "invalid") setErrors(result.fieldErrors ?? {});
      else setErrors({ _form: result.message ?? result.error });
    });

  return (
    <div className="grid gap-4" data-testid="decision-panel">
      {errors._form && (
        <Alert variant="destructive" data-testid="decision-error">
          <AlertDescription>{message(errors._form)}</AlertDescription>
        </Alert>
      )}
      {errors.outcome && (
        <Alert variant="destructive" data-testid="decision-error">
          <AlertDescription>{message(errors.outcome)}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-1.5">
        <Label htmlFor="decision-reason">{t("reason")}</Label>
        <Textarea id="decision-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!errors.reason} aria-describedby={errors.reason ? "decision-reason-error" : undefined} />
        {errors.reason && (
          <p id="decision-reason-error" className="text-sm text-destructive">
            {message(errors.reason)}
          </p>
        )}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="decision-valid-until">{t("validUntil")}</Label>
        <Input id="decision-valid-until" type="date" min={minValidUntil} max={maxValidUntil} value={validUntil} onChange={(e) => setValidUntil(e.target.value)} aria-invalid={!!errors.validUntil} />
        <p className="text-xs text-muted-foreground">{t("validUntilHint")}</p>
        {errors.validUntil && <p className="text-sm text-destructive">{message(errors.validUntil)}</p>}
      </div>
      {warnings.length > 0 && (
        <fieldset className="grid gap-2 rounded-md border border-amber-500/50 p-3">
          <legend className="px-1 text-sm font-medium">{t("acknowledge")}</legend>
          {warnings.map((w) => (
            <label key={w.ruleId} className="flex items-start gap-2 text-sm">
              <Checkbox
                checked={acknowledged.includes(w.ruleId)}
                onCheckedChange={(v) => setAcknowledged(v ? [...acknowledged, w.ruleId] : acknowledged.filter((x) => x !== w.ruleId))}
                aria-label={t("acknowledgeRule", { rule: w.ruleId })}
                className="mt-0.5"
              />
              <span>
                <span className="font-mono text-xs font-semibold">{w.ruleId}</span> <RuleReason result={w} names={names} />
              </span>
            </label>
          ))}
          {errors.acknowledgedRuleIds && <p className="text-sm text-destructive">{message(errors.acknowledgedRuleIds)}</p>}
        </fieldset>
      )}
      {blocked && <p className="text-sm text-destructive">{t("blockedHint")}</p>}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => decide("approved")} disabled={pending || blocked}>
          <Check aria-hidden />
          {t("approve")}
        </Button>
        <Button variant="outline" onClick={() => decide("returned")} disabled={pending}>
          <CornerUpLeft aria-hidden />
          {t("return")}
        </Button>
        <Button variant="destructive" onClick={() => decide("rejected")} disabled={pending}>
          <X aria-hidden />
          {t("reject")}
        </Button>
      </div>
    </div>
  );
}
