"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Check, Loader2, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { decideDeletionActAction } from "../actions";

/** Approve or reject an act awaiting approval; a rejection says why. */
export function DecisionPanel({ actId }: { actId: string }) {
  const t = useTranslations("deletionActs");
  const te = useTranslations("errors");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [comment, setComment] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const message = (key: string) => (t.has(`errors.${key}` as never) ? t(`errors.${key}` as never) : te.has(key as never) ? te(key as never) : key);

  const decide = (outcome: "approved" | "rejected") =>
    start(async () => {
      setFieldError(null);
      setFormError(null);
      const result = await decideDeletionActAction({ actId, outcome, comment });
      if (result.ok) {
        toast.success(t("decided"));
        router.refresh();
        return;
      }
      if (result.error === "invalid" && result.fieldErrors?.comment) setFieldError(message(result.fieldErrors.comment));
      else setFormError(message(result.message ?? result.error));
    });

  return (
    <div className="grid gap-3">
      {formError && (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-1.5">
        <Label htmlFor="decision-comment">{t("comment")}</Label>
        <Textarea id="decision-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} aria-invalid={!!fieldError} aria-describedby={fieldError ? "decision-comment-error" : "decision-comment-hint"} />
        {fieldError ? (
          <p id="decision-comment-error" className="text-sm text-destructive">
            {fieldError}
          </p>
        ) : (
          <p id="decision-comment-hint" className="text-xs text-muted-foreground">
            {t("commentHint")}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={() => decide("approved")} disabled={pending}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Check aria-hidden />}
          {t("approve")}
        </Button>
        <Button type="button" variant="outline" onClick={() => decide("rejected")} disabled={pending}>
          <X aria-hidden />
          {t("reject")}
        </Button>
      </div>
    </div>
  );
}
