import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { DeletionActStatus } from "@/lib/deletion-acts/types";

const VARIANTS = { pending: "warning", approved: "success", rejected: "danger" } as const;

export function ActStatusBadge({ status }: { status: DeletionActStatus }) {
  const t = useTranslations("deletionActs.status");
  return (
    <Badge variant={VARIANTS[status]} data-testid="act-status">
      {t(status)}
    </Badge>
  );
}
