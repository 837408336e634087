import Link from "next/link";
import { useTranslations } from "next-intl";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";

/** "Newer" / "Older" links of a keyset-paged list (null: no such page). */
export function KeysetPager({ newerHref, olderHref }: { newerHref: string | null; olderHref: string | null }) {
  const t = useTranslations("log.pagination");
  if (newerHref === null && olderHref === null) return null;
  const link = (href: string | null, children: React.ReactNode) =>
    href !== null ? (
      <Button variant="outline" size="sm" asChild>
        <Link href={href}>{children}</Link>
      </Button>
    ) : (
      <Button variant="outline" size="sm" disabled>
        {children}
      </Button>
    );
  return (
    <nav className="flex justify-end gap-2" aria-label={t("label")}>
      {link(
        newerHref,
        <>
          <ChevronLeft aria-hidden />
          {t("newer")}
        </>,
      )}
      {link(
        olderHref,
        <>
          {t("older")}
          <ChevronRight aria-hidden />
        </>,
      )}
    </nav>
  );
}
