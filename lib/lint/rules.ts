/**
 * The policy lint: rules over the record of processing, as pure functions of plain objects
 * (lib/register/record.ts). Each rule has an id and its source; its problems name the entry to
 * fix and carry a message key, so the page and the API explain them in the reader's language.
 * Legal facts (periods, lists) come from lib/rules/legal-facts.ts or the register's own rows.
 */
import { CONTRACT_EXPIRY_WARNING, RULES } from "@/lib/rules/legal-facts";
import { contractStatus } from "@/lib/rules/transfer-rules";
import type { RecipientFacts } from "@/lib/rules/types";
import { INSTRUCTION_ELEMENTS, type CrossBorderGround } from "@/lib/registry/facts";
import type { PurposeRecord, RecipientRecord } from "@/lib/register/record";
import type { LintEntity, LintInput, LintProblem, LintRule } from "./types";

const purposeEntity = (p: { code: string }): LintEntity => ({ kind: "purpose", code: p.code });
const recipientEntity = (r: RecipientRecord): LintEntity => ({ kind: "recipient", id: r.id, name: r.name });

const activePurposes = (input: LintInput) => input.purposes.filter((p) => p.status === "active");
// Suspended recipients keep their links and may be resumed: the lint looks at them too.
const currentRecipients = (input: LintInput) => input.recipients.filter((r) => r.status !== "archived");

/**
 * Deletion earlier than the retention period: data would be destroyed before the law (or the
 * policy's own retention) lets it go. Comparable only when both run from the same event.
 */
export const deletionBeforeRetention: LintRule = {
  id: "D1-DELETION-BEFORE-RETENTION",
  source: "KZ-PDL art. 12, 18 (RULES D1); the policy, 3.4 and 4.3",
  title: "deletionBeforeRetention",
  check: (input) =>
    activePurposes(input).flatMap((p): LintProblem[] => {
      if (p.retentionYears === null || p.deletionDelayYears === null || !p.retentionFrom || !p.deletionEvent) return [];
      if (p.deletionEvent !== p.retentionFrom || p.deletionDelayYears >= p.retentionYears) return [];
      return [
        {
          ruleId: deletionBeforeRetention.id,
          source: deletionBeforeRetention.source,
          severity: "error",
          message: "deletionBeforeRetention",
          params: { code: p.code, deletionYears: p.deletionDelayYears, retentionYears: p.retentionYears, event: { keys: [p.retentionFrom], labels: "retentionEvent" } },
          entity: purposeEntity(p),
        },
      ];
    }),
};

/**
 * Retention (or deletion) that runs from the end of a contract, for subjects who have none
 * (the seed's V1: visitors of the resource). The period then never starts.
 */
export const retentionFromMissingContract: LintRule = {
  id: "D3-RETENTION-FROM-MISSING-CONTRACT",
  source: "KZ Civil Code art. 178 p. 1 (RULES D3); the policy, 3.4.1 and 8.1",
  title: "retentionFromMissingContract",
  check: (input) => {
    const categories = new Map(input.subjectCategories.map((s) => [s.key, s]));
    return activePurposes(input).flatMap((p): LintProblem[] => {
      const category = categories.get(p.subjectCategory);
      if (!category || category.hasContract) return [];
      if (p.retentionFrom !== "contract-end" && p.deletionEvent !== "contract-end") return [];
      return [
        {
          ruleId: retentionFromMissingContract.id,
          source: retentionFromMissingContract.source,
          severity: "error",
          message: "retentionFromMissingContract",
          params: { code: p.code, category: category.name },
          entity: purposeEntity(p),
        },
      ];
    });
  },
};

/** A retention period shorter than the period the cited legal reference sets (e.g. AML: 5 years). */
export const retentionShorterThanLaw: LintRule = {
  id: "D2-RETENTION-SHORTER-THAN-LAW",
  source: "the cited legal reference (RULES D2, D3)",
  title: "retentionShorterThanLaw",
  check: (input) => {
    const references = new Map(input.legalReferences.map((l) => [l.code, l]));
    return activePurposes(input).flatMap((p): LintProblem[] => {
      if (p.retentionYears === null) return [];
      const longest = p.retentionLawCodes
        .map((c) => references.get(c))
        .filter((l) => l && l.years !== null)
        .sort((a, b) => (b!.years ?? 0) - (a!.years ?? 0))[0];
      if (!longest || p.retentionYears >= (longest.years ?? 0)) return [];
      return [
        {
          ruleId: retentionShorterThanLaw.id,
          source: retentionShorterThanLaw.source,
          severity: "error",
          message: "retentionShorterThanLaw",
          params: { code: p.code, retentionYears: p.retentionYears, reference: longest.code, referenceYears: longest.years ?? 0 },
          entity: purposeEntity(p),
        },
      ];
    });
  },
};

/** What a purpose's record must state (RULES A2), and references that point at nothing current. */
export const recordIncomplete: LintRule = {
  id: "A2-RECORD-INCOMPLETE",
  source: "RULES A2 (GDPR art. 30(1) as reference practice; KZ-PDL art. 7, 25)",
  title: "recordIncomplete",
  check: (input) => {
    const items = new Map(input.dataItems.map((i) => [i.key, i]));
    const references = new Map(input.legalReferences.map((l) => [l.code, l]));
    const categories = new Map(input.subjectCategories.map((s) => [s.key, s]));
    const current = (code: string | null | undefined) => !!code && references.get(code)?.status === "active";
    return activePurposes(input).flatMap((p): LintProblem[] => {
      const missing: string[] = [];
      if (categories.get(p.subjectCategory)?.status !== "active") missing.push("subjectCategory");
      if (p.legalBases.length === 0) missing.push("legalBasis");
      if (p.legalBases.some((b) => b.kind === "law" && !current(b.referenceCode))) missing.push("lawReference");
      if (p.dataItemKeys.length === 0) missing.push("dataItems");
      if (p.dataItemKeys.some((k) => items.get(k)?.status !== "active")) missing.push("dataItemArchived");
      if (p.retentionYears === null || !p.retentionFrom) missing.push("retention");
      if (p.retentionLawCodes.length === 0) missing.push("retentionReference");
      if (p.retentionLawCodes.some((c) => !current(c))) missing.push("retentionReferenceArchived");
      if (!p.deletionEvent || p.deletionDelayYears === null) missing.push("deletion");
      if (missing.length === 0) return [];
      return [
        {
          ruleId: recordIncomplete.id,
          source: recordIncomplete.source,
          severity: "warning",
          message: "recordIncomplete",
          params: { code: p.code, missing: { keys: missing, labels: "recordField" } },
          entity: purposeEntity(p),
        },
      ];
    });
  },
};

/**
 * A recipient linked to a purpose it may not receive data for: the purpose is archived (or
 * gone), or the purpose's data includes items no longer in the catalogue.
 */
export const purposeLinkOutOfScope: LintRule = {
  id: "B6-PURPOSE-DATA",
  source: `${RULES["B6-PURPOSE"].source} (RULES B6)`,
  title: "purposeLinkOutOfScope",
  check: (input) => {
    const purposes = new Map(input.purposes.map((p) => [p.code, p]));
    const items = new Map(input.dataItems.map((i) => [i.key, i]));
    return currentRecipients(input).flatMap((r) =>
      r.linkedPurposeCodes.flatMap((code): LintProblem[] => {
        const p = purposes.get(code);
        const base = { ruleId: purposeLinkOutOfScope.id, source: purposeLinkOutOfScope.source, severity: "error" as const, entity: recipientEntity(r) };
        if (!p || p.status !== "active") {
          return [{ ...base, message: "linkedToArchivedPurpose", params: { recipient: r.name, code }, related: p ? [purposeEntity(p)] : [] }];
        }
        const gone = p.dataItemKeys.filter((k) => items.get(k)?.status !== "active");
        if (gone.length === 0) return [];
        return [
          {
            ...base,
            message: "linkedPurposeDataArchived",
            params: { recipient: r.name, code, items: gone.map((k) => items.get(k)?.name ?? { en: k, kk: null, ru: null }) },
            related: [purposeEntity(p)],
          },
        ];
      }),
    );
  },
};

/**
 * A recipient linked to purposes without the actions it needs to be permitted: none at all, or
 * actions that are not (or no longer) in the catalogue of processing actions.
 */
export const actionsOutOfScope: LintRule = {
  id: "B6-ACTIONS",
  source: `${RULES["B6-ACTIONS"].source} (RULES B6)`,
  title: "actionsOutOfScope",
  check: (input) => {
    const known = new Set(input.actions.filter((a) => a.status === "active").map((a) => a.key));
    return currentRecipients(input).flatMap((r): LintProblem[] => {
      if (r.linkedPurposeCodes.length === 0) return [];
      const base = { ruleId: actionsOutOfScope.id, source: actionsOutOfScope.source, severity: "error" as const, entity: recipientEntity(r) };
      if (r.permittedActions.length === 0) return [{ ...base, message: "noPermittedActions", params: { recipient: r.name, codes: r.linkedPurposeCodes.join(", ") } }];
      const unknown = r.permittedActions.filter((a) => !known.has(a));
      if (unknown.length === 0) return [];
      return [{ ...base, message: "unknownPermittedActions", params: { recipient: r.name, actions: { keys: unknown, labels: "raw" } } }];
    });
  },
};

/** RULES B1: a recipient abroad needs a recorded ground; "adequate protection" needs the country's fact. */
export const crossBorderWithoutGround: LintRule = {
  id: "B1",
  source: RULES.B1.source,
  title: "crossBorderWithoutGround",
  check: (input) => {
    const countries = new Map(input.countries.map((c) => [c.code, c]));
    return currentRecipients(input).flatMap((r): LintProblem[] => {
      if (!r.crossBorder) return [];
      const country = countries.get(r.countryCode);
      const countryName = country?.name ?? { en: r.countryCode, kk: null, ru: null };
      const base = { ruleId: crossBorderWithoutGround.id, source: crossBorderWithoutGround.source, severity: "error" as const, entity: recipientEntity(r) };
      if (!r.transferGround) return [{ ...base, message: "crossBorderNoGround", params: { recipient: r.name, country: countryName } }];
      if ((r.transferGround as CrossBorderGround) === "adequate-protection" && country?.kzAdequate !== true) {
        return [{ ...base, message: "adequacyNotRecorded", params: { recipient: r.name, country: countryName } }];
      }
      return [];
    });
  },
};

/** The recipient in the shape of lib/rules, so the lint judges contracts exactly as transfers will be. */
export function recipientFacts(r: RecipientRecord): RecipientFacts {
  return {
    id: r.id,
    name: r.name.en,
    version: r.version,
    status: r.status,
    role: r.role,
    countryCode: r.countryCode,
    crossBorder: r.crossBorder,
    basis: r.basis,
    contract: r.contractNumber && r.contractDate ? { number: r.contractNumber, date: r.contractDate, expiresOn: r.contractExpiresOn } : null,
    instruction: {
      actions: r.instructionActions,
      purposes: r.instructionPurposes,
      confidentiality: r.instructionConfidentiality,
      security: r.instructionSecurity,
      incidentReporting: r.instructionIncidentReporting,
    },
    permittedActions: r.permittedActions,
    linkedPurposeCodes: r.linkedPurposeCodes,
    transferGround: (r.transferGround as CrossBorderGround | null) ?? null,
    rknNotification: r.rknNotificationNumber && r.rknNotificationDate ? { number: r.rknNotificationNumber, date: r.rknNotificationDate } : null,
  };
}

/**
 * RULES B6/B7: a processor acts only under a written contract in force (and a recipient on a
 * contract basis needs its contract): none recorded (number and date), expired, or not yet signed.
 * The same test as the transfer gate (lib/rules contractStatus), so the lint predicts what it blocks.
 */
export const contractNotInForce: LintRule = {
  id: "B6-CONTRACT",
  source: RULES["B6-CONTRACT"].source,
  title: "contractNotInForce",
  check: (input) =>
    currentRecipients(input).flatMap((r): LintProblem[] => {
      const status = contractStatus(recipientFacts(r), input.today);
      if (status !== "missing" && status !== "expired" && status !== "not-yet-in-force") return [];
      const message = { missing: "contractMissing", expired: "contractExpired", "not-yet-in-force": "contractNotYetInForce" }[status];
      return [
        {
          ruleId: contractNotInForce.id,
          source: contractNotInForce.source,
          severity: "error",
          message,
          params: { recipient: r.name, role: { keys: [r.role], labels: "role" }, date: (status === "expired" ? r.contractExpiresOn : r.contractDate) ?? "" },
          entity: recipientEntity(r),
        },
      ];
    }),
};

/** A contract that ends within the warning period (a portal convention, lib/rules/legal-facts.ts). */
export const contractExpiringSoon: LintRule = {
  id: "B6-CONTRACT-EXPIRING",
  source: CONTRACT_EXPIRY_WARNING.source,
  title: "contractExpiringSoon",
  check: (input) =>
    currentRecipients(input).flatMap((r): LintProblem[] =>
      contractStatus(recipientFacts(r), input.today) === "expiring"
        ? [
            {
              ruleId: contractExpiringSoon.id,
              source: contractExpiringSoon.source,
              severity: "warning",
              message: "contractExpiring",
              params: { recipient: r.name, date: r.contractExpiresOn ?? "", days: CONTRACT_EXPIRY_WARNING.days },
              entity: recipientEntity(r),
            },
          ]
        : [],
    ),
};

/** RULES B7: a processor's instruction must state actions, purposes, confidentiality, security, incidents. */
export const instructionIncomplete: LintRule = {
  id: "B7",
  source: RULES.B7.source,
  title: "instructionIncomplete",
  check: (input) =>
    currentRecipients(input).flatMap((r): LintProblem[] => {
      if (r.role !== "processor") return [];
      const missing = INSTRUCTION_ELEMENTS.filter((k) => !r[k]);
      if (missing.length === 0) return [];
      return [
        {
          ruleId: instructionIncomplete.id,
          source: instructionIncomplete.source,
          severity: "warning",
          message: "instructionIncomplete",
          params: { recipient: r.name, missing: { keys: [...missing], labels: "instructionElement" } },
          entity: recipientEntity(r),
        },
      ];
    }),
};

/** RULES B2: a research purpose's recipient must get depersonalised data, never direct identifiers. */
export const researchWithDirectIdentifiers: LintRule = {
  id: "B2",
  source: RULES.B2.source,
  title: "researchWithDirectIdentifiers",
  check: (input) => {
    const items = new Map(input.dataItems.map((i) => [i.key, i]));
    const research = new Map<string, PurposeRecord>(activePurposes(input).filter((p) => p.isResearch).map((p) => [p.code, p]));
    return currentRecipients(input).flatMap((r) =>
      r.linkedPurposeCodes.flatMap((code): LintProblem[] => {
        const p = research.get(code);
        if (!p) return [];
        const identifiers = p.dataItemKeys.filter((k) => items.get(k)?.directIdentifier);
        if (identifiers.length === 0) return [];
        return [
          {
            ruleId: researchWithDirectIdentifiers.id,
            source: researchWithDirectIdentifiers.source,
            severity: "error",
            message: "researchDirectIdentifiers",
            params: { code, recipient: r.name, items: identifiers.map((k) => items.get(k)!.name) },
            entity: purposeEntity(p),
            related: [recipientEntity(r)],
          },
        ];
      }),
    );
  },
};

/** Every rule, in the order the lint lists them. */
export const LINT_RULES: readonly LintRule[] = [
  deletionBeforeRetention,
  retentionFromMissingContract,
  retentionShorterThanLaw,
  recordIncomplete,
  purposeLinkOutOfScope,
  actionsOutOfScope,
  crossBorderWithoutGround,
  contractNotInForce,
  contractExpiringSoon,
  instructionIncomplete,
  researchWithDirectIdentifiers,
];

/** Runs every rule over the record of processing; problems come in rule order. */
export function lintRecord(input: LintInput): LintProblem[] {
  return LINT_RULES.flatMap((rule) => rule.check(input));
}
