"use server";
import { runAction } from "@/lib/auth/session";
import { issueCheckpointDef, rotateSigningKeyDef } from "@/lib/actions/transfer-log";

// Thin entry points: the permission, schema and handler are declared in lib/actions/transfer-log.ts.
export async function issueCheckpointAction(input: unknown) {
  return runAction(issueCheckpointDef, input);
}

export async function rotateSigningKeyAction(input: unknown) {
  return runAction(rotateSigningKeyDef, input);
}
