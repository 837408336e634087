/**
 * Texts of notifications and emails, rendered from message keys in the reader's language, so the
 * outbox holds each email already translated (lib/i18n/messages/*.json, namespaces
 * "notifications.kinds" and "emails").
 */
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import kk from "@/lib/i18n/messages/kk.json";
import ru from "@/lib/i18n/messages/ru.json";
import { DEFAULT_LOCALE, isLocale, localized, type Locale } from "@/lib/i18n/config";
import { flagLabel, type Translate } from "@/lib/i18n/rule-reasons";

export const NOTIFICATION_KINDS = ["transferSubmitted", "transferApproved", "transferRejected", "transferReturned", "approvalRevoked", "transfersFlagged"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification or email says, language-neutral: names in every language, dates as ISO days. */
export type NotificationParams = {
  number: number;
  recipientEn: string;
  recipientRu: string;
  recipientKk: string;
  actor: string;
  /** A person's reason; for "transfersFlagged", the log flags' codes joined by ", ". */
  reason?: string;
  validUntil?: string;
};

const CATALOGUES = { en, kk, ru } as const;

export function localeOrDefault(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Flag codes ("no-approval, rule:B2") as the reader's labels, in the locale's list format. */
function flagLabels(locale: Locale, codes: string): string {
  const t = createTranslator({ locale, messages: CATALOGUES[locale] }) as unknown as Translate;
  const labels = codes
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => flagLabel(c, t));
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(labels);
}

function values(locale: Locale, p: NotificationParams, kind: string) {
  return {
    number: p.number,
    recipient: localized(locale, { en: p.recipientEn, ru: p.recipientRu, kk: p.recipientKk }),
    actor: p.actor,
    reason: kind === "transfersFlagged" ? flagLabels(locale, p.reason ?? "") : (p.reason ?? ""),
    validUntil: p.validUntil ?? "",
  };
}

/** The one-line text of an in-app notification. */
export function renderNotification(kind: string, locale: Locale, params: NotificationParams): string {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "notifications.kinds" });
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return kind;
  return t(kind as NotificationKind, values(locale, params, kind));
}

/** An email's subject and body in the addressee's language; `link` is an absolute URL. */
export function renderEmail(kind: NotificationKind, locale: Locale, params: NotificationParams, link: string): { subject: string; body: string } {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "emails" });
  const v = { ...values(locale, params, kind), link };
  return { subject: t(`${kind}.subject`, v), body: `${t(`${kind}.body`, v)}\n\n${t("signature")}` };
}
