"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Stamp } from "lucide-react";
import { Button } from "@/components/ui/button";
import { issueCheckpointAction } from "../actions";

/** Signs a checkpoint of the log as it stands, now (besides the schedule). */
export function IssueCheckpointButton() {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const issue = () =>
    start(async () => {
      const result = await issueCheckpointAction({ confirm: true });
      if (result.ok) {
        toast.success(t("log.checkpoints.issued", { size: (result.data as { treeSize: number }).treeSize }));
        router.refresh();
      } else toast.error(t(`errors.${result.error}`));
    });
  return (
    <Button size="sm" onClick={issue} disabled={pending}>
      <Stamp aria-hidden />
      {t("log.checkpoints.issue")}
    </Button>
  );
}
