"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Ban } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { revokeApprovalAction } from "../actions";

/** Revokes an approval with a mandatory reason; transfers logged after it are no longer covered. */
export function RevokeApprovalButton({ id, version }: { id: string; version: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      const result = await revokeApprovalAction({ id, expectedVersion: version, reason });
      if (result.ok) {
        toast.success(t("transfers.revoke.done"));
        setOpen(false);
        router.refresh();
      } else {
        const key = result.error === "invalid" ? (result.fieldErrors?.reason ?? "invalid") : (result.message ?? result.error);
        setError(t.has(`errors.${key}` as never) ? t(`errors.${key}` as never) : key);
      }
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Ban aria-hidden />
          {t("transfers.revoke.button")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("transfers.revoke.title")}</DialogTitle>
          <DialogDescription>{t("transfers.revoke.hint")}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-1.5">
          <Label htmlFor="revoke-reason">{t("transfers.revoke.reason")}</Label>
          <Textarea id="revoke-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!error} />
          {error && <p className="text-sm text-destructive">{error}</p>}
        </div>
        <DialogFooter>
          <Button variant="destructive" onClick={submit} disabled={pending}>
            {t("transfers.revoke.confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
