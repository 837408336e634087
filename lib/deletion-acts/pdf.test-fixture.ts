import { OPERATOR } from "./operator";
import type { DeletionActRecord } from "./types";

/** An approved bilingual act for the PDF and JSON tests. */
export function act(overrides: Partial<DeletionActRecord> = {}): DeletionActRecord {
  return {
    id: "6f1c7a2e-4b1d-4c3a-9a55-0d2f9b1e7c01",
    number: "DA-2026-0007",
    kind: "deletion",
    supersedeReason: null,
    subjectRequestId: "0b7e9c44-1d2a-4f6e-8c3b-5a9d7e2f1c00",
    actDate: "2026-11-25",
    deletedOn: "2026-11-24",
    subject: { kind: "wallet", value: "77011234567" },
    purposeCodes: ["C7"],
    dataItems: ["contact: email"],
    systems: ["crm-marketing", "mailer"],
    reason: "consent-withdrawn",
    legalReferenceCodes: ["KZ-PDL"],
    legalGround: "KZ-PDL art. 18; consent withdrawn on 20.11.2026",
    method: "erasure",
    language: "kk-ru",
    notes: null,
    createdAt: "2026-11-25T06:00:00.000Z",
    snapshot: {
      operator: OPERATOR,
      purposes: [{ code: "C7", name: { en: "Advertising and marketing messages", ru: "Рекламные и маркетинговые рассылки", kk: "Жарнамалық және маркетингтік хабарламалар" } }],
      categories: [{ key: "contact", name: { en: "Contact data", ru: "Контактные данные", kk: "Байланыс деректері" } }],
      items: [{ key: "contact: email", categoryKey: "contact", name: { en: "email", ru: "адрес электронной почты", kk: "электрондық пошта мекенжайы" } }],
      references: [{ code: "KZ-PDL", title: { en: "Personal data law", ru: "Закон о персональных данных", kk: "Дербес деректер туралы заң" } }],
      executor: { name: "Асқар Нұрланұлы", email: "engineer@qplus.local" },
      createdBy: { name: "DPO", email: "dpo@qplus.local" },
      supersedes: null,
    },
    status: "approved",
    decision: { outcome: "approved", approverName: "Admin", approverEmail: "admin@qplus.local", comment: null, decidedAt: "2026-11-25T07:00:00.000Z" },
    supersededBy: [],
    ...overrides,
  };
}

