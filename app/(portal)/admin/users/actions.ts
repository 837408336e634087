"use server";
import { runAction } from "@/lib/server/auth/session";
import { createUserDef, updateUserDef } from "@/lib/server/actions/users";

export async function createUserAction(input: unknown) {
  return runAction(createUserDef, input);
}

export async function updateUserAction(input: unknown) {
  return runAction(updateUserDef, input);
}
