"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Archive, ArchiveRestore } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/server/actions/define";
import { fieldErrorText } from "./action-errors";

/**
 * Archive (never delete) or restore a register entry, with a mandatory reason that goes into its
 * history. An entry still in use is refused; the error lists where it is used.
 */
export function ArchiveDialog({
  action,
  payload,
  archived,
  label,
}: {
  action: (input: unknown) => Promise<ActionResult>;
  payload: Record<string, unknown>;
  archived: boolean;
  /** Names the entry in the button's accessible name, e.g. "C12". */
  label: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      const result = await action({ ...payload, archived: !archived, reason });
      if (result.ok) {
        toast.success(archived ? t("record.restored") : t("record.archived"));
        setOpen(false);
        setReason("");
        setError(null);
        router.refresh();
      } else if (result.error === "invalid") setError(fieldErrorText(t, result, "reason") ?? t("errors.invalid"));
      else setError(t(`errors.${result.error}`));
    });
  const verb = archived ? t("record.restore") : t("record.archive");
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={t("record.actionOn", { action: verb, entry: label })}>
          {archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
          {verb}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{archived ? t("record.restoreTitle", { entry: label }) : t("record.archiveTitle", { entry: label })}</DialogTitle>
          <DialogDescription>{t("record.archiveHint")}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-1.5">
          <Label htmlFor="archive-reason">{t("record.reason")}</Label>
          <Textarea id="archive-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!error} aria-describedby={error ? "archive-reason-error" : undefined} />
          {error && (
            <p id="archive-reason-error" className="text-sm text-destructive">
              {error}
            </p>
          )}
        </div>
        <DialogFooter>
          <Button onClick={submit} disabled={pending}>
            {verb}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
