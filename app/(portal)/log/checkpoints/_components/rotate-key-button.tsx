"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { RefreshCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { rotateSigningKeyAction } from "../actions";

/** Retires the current signing key now and starts a new one; the reason is audited. */
export function RotateKeyButton() {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const result = await rotateSigningKeyAction({ reason });
      if (result.ok) {
        toast.success(t("log.keys.rotated", { keyId: (result.data as { keyId: string }).keyId }));
        setOpen(false);
        setReason("");
        setError(null);
        router.refresh();
      } else if (result.error === "invalid") setError(t(`errors.${result.fieldErrors?.reason ?? "invalid"}` as never));
      else setError(t(`errors.${result.error}`));
    });
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <RefreshCcw aria-hidden />
          {t("log.keys.rotate")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{t("log.keys.rotateTitle")}</DialogTitle>
            <DialogDescription>{t("log.keys.rotateHint")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="rotate-reason">{t("log.keys.reason")}</Label>
            <Textarea id="rotate-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!error} aria-describedby={error ? "rotate-reason-error" : undefined} />
            {error && (
              <p id="rotate-reason-error" className="text-sm text-destructive">
                {error}
              </p>
            )}
          </div>
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {t("log.keys.rotateConfirm")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
