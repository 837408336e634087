import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { EffectiveStatus } from "@/lib/transfers/constants";

const VARIANTS = {
  draft: "secondary",
  submitted: "outline",
  approved: "success",
  rejected: "danger",
  returned: "warning",
  revoked: "danger",
  expired: "secondary",
} as const;

export function TransferStatusBadge({ status }: { status: EffectiveStatus }) {
  const t = useTranslations("transfers.status");
  return (
    <Badge variant={VARIANTS[status]} data-testid="transfer-status">
      {t(status)}
    </Badge>
  );
}
