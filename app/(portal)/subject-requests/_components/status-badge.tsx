import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { SubjectRequestStatus } from "@/lib/subject-requests/facts";

const VARIANTS = { received: "outline", "in-progress": "secondary", answered: "success", refused: "danger", cancelled: "secondary" } as const;

export function SubjectStatusBadge({ status }: { status: SubjectRequestStatus }) {
  const t = useTranslations("subjectRequests.status");
  return (
    <Badge variant={VARIANTS[status]} data-testid="subject-request-status">
      {t(status)}
    </Badge>
  );
}
