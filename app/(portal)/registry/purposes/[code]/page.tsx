import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Info, Pencil } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPurpose } from "@/db/queries/purposes";
import { getCatalogueHistory } from "@/db/queries/catalogue";
import { loadRecordOfProcessing } from "@/db/queries/record";
import { lintRecord } from "@/lib/lint/rules";
import { presentProblems } from "@/lib/server/register/lint-report";
import { todayInAlmaty } from "@/lib/register/record";
import { localized, type Locale } from "@/lib/i18n/config";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ArchiveDialog } from "@/components/registry/archive-dialog";
import { VersionHistory } from "@/components/registry/version-history";
import { LintProblems } from "@/components/registry/lint-problems";
import { archivePurposeAction } from "../actions";
import { periodText } from "../_components/retention";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  return { title: decodeURIComponent((await params).code) };
}

export default async function PurposePage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ tab?: string }> }) {
  const code = decodeURIComponent((await params).code);
  const user = await requirePagePermission("register.read", `/registry/purposes/${encodeURIComponent(code)}`);
  const purpose = await getPurpose(code);
  if (!purpose) notFound();
  const { tab } = await searchParams;
  const [history, record] = await Promise.all([getCatalogueHistory("purpose", code), loadRecordOfProcessing()]);
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const text = (v: { en: string; kk: string | null; ru: string | null }) => localized(locale, v);
  const problems = await presentProblems(
    lintRecord({ ...record, today: todayInAlmaty() }).filter((p) => (p.entity.kind === "purpose" && p.entity.code === code) || p.related?.some((r) => r.kind === "purpose" && r.code === code)),
    locale,
  );
  const items = new Map(record.dataItems.map((i) => [i.key, i]));
  const categories = [...record.dataCategories].sort((a, b) => a.position - b.position);
  const references = new Map(record.legalReferences.map((l) => [l.code, l]));
  const subject = record.subjectCategories.find((s) => s.key === purpose.subjectCategory);
  const canWrite = can(user.role, "register.write");
  const none = <span className="text-muted-foreground">{t("record.none")}</span>;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 border-b py-2 last:border-0 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-sm">{value ?? none}</dd>
    </div>
  );
  const referenceLine = (c: string) => {
    const ref = references.get(c);
    return (
      <li key={c}>
        <Badge variant="outline" className="mr-2">
          {c}
        </Badge>
        {ref ? text(ref.title) : null}
      </li>
    );
  };

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {code} — {text({ en: purpose.nameEn, kk: purpose.nameKk, ru: purpose.nameRu })}
          </h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <Badge variant={purpose.status === "active" ? "success" : "secondary"}>{t(`record.status.${purpose.status}`)}</Badge>
            {purpose.isResearch && <Badge variant="warning">{t("purposes.researchBadge")}</Badge>}
            <span>{t("record.versionN", { version: purpose.version })}</span>
          </div>
        </div>
        {canWrite && (
          <div className="flex gap-2">
            {purpose.status !== "archived" && (
              <Button asChild size="sm">
                <Link href={`/registry/purposes/${encodeURIComponent(code)}/edit`}>
                  <Pencil aria-hidden />
                  {t("record.edit")}
                </Link>
              </Button>
            )}
            <ArchiveDialog action={archivePurposeAction} payload={{ code, expectedVersion: purpose.version }} archived={purpose.status === "archived"} label={code} />
          </div>
        )}
      </div>

      {purpose.sourceNote && (
        <Alert variant="warning">
          <Info aria-hidden />
          <AlertTitle>{t("purposes.fields.sourceNote")}</AlertTitle>
          <AlertDescription>{purpose.sourceNote}</AlertDescription>
        </Alert>
      )}
      {problems.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>{t("lint.forEntry", { count: problems.length })}</CardTitle>
          </CardHeader>
          <CardContent>
            <LintProblems problems={problems} labels={{ source: t("lint.source"), entry: t("lint.entry"), list: t("lint.title"), error: t("lint.severity.error"), warning: t("lint.severity.warning") }} />
          </CardContent>
        </Card>
      )}

      <Tabs defaultValue={tab === "history" ? "history" : "details"}>
        <TabsList>
          <TabsTrigger value="details">{t("record.tabs.details")}</TabsTrigger>
          <TabsTrigger value="history">{t("record.tabs.history", { count: history.length })}</TabsTrigger>
        </TabsList>
        <TabsContent value="details" className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("purposes.sections.purpose")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl>
                {row(t("purposes.fields.nameEn"), purpose.nameEn)}
                {row(t("purposes.fields.nameRu"), purpose.nameRu)}
                {row(t("purposes.fields.nameKk"), purpose.nameKk)}
                {row(t("purposes.fields.subjectCategory"), subject ? text(subject.name) : purpose.subjectCategory)}
                {row(
                  t("purposes.fields.legalBases"),
                  <ul className="grid gap-0.5">
                    {purpose.legalBases.map((b, i) => (
                      <li key={i}>
                        {t(`purposes.basis.${b.kind}`)}
                        {b.referenceCode ? ` — ${b.referenceCode}` : ""}
                      </li>
                    ))}
                  </ul>,
                )}
                {row(t("purposes.fields.channels"), purpose.channels.length ? purpose.channels.map((c) => t(`purposes.channels.${c}` as never)).join(", ") : null)}
                {row(t("purposes.fields.responsiblePerson"), purpose.responsiblePerson)}
                {row(t("purposes.fields.securityMeasures"), purpose.securityMeasures)}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("purposes.sections.retention")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl>
                {row(t("purposes.fields.retention"), periodText(t, purpose.retentionYears, purpose.retentionFrom))}
                {row(t("purposes.fields.retentionLawCodes"), purpose.retentionLawCodes.length ? <ul className="grid gap-0.5">{purpose.retentionLawCodes.map(referenceLine)}</ul> : null)}
                {row(t("purposes.fields.deletion"), <span data-testid="deletion">{periodText(t, purpose.deletionDelayYears, purpose.deletionEvent)}</span>)}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("purposes.fields.dataItems")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl>
                {categories
                  .map((c) => ({ c, list: purpose.dataItemKeys.filter((k) => items.get(k)?.categoryKey === c.key) }))
                  .filter((g) => g.list.length > 0)
                  .map((g) =>
                    row(
                      text(g.c.name),
                      <ul className="grid gap-0.5">
                        {g.list.map((k) => {
                          const item = items.get(k)!;
                          return (
                            <li key={k} className="flex flex-wrap items-center gap-2">
                              {text(item.name)}
                              {item.directIdentifier && <Badge variant="outline">{t("catalogue.directIdentifier")}</Badge>}
                              {item.status === "archived" && <Badge variant="secondary">{t("record.status.archived")}</Badge>}
                            </li>
                          );
                        })}
                      </ul>,
                    ),
                  )}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("purposes.fields.recipients")}</CardTitle>
              <p className="text-sm text-muted-foreground">{t("purposes.recipientsHint")}</p>
            </CardHeader>
            <CardContent>
              {purpose.recipients.length ? (
                <ul className="grid gap-1" aria-label={t("purposes.fields.recipients")}>
                  {purpose.recipients.map((r) => (
                    <li key={r.id} className="flex flex-wrap items-center gap-2 text-sm">
                      <Link href={`/registry/recipients/${r.id}`} className="font-medium hover:underline">
                        {text({ en: r.nameEn, kk: r.nameKk, ru: r.nameRu })}
                      </Link>
                      <span className="text-muted-foreground">{t(`recipients.role.${r.role}`)}</span>
                      {r.status !== "active" && <Badge variant="secondary">{t(`recipients.status.${r.status}`)}</Badge>}
                    </li>
                  ))}
                </ul>
              ) : (
                none
              )}
            </CardContent>
          </Card>
        </TabsContent>
        <TabsContent value="history">
          <VersionHistory versions={history} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
