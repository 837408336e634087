import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Download, Plus } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { listPurposes } from "@/db/queries/purposes";
import { localized, type Locale } from "@/lib/i18n/config";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { periodText } from "./_components/retention";
import { CsvFormulaNote } from "@/components/downloads/csv-formula-note";

export async function generateMetadata() {
  const t = await getTranslations("purposes");
  return { title: t("title") };
}

export default async function PurposesPage() {
  const user = await requirePagePermission("register.read", "/registry/purposes");
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const purposes = await listPurposes();
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("purposes.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("purposes.subtitle")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(user.role, "register.export") && (
            <>
              <Button variant="outline" size="sm" asChild>
                <a href="/api/v1/ropa/export?format=csv" download>
                  <Download aria-hidden />
                  {t("purposes.downloadRopa")}
                </a>
              </Button>
              <Button variant="outline" size="sm" asChild>
                <a href="/api/v1/ropa/export?format=xlsx&headers=localized" download>
                  <Download aria-hidden />
                  {t("purposes.downloadRopaXlsx")}
                </a>
              </Button>
              <Button variant="outline" size="sm" asChild>
                <a href="/api/v1/ropa/export?format=csv&headers=localized" download>
                  <Download aria-hidden />
                  {t("purposes.downloadRopaLocalized")}
                </a>
              </Button>
            </>
          )}
          {can(user.role, "register.write") && (
            <Button size="sm" asChild>
              <Link href="/registry/purposes/new">
                <Plus aria-hidden />
                {t("purposes.add")}
              </Link>
            </Button>
          )}
        </div>
      </div>
      {can(user.role, "register.export") && <CsvFormulaNote className="justify-self-end text-right" />}
      <div className="rounded-lg border">
        <Table aria-label={t("purposes.title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("purposes.fields.code")}</TableHead>
              <TableHead>{t("purposes.fields.name")}</TableHead>
              <TableHead>{t("purposes.fields.subjectCategory")}</TableHead>
              <TableHead>{t("purposes.fields.retention")}</TableHead>
              <TableHead>{t("purposes.fields.deletion")}</TableHead>
              <TableHead>{t("purposes.fields.recipients")}</TableHead>
              <TableHead>{t("purposes.fields.status")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {purposes.map((p) => (
              <TableRow key={p.code}>
                <TableCell className="font-medium">
                  <Link href={`/registry/purposes/${encodeURIComponent(p.code)}`} className="hover:underline">
                    {p.code}
                  </Link>
                </TableCell>
                <TableCell className="max-w-md">
                  <span className="line-clamp-2">{localized(locale, { en: p.nameEn, kk: p.nameKk, ru: p.nameRu })}</span>
                </TableCell>
                <TableCell>{localized(locale, { en: p.subjectEn, kk: p.subjectKk, ru: p.subjectRu })}</TableCell>
                <TableCell>
                  {periodText(t, p.retentionYears, p.retentionFrom) ?? t("record.none")}
                  {p.retentionLawCodes.length > 0 && <span className="block text-xs text-muted-foreground">{p.retentionLawCodes.join(", ")}</span>}
                </TableCell>
                <TableCell>{periodText(t, p.deletionDelayYears, p.deletionEvent) ?? t("record.none")}</TableCell>
                <TableCell className="tabular-nums">{p.recipientCount}</TableCell>
                <TableCell>
                  <Badge variant={p.status === "active" ? "success" : "secondary"}>{t(`record.status.${p.status}`)}</Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
