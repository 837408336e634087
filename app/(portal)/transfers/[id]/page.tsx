import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pencil } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { getTransferRequest, getTransferTimeline, previewStoredRequestRules } from "@/db/queries/transfer-requests";
import { EDITABLE_STATUSES, businessDate, effectiveStatus } from "@/lib/transfers/constants";
import { localized, type Locale } from "@/lib/i18n/config";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TransferStatusBadge } from "../_components/status-badge";
import { RuleReason, RuleResults, RuleSummary, registerNamesOf } from "../_components/rule-results";
import { Timeline } from "../_components/timeline";
import { DecisionPanel } from "../_components/decision-panel";
import { RevokeApprovalButton } from "../_components/revoke-approval-button";
import { SubmitRequestButton } from "../_components/submit-request-button";
import { localizedFormOptions } from "../_components/form-options";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("transfers");
  const r = await getTransferRequest((await params).id);
  return { title: r ? t("numberN", { number: r.number }) : t("title") };
}

export default async function TransferRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("transfers.read", `/transfers/${id}`);
  const request = await getTransferRequest(id);
  const own = !!request && request.requesterUserId === user.id;
  // A draft is its requester's own until it is submitted.
  if (!request || (request.status === "draft" && !own)) notFound();

  const t = await getTranslations("transfers");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const today = businessDate();
  const status = effectiveStatus(request, today);
  const [timeline, options] = await Promise.all([getTransferTimeline(id), localizedFormOptions(locale)]);
  const madeByViewer = request.requesterUserId === user.id || request.submittedByUserId === user.id;
  const mayDecide = can(user.role, "transfers.decide") && request.status === "submitted";
  // Before deciding, the DPO sees the rules as they would run now; the decision runs them again.
  const live = mayDecide ? await previewStoredRequestRules(request, today) : null;
  const lastCheck = timeline.filter((e) => e.evaluation).at(-1)?.evaluation ?? null;
  const shown = live?.results ?? lastCheck?.results ?? null;
  const blocked = live ? live.blocked : (lastCheck?.blocked ?? false);

  const recipientName = localized(locale, { en: request.recipient.nameEn, ru: request.recipient.nameRu, kk: request.recipient.nameKk });
  const purposeName = new Map(options.purposes.map((p) => [p.code, p.name]));
  const actionName = new Map(options.actions.map((a) => [a.key, a.name]));
  const categoryName = new Map(options.subjectCategories.map((c) => [c.key, c.name]));
  const names = registerNamesOf(options);
  const day = (d: string | null) => (d ? format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : null);
  const none = <span className="text-muted-foreground">{t("none")}</span>;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 border-b py-2 last:border-0 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-sm">{value ?? none}</dd>
    </div>
  );
  const list = (items: string[], name: (x: string) => string) => (
    <ul className="grid gap-0.5">
      {items.map((x) => (
        <li key={x}>{name(x)}</li>
      ))}
    </ul>
  );
  const decision = request.decision;

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("numberN", { number: request.number })}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <TransferStatusBadge status={status} />
            <Link href={`/registry/recipients/${request.recipientId}`} className="hover:underline">
              {recipientName}
            </Link>
            {request.recipient.crossBorder && <Badge variant="warning">{t("crossBorder")}</Badge>}
            <span>{t("requestedBy", { who: request.requesterLabel, when: format.dateTime(request.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</span>
          </div>
        </div>
        {own && EDITABLE_STATUSES.includes(request.status) && (
          <div className="flex items-start gap-2">
            <Button asChild size="sm" variant="outline">
              <Link href={`/transfers/${id}/edit`}>
                <Pencil aria-hidden />
                {t("edit")}
              </Link>
            </Button>
            <SubmitRequestButton id={id} version={request.version} />
          </div>
        )}
      </div>

      {blocked && shown && request.status !== "rejected" && (
        <Alert variant="destructive" data-testid="blocked-alert">
          <AlertTitle>{t("blockedTitle")}</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-4">
              {shown
                .filter((r) => r.severity === "block")
                .map((r) => (
                  <li key={r.ruleId}>
                    <span className="font-mono text-xs font-semibold">{r.ruleId}</span> <RuleReason result={r} names={names} />
                  </li>
                ))}
            </ul>
          </AlertDescription>
        </Alert>
      )}
      {request.status === "returned" && decision && (
        <Alert variant="warning">
          <AlertTitle>{t("returnedTitle")}</AlertTitle>
          <AlertDescription>{t("timeline.reason", { reason: decision.reason })}</AlertDescription>
        </Alert>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
        {/* minmax(0,1fr) down to the rules table, or its width stretches the column past the card. */}
        <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("detailsTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl>
                {row(t("fields.recipient"), recipientName)}
                {row(t("fields.purposeCodes"), list(request.purposeCodes, (c) => `${c} — ${purposeName.get(c) ?? ""}`))}
                {row(t("fields.dataItems"), list(request.dataItems, (k) => options.dataItems[k]?.name ?? k))}
                {row(t("fields.actions"), list(request.actions, (a) => actionName.get(a) ?? a))}
                {row(t("fields.subjectCategories"), list(request.subjectCategories, (c) => categoryName.get(c) ?? c))}
                {row(t("fields.populations"), list(request.populations, (p) => t(`population.${p as (typeof request.populations)[number]}`)))}
                {row(t("fields.mode"), t(`mode.${request.mode}`))}
                {row(t("fields.period"), request.mode === "one-off" ? day(request.periodStart) : t("periodRange", { start: day(request.periodStart)!, end: day(request.periodEnd)! }))}
                {row(t("fields.expectedVolume"), t("volume", { count: request.expectedVolume, period: t(`volumePeriod.${request.volumePeriod}`) }))}
                {row(t("fields.sendingSystem"), request.sendingSystem)}
                {row(t("fields.crossBorderGround"), request.crossBorderGround ? t(`ground.${request.crossBorderGround}` as never) : null)}
                {row(t("fields.depersonalised"), request.depersonalised ? t("yes") : t("no"))}
                {row(t("fields.justification"), <span className="whitespace-pre-wrap">{request.justification}</span>)}
              </dl>
            </CardContent>
          </Card>

          {shown && (
            <Card>
              <CardHeader>
                <CardTitle>{live ? t("rulesNow") : t("rulesAtLastCheck")}</CardTitle>
                <CardDescription>{live ? t("rulesNowHint") : lastCheck ? t("rulesCheckedOn", { day: day(lastCheck.evaluatedOn) ?? lastCheck.evaluatedOn }) : null}</CardDescription>
              </CardHeader>
              <CardContent className="grid grid-cols-[minmax(0,1fr)] gap-3">
                <RuleSummary results={shown} />
                <RuleResults results={shown} label={live ? t("rulesNow") : t("rulesAtLastCheck")} names={names} />
              </CardContent>
            </Card>
          )}
        </div>

        <div className="grid content-start gap-4">
          {mayDecide && (
            <Card>
              <CardHeader>
                <CardTitle>{t("decision.title")}</CardTitle>
                <CardDescription>{madeByViewer ? null : t("decision.hint")}</CardDescription>
              </CardHeader>
              <CardContent>
                {madeByViewer ? (
                  <Alert data-testid="four-eyes">
                    <AlertTitle>{t("decision.fourEyesTitle")}</AlertTitle>
                    <AlertDescription>{t("decision.fourEyes")}</AlertDescription>
                  </Alert>
                ) : (
                  <DecisionPanel
                    id={id}
                    version={request.version}
                    blocked={live?.blocked ?? true}
                    warnings={live?.warnings ?? []}
                    names={names}
                    defaultValidUntil={request.periodEnd >= today ? request.periodEnd : today}
                    minValidUntil={today}
                    maxValidUntil={request.periodEnd}
                  />
                )}
              </CardContent>
            </Card>
          )}

          {decision && ["approved", "revoked", "expired"].includes(status) && decision.outcome === "approved" && (
            <Card data-testid="approval">
              <CardHeader className="flex flex-row items-start justify-between gap-2">
                <div className="grid gap-1.5">
                  <CardTitle>{t("approval.title")}</CardTitle>
                  <CardDescription>{t("approval.validUntil", { day: day(decision.validUntil)! })}</CardDescription>
                </div>
                {request.status === "approved" && can(user.role, "transfers.decide") && <RevokeApprovalButton id={id} version={request.version} />}
              </CardHeader>
              <CardContent>
                <dl>
                  {row(t("approval.decidedBy"), t("timeline.byWhen", { who: decision.decidedByEmail, when: format.dateTime(decision.decidedAt, { dateStyle: "medium", timeStyle: "short" }) }))}
                  {row(t("approval.reason"), decision.reason)}
                  {row(t("approval.recipientVersion"), t("approval.versionN", { version: decision.recipientVersion }))}
                  {row(
                    t("approval.purposeVersions"),
                    Object.entries(decision.purposeVersions)
                      .map(([code, v]) => t("approval.purposeVersion", { code, version: v }))
                      .join(", "),
                  )}
                  {row(t("approval.acknowledged"), decision.acknowledgedRuleIds.length ? decision.acknowledgedRuleIds.join(", ") : null)}
                  {request.revokedAt && row(t("approval.revokedAt"), format.dateTime(request.revokedAt, { dateStyle: "medium", timeStyle: "short" }))}
                </dl>
              </CardContent>
            </Card>
          )}

          {decision && decision.outcome !== "approved" && decision.outcome === request.status && (
            <Card>
              <CardHeader>
                <CardTitle>{t(`decision.outcome.${decision.outcome}`)}</CardTitle>
                <CardDescription>{t("timeline.byWhen", { who: decision.decidedByEmail, when: format.dateTime(decision.decidedAt, { dateStyle: "medium", timeStyle: "short" }) })}</CardDescription>
              </CardHeader>
              <CardContent className="text-sm">{decision.reason}</CardContent>
            </Card>
          )}

          <Card>
            <CardHeader>
              <CardTitle>{t("timeline.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              <Timeline events={timeline} expiredOn={status === "expired" ? request.validUntil : null} names={names} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
