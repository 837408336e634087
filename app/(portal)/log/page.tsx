import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { recordRead, requireLogReader } from "@/lib/server/transfer-log/access";
import { LOG_ORIGIN } from "@/lib/transfer-log/config";
import { distinctSendingSystems, latestCheckpoint, listLogEntries, logHead, logStatistics } from "@/db/queries/transfer-log";
import { listLogPublicKeys } from "@/db/queries/log-keys";
import { newerLogPageCursor, recipientNames } from "@/db/queries/log-view";
import { recipientFormOptions } from "@/db/queries/recipients";
import { verifyCheckpoint } from "@/lib/transfer-log";
import { CONTROLLER_COUNTRY } from "@/lib/registry/facts";
import { localized, type Locale } from "@/lib/i18n/config";
import { stackedSeries } from "@/lib/log-view/chart-series";
import { LOG_FILTER_KEYS, logFilterOf, logFilterParams, parseLogListQuery } from "@/lib/validation/transfer-log";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LogFilters } from "./_components/log-filters";
import { LogTable } from "./_components/log-table";
import { TransfersChart } from "./_components/transfers-chart";
import { CrossBorderShare } from "./_components/cross-border-share";
import { CheckpointSummary } from "./_components/checkpoint-summary";
import { LogDownloads } from "./_components/log-downloads";

export async function generateMetadata() {
  const t = await getTranslations("log");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

export default async function LogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireLogReader("log.read", "/log", "view-list");
  const { query, invalid } = parseLogListQuery(await searchParams);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { before, limit, ...filterQuery } = query;
  const filter = logFilterOf(filterQuery);
  // Every view of the log is recorded before anything of it is read (RULES E1, E2).
  await recordRead(user, "view-list", { filter: filterQuery, before: before ?? null });

  const [page, stats, head, checkpoint, keys, names, options, systems] = await Promise.all([
    listLogEntries(filter, { before, limit: PAGE_SIZE }),
    logStatistics(filter),
    logHead(),
    latestCheckpoint(),
    listLogPublicKeys(),
    recipientNames(),
    recipientFormOptions(),
    distinctSendingSystems(),
  ]);
  const newer = before !== undefined && page.entries.length ? await newerLogPageCursor(filter, page.entries[0].seq, PAGE_SIZE) : null;

  const t = await getTranslations("log");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const nameOf = new Map(names.map((r) => [r.id, localized(locale, { en: r.nameEn, kk: r.nameKk, ru: r.nameRu })]));
  const countryOf = new Map(options.countries.map((c) => [c.code, localized(locale, { en: c.nameEn, kk: c.nameKk, ru: c.nameRu })]));

  const filterParams = logFilterParams(filterQuery);
  const href = (cursor: number | null) => {
    const p = new URLSearchParams(filterParams);
    if (cursor !== null) p.set("before", String(cursor));
    return `/log${p.size ? `?${p}` : ""}`;
  };
  const flaggedParams = new URLSearchParams(filterParams);
  flaggedParams.set("flagged", "1");
  const flaggedHref = `/log?${flaggedParams}`;
  const filtered = LOG_FILTER_KEYS.some((k) => filterQuery[k] !== undefined);
  const rows = page.entries.map((e) => ({
    seq: e.seq,
    occurredAt: e.occurredAt,
    recipientId: e.recipientId,
    recipient: nameOf.get(e.recipientId) ?? e.recipientId,
    country: countryOf.get(e.destinationCountry) ?? e.destinationCountry,
    crossBorder: e.destinationCountry !== CONTROLLER_COUNTRY,
    recordCount: e.recordCount,
    purposeCodes: e.purposeCodes,
    sendingSystem: e.sendingSystem,
    approvalId: e.approvalId,
    flags: e.flags,
  }));
  const verified = checkpoint ? verifyCheckpoint(checkpoint.note, keys, { origin: LOG_ORIGIN }).ok : null;
  const canExport = can(user.role, "log.export");

  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>

      <LogFilters
        recipients={names.map((r) => ({ value: r.id, label: nameOf.get(r.id) ?? r.id }))}
        countries={options.countries.map((c) => ({ value: c.code, label: countryOf.get(c.code) ?? c.code }))}
        systems={systems}
      />

      {Object.keys(invalid).length > 0 && (
        <Alert variant="warning" data-testid="invalid-filters">
          <AlertTitle>{t("invalidFilters")}</AlertTitle>
          <AlertDescription>{Object.keys(invalid).join(", ")}</AlertDescription>
        </Alert>
      )}

      {stats.total > 0 && (
        <div className="grid gap-4 md:grid-cols-3">
          <Card>
            <CardHeader>
              <CardDescription>{filtered ? t("stats.matching") : t("stats.total")}</CardDescription>
              <CardTitle className="text-3xl tabular-nums" data-testid="stat-total">
                {format.number(stats.total)}
              </CardTitle>
            </CardHeader>
          </Card>
          <Card>
            <CardHeader className="pb-2">
              <CardDescription>{t("charts.crossBorderTitle")}</CardDescription>
            </CardHeader>
            <CardContent>
              <CrossBorderShare total={stats.total} crossBorder={stats.crossBorder} />
            </CardContent>
          </Card>
          <Link href={flaggedHref} className="rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            <Card className={stats.flagged ? "border-red-300 transition-colors hover:bg-accent/50 dark:border-red-900" : "transition-colors hover:bg-accent/50"}>
              <CardHeader>
                <CardDescription>{t("stats.flagged")}</CardDescription>
                <CardTitle className={stats.flagged ? "text-3xl text-red-700 tabular-nums dark:text-red-400" : "text-3xl tabular-nums"} data-testid="stat-flagged">
                  {format.number(stats.flagged)}
                </CardTitle>
                <CardDescription>{t("stats.flaggedHint", { share: format.number(stats.total ? stats.flagged / stats.total : 0, { style: "percent", maximumFractionDigits: 1 }) })}</CardDescription>
              </CardHeader>
            </Card>
          </Link>
        </div>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          {stats.total === 0 ? (
            <Card>
              <CardHeader>
                <CardTitle>{filtered ? t("empty.filteredTitle") : t("empty.title")}</CardTitle>
                <CardDescription>{filtered ? t("empty.filteredHint") : t("empty.hint")}</CardDescription>
              </CardHeader>
            </Card>
          ) : (
            <Card>
              <CardHeader>
                <CardTitle>{t("charts.perRecipientTitle")}</CardTitle>
                <CardDescription>{t("charts.perRecipientHint")}</CardDescription>
              </CardHeader>
              <CardContent>
                <TransfersChart data={stackedSeries(stats.perDay)} names={nameOf} />
              </CardContent>
            </Card>
          )}
        </div>
        <div className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("checkpoint.title")}</CardTitle>
              <CardDescription>{t("checkpoint.logSize", { size: head.size })}</CardDescription>
            </CardHeader>
            <CardContent>
              <CheckpointSummary checkpoint={checkpoint} headSize={head.size} verified={verified} />
            </CardContent>
          </Card>
          {canExport && (
            <Card>
              <CardHeader>
                <CardTitle>{t("downloads.title")}</CardTitle>
                <CardDescription>{t("downloads.hint")}</CardDescription>
              </CardHeader>
              <CardContent>
                <LogDownloads filterQuery={filterParams.toString()} headSize={head.size} />
              </CardContent>
            </Card>
          )}
        </div>
      </div>

      <LogTable rows={rows} newerHref={before !== undefined ? href(newer) : null} olderHref={page.nextBefore !== null ? href(page.nextBefore) : null} emptyText={filtered ? t("empty.filteredTitle") : t("empty.title")} />
    </div>
  );
}
