import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pencil } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { getRecipient, getRecipientHistory, recipientFormOptions } from "@/db/queries/recipients";
import { processingActionNames } from "@/db/queries/catalogue";
import { localized, localizedList, type Locale } from "@/lib/i18n/config";
import { INSTRUCTION_ELEMENTS } from "@/lib/registry/facts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { FieldChanges } from "../_components/field-changes";
import { ArchiveButton } from "../_components/archive-button";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const r = await getRecipient((await params).id);
  const locale = (await getLocale()) as Locale;
  return { title: r ? localized(locale, { en: r.nameEn, kk: r.nameKk, ru: r.nameRu }) : "—" };
}

export default async function RecipientPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("register.read", `/registry/recipients/${id}`);
  const recipient = await getRecipient(id);
  if (!recipient) notFound();
  const { tab } = await searchParams;
  const [history, options, actions] = await Promise.all([getRecipientHistory(id), recipientFormOptions(), processingActionNames()]);
  const t = await getTranslations("recipients");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const name = localized(locale, { en: recipient.nameEn, kk: recipient.nameKk, ru: recipient.nameRu });
  const country = options.countries.find((c) => c.code === recipient.countryCode);
  const canWrite = can(user.role, "register.write");
  const none = <span className="text-muted-foreground">{t("none")}</span>;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 border-b py-2 last:border-0 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-sm">{value ?? none}</dd>
    </div>
  );
  const date = (d: string | null) => (d ? format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : null);

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <Badge variant={recipient.status === "active" ? "success" : recipient.status === "suspended" ? "warning" : "secondary"}>{t(`status.${recipient.status}`)}</Badge>
            <span>{t(`role.${recipient.role}`)}</span>
            {recipient.crossBorder && <Badge variant="warning">{t("crossBorderBadge")}</Badge>}
            <span>{t("versionN", { version: recipient.version })}</span>
          </div>
        </div>
        {canWrite && (
          <div className="flex gap-2">
            {recipient.status !== "archived" && (
              <Button asChild size="sm">
                <Link href={`/registry/recipients/${id}/edit`}>
                  <Pencil aria-hidden />
                  {t("edit")}
                </Link>
              </Button>
            )}
            <ArchiveButton id={id} version={recipient.version} archived={recipient.status === "archived"} />
          </div>
        )}
      </div>
      <Tabs defaultValue={tab === "history" ? "history" : "details"}>
        <TabsList>
          <TabsTrigger value="details">{t("tabs.details")}</TabsTrigger>
          <TabsTrigger value="history">{t("tabs.history", { count: history.length })}</TabsTrigger>
        </TabsList>
        <TabsContent value="details" className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("sections.identity")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl>
                {row(t("fields.nameEn"), recipient.nameEn)}
                {row(t("fields.nameRu"), recipient.nameRu)}
                {row(t("fields.nameKk"), recipient.nameKk)}
                {row(t("fields.legalForm"), recipient.legalForm)}
                {row(t("fields.registrationNumber"), recipient.registrationNumber)}
                {row(t("fields.country"), country ? localized(locale, { en: country.nameEn, kk: country.nameKk, ru: country.nameRu }) : recipient.countryCode)}
                {row(t("fields.address"), recipient.address)}
                {row(t("fields.email"), recipient.email)}
                {row(t("fields.phone"), recipient.phone)}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("sections.basis")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl>
                {row(t("fields.basis"), t(`basis.${recipient.basis}`))}
                {row(t("fields.contractNumber"), recipient.contractNumber)}
                {row(t("fields.contractDate"), date(recipient.contractDate))}
                {row(t("fields.contractExpiresOn"), date(recipient.contractExpiresOn))}
                {row(
                  t("fields.instruction"),
                  <ul className="grid gap-0.5">
                    {INSTRUCTION_ELEMENTS.map((k) => (
                      <li key={k}>
                        {recipient[k] ? "✓" : "✗"} {t(`fields.${k}`)}
                      </li>
                    ))}
                  </ul>,
                )}
                {row(t("fields.transferGround"), recipient.transferGround ? t(`ground.${recipient.transferGround}` as never) : null)}
                {row(t("fields.rknNotificationNumber"), recipient.rknNotificationNumber)}
                {row(t("fields.rknNotificationDate"), date(recipient.rknNotificationDate))}
              </dl>
            </CardContent>
          </Card>
          <Card className="lg:col-span-2">
            <CardHeader>
              <CardTitle>{t("sections.purposes")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl>
                {row(
                  t("fields.transferPurposes"),
                  <ul className="list-disc pl-4">
                    {localizedList(locale, { en: recipient.transferPurposes, kk: recipient.transferPurposesKk, ru: recipient.transferPurposesRu }).map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>,
                )}
                {row(
                  t("fields.linkedPurposeCodes"),
                  recipient.linkedPurposeCodes.length ? (
                    <ul className="grid gap-0.5">
                      {recipient.linkedPurposeCodes.map((code) => {
                        const p = options.purposes.find((x) => x.code === code);
                        return (
                          <li key={code}>
                            <Badge variant="outline" className="mr-2">
                              {code}
                            </Badge>
                            {p ? localized(locale, { en: p.nameEn, kk: p.nameKk, ru: p.nameRu }) : null}
                          </li>
                        );
                      })}
                    </ul>
                  ) : null,
                )}
                {row(
                  t("fields.permittedActions"),
                  recipient.permittedActions.length ? (
                    <span className="flex flex-wrap gap-1">
                      {actions
                        .filter((a) => recipient.permittedActions.includes(a.key))
                        .map((a) => (
                          <Badge key={a.key} variant="secondary">
                            {localized(locale, { en: a.nameEn, kk: a.nameKk, ru: a.nameRu })}
                          </Badge>
                        ))}
                    </span>
                  ) : null,
                )}
                {row(t("fields.notes"), recipient.notes)}
              </dl>
            </CardContent>
          </Card>
        </TabsContent>
        <TabsContent value="history">
          <ol className="grid gap-3" aria-label={t("tabs.historyLabel")}>
            {history.map((v) => (
              <li key={v.version}>
                <Card>
                  <CardHeader className="pb-3">
                    <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                      {t("versionN", { version: v.version })}
                      <Badge variant="outline">{t(`change.${v.change}`)}</Badge>
                    </CardTitle>
                    <p className="text-sm text-muted-foreground">
                      {t("changedBy", { who: v.changedByEmail, when: format.dateTime(v.changedAt, { dateStyle: "medium", timeStyle: "medium" }) })}
                      {v.reason ? ` — ${v.reason}` : ""}
                    </p>
                  </CardHeader>
                  {v.change !== "created" && (
                    <CardContent>
                      <FieldChanges changes={v.changes} />
                    </CardContent>
                  )}
                </Card>
              </li>
            ))}
          </ol>
        </TabsContent>
      </Tabs>
    </div>
  );
}
