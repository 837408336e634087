import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { PurposeForm } from "../_components/purpose-form";
import { purposeFormProps } from "../_components/form-data";

export async function generateMetadata() {
  const t = await getTranslations("purposes");
  return { title: t("newTitle") };
}

export default async function NewPurposePage() {
  await requirePagePermission("register.write", "/registry/purposes/new");
  const t = await getTranslations("purposes");
  const props = await purposeFormProps();
  return (
    <div className="mx-auto grid max-w-4xl gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("newTitle")}</h1>
      <PurposeForm mode="create" {...props} />
    </div>
  );
}
