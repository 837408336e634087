/**
 * Checks the hand-written fixtures against shared/domain/registry-seed.json, when that file
 * is present beside the app (it is on developers' machines and in CI).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ALL_ACTIONS, PURPOSES, RECIPIENTS, TRANSFER_PURPOSE_TEXTS } from "./fixtures";
import { DIRECT_IDENTIFIER_ITEMS } from "./legal-facts";

const seedPath = fileURLToPath(new URL("../../../shared/domain/registry-seed.json", import.meta.url));
const hasSeed = existsSync(seedPath);

interface Seed {
  processingActions: { key: string }[];
  dataCategories: Record<string, string[]>;
  purposes: { code: string; data: string[] }[];
  recipients: {
    key: string;
    name: string;
    role: string;
    basis: string;
    crossBorder: boolean;
    country: string;
    transferPurposes: string[];
    permittedActions: string[];
    linkedProcessingPurposes: string[];
  }[];
}

describe.skipIf(!hasSeed)("fixtures match registry-seed.json", () => {
  const seed: Seed = hasSeed ? JSON.parse(readFileSync(seedPath, "utf8")) : ({} as Seed);

  it("has the seed's purposes and their data items", () => {
    expect(PURPOSES.map((p) => ({ code: p.code, data: p.dataItems }))).toEqual(
      seed.purposes.map((p) => ({ code: p.code, data: p.data })),
    );
  });

  it("has the seed's recipients", () => {
    const fixtures = Object.values(RECIPIENTS);
    expect(fixtures.map((r) => r.id).sort()).toEqual(seed.recipients.map((r) => r.key).sort());
    for (const s of seed.recipients) {
      const r = fixtures.find((f) => f.id === s.key)!;
      expect({
        name: r.name,
        role: r.role,
        basis: r.basis,
        crossBorder: r.crossBorder,
        country: r.countryCode,
        actions: r.permittedActions,
        purposes: r.linkedPurposeCodes,
      }).toEqual({
        name: s.name,
        role: s.role,
        basis: s.basis,
        crossBorder: s.crossBorder,
        country: s.country,
        actions: s.permittedActions,
        purposes: s.linkedProcessingPurposes,
      });
      if (TRANSFER_PURPOSE_TEXTS[s.key]) expect(TRANSFER_PURPOSE_TEXTS[s.key]).toEqual(s.transferPurposes);
    }
    expect(ALL_ACTIONS).toEqual(seed.processingActions.map((a) => a.key));
  });

  it("names direct identifiers exactly as the seed's data catalogue does", () => {
    const catalogue = new Set(
      Object.entries(seed.dataCategories).flatMap(([group, items]) => items.map((i) => `${group}: ${i}`)),
    );
    for (const item of DIRECT_IDENTIFIER_ITEMS) expect(catalogue.has(item), item).toBe(true);
  });
});
