"use server";
import { runAction } from "@/lib/server/auth/session";
import { archiveCatalogueEntryDef, createCatalogueEntryDef, updateCatalogueEntryDef } from "@/lib/server/actions/record";

// Thin entry points for the data catalogue and countries: declared in lib/server/actions/record.ts.
export async function createCatalogueEntryAction(input: unknown) {
  return runAction(createCatalogueEntryDef, input);
}

export async function updateCatalogueEntryAction(input: unknown) {
  return runAction(updateCatalogueEntryDef, input);
}

export async function archiveCatalogueEntryAction(input: unknown) {
  return runAction(archiveCatalogueEntryDef, input);
}
