"use server";
import { runAction } from "@/lib/server/auth/session";
import { createServiceTokenDef, revokeTokenDef } from "@/lib/server/actions/tokens";

export async function createServiceTokenAction(input: unknown) {
  return runAction(createServiceTokenDef, input);
}

export async function revokeTokenAction(input: unknown) {
  return runAction(revokeTokenDef, input);
}
