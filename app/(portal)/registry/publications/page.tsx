import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ExternalLink } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { currentPolicySnapshot, latestPublication, listPublications } from "@/db/queries/publications";
import { comparePolicies } from "@/lib/policy/compare";
import { todayInAlmaty } from "@/lib/register/record";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PublishForm } from "./_components/publish-form";

export async function generateMetadata() {
  const t = await getTranslations("publications");
  return { title: t("title") };
}

/** The next minor number after the latest edition ("1.0" → "1.1"). */
function nextVersion(latest: string | undefined) {
  if (!latest) return "1.0";
  const parts = latest.split(".").map(Number);
  parts[parts.length - 1] += 1;
  return parts.join(".");
}

export default async function PublicationsPage() {
  const user = await requirePagePermission("register.read", "/registry/publications");
  const t = await getTranslations();
  const format = await getFormatter();
  const [editions, latest, current] = await Promise.all([listPublications(), latestPublication(), currentPolicySnapshot()]);
  const pending = latest ? comparePolicies(latest.snapshot, current) : null;
  const changed = pending ? [...pending.purposes, ...pending.recipients].filter((e) => e.change !== "same") : [];
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("publications.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("publications.subtitle")}</p>
      </div>
      {can(user.role, "register.write") && (
        <Card>
          <CardHeader>
            <CardTitle>{t("publications.newEdition")}</CardTitle>
            <CardDescription data-testid="pending-changes">
              {latest ? t("publications.pending", { count: changed.length, version: latest.version }) : t("publications.first")}
            </CardDescription>
            {changed.length > 0 && (
              <div className="flex flex-wrap gap-1">
                {changed.map((e) => (
                  <Badge key={e.key} variant="outline">
                    {e.key} · {t(`publications.change.${e.change}`)}
                  </Badge>
                ))}
              </div>
            )}
          </CardHeader>
          <CardContent>
            <PublishForm suggestedVersion={nextVersion(latest?.version)} today={todayInAlmaty()} />
          </CardContent>
        </Card>
      )}
      <div className="rounded-lg border">
        <Table aria-label={t("publications.editions")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("publications.version")}</TableHead>
              <TableHead>{t("publications.publishedOn")}</TableHead>
              <TableHead>{t("publications.publishedBy")}</TableHead>
              <TableHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {editions.map((e, i) => (
              <TableRow key={e.version}>
                <TableCell className="font-medium">{e.version}</TableCell>
                <TableCell className="tabular-nums">{e.publishedOn}</TableCell>
                <TableCell className="text-sm text-muted-foreground">
                  {t("record.changedBy", { who: e.publishedByEmail, when: format.dateTime(e.publishedAt, { dateStyle: "medium", timeStyle: "short" }) })}
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap justify-end gap-3 text-sm">
                    <Link href={`/policy/${e.version}`} className="inline-flex items-center gap-1 hover:underline">
                      {t("publications.view")}
                      <ExternalLink className="size-3.5" aria-hidden />
                    </Link>
                    {editions[i + 1] && (
                      <Link href={`/policy/compare?from=${editions[i + 1].version}&to=${e.version}`} className="hover:underline">
                        {t("publications.compareWith", { version: editions[i + 1].version })}
                      </Link>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
