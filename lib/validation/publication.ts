import { z } from "zod";
import { isoDate } from "./common";

/** A new edition of the public policy: its number ("1.1") and the date printed on it. */
export const publishPolicyInput = z.object({
  version: z.string().trim().regex(/^\d{1,3}(\.\d{1,3}){1,2}$/, "policyVersionFormat"),
  publishedOn: isoDate,
});
export type PublishPolicyInput = z.output<typeof publishPolicyInput>;

/** Query of the compare page: two edition numbers. */
export const compareQuery = z.object({
  from: z.string().trim().max(20).optional().catch(undefined),
  to: z.string().trim().max(20).optional().catch(undefined),
});
