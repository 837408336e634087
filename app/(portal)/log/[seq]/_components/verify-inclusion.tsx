"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { base64ToBytes, hexToBytes, rootFromInclusionProof } from "@/lib/transfer-log/web-verify";

function toBase64(bytes: Uint8Array) {
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Recomputes the checkpoint's root from the entry's leaf hash and the inclusion proof, here in
 * the browser (Web Crypto SHA-256, RFC 9162 §2.1.3.2), and compares it with the signed root.
 */
export function VerifyInclusion({ seq, leafHash, treeSize, rootHash, proof }: { seq: number; leafHash: string; treeSize: number; rootHash: string; proof: string[] }) {
  const t = useTranslations("log.entry");
  const [result, setResult] = useState<{ ok: boolean; computed: string | null } | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    try {
      const leaf = hexToBytes(leafHash);
      const root = base64ToBytes(rootHash);
      const path = proof.map(base64ToBytes);
      if (!leaf || !root || path.some((p) => p === null)) return setResult({ ok: false, computed: null });
      const computed = await rootFromInclusionProof(leaf, seq, treeSize, path as Uint8Array[]);
      const computedText = computed ? toBase64(computed) : null;
      setResult({ ok: computedText === rootHash, computed: computedText });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" onClick={verify} disabled={busy}>
          <ShieldCheck aria-hidden />
          {t("verify")}
        </Button>
        <span aria-live="polite" data-testid="inclusion-result">
          {result && (result.ok ? <Badge variant="success">{t("verifyOk")}</Badge> : <Badge variant="danger">{t("verifyFail")}</Badge>)}
        </span>
      </div>
      {result && (
        <p className="text-xs text-muted-foreground">
          {result.computed ? t("computedRoot", { root: result.computed }) : t("proofMalformed")}
        </p>
      )}
    </div>
  );
}
