"use server";
import { runAction } from "@/lib/auth/session";
import { archivePurposeDef, createPurposeDef, updatePurposeDef } from "@/lib/actions/record";

// Thin entry points: the permission, schema and handler are declared in lib/actions/record.ts.
export async function createPurposeAction(input: unknown) {
  return runAction(createPurposeDef, input);
}

export async function updatePurposeAction(input: unknown) {
  return runAction(updatePurposeDef, input);
}

export async function archivePurposeAction(input: unknown) {
  return runAction(archivePurposeDef, input);
}
