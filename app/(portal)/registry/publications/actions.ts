"use server";
import { runAction } from "@/lib/server/auth/session";
import { publishPolicyDef } from "@/lib/server/actions/record";

// Thin entry point: declared in lib/server/actions/record.ts.
export async function publishPolicyAction(input: unknown) {
  return runAction(publishPolicyDef, input);
}
