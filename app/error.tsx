"use client";

import { startTransition, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** How often the page asks again whether the database is back. */
const RECHECK_MS = 2_000;

/**
 * What a page shows when rendering it failed. In production the server's error reaches the browser
 * without its message, so the page asks /api/health (which answers within a second) whether the
 * database is answering. When it is not, the page says the portal is temporarily unavailable and
 * reloads itself once the database is back; otherwise it shows the error's id, which the server
 * logged with the error.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("pageError");
  const router = useRouter();
  const [state, setState] = useState<"checking" | "unavailable" | "failed">("checking");

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasUnavailable = false;
    const check = async () => {
      const res = await fetch("/api/health", { cache: "no-store" }).catch(() => null);
      if (stopped) return;
      if (!res || res.status === 503) {
        wasUnavailable = true;
        setState("unavailable");
        timer = setTimeout(check, RECHECK_MS);
      } else if (wasUnavailable) {
        // The database is back: render the page again.
        startTransition(() => {
          router.refresh();
          reset();
        });
      } else setState("failed");
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [error, reset, router]);

  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });

  if (state === "checking") return <main className="min-h-[60vh]" aria-busy="true" />;
  const unavailable = state === "unavailable";
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-xl font-semibold">{unavailable ? t("unavailableTitle") : t("failedTitle")}</h1>
      <p role="status" className="max-w-md text-sm text-muted-foreground">
        {unavailable ? t("unavailableBody") : t("failedBody")}
      </p>
      {!unavailable && error.digest ? <p className="font-mono text-xs text-muted-foreground">{t("errorId", { id: error.digest })}</p> : null}
      <Button variant="outline" onClick={retry}>
        {t("retry")}
      </Button>
    </main>
  );
}
