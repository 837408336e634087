import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ShieldCheck } from "lucide-react";
import { currentUser } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { NAV } from "@/components/shell/nav";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NotificationBell } from "@/components/shell/notification-bell";
import { countUnreadNotifications, listNotifications } from "@/db/queries/notifications";
import { renderNotification, type NotificationParams } from "@/lib/notifications/render";
import type { Locale } from "@/lib/i18n/config";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const t = await getTranslations();
  const allowed = NAV.filter((item) => can(user.role, item.permission)).map((item) => item.href);
  const locale = (await getLocale()) as Locale;
  const reader = { id: user.id, role: user.role };
  const [notices, unread] = can(user.role, "transfers.read") ? await Promise.all([listNotifications(reader), countUnreadNotifications(reader)]) : [[], 0];
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2">
        {t("shell.skipToContent")}
      </a>
      <aside className="hidden w-60 shrink-0 border-r bg-sidebar p-4 md:block">
        <Link href="/" className="mb-6 flex items-center gap-2 px-2 font-semibold">
          <ShieldCheck className="size-5 text-primary" aria-hidden />
          {t("app.short")}
        </Link>
        <SidebarNav allowed={allowed} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center gap-2 border-b px-4">
          <MobileNav allowed={allowed} />
          <div className="flex-1" />
          {can(user.role, "transfers.read") && (
            <NotificationBell
              unread={unread}
              items={notices.map((n) => ({ id: n.id, text: renderNotification(n.kind, locale, n.params as NotificationParams), link: n.link, createdAt: n.createdAt.toISOString(), read: n.read }))}
            />
          )}
          <LocaleSwitch />
          <ThemeToggle />
          <UserMenu name={user.name} email={user.email} role={user.role} />
        </header>
        <main id="main" className="flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
