import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errorsPage");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-5xl font-bold text-muted-foreground">403</p>
      <h1 className="text-xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="max-w-md text-sm text-muted-foreground">{t("forbiddenBody")}</p>
      <Link href="/" className="text-sm text-primary underline-offset-4 hover:underline">
        {t("home")}
      </Link>
    </main>
  );
}
