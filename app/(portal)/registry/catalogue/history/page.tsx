import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { z } from "zod";
import { requirePagePermission } from "@/lib/server/auth/session";
import { getCatalogueHistory } from "@/db/queries/catalogue";
import { CATALOGUE_ENTITIES } from "@/lib/validation/catalogue";
import { Button } from "@/components/ui/button";
import { VersionHistory } from "@/components/registry/version-history";

const query = z.object({ entity: z.enum([...CATALOGUE_ENTITIES, "purpose", "calendar-day"]), key: z.string().min(1).max(300) });

/** Where an entry lives in the portal, to go back to it from its history. */
function backHref(entity: string, key: string) {
  if (entity === "purpose") return `/registry/purposes/${encodeURIComponent(key)}`;
  if (entity === "country") return `/registry/countries/${encodeURIComponent(key)}`;
  if (entity === "calendar-day") return `/registry/countries/${encodeURIComponent(key.split(":")[0])}`;
  const tab = { "data-category": "data", "data-item": "data", "subject-category": "subjects", "processing-action": "actions", "legal-reference": "references" }[entity];
  return `/registry/catalogue?tab=${tab}`;
}

export async function generateMetadata() {
  const t = await getTranslations("record");
  return { title: t("historyTitle") };
}

/** The history of any catalogue entry: every version with who, when, why and a field-level diff. */
export default async function CatalogueHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const raw = await searchParams;
  await requirePagePermission("register.read", `/registry/catalogue/history?entity=${encodeURIComponent(raw.entity ?? "")}&key=${encodeURIComponent(raw.key ?? "")}`);
  const parsed = query.safeParse(raw);
  if (!parsed.success) notFound();
  const { entity, key } = parsed.data;
  const versions = await getCatalogueHistory(entity, key);
  if (!versions.length) notFound();
  const t = await getTranslations();
  return (
    <div className="grid max-w-4xl gap-4">
      <div>
        <Button variant="ghost" size="sm" asChild>
          <Link href={backHref(entity, key)}>
            <ArrowLeft aria-hidden />
            {t("record.back")}
          </Link>
        </Button>
        <h1 className="text-2xl font-semibold tracking-tight">{t("record.historyOf", { entry: key })}</h1>
        <p className="text-sm text-muted-foreground">{t(`record.entities.${entity}`)}</p>
      </div>
      <VersionHistory versions={versions} />
    </div>
  );
}
