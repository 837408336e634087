"use client";
import { useCallback, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

/**
 * Updates the viewer's query (its state lives in the URL, so a view can be shared and reloaded).
 * Any change of filter drops the page cursor: the new selection starts at its newest entry.
 */
export function useLogParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, start] = useTransition();
  const update = useCallback(
    (changes: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      next.delete("before");
      start(() => router.replace(`${pathname}${next.size ? `?${next}` : ""}`));
    },
    [params, pathname, router],
  );
  return { params, update, pending };
}
