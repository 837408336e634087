"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Ban, CalendarPlus, Play } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/server/actions/define";
import { cancelSubjectRequestAction, extendSubjectRequestAction, startSubjectRequestAction } from "../actions";
import { useErrorText } from "./error-text";

/**
 * Working a request: take it in hand, record that the subject withdrew it, or (the DPO) extend an
 * access request once with the reasoned notice sent to the subject.
 */
export function WorkPanel({ id, version, mayStart, mayCancel, mayExtend, extensionDays }: { id: string; version: number; mayStart: boolean; mayCancel: boolean; mayExtend: boolean; extensionDays: number | null }) {
  const t = useTranslations("subjectRequests.work");
  const errorText = useErrorText();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [open, setOpen] = useState<"extend" | "cancel" | null>(null);
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const run = (action: () => Promise<ActionResult>, done: string) =>
    start(async () => {
      setErrors({});
      const result = await action();
      if (result.ok) {
        toast.success(done);
        setOpen(null);
        setText("");
        router.refresh();
        return;
      }
      setErrors(result.error === "invalid" ? (result.fieldErrors ?? {}) : { _form: result.message ?? result.error });
    });

  return (
    <div className="grid gap-3" data-testid="work-panel">
      {errors._form && (
        <Alert variant="destructive">
          <AlertDescription>{errorText(errors._form)}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        {mayStart && (
          <Button size="sm" disabled={pending} onClick={() => run(() => startSubjectRequestAction({ id, expectedVersion: version }), t("started"))}>
            <Play aria-hidden />
            {t("start")}
          </Button>
        )}
        {mayExtend && (
          <Button size="sm" variant="outline" disabled={pending} aria-expanded={open === "extend"} onClick={() => setOpen(open === "extend" ? null : "extend")}>
            <CalendarPlus aria-hidden />
            {t("extend", { days: extensionDays ?? 0 })}
          </Button>
        )}
        {mayCancel && (
          <Button size="sm" variant="ghost" disabled={pending} aria-expanded={open === "cancel"} onClick={() => setOpen(open === "cancel" ? null : "cancel")}>
            <Ban aria-hidden />
            {t("cancel")}
          </Button>
        )}
      </div>
      {open && (
        <form
          className="grid gap-2 rounded-md border p-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (open === "extend") run(() => extendSubjectRequestAction({ id, expectedVersion: version, notice: text }), t("extended"));
            else run(() => cancelSubjectRequestAction({ id, expectedVersion: version, reason: text }), t("cancelled"));
          }}
        >
          <Label htmlFor="work-text">{open === "extend" ? t("notice") : t("cancelReason")}</Label>
          <Textarea id="work-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!!(errors.notice || errors.reason)} aria-describedby="work-text-hint" />
          <p id="work-text-hint" className="text-xs text-muted-foreground">
            {open === "extend" ? t("noticeHint") : t("cancelHint")}
          </p>
          {(errors.notice || errors.reason) && <p className="text-sm text-destructive">{errorText(errors.notice ?? errors.reason)}</p>}
          <div>
            <Button type="submit" size="sm" variant={open === "cancel" ? "destructive" : "default"} disabled={pending}>
              {open === "extend" ? t("confirmExtend") : t("confirmCancel")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
