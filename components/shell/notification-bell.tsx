"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { Bell } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";
import { markNotificationsReadAction } from "@/lib/server/actions/shell";

export type BellItem = { id: string; text: string; link: string; createdAt: string; read: boolean };

/** The header's bell: unread count, the newest notices; opening one marks it read. */
export function NotificationBell({ items, unread }: { items: BellItem[]; unread: number }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const router = useRouter();
  const [, start] = useTransition();
  const open = (item: BellItem) =>
    start(async () => {
      if (!item.read) await markNotificationsReadAction({ ids: [item.id] });
      router.push(item.link);
      router.refresh();
    });
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={unread ? t("bellUnread", { count: unread }) : t("bell")}>
          <Bell aria-hidden />
          {unread > 0 && (
            <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-destructive px-1 text-[10px] leading-4 font-semibold text-white" data-testid="unread-count">
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80">
        <DropdownMenuLabel>{t("title")}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {items.length === 0 && <p className="px-2 py-3 text-sm text-muted-foreground">{t("empty")}</p>}
        {items.map((item) => (
          <DropdownMenuItem key={item.id} onSelect={() => open(item)} className="grid items-start gap-0.5" data-unread={!item.read || undefined}>
            <span className={cn("text-sm whitespace-normal", !item.read && "font-semibold")}>{item.text}</span>
            <span className="text-xs text-muted-foreground">{format.relativeTime(new Date(item.createdAt), now)}</span>
          </DropdownMenuItem>
        ))}
        {unread > 0 && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem
              onSelect={() =>
                start(async () => {
                  await markNotificationsReadAction({ all: true });
                  router.refresh();
                })
              }
            >
              {t("markAllRead")}
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
