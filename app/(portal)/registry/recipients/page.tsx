import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Download, Plus } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { listRecipients, recipientFormOptions } from "@/db/queries/recipients";
import { recipientListQuery } from "@/lib/validation/recipient";
import { localized, localizedList, type Locale } from "@/lib/i18n/config";
import { Button } from "@/components/ui/button";
import { RecipientFilters } from "./_components/recipient-filters";
import { RecipientsTable } from "./_components/recipients-table";
import { CsvFormulaNote } from "@/components/downloads/csv-formula-note";

export async function generateMetadata() {
  const t = await getTranslations("recipients");
  return { title: t("title") };
}

export default async function RecipientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("register.read", "/registry/recipients");
  const t = await getTranslations("recipients");
  const locale = (await getLocale()) as Locale;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = recipientListQuery.parse(raw);
  const [result, options] = await Promise.all([listRecipients(query), recipientFormOptions()]);
  const countryName = new Map(options.countries.map((c) => [c.code, localized(locale, { en: c.nameEn, kk: c.nameKk, ru: c.nameRu })]));
  const rows = result.rows.map((r) => ({
    id: r.id,
    name: localized(locale, { en: r.nameEn, kk: r.nameKk, ru: r.nameRu }),
    role: r.role,
    country: countryName.get(r.countryCode) ?? r.countryCode,
    crossBorder: r.crossBorder,
    basis: r.basis,
    status: r.status,
    purposes: localizedList(locale, { en: r.transferPurposes, kk: r.transferPurposesKk, ru: r.transferPurposesRu }),
    updatedAt: r.updatedAt.toISOString(),
  }));
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
        </div>
        <div className="flex gap-2">
          <Button variant="outline" size="sm" asChild>
            <a href="/api/v1/recipients/export?format=csv" download>
              <Download aria-hidden />
              {t("downloadCsv")}
            </a>
          </Button>
          <Button variant="outline" size="sm" asChild>
            <a href="/api/v1/recipients/export?format=csv&headers=localized" download>
              <Download aria-hidden />
              {t("downloadLocalized")}
            </a>
          </Button>
          <Button variant="outline" size="sm" asChild>
            <a href="/api/v1/recipients/export?format=json" download>
              <Download aria-hidden />
              {t("downloadJson")}
            </a>
          </Button>
          {can(user.role, "register.write") && (
            <Button size="sm" asChild>
              <Link href="/registry/recipients/new">
                <Plus aria-hidden />
                {t("add")}
              </Link>
            </Button>
          )}
        </div>
      </div>
      <CsvFormulaNote className="justify-self-end text-right" />
      <RecipientFilters countries={options.countries.map((c) => ({ code: c.code, name: countryName.get(c.code) ?? c.code }))} />
      <RecipientsTable rows={rows} total={result.total} page={result.page} pageSize={result.pageSize} sort={query.sort ?? "name"} dir={query.dir ?? "asc"} />
    </div>
  );
}
