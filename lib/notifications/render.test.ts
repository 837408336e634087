import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { NOTIFICATION_KINDS, renderEmail, renderNotification, type NotificationParams } from "./render";

const params: NotificationParams = {
  number: 17,
  recipientEn: "QIWI JSC",
  recipientRu: "АО «КИВИ»",
  recipientKk: "КИВИ АҚ",
  actor: "dpo@qplus.local",
  reason: "Covered by the DPA",
  validUntil: "2026-06-30",
};

describe("notification and email texts", () => {
  it("render every kind in every language, with the recipient named in that language", () => {
    const names = { en: "QIWI JSC", ru: "АО «КИВИ»", kk: "КИВИ АҚ" };
    for (const locale of LOCALES)
      for (const kind of NOTIFICATION_KINDS) {
        const line = renderNotification(kind, locale, params);
        expect(line, `${locale} ${kind}`).toContain("17");
        expect(line).toContain(names[locale]);
        const email = renderEmail(kind, locale, params, "https://portal.example/transfers/abc");
        expect(email.subject).toContain("17");
        expect(email.body).toContain(names[locale]);
        expect(email.body).toContain("https://portal.example/transfers/abc");
        expect(`${email.subject}${email.body}${line}`).not.toMatch(/[{}]/);
      }
  });

  it("flagged transfers name their flags in the reader's language, not as codes", () => {
    const flagged = { ...params, reason: "no-approval, rule:B2" };
    expect(renderNotification("transfersFlagged", "ru", flagged)).toContain("(Нет одобрения и Правило B2)");
    expect(renderNotification("transfersFlagged", "kk", flagged)).toContain("(Мақұлдау жоқ және B2 ережесі)");
    expect(renderEmail("transfersFlagged", "en", flagged, "https://portal.example/log").body).toContain("(No approval and Rule B2)");
    expect(renderNotification("transfersFlagged", "ru", flagged)).not.toContain("no-approval");
  });

  it("a decision's email carries its reason and validity", () => {
    const { body } = renderEmail("transferApproved", "ru", params, "https://portal.example/transfers/abc");
    expect(body).toContain("Covered by the DPA");
    expect(body).toContain("2026-06-30");
  });
});
