import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { RecipientForm } from "../_components/recipient-form";
import { recipientFormProps } from "../_components/form-data";

export async function generateMetadata() {
  const t = await getTranslations("recipients");
  return { title: t("newTitle") };
}

export default async function NewRecipientPage() {
  await requirePagePermission("register.write", "/registry/recipients/new");
  const t = await getTranslations("recipients");
  const props = await recipientFormProps();
  return (
    <div className="mx-auto grid max-w-4xl gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("newTitle")}</h1>
      <RecipientForm mode="create" {...props} />
    </div>
  );
}
