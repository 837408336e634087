import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { getTransferRequest } from "@/db/queries/transfer-requests";
import { EDITABLE_STATUSES } from "@/lib/transfers/constants";
import type { Locale } from "@/lib/i18n/config";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TransferRequestForm, type TransferFormValues } from "../../_components/request-form";
import { localizedFormOptions } from "../../_components/form-options";

export async function generateMetadata() {
  const t = await getTranslations("transfers");
  return { title: t("editTitle") };
}

export default async function EditTransferRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("transfers.request", `/transfers/${id}/edit`);
  const request = await getTransferRequest(id);
  const own = request?.requesterUserId === user.id;
  if (!request || (request.status === "draft" && !own)) notFound();
  const t = await getTranslations("transfers");
  const editable = own && EDITABLE_STATUSES.includes(request.status);
  if (!editable) {
    // Only the requester changes a request, and only while it is a draft or returned for changes.
    return (
      <div className="grid max-w-2xl gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("editTitleN", { number: request.number })}</h1>
        <Alert>
          <AlertTitle>{t("notEditableTitle")}</AlertTitle>
          <AlertDescription>{own ? t("notEditableState") : t("notEditableOwner")}</AlertDescription>
        </Alert>
        <div>
          <Button variant="outline" asChild>
            <Link href={`/transfers/${id}`}>{t("backToRequest")}</Link>
          </Button>
        </div>
      </div>
    );
  }
  const options = await localizedFormOptions((await getLocale()) as Locale);
  const defaults: TransferFormValues = {
    recipientId: request.recipientId,
    purposeCodes: request.purposeCodes,
    subjectCategories: request.subjectCategories,
    populations: request.populations,
    dataItems: request.dataItems,
    actions: request.actions,
    mode: request.mode,
    periodStart: request.periodStart,
    periodEnd: request.mode === "recurring" ? request.periodEnd : "",
    expectedVolume: String(request.expectedVolume),
    volumePeriod: request.volumePeriod,
    sendingSystem: request.sendingSystem,
    crossBorderGround: request.crossBorderGround ?? "",
    depersonalised: request.depersonalised,
    justification: request.justification,
  };
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("editTitleN", { number: request.number })}</h1>
        <p className="text-sm text-muted-foreground">{request.status === "returned" ? t("editReturnedSubtitle") : t("newSubtitle")}</p>
      </div>
      <TransferRequestForm mode="edit" id={id} version={request.version} defaults={defaults} options={options} />
    </div>
  );
}
