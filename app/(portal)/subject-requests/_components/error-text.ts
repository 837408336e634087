"use client";
import { useTranslations } from "next-intl";

/** A server's error key as the reader's sentence: this area's keys first, then the shared ones. */
export function useErrorText() {
  const own = useTranslations("subjectRequests.errors");
  const shared = useTranslations("errors");
  return (key: string | undefined | null) => {
    if (!key) return null;
    if (own.has(key as never)) return own(key as never);
    if (shared.has(key as never)) return shared(key as never);
    return key;
  };
}
