"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { FileDown } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * Saves the entry's receipt (entry, leaf hash, checkpoint, inclusion proof) as JSON. It is
 * fetched from the API rather than copied from the page, so the download is recorded as such.
 */
export function DownloadReceipt({ seq }: { seq: number }) {
  const t = useTranslations("log.entry");
  const [error, setError] = useState(false);
  const save = async () => {
    setError(false);
    const res = await fetch(`/api/v1/log/entries/${seq}`, { headers: { accept: "application/json" } });
    if (!res.ok) return setError(true);
    const receipt = await res.json();
    const href = URL.createObjectURL(new Blob([JSON.stringify(receipt, null, 2) + "\n"], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = href;
    a.download = `transfer-log-receipt-${seq}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  };
  return (
    <div className="flex items-center gap-2">
      <Button variant="outline" size="sm" onClick={save}>
        <FileDown aria-hidden />
        {t("downloadReceipt")}
      </Button>
      {error && (
        <span className="text-xs text-destructive" role="alert">
          {t("downloadFailed")}
        </span>
      )}
    </div>
  );
}
