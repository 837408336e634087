"use client";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Copy } from "lucide-react";
import { Button } from "@/components/ui/button";

export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations("log.keys");
  return (
    <Button type="button" variant="ghost" size="icon" className="size-7" aria-label={label} onClick={() => navigator.clipboard?.writeText(value).then(() => toast.success(t("copied")))}>
      <Copy aria-hidden />
    </Button>
  );
}
