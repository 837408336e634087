"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Building2, Database, FileText, Globe, Home, KeyRound, ListChecks, Target, Users } from "lucide-react";
import { cn } from "@/lib/utils";
import { NAV } from "./nav";

const ICONS = { home: Home, building: Building2, target: Target, database: Database, globe: Globe, check: ListChecks, file: FileText, users: Users, key: KeyRound };

export function SidebarNav({ allowed }: { allowed: string[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="grid gap-1">
      {NAV.filter((item) => allowed.includes(item.href)).map((item) => {
        const Icon = ICONS[item.icon];
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
              active && "bg-accent text-accent-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {t(item.key)}
          </Link>
        );
      })}
    </nav>
  );
}
