import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { listTransferRequests, transferRequestFormOptions } from "@/db/queries/transfer-requests";
import { transferListQuery, type TRANSFER_LIST_VIEWS } from "@/lib/validation/transfer-request";
import { businessDate } from "@/lib/transfers/constants";
import { localized, type Locale } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { TransfersTable } from "./_components/transfers-table";
import { TransferFilters } from "./_components/transfer-filters";

export async function generateMetadata() {
  const t = await getTranslations("transfers");
  return { title: t("title") };
}

type View = (typeof TRANSFER_LIST_VIEWS)[number];

export default async function TransfersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("transfers.read", "/transfers");
  const t = await getTranslations("transfers");
  const locale = (await getLocale()) as Locale;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = transferListQuery.parse(raw);

  // Each role sees the views it can act on: engineers their own, deciders the queue, everyone all.
  const views: View[] = [...(can(user.role, "transfers.request") ? (["mine"] as const) : []), ...(can(user.role, "transfers.decide") ? (["queue"] as const) : []), "all"];
  const preferred: View = can(user.role, "transfers.decide") ? "queue" : can(user.role, "transfers.request") ? "mine" : "all";
  const view: View = query.view && views.includes(query.view) ? query.view : preferred;
  const today = businessDate();
  const [result, options] = await Promise.all([listTransferRequests(query, { userId: user.id, view }, today), transferRequestFormOptions()]);

  const rows = result.rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.effectiveStatus,
    recipient: localized(locale, { en: r.recipientEn, ru: r.recipientRu, kk: r.recipientKk }),
    crossBorder: r.crossBorder,
    purposeCodes: r.purposeCodes,
    requester: r.requesterLabel,
    blocked: r.blocked,
    warnings: r.warnings,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    validUntil: r.validUntil,
  }));
  const viewHref = (v: View) => `/transfers?view=${v}`;

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t(`subtitles.${view}`)}</p>
        </div>
        {can(user.role, "transfers.request") && (
          <Button size="sm" asChild>
            <Link href="/transfers/new">
              <Plus aria-hidden />
              {t("new")}
            </Link>
          </Button>
        )}
      </div>
      <nav aria-label={t("viewsLabel")} className="inline-flex w-fit gap-1 rounded-lg bg-muted p-1">
        {views.map((v) => (
          <Link
            key={v}
            href={viewHref(v)}
            aria-current={v === view ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
              v === view && "bg-background text-foreground shadow-sm",
            )}
          >
            {t(`views.${v}`)}
          </Link>
        ))}
      </nav>
      <TransferFilters
        view={view}
        recipients={options.recipients.map((r) => ({ id: r.id, name: localized(locale, { en: r.nameEn, ru: r.nameRu, kk: r.nameKk }) }))}
      />
      <TransfersTable rows={rows} view={view} total={result.total} page={result.page} pageSize={result.pageSize} />
    </div>
  );
}
