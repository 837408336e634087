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
import { archiveRecipientAction } from "../actions";

/** Archive (never delete) or restore, with a mandatory reason that goes into the history. */
export function ArchiveButton({ id, version, archived }: { id: string; version: number; archived: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      const result = await archiveRecipientAction({ id, archived: !archived, expectedVersion: version, reason });
      if (result.ok) {
        toast.success(archived ? t("recipients.restored") : t("recipients.archived"));
        setOpen(false);
        router.refresh();
      } else if (result.error === "invalid") setError(t(`errors.${result.fieldErrors?.reason ?? "invalid"}` as never));
      else setError(t(`errors.${result.error}`));
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          {archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
          {archived ? t("recipients.restore") : t("recipients.archive")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{archived ? t("recipients.restoreTitle") : t("recipients.archiveTitle")}</DialogTitle>
          <DialogDescription>{t("recipients.archiveHint")}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-1.5">
          <Label htmlFor="archive-reason">{t("recipients.fields.reason")}</Label>
          <Textarea id="archive-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!error} />
          {error && <p className="text-sm text-destructive">{error}</p>}
        </div>
        <DialogFooter>
          <Button onClick={submit} disabled={pending}>
            {archived ? t("recipients.restore") : t("recipients.archive")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
