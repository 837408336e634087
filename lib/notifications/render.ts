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

export const NOTIFICATION_KINDS = ["transferSubmitted", "transferApproved", "transferRejected", "transferReturned", "approvalRevoked", "transfersFlagged"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification or email says, language-neutral: names in every language, dates as ISO days. */
export type NotificationParams = {
  number: number;
  recipientEn: string;
  recipientRu: string;
  recipientKk: string;
  actor: string;
  reason?: string;
  validUntil?: string;
};

const CATALOGUES = { en, kk, ru } as const;

export function localeOrDefault(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

function values(locale: Locale, p: NotificationParams) {
  return {
    number: p.number,
    recipient: localized(locale, { en: p.recipientEn, ru: p.recipientRu, kk: p.recipientKk }),
    actor: p.actor,
    reason: p.reason ?? "",
    validUntil: p.validUntil ?? "",
  };
}

/** The one-line text of an in-app notification. */
export function renderNotification(kind: string, locale: Locale, params: NotificationParams): string {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "notifications.kinds" });
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return kind;
  return t(kind as NotificationKind, values(locale, params));
}

/** An email's subject and body in the addressee's language; `link` is an absolute URL. */
export function renderEmail(kind: NotificationKind, locale: Locale, params: NotificationParams, link: string): { subject: string; body: string } {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "emails" });
  const v = { ...values(locale, params), link };
  return { subject: t(`${kind}.subject`, v), body: `${t(`${kind}.body`, v)}\n\n${t("signature")}` };
}
