"use server";
import { runAction } from "@/lib/auth/session";
import { createUserDef, updateUserDef } from "@/lib/actions/users";

export async function createUserAction(input: unknown) {
  return runAction(createUserDef, input);
}

export async function updateUserAction(input: unknown) {
  return runAction(updateUserDef, input);
}
