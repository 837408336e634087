"use server";
import { runAction } from "@/lib/server/auth/session";
import { createPersonalTokenDef, revokePersonalTokenDef } from "@/lib/server/actions/tokens";

export async function createPersonalTokenAction(input: unknown) {
  return runAction(createPersonalTokenDef, input);
}

export async function revokePersonalTokenAction(input: unknown) {
  return runAction(revokePersonalTokenDef, input);
}
