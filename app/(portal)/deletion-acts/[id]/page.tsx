import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Download, FilePen, FileX2 } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDeletionAct, listDeletionActEvents } from "@/db/queries/deletion-acts";
import { ACT_LANGUAGES } from "@/lib/deletion-acts/constants";
import { localized, type Locale } from "@/lib/i18n/config";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ActStatusBadge } from "../_components/act-status-badge";
import { DecisionPanel } from "../_components/decision-panel";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const act = await getDeletionAct((await params).id);
  const t = await getTranslations("deletionActs");
  return { title: act?.number ?? t("title") };
}

/** One act: what it says, its approval (four eyes), its downloads and its trail. */
export default async function DeletionActPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("deletionActs.read", `/deletion-acts/${id}`);
  const act = await getDeletionAct(id);
  if (!act) notFound();
  const t = await getTranslations("deletionActs");
  const locale = (await getLocale()) as Locale;
  const format = await getFormatter();
  const events = await listDeletionActEvents(act.id);
  const s = act.snapshot;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  const mayDecide = act.status === "pending" && can(user.role, "deletionActs.approve");
  const selfInvolved = s.executor.email === user.email || s.createdBy.email === user.email;
  const maySupersede = act.status === "approved" && act.supersededBy.length === 0 && act.kind !== "void" && can(user.role, "deletionActs.write");
  const created = events.find((e) => e.kind === "created");
  const checkpoint = created?.detail.logCheckpoint as { treeSize: number; rootHash: string } | null | undefined;

  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm font-medium text-muted-foreground">{label}</dt>
      <dd className="text-sm">{value}</dd>
    </div>
  );

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-muted-foreground">
            <Link href="/deletion-acts" className="underline-offset-4 hover:underline">
              {t("title")}
            </Link>
          </p>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <span className="font-mono">{act.number}</span>
            <ActStatusBadge status={act.status} />
            {act.supersededBy.length > 0 && <span className="text-sm font-normal text-muted-foreground">{t("supersededBy", { number: act.supersededBy.map((a) => a.number).join(", ") })}</span>}
          </h1>
          <p className="text-sm text-muted-foreground">
            {t(`kind.${act.kind}`)} · {t("fields.actDate")}: {act.actDate}
          </p>
        </div>
      </div>

      {s.supersedes && (
        <Alert>
          <AlertDescription>
            <Link href={`/deletion-acts/${s.supersedes.id}`} className="underline underline-offset-4">
              {t("supersedesAct", { number: s.supersedes.number })}
            </Link>{" "}
            {t("fields.supersedeReason")}: {act.supersedeReason}
          </AlertDescription>
        </Alert>
      )}

      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        {/* min-w-0: a grid item may not shrink below its content otherwise, and the trail's table would run under the side column. */}
        <div className="grid min-w-0 gap-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("sections.subject")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="divide-y">
                {row(
                  t("fields.subject"),
                  <>
                    {t(`subjectKind.${act.subject.kind}`)}: <span className="font-mono" data-testid="act-subject">{act.subject.value}</span>
                  </>,
                )}
                {act.subjectRequestId && row(t("fields.subjectRequest"), <code className="font-mono text-xs">{act.subjectRequestId}</code>)}
                {row(
                  t("fields.purposes"),
                  <ul>
                    {s.purposes.map((p) => (
                      <li key={p.code}>
                        <span className="font-mono">{p.code}</span> {localized(locale, p.name)}
                      </li>
                    ))}
                  </ul>,
                )}
                {row(
                  t("fields.dataItems"),
                  <ul>
                    {s.categories.map((c) => (
                      <li key={c.key}>
                        <span className="font-medium">{localized(locale, c.name)}:</span> {s.items.filter((i) => i.categoryKey === c.key).map((i) => localized(locale, i.name)).join("; ")}
                      </li>
                    ))}
                  </ul>,
                )}
                {row(t("fields.systems"), act.systems.join(", "))}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("sections.deletion")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="divide-y">
                {row(t("fields.deletedOn"), act.deletedOn)}
                {row(t("fields.reason"), t(`reason.${act.reason}`))}
                {row(t("fields.legalGround"), act.legalGround)}
                {s.references.length > 0 && row(t("fields.legalReferences"), s.references.map((r) => `${r.code} — ${localized(locale, r.title)}`).join("; "))}
                {row(t("fields.method"), t(`method.${act.method}`))}
                {row(t("fields.language"), t(`language.${act.language}`))}
                {act.notes && row(t("fields.notes"), act.notes)}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("sections.trail")}</CardTitle>
              <CardDescription>{t("downloadsHint")}</CardDescription>
            </CardHeader>
            <CardContent className="overflow-x-auto">
              <Table aria-label={t("sections.trail")}>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("eventColumns.at")}</TableHead>
                    <TableHead>{t("eventColumns.what")}</TableHead>
                    <TableHead>{t("eventColumns.who")}</TableHead>
                    <TableHead>{t("eventColumns.detail")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {events.map((e) => (
                    <TableRow key={e.id} data-testid={`act-event-${e.kind}`}>
                      <TableCell className="whitespace-nowrap text-xs">{when(e.at)}</TableCell>
                      <TableCell>{t(`events.${e.kind}`)}</TableCell>
                      <TableCell className="text-sm">{e.actorLabel}</TableCell>
                      <TableCell className="text-xs">
                        {e.format && (
                          <span className="font-medium uppercase">
                            {e.format}
                            {typeof e.detail.language === "string" ? ` · ${e.detail.language}` : ""}
                          </span>
                        )}
                        {typeof e.detail.sha256 === "string" && <code className="block truncate font-mono text-muted-foreground">{t("sha256", { hash: e.detail.sha256.slice(0, 16) })}</code>}
                        {typeof e.detail.comment === "string" && <span className="block">{e.detail.comment}</span>}
                        {typeof e.detail.by === "string" && <span className="block font-mono">{e.detail.by}</span>}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </div>

        <div className="grid min-w-0 content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("sections.people")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="divide-y">
                {row(t("fields.executor"), `${s.executor.name} (${s.executor.email})`)}
                {row(t("fields.recordedBy"), `${s.createdBy.name} (${s.createdBy.email})`)}
                {row(t("fields.approver"), act.decision ? <span data-testid="act-approver">{`${act.decision.approverName} (${act.decision.approverEmail}), ${when(act.decision.decidedAt)}`}</span> : "—")}
                {act.decision?.comment && row(t("comment"), act.decision.comment)}
              </dl>
            </CardContent>
          </Card>
          {act.status === "pending" && (
            <Card>
              <CardHeader>
                <CardTitle>{t("sections.approval")}</CardTitle>
                <CardDescription>{t("fourEyesHint")}</CardDescription>
              </CardHeader>
              <CardContent>{mayDecide && !selfInvolved ? <DecisionPanel actId={act.id} /> : <p className="text-sm text-muted-foreground">{selfInvolved ? t("youCannotApprove") : t("status.pending")}</p>}</CardContent>
            </Card>
          )}
          {can(user.role, "deletionActs.export") && (
            <Card>
              <CardHeader>
                <CardTitle>{t("sections.downloads")}</CardTitle>
                {act.status === "pending" && <CardDescription>{t("draftNote")}</CardDescription>}
              </CardHeader>
              <CardContent className="grid gap-3">
                <form method="get" action={`/api/v1/deletion-acts/${act.id}/pdf`} className="grid gap-2">
                  <Label htmlFor="pdf-lang">{t("pdfLanguage")}</Label>
                  <NativeSelect id="pdf-lang" name="lang" defaultValue={act.language}>
                    {ACT_LANGUAGES.map((l) => (
                      <option key={l} value={l}>
                        {t(`language.${l}`)}
                      </option>
                    ))}
                  </NativeSelect>
                  <Button type="submit">
                    <Download aria-hidden />
                    {t("downloadPdf")}
                  </Button>
                </form>
                <Button variant="outline" asChild>
                  <a href={`/api/v1/deletion-acts/${act.id}/json`} download>
                    <Download aria-hidden />
                    {t("downloadJson")}
                  </a>
                </Button>
                <Button variant="outline" asChild>
                  <a href={`/api/v1/deletion-acts/${act.id}/extract`} download>
                    <Download aria-hidden />
                    {t("downloadExtract")}
                  </a>
                </Button>
                {checkpoint && <p className="text-xs break-all text-muted-foreground">{t("checkpointAtCreation", { size: checkpoint.treeSize, root: checkpoint.rootHash.slice(0, 16) })}</p>}
              </CardContent>
            </Card>
          )}
          {maySupersede && (
            <Card>
              <CardHeader>
                <CardTitle>{t("sections.supersede")}</CardTitle>
                <CardDescription>{t("supersedeHint")}</CardDescription>
              </CardHeader>
              <CardContent className="flex flex-wrap gap-2">
                <Button variant="outline" asChild>
                  <Link href={`/deletion-acts/new?corrects=${act.id}`}>
                    <FilePen aria-hidden />
                    {t("correct")}
                  </Link>
                </Button>
                <Button variant="outline" asChild>
                  <Link href={`/deletion-acts/new?voids=${act.id}`}>
                    <FileX2 aria-hidden />
                    {t("void")}
                  </Link>
                </Button>
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
