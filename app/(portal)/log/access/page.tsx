import { getFormatter, getTranslations } from "next-intl/server";
import { Download, Search } from "lucide-react";
import { z } from "zod";
import { isRole } from "@/lib/auth/permissions";
import { recordRead, requireLogReader } from "@/lib/server/transfer-log/access";
import { listLogAccess } from "@/db/queries/transfer-log";
import { newerAccessPageCursor } from "@/db/queries/log-view";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { KeysetPager } from "../_components/keyset-pager";
import { CsvFormulaNote } from "@/components/downloads/csv-formula-note";

export async function generateMetadata() {
  const t = await getTranslations("log.access");
  return { title: t("title") };
}

const PAGE_SIZE = 50;
const query = z.object({
  before: z.coerce.number().int().min(1).optional().catch(undefined),
  actor: z.string().trim().min(1).max(320).optional().catch(undefined),
});

const KINDS = ["user", "service-token", "personal-token", "anonymous"] as const;

/** Who read the transfer log, when, how and what (RULES E1, E2); reading this is itself recorded. */
export default async function LogAccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireLogReader("log.access.read", "/log/access", "view-access-log");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const { before, actor } = query.parse(raw);
  await recordRead(user, "view-access-log", { before: before ?? null, actor: actor ?? null });
  const page = await listLogAccess({ before, actor, limit: PAGE_SIZE });
  const newer = before !== undefined && page.events.length ? await newerAccessPageCursor(page.events[0].id, PAGE_SIZE, actor) : null;
  const t = await getTranslations("log.access");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const href = (cursor: number | null) => {
    const p = new URLSearchParams();
    if (actor) p.set("actor", actor);
    if (cursor !== null) p.set("before", String(cursor));
    return `/log/access${p.size ? `?${p}` : ""}`;
  };

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
        </div>
        <Button variant="outline" size="sm" asChild>
          <a href="/api/v1/log/access/export" download>
            <Download aria-hidden />
            {t("downloadCsv")}
          </a>
        </Button>
      </div>
      <CsvFormulaNote className="justify-self-end text-right" />
      <form method="get" action="/log/access" className="flex flex-wrap items-end gap-2" role="search">
        <div className="grid gap-1">
          <Label htmlFor="access-actor" className="text-xs text-muted-foreground">
            {t("actorFilter")}
          </Label>
          <Input id="access-actor" name="actor" defaultValue={actor ?? ""} placeholder={t("actorPlaceholder")} className="w-72" />
        </div>
        <Button type="submit" variant="outline" size="sm">
          <Search aria-hidden />
          {t("show")}
        </Button>
      </form>
      <div className="rounded-lg border">
        <Table aria-label={t("title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("at")}</TableHead>
              <TableHead>{t("who")}</TableHead>
              <TableHead>{t("role")}</TableHead>
              <TableHead>{t("kind")}</TableHead>
              <TableHead>{t("action")}</TableHead>
              <TableHead>{t("detail")}</TableHead>
              <TableHead>{t("address")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.events.length ? (
              page.events.map((e) => (
                <TableRow key={e.id} className="align-top">
                  <TableCell className="whitespace-nowrap">{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" })}</TableCell>
                  <TableCell className="font-medium">{e.actorLabel}</TableCell>
                  <TableCell>{e.role && isRole(e.role) ? tr(e.role) : <span className="text-muted-foreground">{t("noRole")}</span>}</TableCell>
                  <TableCell>{(KINDS as readonly string[]).includes(e.principalKind) ? t(`kinds.${e.principalKind as (typeof KINDS)[number]}`) : e.principalKind}</TableCell>
                  <TableCell>
                    <code className="font-mono text-xs">{e.action}</code>
                    {e.detail.outcome === "refused" && (
                      <Badge variant="danger" className="ml-1">
                        {t("refused", { status: String(e.detail.status ?? "") })}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell className="max-w-sm">
                    <code className="font-mono text-xs break-all text-muted-foreground">{JSON.stringify(e.detail)}</code>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{e.address ?? ""}</TableCell>
                </TableRow>
              ))
            ) : (
              <TableRow>
                <TableCell colSpan={7} className="h-20 text-center text-muted-foreground">
                  {t("empty")}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
      <KeysetPager newerHref={before !== undefined ? href(newer) : null} olderHref={page.nextBefore !== null ? href(page.nextBefore) : null} />
    </div>
  );
}
