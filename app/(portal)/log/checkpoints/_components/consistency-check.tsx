"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { GitCompareArrows } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { base64ToBytes, verifyConsistencyWeb } from "@/lib/transfer-log/web-verify";

type Outcome = { ok: boolean; first: number; second: number; hashes: number } | { error: string };

/**
 * Asks the log for a consistency proof between two checkpointed sizes and verifies it here, in
 * the browser (RFC 9162 §2.1.4.2): the later tree must extend the earlier one, unchanged.
 */
export function ConsistencyCheck({ sizes }: { sizes: number[] }) {
  const t = useTranslations("log.consistency");
  const [first, setFirst] = useState(String(sizes.length > 1 ? sizes[sizes.length - 1] : (sizes[0] ?? "")));
  const [second, setSecond] = useState(String(sizes[0] ?? ""));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (e: React.FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    const a = Number(first);
    const b = Number(second);
    if (a > b) return setOutcome({ error: t("order") });
    setBusy(true);
    try {
      const res = await fetch(`/api/v1/log/consistency?first=${a}&second=${b}`);
      const body = await res.json();
      if (!res.ok) return setOutcome({ error: body.detail ?? body.title ?? String(res.status) });
      const r1 = body.firstCheckpoint ? base64ToBytes(body.firstCheckpoint.rootHash) : null;
      const r2 = body.secondCheckpoint ? base64ToBytes(body.secondCheckpoint.rootHash) : null;
      const proof = (body.proof as string[]).map(base64ToBytes);
      if (!r1 || !r2 || proof.some((p) => !p)) return setOutcome({ ok: false, first: a, second: b, hashes: proof.length });
      setOutcome({ ok: await verifyConsistencyWeb(a, b, r1, r2, proof as Uint8Array[]), first: a, second: b, hashes: proof.length });
    } finally {
      setBusy(false);
    }
  };

  if (!sizes.length) return <p className="text-sm text-muted-foreground">{t("needCheckpoints")}</p>;
  const options = sizes.map((s) => (
    <option key={s} value={s}>
      {s}
    </option>
  ));
  return (
    <form onSubmit={check} className="grid gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1">
          <Label htmlFor="consistency-first" className="text-xs text-muted-foreground">
            {t("first")}
          </Label>
          <NativeSelect id="consistency-first" value={first} onChange={(e) => setFirst(e.target.value)} className="w-36 font-mono">
            {options}
          </NativeSelect>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="consistency-second" className="text-xs text-muted-foreground">
            {t("second")}
          </Label>
          <NativeSelect id="consistency-second" value={second} onChange={(e) => setSecond(e.target.value)} className="w-36 font-mono">
            {options}
          </NativeSelect>
        </div>
        <Button type="submit" size="sm" disabled={busy}>
          <GitCompareArrows aria-hidden />
          {t("check")}
        </Button>
      </div>
      <div aria-live="polite" data-testid="consistency-result" className="text-sm">
        {outcome &&
          ("error" in outcome ? (
            <span className="text-destructive">{outcome.error}</span>
          ) : outcome.ok ? (
            <span className="flex flex-wrap items-center gap-2">
              <Badge variant="success">{t("ok")}</Badge>
              {t("okDetail", { first: outcome.first, second: outcome.second, hashes: outcome.hashes })}
            </span>
          ) : (
            <span className="flex flex-wrap items-center gap-2">
              <Badge variant="danger">{t("fail")}</Badge>
              {t("failDetail", { first: outcome.first, second: outcome.second })}
            </span>
          ))}
      </div>
    </form>
  );
}
