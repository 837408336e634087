import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { subjectRequestFormOptions } from "@/db/queries/subject-requests";
import { businessDate } from "@/lib/transfers/constants";
import { comparePurposeCodes } from "@/lib/register/record";
import { isLocale, localized, type Locale } from "@/lib/i18n/config";
import { RecordRequestForm } from "../_components/record-form";

export async function generateMetadata() {
  const t = await getTranslations("subjectRequests");
  return { title: t("newTitle") };
}

export default async function NewSubjectRequestPage() {
  await requirePagePermission("subjects.manage", "/subject-requests/new");
  const t = await getTranslations("subjectRequests");
  const locale = (await getLocale()) as Locale;
  const options = await subjectRequestFormOptions();
  const today = businessDate();
  const purposes = options.purposes
    .map((p) => ({ code: p.code, name: localized(locale, { en: p.nameEn, ru: p.nameRu, kk: p.nameKk }) }))
    .sort((a, b) => comparePurposeCodes(a.code, b.code));
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("newTitle")}</h1>
        <p className="text-sm text-muted-foreground">{t("newSubtitle")}</p>
      </div>
      <RecordRequestForm
        today={today}
        purposes={purposes}
        defaults={{
          subjectIdKind: "wallet",
          subjectId: "",
          contactAddress: "",
          law: "KZ",
          channel: "email",
          right: "information",
          deletionGround: "",
          purposeCodes: [],
          summary: "",
          // The answer goes out in the language the person works in, unless the request says otherwise.
          answerLocale: isLocale(locale) ? locale : "ru",
          receivedOn: today,
        }}
      />
    </div>
  );
}
