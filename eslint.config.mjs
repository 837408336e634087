import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * The layers (README "Architecture"), held by import rules:
 *   app → lib/server (glue) → db/queries → db/schema; every layer may use the pure domain in lib/.
 * Pure domain modules (lib/* outside lib/server) import neither the database, Next nor the glue, so the
 * CLI, the witness, the client library and tests can use them anywhere.
 */
const noApp = { group: ["@/app/*", "@/app", "**/app/*"], message: "Nothing imports from app/: routes are the top layer." };
const noGlue = { group: ["@/lib/server/*", "@/lib/server", "**/lib/server/*"], message: "Server glue is used by app/ and components only." };
const noDb = { group: ["@/db/*", "@/db", "**/db/client", "**/db/queries/*", "**/db/schema/*"], message: "Pure domain code takes plain objects; the database is reached through lib/server or db/queries." };
const noNext = {
  group: ["next", "next/*", "next-auth", "next-auth/*", "server-only"],
  message: "Pure domain code runs outside Next (CLI, witness, client library).",
};

/** One CSV writer (lib/csv/formula.ts), so no download can skip the formula neutralisation. */
const noCsvWriter = { group: ["csv-stringify", "csv-stringify/*"], message: "Write CSV through csvText in lib/csv/formula.ts: it neutralises formula cells." };

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "lib/transfer-log/test-vectors/**/*.jsonl"] },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/server/**", "lib/bench/**", "lib/test/**", "lib/**/*.test.ts", "lib/auth/types.d.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noApp, noGlue, noDb, noNext, noCsvWriter] }] },
  },
  {
    files: ["lib/csv/formula.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noApp, noGlue, noDb, noNext] }] },
  },
  {
    files: ["db/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noApp, noGlue, { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "db/ does not depend on Next." }, noCsvWriter] }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noApp, noDb, noCsvWriter] }] },
  },
  {
    files: ["lib/server/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noApp, noCsvWriter] }] },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noCsvWriter] }] },
  },
];
export default config;
