import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { History } from "lucide-react";
import { requirePagePermission } from "@/lib/server/auth/session";
import { can } from "@/lib/auth/permissions";
import { getCatalogueOverview } from "@/db/queries/catalogue";
import { localized, type Locale } from "@/lib/i18n/config";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ArchiveDialog } from "@/components/registry/archive-dialog";
import { EntryDialog, type EntryField } from "@/components/registry/entry-dialog";
import { archiveCatalogueEntryAction, createCatalogueEntryAction, updateCatalogueEntryAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("catalogue");
  return { title: t("title") };
}

const TABS = ["data", "subjects", "actions", "references"] as const;

export default async function CataloguePage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const user = await requirePagePermission("register.read", "/registry/catalogue");
  const { tab } = await searchParams;
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const c = await getCatalogueOverview();
  const canWrite = can(user.role, "register.write");
  const name = (r: { nameEn: string; nameKk: string | null; nameRu: string | null }) => localized(locale, { en: r.nameEn, kk: r.nameKk, ru: r.nameRu });
  const f = (key: string) => t(`catalogue.fields.${key}` as never);
  const names: EntryField[] = [
    { name: "nameEn", label: f("nameEn"), kind: "text" },
    { name: "nameRu", label: f("nameRu"), kind: "text" },
    { name: "nameKk", label: f("nameKk"), kind: "text" },
  ];
  const categoryOptions = c.categories.filter((x) => x.status === "active").map((x) => ({ value: x.key, label: name(x) }));

  const status = (s: string) => <Badge variant={s === "active" ? "success" : "secondary"}>{t(`record.status.${s}` as never)}</Badge>;
  const history = (entity: string, key: string, label: string) => (
    <Button variant="ghost" size="sm" asChild>
      <Link href={`/registry/catalogue/history?entity=${entity}&key=${encodeURIComponent(key)}`} aria-label={t("record.actionOn", { action: t("record.history"), entry: label })} title={t("record.history")}>
        <History aria-hidden />
      </Link>
    </Button>
  );
  const controls = (entity: string, key: string, version: number, archived: boolean, label: string, fields: EntryField[], initial: Record<string, string | boolean>, archivable = true) => (
    <div className="flex justify-end gap-1 whitespace-nowrap">
      {canWrite && !archived && (
        <EntryDialog action={updateCatalogueEntryAction} payload={{ entity, key, expectedVersion: version }} fields={fields} initial={initial} mode="edit" title={t("catalogue.editTitle", { entry: label })} label={label} />
      )}
      {canWrite && archivable && <ArchiveDialog action={archiveCatalogueEntryAction} payload={{ entity, key, expectedVersion: version }} archived={archived} label={label} />}
      {history(entity, key, label)}
    </div>
  );
  const add = (entity: string, title: string, fields: EntryField[], initial: Record<string, string | boolean>) =>
    canWrite ? <EntryDialog action={createCatalogueEntryAction} payload={{ entity }} fields={fields} initial={initial} mode="create" title={title} /> : null;

  const categoryFields = (create: boolean): EntryField[] => [{ name: "key", label: f("key"), kind: "text", readOnly: !create }, ...names, { name: "position", label: f("position"), kind: "number" }];
  const itemFields = (create: boolean): EntryField[] => [
    { name: "categoryKey", label: f("category"), kind: "select", options: categoryOptions, readOnly: !create },
    ...names,
    { name: "directIdentifier", label: t("catalogue.directIdentifier"), kind: "checkbox" },
  ];
  const subjectFields = (create: boolean): EntryField[] => [{ name: "key", label: f("key"), kind: "text", readOnly: !create }, ...names, { name: "hasContract", label: f("hasContract"), kind: "checkbox" }];
  const actionFields: EntryField[] = [{ name: "key", label: f("key"), kind: "text", readOnly: true }, ...names];
  const referenceFields = (create: boolean): EntryField[] => [
    { name: "code", label: f("code"), kind: "text", readOnly: !create },
    { name: "titleEn", label: f("titleEn"), kind: "text" },
    { name: "titleRu", label: f("titleRu"), kind: "text" },
    { name: "titleKk", label: f("titleKk"), kind: "text" },
    { name: "years", label: f("years"), kind: "number" },
  ];
  const s = (v: string | null) => v ?? "";

  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("catalogue.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("catalogue.subtitle")}</p>
      </div>
      <Tabs defaultValue={TABS.includes(tab as never) ? tab : "data"}>
        <TabsList>
          {TABS.map((k) => (
            <TabsTrigger key={k} value={k}>
              {t(`catalogue.tabs.${k}`)}
            </TabsTrigger>
          ))}
        </TabsList>

        <TabsContent value="data" className="grid gap-6">
          {c.categories.map((cat) => {
            const label = name(cat);
            const items = c.items.filter((i) => i.categoryKey === cat.key);
            return (
              <section key={cat.key} className="grid gap-2" aria-labelledby={`category-${cat.key}`}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 id={`category-${cat.key}`} className="flex items-center gap-2 text-lg font-semibold">
                    {label} <code className="text-xs font-normal text-muted-foreground">{cat.key}</code> {cat.status !== "active" && status(cat.status)}
                  </h2>
                  {controls("data-category", cat.key, cat.version, cat.status === "archived", label, categoryFields(false), {
                    key: cat.key,
                    nameEn: cat.nameEn,
                    nameRu: s(cat.nameRu),
                    nameKk: s(cat.nameKk),
                    position: String(cat.position),
                  })}
                </div>
                <div className="rounded-lg border">
                  <Table aria-label={label}>
                    <TableHeader>
                      <TableRow>
                        <TableHead>{f("name")}</TableHead>
                        <TableHead>{f("nameRu")}</TableHead>
                        <TableHead>{f("nameKk")}</TableHead>
                        <TableHead>{t("catalogue.directIdentifier")}</TableHead>
                        <TableHead>{f("usedBy")}</TableHead>
                        <TableHead>{f("status")}</TableHead>
                        <TableHead />
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {items.map((i) => (
                        <TableRow key={i.key}>
                          <TableCell className="font-medium">{i.nameEn}</TableCell>
                          <TableCell>{i.nameRu ?? t("record.none")}</TableCell>
                          <TableCell>{i.nameKk ?? t("record.none")}</TableCell>
                          <TableCell>{i.directIdentifier ? t("common.yes") : t("common.no")}</TableCell>
                          <TableCell className="tabular-nums">{i.purposeCount}</TableCell>
                          <TableCell>{status(i.status)}</TableCell>
                          <TableCell>
                            {controls("data-item", i.key, i.version, i.status === "archived", i.key, itemFields(false), {
                              categoryKey: i.categoryKey,
                              nameEn: i.nameEn,
                              nameRu: s(i.nameRu),
                              nameKk: s(i.nameKk),
                              directIdentifier: i.directIdentifier,
                            })}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </section>
            );
          })}
          <div className="flex flex-wrap gap-2">
            {add("data-item", t("catalogue.addItem"), itemFields(true), { categoryKey: categoryOptions[0]?.value ?? "", nameEn: "", nameRu: "", nameKk: "", directIdentifier: false })}
            {add("data-category", t("catalogue.addCategory"), categoryFields(true), { key: "", nameEn: "", nameRu: "", nameKk: "", position: String(c.categories.length + 1) })}
          </div>
        </TabsContent>

        <TabsContent value="subjects" className="grid gap-3">
          <div className="rounded-lg border">
            <Table aria-label={t("catalogue.tabs.subjects")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{f("key")}</TableHead>
                  <TableHead>{f("name")}</TableHead>
                  <TableHead>{f("hasContract")}</TableHead>
                  <TableHead>{f("status")}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.subjects.map((x) => (
                  <TableRow key={x.key}>
                    <TableCell>
                      <code>{x.key}</code>
                    </TableCell>
                    <TableCell className="font-medium">{name(x)}</TableCell>
                    <TableCell>{x.hasContract ? t("common.yes") : t("common.no")}</TableCell>
                    <TableCell>{status(x.status)}</TableCell>
                    <TableCell>
                      {controls("subject-category", x.key, x.version, x.status === "archived", name(x), subjectFields(false), { key: x.key, nameEn: x.nameEn, nameRu: s(x.nameRu), nameKk: s(x.nameKk), hasContract: x.hasContract })}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div>{add("subject-category", t("catalogue.addSubject"), subjectFields(true), { key: "", nameEn: "", nameRu: "", nameKk: "", hasContract: false })}</div>
        </TabsContent>

        <TabsContent value="actions" className="grid gap-3">
          <p className="text-sm text-muted-foreground">{t("catalogue.actionsHint")}</p>
          <div className="rounded-lg border">
            <Table aria-label={t("catalogue.tabs.actions")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{f("key")}</TableHead>
                  <TableHead>{f("nameEn")}</TableHead>
                  <TableHead>{f("nameRu")}</TableHead>
                  <TableHead>{f("nameKk")}</TableHead>
                  <TableHead>{f("status")}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.actions.map((a) => (
                  <TableRow key={a.key}>
                    <TableCell>
                      <code>{a.key}</code>
                    </TableCell>
                    <TableCell>{a.nameEn}</TableCell>
                    <TableCell>{a.nameRu}</TableCell>
                    <TableCell>{a.nameKk}</TableCell>
                    <TableCell>{status(a.status)}</TableCell>
                    <TableCell>
                      {controls("processing-action", a.key, a.version, a.status === "archived", name(a), actionFields, { key: a.key, nameEn: a.nameEn, nameRu: a.nameRu, nameKk: a.nameKk }, false)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </TabsContent>

        <TabsContent value="references" className="grid gap-3">
          <div className="rounded-lg border">
            <Table aria-label={t("catalogue.tabs.references")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{f("code")}</TableHead>
                  <TableHead>{f("title")}</TableHead>
                  <TableHead>{f("years")}</TableHead>
                  <TableHead>{f("status")}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.references.map((r) => (
                  <TableRow key={r.code}>
                    <TableCell>
                      <code>{r.code}</code>
                    </TableCell>
                    <TableCell className="max-w-xl">{localized(locale, { en: r.titleEn, kk: r.titleKk, ru: r.titleRu })}</TableCell>
                    <TableCell className="tabular-nums">{r.years ?? t("record.none")}</TableCell>
                    <TableCell>{status(r.status)}</TableCell>
                    <TableCell>
                      {controls("legal-reference", r.code, r.version, r.status === "archived", r.code, referenceFields(false), {
                        code: r.code,
                        titleEn: r.titleEn,
                        titleRu: s(r.titleRu),
                        titleKk: s(r.titleKk),
                        years: r.years === null ? "" : String(r.years),
                      })}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div>{add("legal-reference", t("catalogue.addReference"), referenceFields(true), { code: "", titleEn: "", titleRu: "", titleKk: "", years: "" })}</div>
        </TabsContent>
      </Tabs>
    </div>
  );
}
