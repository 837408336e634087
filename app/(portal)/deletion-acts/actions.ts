"use server";
import { runAction } from "@/lib/server/auth/session";
import { createDeletionActDef, decideDeletionActDef } from "@/lib/server/actions/deletion-acts";

// Thin entry points: permission, schema and handler are declared in lib/server/actions/deletion-acts.ts.
export async function createDeletionActAction(input: unknown) {
  return runAction(createDeletionActDef, input);
}

export async function decideDeletionActAction(input: unknown) {
  return runAction(decideDeletionActDef, input);
}
