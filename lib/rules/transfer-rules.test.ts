import { describe, expect, it } from "vitest";
import { COUNTRIES, EMONEY_OPERATIONS, PURPOSES, RECIPIENTS, proposal } from "./fixtures";
import { RULES, TRANSFER_RULE_IDS, type TransferRuleId } from "./legal-facts";
import { TRANSFER_RULES, contractStatus, evaluateTransfer } from "./transfer-rules";
import type { RecipientFacts, RuleContext, TransferProposal } from "./types";

const TODAY = "2026-02-20";

function ctx(recipient: RecipientFacts, fields: Partial<TransferProposal> = {}, today = TODAY): RuleContext {
  return {
    today,
    recipient,
    purposes: PURPOSES,
    countries: COUNTRIES,
    proposal: proposal({ recipientId: recipient.id, ...fields }),
  };
}

function run(ruleId: TransferRuleId, c: RuleContext) {
  return TRANSFER_RULES[ruleId](c);
}

const halykTopUp: Partial<TransferProposal> = { purposeCodes: ["C3"], dataItems: [EMONEY_OPERATIONS] };
const qiwiAnalytics: Partial<TransferProposal> = {
  purposeCodes: ["V1"],
  dataItems: ["online: cookies: analytical"],
  actions: ["storage", "use", "systematisation"],
};

describe("the policy's real recipients", () => {
  it("refuses a marketing-research (C8) transfer of phone numbers to Key Business Solutions LLC (B2)", () => {
    const evaluation = evaluateTransfer(
      ctx(RECIPIENTS.keyBusinessSolutions, {
        purposeCodes: ["C8"],
        dataItems: ["contact: phone"],
        crossBorderGround: "consent",
      }),
    );
    const b2 = evaluation.results.find((r) => r.ruleId === "B2")!;
    expect(evaluation.blocked).toBe(true);
    expect(b2).toMatchObject({ ok: false, severity: "block", source: "KZ-PDL art. 17 p. 1" });
    expect(b2.reason).toBe(
      "Key Business Solutions LLC: research purpose C8 would receive direct identifiers: contact: phone.",
    );
    // The same verdict as a translatable message: codes and register keys, no words.
    expect(b2.message).toEqual({
      key: "ruleReasons.B2.directIdentifiers",
      params: { recipient: "Key Business Solutions LLC", purposes: ["C8"], count: 1, items: ["contact: phone"] },
    });
    // B2 is the only thing wrong with it.
    expect(evaluation.results.filter((r) => r.severity === "block").map((r) => r.ruleId)).toEqual(["B2"]);
  });

  it("lets a top-up (C3) transfer of wallet operations to Halyk Bank through with no blocking result", () => {
    const evaluation = evaluateTransfer(ctx(RECIPIENTS.halykBank, halykTopUp));
    expect(evaluation.blocked).toBe(false);
    expect(evaluation.warnings).toEqual([]);
    expect(evaluation.results.every((r) => r.ok)).toBe(true);
    expect(evaluation.results.map((r) => r.ruleId)).toEqual([...TRANSFER_RULE_IDS]);
  });

  describe("QIWI JSC analytics (V1 cookies) to Russia", () => {
    it("is blocked by B1 without a ground", () => {
      const evaluation = evaluateTransfer(ctx(RECIPIENTS.qiwiJsc, qiwiAnalytics));
      expect(evaluation.blocked).toBe(true);
      const b1 = evaluation.results.find((r) => r.ruleId === "B1")!;
      expect(b1.ok).toBe(false);
      expect(b1.reason).toMatch(/^QIWI JSC: cross-border transfer to RU names no ground/);
      expect(evaluation.results.filter((r) => r.severity === "block").map((r) => r.ruleId)).toEqual(["B1"]);
    });

    it("passes with the subjects' consent as ground, warning that the portal holds no evidence of it", () => {
      const evaluation = evaluateTransfer(ctx(RECIPIENTS.qiwiJsc, { ...qiwiAnalytics, crossBorderGround: "consent" }));
      expect(evaluation.blocked).toBe(false);
      expect(evaluation.warnings.map((w) => w.ruleId)).toEqual(["B1"]);
      expect(evaluation.warnings[0]).toMatchObject({ ok: true, severity: "warn", message: { key: "ruleReasons.B1.consentNoEvidence" } });
      expect(evaluation.warnings[0].reason).toContain("no consent records");
      // Another ground gives no such warning.
      expect(evaluateTransfer(ctx(RECIPIENTS.qiwiJsc, { ...qiwiAnalytics, crossBorderGround: "treaty" })).warnings).toEqual([]);
    });

    it("warns under B5 when Russian citizens are included, without blocking", () => {
      const evaluation = evaluateTransfer(
        ctx(RECIPIENTS.qiwiJsc, {
          ...qiwiAnalytics,
          crossBorderGround: "consent",
          populations: ["kz-subjects", "ru-citizens"],
        }),
      );
      expect(evaluation.blocked).toBe(false);
      expect(evaluation.warnings.map((w) => w.ruleId)).toEqual(["B1", "B5"]);
      expect(evaluation.warnings[1]).toMatchObject({ ok: false, source: "RU-152 art. 18 p. 5" });
      expect(RULES.B5.requiresAcknowledgement).toBe(true);
    });
  });
});

describe("REG-ACTIVE", () => {
  it("passes for an active recipient", () => {
    expect(run("REG-ACTIVE", ctx(RECIPIENTS.halykBank, halykTopUp)).ok).toBe(true);
  });
  it.each(["suspended", "archived"] as const)("blocks a %s recipient", (status) => {
    const r = run("REG-ACTIVE", ctx({ ...RECIPIENTS.halykBank, status }, halykTopUp));
    expect(r).toMatchObject({ ok: false, severity: "block" });
    expect(r.reason).toContain(status);
  });
});

describe("B6-CONTRACT", () => {
  const kazpost = RECIPIENTS.kazpost;
  const c2 = { purposeCodes: ["C2"], dataItems: ["document-details: IIN"] };
  const withContract = (expiresOn: string | null, date = "2025-01-15") => ({
    ...kazpost,
    contract: { number: "17/2025", date, expiresOn },
  });

  it("passes when the contract runs past the period's end", () => {
    const r = run("B6-CONTRACT", ctx(withContract("2026-12-31"), c2));
    expect(r).toMatchObject({ ok: true, severity: "info" });
  });
  it("passes an open-ended contract", () => {
    expect(run("B6-CONTRACT", ctx(withContract(null), c2)).reason).toContain("open-ended");
  });
  it("blocks a contract that expires inside the period", () => {
    const r = run("B6-CONTRACT", ctx(withContract("2026-05-31"), c2));
    expect(r).toMatchObject({ ok: false, severity: "block" });
    expect(r.reason).toBe(
      "Kazpost JSC: contract No. 17/2025 of 2025-01-15 expires on 2026-05-31, inside the transfer period 2026-03-02 to 2026-06-30.",
    );
  });
  it("blocks an expired contract (e.g. when an event arrives after expiry)", () => {
    const r = run("B6-CONTRACT", ctx(withContract("2026-01-31"), c2));
    expect(r.ok).toBe(false);
    expect(r.reason).toContain("expired on 2026-01-31");
  });
  it("blocks a processor with no contract", () => {
    expect(run("B6-CONTRACT", ctx({ ...kazpost, contract: null }, c2)).ok).toBe(false);
  });
  it("blocks a contract signed after the period starts", () => {
    expect(run("B6-CONTRACT", ctx(withContract("2027-01-01", "2026-04-01"), c2)).reason).toContain("not yet in force");
  });
  it("passes with a warning when the contract expires within 30 days", () => {
    const r = run(
      "B6-CONTRACT",
      ctx(withContract("2026-03-10"), { ...c2, mode: "one-off", period: { start: "2026-03-02", end: "2026-03-02" } }),
    );
    expect(r).toMatchObject({ ok: true, severity: "warn" });
    expect(contractStatus(withContract("2026-03-10"), TODAY)).toBe("expiring");
  });
  it("needs no contract for an operator receiving under the law", () => {
    const r = run("B6-CONTRACT", ctx(RECIPIENTS.stateBodies, { purposeCodes: ["C9"], dataItems: ["contact: phone"] }));
    expect(r.ok).toBe(true);
    expect(contractStatus(RECIPIENTS.stateBodies, TODAY)).toBe("not-required");
  });
});

describe("B6-PURPOSE", () => {
  it("passes purposes linked to the recipient", () => {
    expect(run("B6-PURPOSE", ctx(RECIPIENTS.halykBank, halykTopUp)).ok).toBe(true);
  });
  it("blocks a purpose not linked to the recipient", () => {
    const r = run("B6-PURPOSE", ctx(RECIPIENTS.halykBank, { purposeCodes: ["C8"], dataItems: ["contact: phone"] }));
    expect(r).toMatchObject({ ok: false, severity: "block" });
    expect(r.reason).toBe("Halyk Bank of Kazakhstan JSC: purpose C8 is not linked to this recipient (linked: C1, C3).");
    expect(r.message).toMatchObject({ key: "ruleReasons.B6-PURPOSE.unlinked", params: { purposes: ["C8"], count: 1, linked: ["C1", "C3"] } });
  });
  it("blocks an unknown or archived purpose, and a request with none", () => {
    expect(run("B6-PURPOSE", ctx(RECIPIENTS.halykBank, { purposeCodes: ["C99"] })).reason).toContain("not in the register");
    const archived = { ...ctx(RECIPIENTS.halykBank, halykTopUp) };
    archived.purposes = PURPOSES.map((p) => (p.code === "C3" ? { ...p, status: "archived" as const } : p));
    expect(run("B6-PURPOSE", archived).reason).toContain("archived");
    expect(run("B6-PURPOSE", ctx(RECIPIENTS.halykBank, { purposeCodes: [] })).ok).toBe(false);
  });
});

describe("B6-DATA", () => {
  it("passes data within the purpose's list", () => {
    expect(run("B6-DATA", ctx(RECIPIENTS.halykBank, halykTopUp)).ok).toBe(true);
  });
  it("blocks data outside the purposes' lists", () => {
    const r = run(
      "B6-DATA",
      ctx(RECIPIENTS.halykBank, { purposeCodes: ["C3"], dataItems: [EMONEY_OPERATIONS, "document-details: IIN"] }),
    );
    expect(r).toMatchObject({ ok: false, severity: "block" });
    expect(r.reason).toBe("Halyk Bank of Kazakhstan JSC: data items outside the lists of purpose C3: document-details: IIN.");
  });
  it("blocks a request with no data items", () => {
    expect(run("B6-DATA", ctx(RECIPIENTS.halykBank, { purposeCodes: ["C3"], dataItems: [] })).ok).toBe(false);
  });
});

describe("B6-ACTIONS", () => {
  const limited = { ...RECIPIENTS.counterparties, permittedActions: ["storage", "use"] };
  it("passes permitted actions", () => {
    expect(run("B6-ACTIONS", ctx(limited, { ...halykTopUp, actions: ["use"] })).ok).toBe(true);
  });
  it("blocks actions outside the permitted list", () => {
    const r = run("B6-ACTIONS", ctx(limited, { ...halykTopUp, actions: ["use", "transfer", "destruction"] }));
    expect(r).toMatchObject({ ok: false, severity: "block" });
    expect(r.reason).toBe("Counterparties: actions not permitted for this recipient: transfer; destruction.");
    expect(r.message).toMatchObject({ key: "ruleReasons.B6-ACTIONS.outside", params: { recipient: "Counterparties", actions: ["transfer", "destruction"] } });
  });
  it("blocks a request with no action", () => {
    expect(run("B6-ACTIONS", ctx(limited, { ...halykTopUp, actions: [] })).ok).toBe(false);
  });
});

describe("B7", () => {
  it("passes a processor whose instruction states every duty", () => {
    expect(run("B7", ctx(RECIPIENTS.kazpost, { purposeCodes: ["C2"] })).ok).toBe(true);
  });
  it("warns (does not block) when a processor's instruction lacks duties", () => {
    const kazpost = {
      ...RECIPIENTS.kazpost,
      instruction: { ...RECIPIENTS.kazpost.instruction, security: false, incidentReporting: false },
    };
    const evaluation = evaluateTransfer(ctx(kazpost, { purposeCodes: ["C2"], dataItems: ["document-details: IIN"] }));
    const b7 = evaluation.results.find((r) => r.ruleId === "B7")!;
    expect(b7).toMatchObject({ ok: false, severity: "warn" });
    expect(b7.reason).toBe(
      "Kazpost JSC: the processor's instruction does not state the security duties; the duty to report incidents.",
    );
    expect(evaluation.blocked).toBe(false);
    expect(evaluation.warnings).toContain(b7);
  });
  it("does not apply to an operator", () => {
    const halyk = { ...RECIPIENTS.halykBank, instruction: { ...RECIPIENTS.halykBank.instruction, security: false } };
    expect(run("B7", ctx(halyk, halykTopUp))).toMatchObject({ ok: true, severity: "info" });
  });
});

describe("B1", () => {
  it("does not apply within Kazakhstan", () => {
    expect(run("B1", ctx(RECIPIENTS.halykBank, halykTopUp)).reason).toContain("not a cross-border transfer");
  });
  it("blocks 'adequate protection' to a country not recorded as adequate (Russia)", () => {
    const r = run("B1", ctx(RECIPIENTS.qiwiJsc, { ...qiwiAnalytics, crossBorderGround: "adequate-protection" }));
    expect(r).toMatchObject({ ok: false, severity: "block" });
    expect(r.reason).toContain("RU is not recorded as ensuring adequate protection");
  });
  it("passes 'adequate protection' to a country recorded as adequate", () => {
    const abroad = { ...RECIPIENTS.qiwiJsc, countryCode: "XA" };
    expect(run("B1", ctx(abroad, { ...qiwiAnalytics, crossBorderGround: "adequate-protection" })).ok).toBe(true);
  });
  it("blocks 'adequate protection' to a country with no recorded facts", () => {
    const abroad = { ...RECIPIENTS.qiwiJsc, countryCode: "ZZ" };
    expect(run("B1", ctx(abroad, { ...qiwiAnalytics, crossBorderGround: "adequate-protection" })).ok).toBe(false);
  });
  it("falls back to the ground recorded in the register", () => {
    const qiwi = { ...RECIPIENTS.qiwiJsc, transferGround: "consent" as const };
    const r = run("B1", ctx(qiwi, qiwiAnalytics));
    expect(r.ok).toBe(true);
    expect(r.reason).toContain("the register's ground");
  });
});

describe("B3", () => {
  it("passes when the primary copy stays in Kazakhstan (the default)", () => {
    const p = { ...qiwiAnalytics, crossBorderGround: "consent" as const, primaryCopyInKazakhstan: undefined };
    expect(run("B3", ctx(RECIPIENTS.qiwiJsc, p)).ok).toBe(true);
  });
  it("blocks when Kazakhstan subjects' primary copy would leave", () => {
    const r = run("B3", ctx(RECIPIENTS.qiwiJsc, { ...qiwiAnalytics, primaryCopyInKazakhstan: false }));
    expect(r).toMatchObject({ ok: false, severity: "block", source: "KZ-PDL art. 12 p. 2" });
  });
  it("does not apply when no Kazakhstan subjects are covered", () => {
    const p = { ...qiwiAnalytics, populations: ["ru-citizens" as const], primaryCopyInKazakhstan: false };
    expect(run("B3", ctx(RECIPIENTS.qiwiJsc, p)).ok).toBe(true);
  });
});

describe("B4", () => {
  const fromRussia: Partial<TransferProposal> = { ...halykTopUp, originCountry: "RU", populations: ["ru-citizens"] };
  const notified = (recipient: RecipientFacts, date: string) => ({
    ...recipient,
    rknNotification: { number: "RKN-2026-001", date },
  });
  // A hypothetical recipient in a country not on RKN's list.
  const usRecipient: RecipientFacts = { ...RECIPIENTS.halykBank, id: "us-co", name: "US Co", countryCode: "US", crossBorder: true };

  it("does not apply to data originating in Kazakhstan", () => {
    expect(run("B4", ctx(RECIPIENTS.halykBank, halykTopUp)).ok).toBe(true);
  });
  it("blocks a transfer out of Russia with no RKN notification", () => {
    const r = run("B4", ctx(RECIPIENTS.halykBank, fromRussia));
    expect(r).toMatchObject({ ok: false, severity: "block" });
    expect(r.reason).toBe(
      "Halyk Bank of Kazakhstan JSC: transfer out of Russia to KZ without a Roskomnadzor notification on record.",
    );
  });
  it("passes with a notification to an RKN-adequate country (Kazakhstan), with no wait", () => {
    const evaluation = evaluateTransfer(ctx(notified(RECIPIENTS.halykBank, "2026-02-19"), fromRussia));
    expect(evaluation.results.find((r) => r.ruleId === "B4")!.ok).toBe(true);
    expect(evaluation.blocked).toBe(false);
    expect(evaluation.warnings.map((w) => w.ruleId)).toEqual(["B5"]);
  });
  it("blocks a non-adequate destination for 10 Russian working days after the notification", () => {
    // Filed Fri 2026-11-27: the 10th working day is Fri 2026-12-11.
    const recipient = notified(usRecipient, "2026-11-27");
    const p = { ...fromRussia, period: { start: "2026-12-01", end: "2026-12-31" } };
    const r = run("B4", ctx(recipient, p, "2026-12-01"));
    expect(r).toMatchObject({ ok: false, severity: "block" });
    expect(r.reason).toContain("until 2026-12-12");
    expect(run("B4", ctx(recipient, p, "2026-12-11")).ok).toBe(false);
    expect(run("B4", ctx(recipient, p, "2026-12-12")).ok).toBe(true);
  });
  it("passes a request filed during the wait whose period starts after it", () => {
    const recipient = notified(usRecipient, "2026-11-27");
    const p = { ...fromRussia, period: { start: "2026-12-14", end: "2026-12-31" } };
    expect(run("B4", ctx(recipient, p, "2026-12-01")).ok).toBe(true);
  });
  it("uses the calendar given in the context", () => {
    const recipient = notified(usRecipient, "2026-11-27");
    const p = { ...fromRussia, period: { start: "2026-12-12", end: "2026-12-31" } };
    const c = { ...ctx(recipient, p, "2026-12-12"), holidays: { RU: { weekend: [0, 6], holidays: ["2026-12-07"] } } };
    expect(run("B4", c).reason).toContain("until 2026-12-15");
  });
});

describe("B5", () => {
  it("passes when no Russian citizens are covered", () => {
    expect(run("B5", ctx(RECIPIENTS.halykBank, halykTopUp)).ok).toBe(true);
  });
  it("warns when Russian citizens are covered", () => {
    const r = run("B5", ctx(RECIPIENTS.halykBank, { ...halykTopUp, populations: ["ru-citizens"] }));
    expect(r).toMatchObject({ ok: false, severity: "warn" });
    expect(r.reason).toContain("2025-07-01");
  });
  it("does not apply to a period that ended before 1 Jul 2025", () => {
    const p = { ...halykTopUp, populations: ["ru-citizens" as const], period: { start: "2025-03-01", end: "2025-06-30" } };
    expect(run("B5", ctx(RECIPIENTS.halykBank, p, "2025-02-01")).ok).toBe(true);
  });
});

describe("B2", () => {
  const kbs = RECIPIENTS.keyBusinessSolutions;
  it("passes depersonalised research data without direct identifiers", () => {
    const p = { purposeCodes: ["C8"], dataItems: ["other: interview answers"], depersonalised: true, crossBorderGround: "consent" as const };
    const evaluation = evaluateTransfer(ctx(kbs, p));
    expect(evaluation.results.find((r) => r.ruleId === "B2")!.ok).toBe(true);
    expect(evaluation.blocked).toBe(false);
  });
  it("blocks direct identifiers even when the data is declared depersonalised", () => {
    const p = { purposeCodes: ["C8"], dataItems: ["contact: full name", "other: interview answers"], depersonalised: true };
    const r = run("B2", ctx(kbs, p));
    expect(r).toMatchObject({ ok: false, severity: "block" });
    expect(r.reason).toContain("contact: full name");
    expect(r.reason).toContain("cannot carry direct identifiers");
  });
  it("warns when research data without identifiers is not declared depersonalised", () => {
    const r = run("B2", ctx(kbs, { purposeCodes: ["C8"], dataItems: ["other: interview answers"] }));
    expect(r).toMatchObject({ ok: false, severity: "warn" });
  });
  it("does not apply to non-research purposes, identifiers or not", () => {
    expect(run("B2", ctx(RECIPIENTS.halykBank, { purposeCodes: ["C1"], dataItems: ["identifiers: wallet number"] })).ok).toBe(true);
  });
});

describe("B8", () => {
  it("passes when no minors are covered", () => {
    expect(run("B8", ctx(RECIPIENTS.halykBank, halykTopUp)).ok).toBe(true);
  });
  it("blocks a request covering minors", () => {
    const evaluation = evaluateTransfer(ctx(RECIPIENTS.halykBank, { ...halykTopUp, populations: ["kz-subjects", "minors"] }));
    expect(evaluation.blocked).toBe(true);
    expect(evaluation.results.find((r) => r.ruleId === "B8")).toMatchObject({
      ok: false,
      severity: "block",
      source: "the policy, 5.4",
    });
  });
});

describe("evaluateTransfer", () => {
  it("carries each rule's source from the catalogue", () => {
    const { results } = evaluateTransfer(ctx(RECIPIENTS.halykBank, halykTopUp));
    for (const r of results) expect(r.source).toBe(RULES[r.ruleId].source);
  });
  it("refuses malformed input instead of judging it", () => {
    expect(() => evaluateTransfer(ctx(RECIPIENTS.halykBank, halykTopUp, "20.02.2026"))).toThrow(RangeError);
    expect(() =>
      evaluateTransfer(ctx(RECIPIENTS.halykBank, { ...halykTopUp, period: { start: "2026-05-01", end: "2026-04-01" } })),
    ).toThrow(/before it starts/);
    const mismatched = { ...ctx(RECIPIENTS.halykBank, halykTopUp), recipient: RECIPIENTS.kazpost };
    expect(() => evaluateTransfer(mismatched)).toThrow(/recipient/);
  });
});
