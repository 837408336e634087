"use client";
import { useTranslations } from "next-intl";
import { LogOut, UserRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { signOutAction } from "@/lib/server/actions/shell";
import type { Role } from "@/lib/auth/permissions";

export function UserMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  const t = useTranslations();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("shell.account")} className="gap-2">
          <UserRound aria-hidden />
          <span className="hidden text-left sm:block">
            <span className="block leading-tight" data-testid="user-name">{name}</span>
            <span className="block text-xs leading-tight text-muted-foreground" data-testid="user-role">{t(`roles.${role}`)}</span>
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>
          <span className="block">{name}</span>
          <span className="block text-xs font-normal text-muted-foreground">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void signOutAction()}>
          <LogOut className="size-4" aria-hidden />
          {t("shell.signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
