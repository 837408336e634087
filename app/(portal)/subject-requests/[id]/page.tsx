import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { getSubjectRequest, getSubjectRequestTimeline, previewSubjectAnswer, subjectRequestFormOptions } from "@/db/queries/subject-requests";
import { businessDate } from "@/lib/transfers/constants";
import { LAW_CALENDAR_COUNTRY, RETENTION_SENSITIVE_RIGHTS, RIGHT_TO_LAW } from "@/lib/subject-requests/facts";
import { localized, type Locale } from "@/lib/i18n/config";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { listDeletionActs } from "@/db/queries/deletion-acts";
import { dataItemNames } from "@/db/queries/catalogue";
import { deletionActListQuery } from "@/lib/validation/deletion-act";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DeadlineBadge } from "../_components/deadline-badge";
import { SubjectStatusBadge } from "../_components/status-badge";
import { RequestTimeline } from "../_components/timeline";
import { WorkPanel } from "../_components/work-panel";
import { AnswerPanel } from "../_components/answer-panel";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("subjectRequests");
  const r = await getSubjectRequest((await params).id, businessDate());
  return { title: r ? t("numberN", { number: r.number }) : t("title") };
}

export default async function SubjectRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("subjects.read", `/subject-requests/${id}`);
  const today = businessDate();
  const request = await getSubjectRequest(id, today);
  if (!request) notFound();

  const t = await getTranslations("subjectRequests");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const mayManage = can(user.role, "subjects.manage");
  const mayDecide = can(user.role, "subjects.decide");
  const mayRecordAct = can(user.role, "deletionActs.write");
  const answering = request.status === "in-progress" && mayDecide;
  const [timeline, options, itemNames, initialAnswer] = await Promise.all([
    getSubjectRequestTimeline(id),
    subjectRequestFormOptions(),
    dataItemNames(),
    // The answer form opens with the template filled for "granted" in the request's language.
    answering ? previewSubjectAnswer({ id, outcome: "granted", reason: null, legalGroundCode: null, retentionTriggerOn: null, answerLanguage: request.answerLocale }, today) : null,
  ]);
  const purposeName = new Map(options.purposes.map((p) => [p.code, localized(locale, { en: p.nameEn, ru: p.nameRu, kk: p.nameKk })]));
  const referenceTitle = new Map(options.references.map((r) => [r.code, localized(locale, { en: r.titleEn, ru: r.titleRu, kk: r.titleKk })]));
  const itemName = (key: string) => {
    const n = itemNames.get(key);
    return n ? localized(locale, n) : key;
  };
  const day = (d: string | null) => (d ? format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : null);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : null);
  const none = <span className="text-muted-foreground">{t("none")}</span>;
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="grid gap-1 border-b py-2 last:border-0 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-sm" data-testid={testId}>
        {value ?? none}
      </dd>
    </div>
  );
  const list = (codes: string[], name: (c: string) => string) => (
    <ul className="grid gap-0.5">
      {codes.map((c) => (
        <li key={c}>{name(c)}</li>
      ))}
    </ul>
  );
  const purposeLine = (c: string) => `${c} — ${purposeName.get(c) ?? ""}`;
  const d = request.deadline;
  const mapping = RIGHT_TO_LAW[request.right];
  const mayExtend = mayDecide && request.open && d.extendable && !request.extendedAt && today <= request.dueOn;
  const closed = request.status === "answered" || request.status === "refused";
  // A completed deletion (or withdrawal that destroyed data) is what a deletion act records (policy 4.4; RULES D4).
  const deletionDone = request.status === "answered" && ["deletion", "consent-withdrawal"].includes(request.right) && (request.grantedPurposeCodes?.length ?? 0) > 0;
  // The acts made for this request (a corrected act is a new one): shown to whoever may read acts.
  const acts = deletionDone && can(user.role, "deletionActs.read") ? await listDeletionActs(deletionActListQuery.parse({ request: id })) : null;

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("numberN", { number: request.number })}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <SubjectStatusBadge status={request.status} />
            <span>{t(`rights.${request.right}`)}</span>
            <span>·</span>
            <span>{t(`laws.${request.law}`)}</span>
            {request.open && <DeadlineBadge left={request.left} />}
          </div>
        </div>
      </div>

      {d.calendarWarning && (
        <Alert variant="warning" data-testid="calendar-warning">
          <AlertTitle>{t("deadline.calendarWarningTitle")}</AlertTitle>
          <AlertDescription>
            <span>
              {t("deadline.calendarWarning", { country: t(`laws.${request.law}`) })}{" "}
              <Link href={`/registry/countries/${LAW_CALENDAR_COUNTRY[request.law]}`} className="underline">
                {t("deadline.calendarLink")}
              </Link>
            </span>
          </AlertDescription>
        </Alert>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,30rem)]">
        <div className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("deadline.title")}</CardTitle>
              <CardDescription>{t("deadline.rule", { rule: d.ruleId, source: d.source, confidence: d.confidence })}</CardDescription>
            </CardHeader>
            <CardContent>
              <dl>
                {row(t("fields.receivedOn"), day(request.receivedOn), "received-on")}
                {row(t("fields.dueOn"), <span className="font-semibold">{day(request.dueOn)}</span>, "due-on")}
                {row(t("deadline.period"), t(`deadline.units.${d.unit}`, { days: d.days }), "deadline-period")}
                {request.open && row(t("deadline.left"), <DeadlineBadge left={request.left} />)}
                {request.open && row(t("deadline.workingDaysLeft"), t("deadline.workingDaysLeftValue", { days: request.left.workingDays }), "working-days-left")}
                {row(t("deadline.lawRight"), t(`lawRights.${request.law}.${request.lawRight}` as never))}
                {row(t("deadline.mapping"), t("deadline.mappingSource", { source: mapping.source, confidence: mapping.confidence }))}
                {request.extendedAt && row(t("deadline.extended"), <span className="whitespace-pre-wrap">{t("deadline.extendedOn", { when: when(request.extendedAt)!, notice: request.extensionNotice ?? "" })}</span>, "extension")}
              </dl>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("detailsTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl>
                {row(t("fields.subject"), <span><span className="text-muted-foreground">{t(`idKinds.${request.subjectIdKind}`)}</span> <span className="font-mono">{request.subjectId}</span></span>, "subject")}
                {row(t("fields.contactAddress"), request.contactAddress)}
                {row(t("fields.channel"), t(`channels.${request.channel}`))}
                {row(t("fields.law"), t(`laws.${request.law}`))}
                {row(t("fields.right"), t(`rights.${request.right}`))}
                {request.deletionGround && row(t("fields.deletionGround"), t(`deletionGrounds.${request.deletionGround}`))}
                {row(t("fields.purposeCodes"), list(request.purposeCodes, purposeLine))}
                {row(t("fields.answerLocale"), t(`languages.${request.answerLocale}`))}
                {row(t("fields.summary"), request.summary ? <span className="whitespace-pre-wrap">{request.summary}</span> : null)}
                {row(t("fields.recordedBy"), t("timeline.byWhen", { who: request.createdByEmail, when: when(request.createdAt)! }))}
              </dl>
            </CardContent>
          </Card>

          {closed && (
            <Card data-testid="decision">
              <CardHeader>
                <CardTitle>{t("decisionTitle")}</CardTitle>
                <CardDescription>{t("timeline.byWhen", { who: request.closedByEmail ?? "", when: when(request.closedAt)! })}</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-3">
                <dl>
                  {row(t("answer.outcome"), request.outcome ? <Badge variant={request.outcome === "granted" ? "success" : request.outcome === "partial" ? "warning" : "danger"}>{t(`outcomes.${request.outcome}`)}</Badge> : null, "outcome")}
                  {row(t("answer.legalGround"), request.legalGroundCode ? `${request.legalGroundCode} — ${referenceTitle.get(request.legalGroundCode) ?? ""}` : null, "legal-ground")}
                  {row(t("answer.reason"), request.decisionReason ? <span className="whitespace-pre-wrap">{request.decisionReason}</span> : null)}
                  {row(t("answer.granted"), request.grantedPurposeCodes?.length ? list(request.grantedPurposeCodes, purposeLine) : null, "granted-purposes")}
                  {row(
                    t("answer.retained"),
                    request.retainedPurposes?.length ? (
                      <ul className="grid gap-0.5">
                        {request.retainedPurposes.map((r) => (
                          <li key={r.code}>{r.retainedUntil ? t("answer.retainedUntil", { code: r.code, laws: r.lawCodes.join(", "), day: day(r.retainedUntil)! }) : t("answer.retainedRunning", { code: r.code, laws: r.lawCodes.join(", ") })}</li>
                        ))}
                      </ul>
                    ) : null,
                    "retained-purposes",
                  )}
                  {request.serviceEndsAcknowledged !== null && row(t("answer.serviceEnds"), request.serviceEndsAcknowledged ? t("yes") : t("no"))}
                  {row(t("answer.language"), request.answerLanguage ? t(`languages.${request.answerLanguage}`) : null)}
                </dl>
                <div className="grid gap-1">
                  <h2 className="text-sm font-medium">{request.answerSubject}</h2>
                  <pre className="max-h-96 overflow-auto rounded-md border bg-muted/40 p-3 text-xs whitespace-pre-wrap" data-testid="answer-text">
                    {request.answerText}
                  </pre>
                </div>
              </CardContent>
            </Card>
          )}

          {deletionDone && (
            // The deletion act (policy 4.4) is made from exactly these facts (deletionActFacts), prefilled.
            <Card data-testid="deletion-act">
              <CardHeader>
                <CardTitle>{t("deletionAct.title")}</CardTitle>
                <CardDescription>{t("deletionAct.hint")}</CardDescription>
                {acts && (
                  <div className="flex flex-wrap items-center gap-2 pt-2">
                    {acts.map((a) => (
                      <Button key={a.id} asChild variant="outline" size="sm">
                        <Link href={`/deletion-acts/${a.id}`}>{t("deletionAct.open", { number: a.number })}</Link>
                      </Button>
                    ))}
                    {mayRecordAct && (
                      <Button asChild size="sm">
                        <Link href={`/deletion-acts/new?${new URLSearchParams({ subjectRequest: id, subject: `${request.subjectIdKind}:${request.subjectId}`, purposes: (request.grantedPurposeCodes ?? []).join(",") })}`}>
                          {t("deletionAct.create")}
                        </Link>
                      </Button>
                    )}
                  </div>
                )}
              </CardHeader>
              <CardContent>
                <dl>
                  {row(t("fields.subject"), `${t(`idKinds.${request.subjectIdKind}`)} ${request.subjectId}`)}
                  {row(t("deletionAct.purposes"), list(request.grantedPurposeCodes ?? [], purposeLine))}
                  {row(t("deletionAct.dataItems"), request.dataItemsConcerned?.length ? list(request.dataItemsConcerned, itemName) : null, "deletion-data-items")}
                  {row(t("deletionAct.completedBy"), t("timeline.byWhen", { who: request.closedByEmail ?? "", when: when(request.closedAt)! }))}
                </dl>
              </CardContent>
            </Card>
          )}
        </div>

        <div className="grid content-start gap-4">
          {request.open && (mayManage || mayDecide) && (
            <Card>
              <CardHeader>
                <CardTitle>{t("work.title")}</CardTitle>
                <CardDescription>{request.status === "received" ? t("work.hintReceived") : mayDecide ? t("work.hintInProgress") : t("work.hintSupport")}</CardDescription>
              </CardHeader>
              <CardContent>
                <WorkPanel id={id} version={request.version} mayStart={mayManage && request.status === "received"} mayCancel={mayManage} mayExtend={mayExtend} extensionDays={d.extensionDays} />
              </CardContent>
            </Card>
          )}
          {answering && initialAnswer && (
            <Card>
              <CardHeader>
                <CardTitle>{t("answer.title")}</CardTitle>
                <CardDescription>{t("answer.hint")}</CardDescription>
              </CardHeader>
              <CardContent>
                <AnswerPanel
                  id={id}
                  version={request.version}
                  defaultLanguage={request.answerLocale}
                  sensitive={RETENTION_SENSITIVE_RIGHTS.includes(request.right)}
                  references={options.references.map((r) => ({ code: r.code, title: referenceTitle.get(r.code) ?? r.code }))}
                  initial={initialAnswer}
                />
              </CardContent>
            </Card>
          )}
          <Card>
            <CardHeader>
              <CardTitle>{t("timeline.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              <RequestTimeline events={timeline} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
