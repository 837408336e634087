"use server";
import { runAction } from "@/lib/auth/session";
import { publishPolicyDef } from "@/lib/actions/record";

// Thin entry point: declared in lib/actions/record.ts.
export async function publishPolicyAction(input: unknown) {
  return runAction(publishPolicyDef, input);
}
