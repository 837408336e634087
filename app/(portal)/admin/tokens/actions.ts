"use server";
import { runAction } from "@/lib/auth/session";
import { createServiceTokenDef, revokeTokenDef } from "@/lib/actions/tokens";

export async function createServiceTokenAction(input: unknown) {
  return runAction(createServiceTokenDef, input);
}

export async function revokeTokenAction(input: unknown) {
  return runAction(revokeTokenDef, input);
}
