"use server";
import { runAction } from "@/lib/server/auth/session";
import {
  cancelSubjectRequestDef,
  closeSubjectRequestDef,
  extendSubjectRequestDef,
  previewSubjectAnswerDef,
  recordSubjectRequestDef,
  startSubjectRequestDef,
} from "@/lib/server/actions/subject-requests";

// Thin entry points: permission, schema and handler are declared in lib/server/actions/subject-requests.ts.
export async function recordSubjectRequestAction(input: unknown) {
  return runAction(recordSubjectRequestDef, input);
}

export async function startSubjectRequestAction(input: unknown) {
  return runAction(startSubjectRequestDef, input);
}

export async function cancelSubjectRequestAction(input: unknown) {
  return runAction(cancelSubjectRequestDef, input);
}

export async function extendSubjectRequestAction(input: unknown) {
  return runAction(extendSubjectRequestDef, input);
}

export async function previewSubjectAnswerAction(input: unknown) {
  return runAction(previewSubjectAnswerDef, input);
}

export async function closeSubjectRequestAction(input: unknown) {
  return runAction(closeSubjectRequestDef, input);
}
