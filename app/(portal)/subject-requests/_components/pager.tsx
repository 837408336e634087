"use client";
import { useTranslations } from "next-intl";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useSearchParamsUpdate } from "@/components/use-search-params-update";

export function Pager({ total, page, pageSize }: { total: number; page: number; pageSize: number }) {
  const t = useTranslations("subjectRequests.pagination");
  const { update, pending } = useSearchParamsUpdate();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="flex items-center justify-between text-sm text-muted-foreground" aria-busy={pending}>
      <span>{t("summary", { total, page, pages })}</span>
      <div className="flex gap-2">
        <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => update({ page: String(page - 1) }, false)}>
          <ChevronLeft aria-hidden />
          {t("previous")}
        </Button>
        <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => update({ page: String(page + 1) }, false)}>
          {t("next")}
          <ChevronRight aria-hidden />
        </Button>
      </div>
    </div>
  );
}
