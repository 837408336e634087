import { z } from "zod";
import { SERVICE_TOKEN_SCOPES } from "@/lib/auth/permissions";
import { isoDate } from "./common";

export const serviceTokenInput = z.object({
  name: z.string().trim().min(3, "required").max(100),
  scopes: z.array(z.enum(SERVICE_TOKEN_SCOPES as [string, ...string[]])).min(1, "atLeastOneScope"),
  expiresOn: isoDate.refine((d) => d > new Date().toISOString().slice(0, 10), "dateInFuture"),
});

export const revokeTokenInput = z.object({ id: z.uuid(), reason: z.string().trim().min(3, "reasonRequired").max(1000) });

/** A person's own token: scopes are checked against their role in the action (personalTokenScopes). */
export const personalTokenInput = z.object({
  name: z.string({ message: "required" }).trim().min(3, "required").max(100),
  scopes: z.array(z.string().max(40)).min(1, "atLeastOneScope").max(20),
  expiresOn: isoDate.refine((d) => d > new Date().toISOString().slice(0, 10), "dateInFuture"),
});
