"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { submitTransferRequestAction } from "../actions";

/** Submits a draft (or a returned request) as it stands: the rules run and the DPOs are told. */
export function SubmitRequestButton({ id, version }: { id: string; version: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="grid gap-1">
      <Button
        size="sm"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await submitTransferRequestAction({ id, expectedVersion: version });
            if (result.ok) {
              toast.success(t("transfers.form.submitted"));
              router.refresh();
            } else {
              const key = result.error === "invalid" ? (Object.values(result.fieldErrors ?? {})[0] ?? "invalid") : (result.message ?? result.error);
              setError(t.has(`errors.${key}` as never) ? t(`errors.${key}` as never) : key);
            }
          })
        }
      >
        <Send aria-hidden />
        {t("transfers.form.submit")}
      </Button>
      {error && <p className="text-sm text-destructive">{error}</p>}
    </div>
  );
}
