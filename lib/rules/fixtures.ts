/**
 * Test fixtures: the policy's real purposes and recipients, derived by hand from
 * shared/domain/registry-seed.json (policy v1.0 of 15 Dec 2025). fixtures.test.ts checks
 * them against the seed file when it is present.
 *
 * The seed holds no contracts, instruction checklists, grounds or RKN notifications:
 * the values below for those fields are TEST VALUES, not facts about the recipients.
 */
import type { CountryFacts, PurposeFacts, RecipientFacts, TransferProposal } from "./types";

export const ALL_ACTIONS = [
  "collection",
  "recording",
  "storage",
  "clarification",
  "use",
  "transfer",
  "systematisation",
  "accumulation",
  "extraction",
  "blocking",
  "destruction",
];

const purpose = (code: string, dataItems: string[], isResearch = false): PurposeFacts => ({
  code,
  dataItems,
  isResearch,
  status: "active",
});

// Identifiers shared by several purposes, spelled as in the seed.
const LOGIN = "identifiers: login (phone number)";
const WALLET = "identifiers: wallet number";
const PHONE = "contact: phone";
const EMAIL = "contact: email";
const NAME = "contact: full name";
const BALANCE = "financial: balance";
export const EMONEY_OPERATIONS = "financial: e-money operations (amount, time and date, purpose, recipients)";
const WALLET_STATE = "financial: changes of wallet state";

export const PURPOSES: PurposeFacts[] = [
  purpose("V1", ["online: cookies: analytical", "online: cookies: marketing"]),
  purpose("C1", [LOGIN, WALLET]),
  purpose("C2", [
    WALLET,
    NAME,
    EMAIL,
    PHONE,
    "document-details: citizenship",
    "document-details: date of birth",
    "document-details: passport number",
    "document-details: issuing authority",
    "document-details: issue date",
    "document-details: IIN",
    "document-details: gender",
    "document-copies: scanned passport",
  ]),
  purpose("C3", [
    LOGIN,
    WALLET,
    PHONE,
    EMAIL,
    BALANCE,
    EMONEY_OPERATIONS,
    "system: statuses in the system",
    "system: device data (software and hardware configuration)",
  ]),
  purpose("C4", [LOGIN, WALLET, PHONE, BALANCE, EMONEY_OPERATIONS, WALLET_STATE]),
  purpose("C5", [LOGIN, WALLET, PHONE, EMAIL, BALANCE, EMONEY_OPERATIONS, WALLET_STATE]),
  purpose("C6", [WALLET, "identifiers: identity-document details", NAME, PHONE, EMAIL]),
  purpose("C7", [EMAIL]),
  // "Marketing research": KZ-PDL art. 17 p. 1 research.
  purpose("C8", [NAME, PHONE, "other: interview answers"], true),
  purpose("C9", [
    LOGIN,
    WALLET,
    NAME,
    PHONE,
    EMAIL,
    "other: information about the client's activity",
    "document-copies: phone-ownership document (details, telecom operator)",
    "document-copies: identity-document copy",
  ]),
  purpose("C10", [
    LOGIN,
    WALLET,
    "identifiers: identity-document details",
    PHONE,
    EMAIL,
    BALANCE,
    WALLET_STATE,
    "system: statuses in the system",
  ]),
  purpose("C11", [
    LOGIN,
    WALLET,
    "identifiers: IP address",
    PHONE,
    BALANCE,
    "financial: wallet transactions",
    "document-details: passport series",
    "document-details: passport number",
    "other: other information given in a request",
  ]),
  // Management reporting and analysis: not flagged as research here; whether QIWI JSC's
  // "prepare analytical research and reports" under C12 is research is the DPO's call.
  purpose("C12", [
    LOGIN,
    WALLET,
    "identifiers: IP address",
    PHONE,
    BALANCE,
    "financial: wallet transactions",
    "document-details: passport series",
    "document-details: passport number",
    "other: other information given in a request",
  ]),
];

const FULL_INSTRUCTION = {
  actions: true,
  purposes: true,
  confidentiality: true,
  security: true,
  incidentReporting: true,
};

function recipient(
  fields: Pick<RecipientFacts, "id" | "name" | "role" | "countryCode" | "crossBorder" | "basis" | "linkedPurposeCodes"> &
    Partial<RecipientFacts>,
): RecipientFacts {
  return {
    version: 1,
    status: "active",
    // Test value: a contract signed before and running past every test period.
    contract:
      fields.basis === "law" ? null : { number: `TEST-${fields.id}`, date: "2025-01-15", expiresOn: "2027-12-31" },
    instruction: FULL_INSTRUCTION,
    permittedActions: ALL_ACTIONS,
    transferGround: null,
    rknNotification: null,
    ...fields,
  };
}

export const RECIPIENTS = {
  counterparties: recipient({
    id: "counterparties",
    name: "Counterparties",
    role: "operator",
    countryCode: "KZ",
    crossBorder: false,
    basis: "contract",
    linkedPurposeCodes: ["C3"],
  }),
  halykBank: recipient({
    id: "halyk-bank",
    name: "Halyk Bank of Kazakhstan JSC",
    role: "operator",
    countryCode: "KZ",
    crossBorder: false,
    basis: "contract",
    linkedPurposeCodes: ["C1", "C3"],
  }),
  kazpost: recipient({
    id: "kazpost",
    name: "Kazpost JSC",
    role: "processor",
    countryCode: "KZ",
    crossBorder: false,
    basis: "contract",
    linkedPurposeCodes: ["C2"],
  }),
  npc: recipient({
    id: "npc",
    name: "National Payment Corporation of the National Bank of Kazakhstan JSC",
    role: "processor",
    countryCode: "KZ",
    crossBorder: false,
    basis: "contract",
    linkedPurposeCodes: ["C2"],
  }),
  qiwiJsc: recipient({
    id: "qiwi-jsc",
    name: "QIWI JSC",
    role: "processor",
    countryCode: "RU",
    crossBorder: true,
    basis: "contract",
    linkedPurposeCodes: ["V1", "C12"],
  }),
  keyBusinessSolutions: recipient({
    id: "key-business-solutions",
    name: "Key Business Solutions LLC",
    role: "processor",
    countryCode: "RU",
    crossBorder: true,
    basis: "contract",
    linkedPurposeCodes: ["C8"],
  }),
  stateBodies: recipient({
    id: "state-bodies",
    name: "Authorised state bodies",
    role: "operator",
    countryCode: "KZ",
    crossBorder: false,
    basis: "law",
    linkedPurposeCodes: ["C9"],
  }),
} satisfies Record<string, RecipientFacts>;

/** The seed's transfer purposes per recipient key, for the research classifier tests. */
export const TRANSFER_PURPOSE_TEXTS: Record<string, string[]> = {
  "qiwi-jsc": [
    "Operate the infrastructure and support the system",
    "Analyse users' actions on the resource to improve services and products",
    "Prepare analytical research and reports",
  ],
  "key-business-solutions": ["Marketing research"],
};

/**
 * Country facts. KZ: on RKN's list (order No. 128 of 5 Aug 2022). RU: Kazakhstan has no
 * official adequacy list, so kzAdequate is the DPO's reading (false here). "US" is a
 * hypothetical non-adequate country for B4's waiting period.
 */
export const COUNTRIES: Record<string, CountryFacts> = {
  KZ: { code: "KZ", kzAdequate: true, rknAdequate: true },
  RU: { code: "RU", kzAdequate: false, rknAdequate: true },
  US: { code: "US", kzAdequate: false, rknAdequate: false },
  XA: { code: "XA", kzAdequate: true, rknAdequate: true }, // hypothetical adequate country
};

/** A proposal with neutral defaults; tests override what they exercise. */
export function proposal(fields: Partial<TransferProposal> & Pick<TransferProposal, "recipientId">): TransferProposal {
  return {
    purposeCodes: [],
    dataItems: [],
    actions: ["storage", "use"],
    populations: ["kz-subjects"],
    mode: "recurring",
    period: { start: "2026-03-02", end: "2026-06-30" },
    crossBorderGround: null,
    depersonalised: false,
    originCountry: "KZ",
    primaryCopyInKazakhstan: true,
    ...fields,
  };
}
