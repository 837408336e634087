"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Menu } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SidebarNav } from "./sidebar-nav";

/** The sidebar in a sheet, for narrow screens. */
export function MobileNav({ allowed }: { allowed: string[] }) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label={t("shell.openMenu")}>
          <Menu aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")} className="top-0 left-0 h-full max-w-64 translate-x-0 translate-y-0 rounded-none" onClick={() => setOpen(false)}>
        <DialogTitle>{t("app.short")}</DialogTitle>
        <SidebarNav allowed={allowed} />
      </DialogContent>
    </Dialog>
  );
}
