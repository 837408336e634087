import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { deletionActFormOptions, getDeletionAct } from "@/db/queries/deletion-acts";
import { localized, type Locale } from "@/lib/i18n/config";
import { todayInAlmaty } from "@/lib/register/record";
import { prefillFromSearchParams } from "@/lib/validation/deletion-act";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { DeletionActForm, type ActFormValues } from "../_components/act-form";

export async function generateMetadata() {
  const t = await getTranslations("deletionActs");
  return { title: t("newTitle") };
}

/**
 * A new act. Prefilled from a data-subject request (?subjectRequest=<uuid>&subject=<kind:value>&purposes=C1,C3),
 * or from an approved act it corrects (?corrects=<id>) or annuls (?voids=<id>).
 */
export default async function NewDeletionActPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("deletionActs.write", "/deletion-acts/new");
  const t = await getTranslations("deletionActs");
  const locale = (await getLocale()) as Locale;
  const prefill = prefillFromSearchParams(await searchParams);
  const [options, old] = await Promise.all([deletionActFormOptions(), prefill.supersedes ? getDeletionAct(prefill.supersedes.id) : null]);
  const today = todayInAlmaty();
  const known = new Set(options.purposes.map((p) => p.code));

  const defaults: ActFormValues = old
    ? {
        kind: prefill.supersedes!.kind,
        supersedesActId: old.id,
        supersedeReason: "",
        subjectRequestId: old.subjectRequestId ?? "",
        actDate: today,
        deletedOn: old.deletedOn,
        subjectKind: old.subject.kind,
        subjectValue: old.subject.value,
        purposeCodes: old.purposeCodes,
        dataItems: old.dataItems,
        systems: old.systems.join("\n"),
        reason: old.reason,
        legalReferenceCodes: old.legalReferenceCodes,
        legalGround: old.legalGround,
        method: old.method,
        language: old.language,
        executorUserId: user.id,
        notes: "",
      }
    : {
        kind: "deletion",
        supersedesActId: "",
        supersedeReason: "",
        subjectRequestId: prefill.subjectRequestId ?? "",
        actDate: today,
        deletedOn: today,
        subjectKind: prefill.subjectKind ?? "",
        subjectValue: prefill.subjectValue,
        purposeCodes: prefill.purposeCodes.filter((c) => known.has(c)),
        dataItems: [],
        systems: "",
        reason: prefill.subjectRequestId ? "subject-request" : "",
        legalReferenceCodes: [],
        legalGround: "",
        method: "",
        language: "kk-ru",
        executorUserId: user.id,
        notes: "",
      };
  const title = old ? t(defaults.kind === "void" ? "voidTitle" : "correctTitle", { number: old.number }) : t("newTitle");

  return (
    <div className="grid max-w-4xl gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="text-sm text-muted-foreground">{t("newSubtitle")}</p>
      </div>
      {prefill.subjectRequestId && !old && (
        <Alert>
          <AlertDescription>
            {t("fromRequest")} <code className="font-mono text-xs">{prefill.subjectRequestId}</code>
          </AlertDescription>
        </Alert>
      )}
      <DeletionActForm
        defaults={defaults}
        options={{
          purposes: options.purposes.map((p) => ({ code: p.code, name: localized(locale, p.name), itemKeys: p.itemKeys })),
          items: Object.fromEntries(options.items.map((i) => [i.key, localized(locale, i.name)])),
          references: options.references.map((r) => ({ code: r.code, title: localized(locale, r.title) })),
          people: options.people.map((p) => ({ id: p.id, label: `${p.name} (${p.email})` })),
        }}
      />
    </div>
  );
}
