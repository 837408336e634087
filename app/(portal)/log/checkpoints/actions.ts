"use server";
import { runAction } from "@/lib/server/auth/session";
import { issueCheckpointDef, rotateSigningKeyDef } from "@/lib/server/actions/transfer-log";

// Thin entry points: the permission, schema and handler are declared in lib/server/actions/transfer-log.ts.
export async function issueCheckpointAction(input: unknown) {
  return runAction(issueCheckpointDef, input);
}

export async function rotateSigningKeyAction(input: unknown) {
  return runAction(rotateSigningKeyDef, input);
}
