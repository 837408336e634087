import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { getPurpose } from "@/db/queries/purposes";
import { PurposeForm } from "../../_components/purpose-form";
import { purposeFormProps } from "../../_components/form-data";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const t = await getTranslations("purposes");
  return { title: t("editTitle", { code: decodeURIComponent((await params).code) }) };
}

export default async function EditPurposePage({ params }: { params: Promise<{ code: string }> }) {
  const code = decodeURIComponent((await params).code);
  await requirePagePermission("register.write", `/registry/purposes/${encodeURIComponent(code)}/edit`);
  const purpose = await getPurpose(code);
  if (!purpose) notFound();
  const t = await getTranslations();
  if (purpose.status === "archived") return <p className="text-muted-foreground">{t("record.archivedNoEdit")}</p>;
  const props = await purposeFormProps(purpose);
  return (
    <div className="mx-auto grid max-w-4xl gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("purposes.editTitle", { code })}</h1>
        <p className="text-sm text-muted-foreground">{t("record.editingVersion", { version: purpose.version })}</p>
      </div>
      <PurposeForm mode="edit" version={purpose.version} {...props} />
    </div>
  );
}
