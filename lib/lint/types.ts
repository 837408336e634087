import type { RecordOfProcessing, Text3 } from "@/lib/register/record";

/** What the lint looks at: the whole record of processing, and the day it is judged on. */
export interface LintInput extends RecordOfProcessing {
  /** "YYYY-MM-DD" (Almaty). */
  today: string;
}

export type LintEntity = { kind: "purpose"; code: string } | { kind: "recipient"; id: string; name: Text3 };

/** A list of enumerated keys, translated when shown (e.g. instruction elements, record fields). */
export interface KeyList {
  keys: string[];
  /** Where the keys' labels live in the message catalogues. */
  labels: "instructionElement" | "recordField" | "retentionEvent" | "role" | "raw";
}

export type LintParam = string | number | Text3 | Text3[] | KeyList;

export interface LintProblem {
  ruleId: string;
  source: string;
  /** error: the register says something unlawful or contradictory; warning: a person should look. */
  severity: "error" | "warning";
  /** Message key under `lint.messages` in lib/i18n/messages/*.json. */
  message: string;
  params: Record<string, LintParam>;
  /** The entry to open to fix it. */
  entity: LintEntity;
  /** Other entries the problem concerns. */
  related?: LintEntity[];
}

export interface LintRule {
  id: string;
  source: string;
  /** Message key under `lint.rules` (title of the rule). */
  title: string;
  check: (input: LintInput) => LintProblem[];
}
