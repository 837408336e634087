import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { getRecipient } from "@/db/queries/recipients";
import { RecipientForm } from "../../_components/recipient-form";
import { recipientFormProps } from "../../_components/form-data";

export async function generateMetadata() {
  const t = await getTranslations("recipients");
  return { title: t("editTitle") };
}

export default async function EditRecipientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePagePermission("register.write", `/registry/recipients/${id}/edit`);
  const recipient = await getRecipient(id);
  if (!recipient) notFound();
  const t = await getTranslations("recipients");
  if (recipient.status === "archived") {
    return <p className="text-muted-foreground">{t("archivedNoEdit")}</p>;
  }
  const props = await recipientFormProps(recipient);
  return (
    <div className="mx-auto grid max-w-4xl gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("editTitle")}</h1>
        <p className="text-sm text-muted-foreground">{t("editingVersion", { version: recipient.version })}</p>
      </div>
      <RecipientForm mode="edit" id={recipient.id} version={recipient.version} {...props} />
    </div>
  );
}
