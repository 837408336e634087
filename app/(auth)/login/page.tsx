import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ShieldCheck } from "lucide-react";
import { currentUser } from "@/lib/server/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await currentUser()) redirect(target);
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <div className="absolute top-4 right-4 flex items-center gap-2">
        <LocaleSwitch />
        <ThemeToggle />
      </div>
      <div className="flex items-center gap-2 text-lg font-semibold">
        <ShieldCheck className="size-6 text-primary" aria-hidden />
        {t("app.title")}
      </div>
      <div className="w-full max-w-sm rounded-xl border bg-card p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">{t("signIn.title")}</h1>
        <p className="mb-6 text-sm text-muted-foreground">{t("signIn.subtitle")}</p>
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}
