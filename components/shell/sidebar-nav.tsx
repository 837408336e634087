"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { ArrowLeftRight, Building2, CalendarClock, Database, Eye, FileText, FileX2, Globe, Home, Inbox, KeyRound, KeySquare, ListChecks, ScrollText, Stamp, Target, Users } from "lucide-react";
import { cn } from "@/lib/utils";
import { NAV } from "./nav";

const ICONS = {
  home: Home,
  building: Building2,
  target: Target,
  database: Database,
  globe: Globe,
  check: ListChecks,
  file: FileText,
  transfer: ArrowLeftRight,
  users: Users,
  key: KeyRound,
  keyPersonal: KeySquare,
  log: ScrollText,
  checkpoint: Stamp,
  access: Eye,
  calendar: CalendarClock,
  fileX: FileX2,
  inbox: Inbox,
};

export function SidebarNav({ allowed }: { allowed: string[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const items = NAV.filter((item) => allowed.includes(item.href));
  // The most specific entry is the current one (/log/checkpoints is not also /log).
  const current = items
    .filter((item) => (item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={t("label")} className="grid gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const active = item.href === current;
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
