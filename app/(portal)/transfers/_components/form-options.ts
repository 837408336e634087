import "server-only";
import { transferRequestFormOptions } from "@/db/queries/transfer-requests";
import { localized, type Locale } from "@/lib/i18n/config";
import type { TransferFormOptions } from "./request-form";

/** The form's choices, named in the reader's language. */
export async function localizedFormOptions(locale: Locale): Promise<TransferFormOptions> {
  const o = await transferRequestFormOptions();
  const name = (x: { nameEn: string; nameRu: string | null; nameKk: string | null }) => localized(locale, { en: x.nameEn, ru: x.nameRu, kk: x.nameKk });
  return {
    recipients: o.recipients.map((r) => ({ id: r.id, name: name(r), crossBorder: r.crossBorder, linkedPurposeCodes: r.linkedPurposeCodes })),
    purposes: o.purposes.map((p) => ({ code: p.code, name: name(p), dataItems: p.dataItems })),
    dataItems: Object.fromEntries(o.dataItems.map((i) => [i.key, { name: name(i), directIdentifier: i.directIdentifier }])),
    subjectCategories: o.subjectCategories.map((c) => ({ key: c.key, name: name(c) })),
    actions: o.actions.map((a) => ({ key: a.key, name: name(a) })),
  };
}
