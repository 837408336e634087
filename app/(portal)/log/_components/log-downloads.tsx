"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Download, FileArchive, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Progress } from "@/components/ui/progress";
import { CsvFormulaNote } from "@/components/downloads/csv-formula-note";

type State =
  | { phase: "idle" }
  | { phase: "running"; what: string; value: number | null; received: number; total: number | null }
  | { phase: "done"; what: string; file: string; lines: number }
  | { phase: "failed"; what: string; status: number | null; detail: string | null };

const NEWLINE = 0x0a;

function fileNameOf(res: Response, fallback: string) {
  const cd = res.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/**
 * Downloads of the log as it is filtered on the page (CSV, JSON Lines) and verification bundles
 * of a seq range. The file is streamed with fetch and a reader so that a progress bar can
 * follow it: the server announces the number of entries (X-Total-Count) and sends one line per
 * entry; without that header the bytes against Content-Length, else an indeterminate bar.
 */
export function LogDownloads({ filterQuery, headSize }: { filterQuery: string; headSize: number }) {
  const t = useTranslations("log.downloads");
  const [state, setState] = useState<State>({ phase: "idle" });
  const [from, setFrom] = useState("0");
  const [to, setTo] = useState(String(Math.max(0, headSize - 1)));
  const abort = useRef<AbortController | null>(null);

  const run = async (what: string, url: string, fallbackName: string) => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: "running", what, value: null, received: 0, total: null });
    try {
      const res = await fetch(url, { signal: controller.signal, headers: { accept: "*/*" } });
      if (!res.ok || !res.body) {
        const problem = (await res.json().catch(() => null)) as { detail?: string; title?: string } | null;
        setState({ phase: "failed", what, status: res.status, detail: problem?.detail ?? problem?.title ?? null });
        return;
      }
      const total = Number(res.headers.get("x-total-count")) || null;
      const length = Number(res.headers.get("content-length")) || null;
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let lines = 0;
      let bytes = 0;
      let shown = -1;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        for (let i = 0; i < value.length; i++) if (value[i] === NEWLINE) lines++;
        // Header, prefix and checkpoint lines come on top of the entries: stop short of 100 % until the end.
        const fraction = total ? Math.min(0.99, lines / total) : length ? Math.min(0.99, bytes / length) : null;
        const percent = fraction === null ? null : Math.floor(fraction * 100);
        if (percent !== shown) {
          shown = percent ?? -1;
          setState({ phase: "running", what, value: percent, received: total ? Math.min(lines, total) : lines, total });
        }
      }
      const type = res.headers.get("content-type") ?? "application/octet-stream";
      const href = URL.createObjectURL(new Blob(chunks, { type }));
      const file = fileNameOf(res, fallbackName);
      const a = document.createElement("a");
      a.href = href;
      a.download = file;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
      setState({ phase: "done", what, file, lines });
    } catch (err) {
      if ((err as Error).name === "AbortError") setState({ phase: "idle" });
      else setState({ phase: "failed", what, status: null, detail: (err as Error).message });
    } finally {
      abort.current = null;
    }
  };

  const sep = filterQuery ? `&${filterQuery}` : "";
  const running = state.phase === "running";
  const rangeValid = /^\d+$/.test(from) && /^\d+$/.test(to) && Number(from) <= Number(to) && Number(to) < headSize;

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <Button variant="outline" size="sm" disabled={running} onClick={() => run(t("csv"), `/api/v1/log/export?format=csv${sep}`, "transfer-log.csv")}>
          <Download aria-hidden />
          {t("csv")}
        </Button>
        <Button variant="outline" size="sm" disabled={running} onClick={() => run(t("jsonl"), `/api/v1/log/export?format=jsonl${sep}`, "transfer-log.jsonl")}>
          <Download aria-hidden />
          {t("jsonl")}
        </Button>
      </div>
      <CsvFormulaNote />
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (rangeValid) run(t("bundle"), `/api/v1/log/bundle?from=${from}&to=${to}`, `transfer-log-bundle-${from}-${to}.jsonl`);
        }}
      >
        <div className="grid gap-1">
          <Label htmlFor="bundle-from" className="text-xs text-muted-foreground">
            {t("fromSeq")}
          </Label>
          <Input id="bundle-from" inputMode="numeric" value={from} onChange={(e) => setFrom(e.target.value.trim())} className="w-28 font-mono" aria-invalid={!rangeValid} />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="bundle-to" className="text-xs text-muted-foreground">
            {t("toSeq")}
          </Label>
          <Input id="bundle-to" inputMode="numeric" value={to} onChange={(e) => setTo(e.target.value.trim())} className="w-28 font-mono" aria-invalid={!rangeValid} />
        </div>
        <Button type="submit" variant="outline" size="sm" disabled={running || !rangeValid}>
          <FileArchive aria-hidden />
          {t("bundle")}
        </Button>
      </form>
      {headSize === 0 && <p className="text-xs text-muted-foreground">{t("bundleEmpty")}</p>}
      <div aria-live="polite" className="grid gap-2">
        {state.phase === "running" && (
          <div className="grid gap-1.5">
            <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
              <span>{state.total ? t("progressOf", { what: state.what, received: state.received, total: state.total }) : t("progress", { what: state.what, received: state.received })}</span>
              <Button variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
                <X aria-hidden />
                {t("cancel")}
              </Button>
            </div>
            <Progress value={state.value} aria-label={t("progressLabel", { what: state.what })} />
          </div>
        )}
        {state.phase === "done" && <p className="text-xs text-emerald-700 dark:text-emerald-400">{t("saved", { file: state.file })}</p>}
        {state.phase === "failed" && (
          <p className="text-xs text-destructive" role="alert">
            {state.status === 404 ? t("notAvailable", { what: state.what }) : t("failed", { what: state.what, detail: state.detail ?? String(state.status ?? "") })}
          </p>
        )}
      </div>
    </div>
  );
}
