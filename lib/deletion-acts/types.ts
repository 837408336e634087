/** The shapes of a deletion act, shared by the schema (jsonb type), the queries, the PDF and the JSON. */
import type { Text3 } from "../register/record";
import type { ActLanguage, DeletionActKind, DeletionMethod, DeletionReason, SubjectKind } from "./constants";

/** The operator as the act names it, with where the facts come from. */
export interface OperatorFacts {
  name: Text3;
  bin: string;
  address: Text3;
  email: string;
  source: string;
}

/** What the register and the people were when the act was made; the PDF is rendered from it. */
export interface ActSnapshot {
  operator: OperatorFacts;
  purposes: { code: string; name: Text3 }[];
  categories: { key: string; name: Text3 }[];
  items: { key: string; categoryKey: string; name: Text3 }[];
  references: { code: string; title: Text3 }[];
  executor: { name: string; email: string };
  createdBy: { name: string; email: string };
  supersedes: { id: string; number: string } | null;
}

export type DeletionActStatus = "pending" | "approved" | "rejected";

/** An act with its decision: everything the PDF, the JSON and the page show. */
export interface DeletionActRecord {
  id: string;
  number: string;
  kind: DeletionActKind;
  supersedeReason: string | null;
  subjectRequestId: string | null;
  actDate: string;
  deletedOn: string;
  subject: { kind: SubjectKind; value: string };
  purposeCodes: string[];
  dataItems: string[];
  systems: string[];
  reason: DeletionReason;
  legalReferenceCodes: string[];
  legalGround: string;
  method: DeletionMethod;
  language: ActLanguage;
  notes: string | null;
  createdAt: string;
  snapshot: ActSnapshot;
  status: DeletionActStatus;
  decision: { outcome: "approved" | "rejected"; approverName: string; approverEmail: string; comment: string | null; decidedAt: string } | null;
  /** Approved later acts that correct or void this one. */
  supersededBy: { id: string; number: string; kind: DeletionActKind }[];
}
