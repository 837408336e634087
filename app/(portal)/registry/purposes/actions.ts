"use server";
import { runAction } from "@/lib/server/auth/session";
import { archivePurposeDef, createPurposeDef, updatePurposeDef } from "@/lib/server/actions/record";

// Thin entry points: the permission, schema and handler are declared in lib/server/actions/record.ts.
export async function createPurposeAction(input: unknown) {
  return runAction(createPurposeDef, input);
}

export async function updatePurposeAction(input: unknown) {
  return runAction(updatePurposeDef, input);
}

export async function archivePurposeAction(input: unknown) {
  return runAction(archivePurposeDef, input);
}
