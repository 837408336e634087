"use server";
import { runAction } from "@/lib/server/auth/session";
import {
  createTransferRequestDef,
  decideTransferRequestDef,
  previewTransferRulesDef,
  revokeApprovalDef,
  submitTransferRequestDef,
  updateTransferRequestDef,
} from "@/lib/server/actions/transfers";

// Thin entry points: permission, schema and handler are declared in lib/server/actions/transfers.ts.
export async function createTransferRequestAction(input: unknown) {
  return runAction(createTransferRequestDef, input);
}

export async function updateTransferRequestAction(input: unknown) {
  return runAction(updateTransferRequestDef, input);
}

export async function submitTransferRequestAction(input: unknown) {
  return runAction(submitTransferRequestDef, input);
}

export async function previewTransferRulesAction(input: unknown) {
  return runAction(previewTransferRulesDef, input);
}

export async function decideTransferRequestAction(input: unknown) {
  return runAction(decideTransferRequestDef, input);
}

export async function revokeApprovalAction(input: unknown) {
  return runAction(revokeApprovalDef, input);
}
