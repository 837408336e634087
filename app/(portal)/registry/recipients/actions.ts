"use server";
import { runAction } from "@/lib/server/auth/session";
import { archiveRecipientDef, createRecipientDef, updateRecipientDef } from "@/lib/server/actions/recipients";

// Thin entry points: the permission, schema and handler are declared in lib/server/actions/recipients.ts.
export async function createRecipientAction(input: unknown) {
  return runAction(createRecipientDef, input);
}

export async function updateRecipientAction(input: unknown) {
  return runAction(updateRecipientDef, input);
}

export async function archiveRecipientAction(input: unknown) {
  return runAction(archiveRecipientDef, input);
}
