import { describe, expect, it } from "vitest";
import {
  LINT_RULES,
  actionsOutOfScope,
  contractExpiringSoon,
  contractNotInForce,
  crossBorderWithoutGround,
  deletionBeforeRetention,
  instructionIncomplete,
  lintRecord,
  purposeLinkOutOfScope,
  recordIncomplete,
  researchWithDirectIdentifiers,
  retentionFromMissingContract,
  retentionShorterThanLaw,
} from "./rules";
import { lintInput, purpose, recipient } from "./fixtures";
import type { LintRule } from "./types";
import en from "@/lib/i18n/messages/en.json";

const ids = (rule: LintRule, input = lintInput()) => rule.check(input).map((p) => p.message);

describe("the fixture", () => {
  it("is clean under every rule", () => {
    expect(lintRecord(lintInput())).toEqual([]);
  });
  it("every rule has an id, a source, a title and translated messages", () => {
    expect(new Set(LINT_RULES.map((r) => r.id)).size).toBe(LINT_RULES.length);
    for (const rule of LINT_RULES) {
      expect(rule.source.length, rule.id).toBeGreaterThan(5);
      expect(Object.keys(en.lint.rules), rule.id).toContain(rule.title);
    }
  });
});

describe("D1: deletion earlier than retention (the seed's C12)", () => {
  it("flags deletion at contract end + 0 against 3 years of retention", () => {
    const input = lintInput({ purposes: [purpose({ code: "C12", retentionYears: 3, retentionLawCodes: ["CC-178-1"], deletionDelayYears: 0 })] });
    const [problem] = deletionBeforeRetention.check(input);
    expect(problem).toMatchObject({ ruleId: "D1-DELETION-BEFORE-RETENTION", entity: { kind: "purpose", code: "C12" }, params: { deletionYears: 0, retentionYears: 3 } });
  });
  it("passes when deletion waits as long as retention, or counts from another event", () => {
    expect(ids(deletionBeforeRetention, lintInput({ purposes: [purpose({ deletionDelayYears: 6 })] }))).toEqual([]);
    expect(ids(deletionBeforeRetention, lintInput({ purposes: [purpose({ retentionFrom: "transaction", deletionDelayYears: 0 })] }))).toEqual([]);
    expect(ids(deletionBeforeRetention, lintInput({ purposes: [purpose({ deletionDelayYears: 0, status: "archived" })] }))).toEqual([]);
  });
});

describe("D3: retention from the end of a contract the subjects do not have (the seed's V1)", () => {
  it("flags visitors' retention running from contract end", () => {
    const input = lintInput({ purposes: [purpose({ code: "V1", subjectCategory: "visitors", retentionYears: 3, retentionLawCodes: ["CC-178-1"], deletionDelayYears: 3 })] });
    expect(retentionFromMissingContract.check(input)).toMatchObject([{ entity: { code: "V1" }, params: { category: { en: "Visitors" } } }]);
  });
  it("passes for clients, or for visitors counted from collection", () => {
    expect(ids(retentionFromMissingContract)).toEqual([]);
    const fromCollection = purpose({ code: "V1", subjectCategory: "visitors", retentionYears: 1, retentionFrom: "collection", deletionEvent: "collection", deletionDelayYears: 1, retentionLawCodes: ["CC-178-1"] });
    expect(ids(retentionFromMissingContract, lintInput({ purposes: [fromCollection] }))).toEqual([]);
  });
});

describe("D2: retention shorter than the cited reference's period", () => {
  it("flags 3 years against AML's 5", () => {
    expect(retentionShorterThanLaw.check(lintInput({ purposes: [purpose({ retentionYears: 3, deletionDelayYears: 3 })] }))).toMatchObject([{ params: { reference: "AML-11-4", referenceYears: 5 } }]);
  });
  it("passes at 5 years, and for a reference that sets no period", () => {
    expect(ids(retentionShorterThanLaw)).toEqual([]);
    expect(ids(retentionShorterThanLaw, lintInput({ purposes: [purpose({ retentionYears: 1, deletionDelayYears: 1, retentionLawCodes: ["KZ-PDL"] })] }))).toEqual([]);
  });
});

describe("A2: a purpose's record is complete", () => {
  it("names what is missing", () => {
    const bare = purpose({ legalBases: [{ kind: "law", referenceCode: null }], retentionLawCodes: [], deletionEvent: null, deletionDelayYears: null });
    expect(recordIncomplete.check(lintInput({ purposes: [bare] }))).toMatchObject([{ params: { missing: { keys: ["lawReference", "retentionReference", "deletion"] } } }]);
  });
  it("passes a complete record", () => {
    expect(ids(recordIncomplete)).toEqual([]);
  });
});

describe("B6: a recipient linked to a purpose whose data it may not receive", () => {
  it("flags a link to an archived purpose, and to a purpose whose data left the catalogue", () => {
    expect(ids(purposeLinkOutOfScope, lintInput({ purposes: [purpose({ status: "archived" })] }))).toEqual(["linkedToArchivedPurpose"]);
    const base = lintInput();
    const archivedItem = lintInput({ dataItems: base.dataItems.map((i) => ({ ...i, status: "archived" as const })) });
    expect(ids(purposeLinkOutOfScope, archivedItem)).toEqual(["linkedPurposeDataArchived"]);
  });
  it("passes current links, and ignores archived recipients", () => {
    expect(ids(purposeLinkOutOfScope)).toEqual([]);
    expect(ids(purposeLinkOutOfScope, lintInput({ purposes: [purpose({ status: "archived" })], recipients: [recipient({ status: "archived" })] }))).toEqual([]);
  });
});

describe("B6: actions a linked recipient is not permitted", () => {
  it("flags no permitted actions, and actions outside the catalogue", () => {
    expect(ids(actionsOutOfScope, lintInput({ recipients: [recipient({ permittedActions: [] })] }))).toEqual(["noPermittedActions"]);
    expect(actionsOutOfScope.check(lintInput({ recipients: [recipient({ permittedActions: ["storage", "profiling"] })] }))).toMatchObject([{ params: { actions: { keys: ["profiling"] } } }]);
  });
  it("passes permitted catalogue actions, and a recipient with no purposes", () => {
    expect(ids(actionsOutOfScope)).toEqual([]);
    expect(ids(actionsOutOfScope, lintInput({ recipients: [recipient({ permittedActions: [], linkedPurposeCodes: [] })] }))).toEqual([]);
  });
});

describe("B1: a cross-border recipient without a recorded ground", () => {
  const abroad = (overrides = {}) => recipient({ countryCode: "RU", crossBorder: true, ...overrides });
  it("flags no ground, and 'adequate protection' for a country not recorded adequate", () => {
    expect(ids(crossBorderWithoutGround, lintInput({ recipients: [abroad()] }))).toEqual(["crossBorderNoGround"]);
    expect(ids(crossBorderWithoutGround, lintInput({ recipients: [abroad({ transferGround: "adequate-protection" })] }))).toEqual(["adequacyNotRecorded"]);
  });
  it("passes a recorded ground, an adequate destination, and recipients in Kazakhstan", () => {
    expect(ids(crossBorderWithoutGround, lintInput({ recipients: [abroad({ transferGround: "consent" })] }))).toEqual([]);
    expect(ids(crossBorderWithoutGround, lintInput({ recipients: [abroad({ countryCode: "DE", transferGround: "adequate-protection" })] }))).toEqual([]);
    expect(ids(crossBorderWithoutGround)).toEqual([]);
  });
});

describe("B6/B7: a processor without a contract in force", () => {
  it("flags a missing, an expired and a future contract", () => {
    expect(ids(contractNotInForce, lintInput({ recipients: [recipient({ contractNumber: null, contractDate: null, contractExpiresOn: null })] }))).toEqual(["contractMissing"]);
    expect(ids(contractNotInForce, lintInput({ recipients: [recipient({ contractExpiresOn: "2026-05-31" })] }))).toEqual(["contractExpired"]);
    expect(ids(contractNotInForce, lintInput({ recipients: [recipient({ contractDate: "2026-07-01" })] }))).toEqual(["contractNotYetInForce"]);
  });
  it("passes a contract in force, and an operator under the law", () => {
    expect(ids(contractNotInForce)).toEqual([]);
    expect(ids(contractNotInForce, lintInput({ recipients: [recipient({ role: "operator", basis: "law", contractNumber: null, contractDate: null })] }))).toEqual([]);
  });
});

describe("contract expiring within 30 days", () => {
  it("flags a contract ending in 30 days", () => {
    expect(contractExpiringSoon.check(lintInput({ recipients: [recipient({ contractExpiresOn: "2026-07-01" })] }))).toMatchObject([{ severity: "warning", params: { days: 30 } }]);
  });
  it("passes one ending in 31 days", () => {
    expect(ids(contractExpiringSoon, lintInput({ recipients: [recipient({ contractExpiresOn: "2026-07-02" })] }))).toEqual([]);
  });
});

describe("B7: a processor's instruction lacks a required element", () => {
  it("names the missing elements", () => {
    const r = recipient({ instructionIncidentReporting: false, instructionSecurity: false });
    expect(instructionIncomplete.check(lintInput({ recipients: [r] }))).toMatchObject([{ params: { missing: { keys: ["instructionSecurity", "instructionIncidentReporting"] } } }]);
  });
  it("passes a complete instruction, and an operator without one", () => {
    expect(ids(instructionIncomplete)).toEqual([]);
    expect(ids(instructionIncomplete, lintInput({ recipients: [recipient({ role: "operator", instructionActions: false })] }))).toEqual([]);
  });
});

describe("B2: a research purpose whose recipient would receive direct identifiers", () => {
  it("flags a research purpose carrying the wallet number", () => {
    const [problem] = researchWithDirectIdentifiers.check(lintInput({ purposes: [purpose({ isResearch: true })] }));
    expect(problem).toMatchObject({ ruleId: "B2", entity: { kind: "purpose", code: "C1" }, related: [{ kind: "recipient" }] });
  });
  it("passes research on answers alone, and a non-research purpose with identifiers", () => {
    expect(ids(researchWithDirectIdentifiers, lintInput({ purposes: [purpose({ isResearch: true, dataItemKeys: ["other: interview answers"] })] }))).toEqual([]);
    expect(ids(researchWithDirectIdentifiers)).toEqual([]);
  });
});
