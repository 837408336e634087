import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { businessDate } from "@/lib/transfers/constants";
import type { Locale } from "@/lib/i18n/config";
import { TransferRequestForm, type TransferFormValues } from "../_components/request-form";
import { localizedFormOptions } from "../_components/form-options";

export async function generateMetadata() {
  const t = await getTranslations("transfers");
  return { title: t("newTitle") };
}

export default async function NewTransferRequestPage({ searchParams }: { searchParams: Promise<{ recipient?: string }> }) {
  await requirePagePermission("transfers.request", "/transfers/new");
  const t = await getTranslations("transfers");
  const options = await localizedFormOptions((await getLocale()) as Locale);
  const { recipient } = await searchParams;
  const defaults: TransferFormValues = {
    recipientId: options.recipients.some((r) => r.id === recipient) ? recipient! : "",
    purposeCodes: [],
    subjectCategories: [],
    populations: ["kz-subjects"],
    dataItems: [],
    actions: [],
    mode: "one-off",
    periodStart: businessDate(),
    periodEnd: "",
    expectedVolume: "",
    volumePeriod: "once",
    sendingSystem: "",
    crossBorderGround: "",
    depersonalised: false,
    justification: "",
  };
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("newTitle")}</h1>
        <p className="text-sm text-muted-foreground">{t("newSubtitle")}</p>
      </div>
      <TransferRequestForm mode="create" defaults={defaults} options={options} />
    </div>
  );
}
