import { z } from "zod";
import { ACT_LANGUAGES, DELETION_ACT_KINDS, DELETION_METHODS, DELETION_REASONS, SUBJECT_KINDS } from "@/lib/deletion-acts/constants";
import { isoDate, optionalText } from "./common";

/**
 * One schema for the new-act form and its server action. Messages are keys: first looked up under
 * "deletionActs.errors", then under "errors". Facts that need the database (do the purposes and
 * items exist, is the executor active, may the old act be superseded) are checked in db/queries
 * and reported on the same fields.
 */
const keys = (message: string, max = 200) =>
  z
    .array(z.string({ message: "invalid" }).trim().min(1, message).max(200), { message })
    .max(max)
    .min(1, message)
    .transform((list) => [...new Set(list)]);

/** Systems come from a text area, one per line (or comma-separated). */
const systems = z
  .union([z.string(), z.array(z.string())], { message: "atLeastOneSystem" })
  .transform((v) =>
    (Array.isArray(v) ? v : v.split(/[\n,;]/))
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(200, "systemTooLong")).min(1, "atLeastOneSystem").max(50))
  .transform((list) => [...new Set(list)]);

export const deletionActInput = z
  .object({
    kind: z.enum(DELETION_ACT_KINDS, { message: "required" }).default("deletion"),
    supersedesActId: z
      .union([z.uuid({ message: "invalid" }), z.literal(""), z.null()])
      .optional()
      .transform((v) => (v ? v : null)),
    supersedeReason: optionalText(2000),
    subjectRequestId: z
      .union([z.uuid({ message: "invalid" }), z.literal(""), z.null()])
      .optional()
      .transform((v) => (v ? v : null)),
    actDate: z.string({ message: "invalidDate" }).pipe(isoDate),
    deletedOn: z.string({ message: "invalidDate" }).pipe(isoDate),
    subjectKind: z.enum(SUBJECT_KINDS, { message: "required" }),
    subjectValue: z.string({ message: "required" }).trim().min(1, "required").max(200, "subjectTooLong"),
    purposeCodes: keys("atLeastOnePurpose", 20),
    dataItems: keys("atLeastOneDataItem"),
    systems,
    reason: z.enum(DELETION_REASONS, { message: "required" }),
    legalReferenceCodes: z
      .array(z.string().trim().min(1).max(50), { message: "invalid" })
      .max(20)
      .default([])
      .transform((list) => [...new Set(list)]),
    legalGround: z.string({ message: "legalGroundLength" }).trim().min(5, "legalGroundLength").max(2000),
    method: z.enum(DELETION_METHODS, { message: "required" }),
    language: z.enum(ACT_LANGUAGES, { message: "required" }),
    executorUserId: z.uuid({ message: "required" }),
    notes: optionalText(4000),
  })
  .superRefine((a, ctx) => {
    // Deleted on or before the day the act is drawn up: an act records what has been done.
    if (a.deletedOn > a.actDate) ctx.addIssue({ code: "custom", path: ["deletedOn"], message: "deletedAfterAct" });
    if (a.kind === "deletion") {
      if (a.supersedesActId) ctx.addIssue({ code: "custom", path: ["supersedesActId"], message: "supersedesOnlyCorrection" });
    } else {
      if (!a.supersedesActId) ctx.addIssue({ code: "custom", path: ["supersedesActId"], message: "required" });
      if (!a.supersedeReason || a.supersedeReason.length < 5) ctx.addIssue({ code: "custom", path: ["supersedeReason"], message: "supersedeReasonLength" });
    }
  });
export type DeletionActInput = z.output<typeof deletionActInput>;

export const decideDeletionActInput = z.object({
  actId: z.uuid({ message: "required" }),
  outcome: z.enum(["approved", "rejected"], { message: "required" }),
  comment: optionalText(2000),
}).superRefine((d, ctx) => {
  // A rejection says why; an approval may stay silent.
  if (d.outcome === "rejected" && (!d.comment || d.comment.length < 5)) ctx.addIssue({ code: "custom", path: ["comment"], message: "rejectionReasonLength" });
});
export type DecideDeletionActInput = z.output<typeof decideDeletionActInput>;

/** The list's search, filters and sort, from the URL. */
export const deletionActListQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(["pending", "approved", "rejected"]).optional().catch(undefined),
  reason: z.enum(DELETION_REASONS).optional().catch(undefined),
  kind: z.enum(DELETION_ACT_KINDS).optional().catch(undefined),
  /** The acts made for one data-subject request (?request=<subject_requests.id>). */
  request: z.uuid().optional().catch(undefined),
  sort: z.enum(["number", "actDate", "subject"]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});
export type DeletionActListQuery = z.output<typeof deletionActListQuery>;

/** The new-act form's prefill from a data-subject request: ?subjectRequest=<uuid>&subject=wallet:123&purposes=C1,C3. */
export function prefillFromSearchParams(params: Record<string, string | string[] | undefined>) {
  const one = (k: string) => (Array.isArray(params[k]) ? params[k]![0] : params[k]) ?? "";
  const requestId = z.uuid().safeParse(one("subjectRequest"));
  const [kind, ...rest] = one("subject").split(":");
  const subjectKind = z.enum(SUBJECT_KINDS).safeParse(kind);
  const purposes = one("purposes")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => /^[A-Z]{1,3}\d{0,3}$/.test(s));
  const corrects = z.uuid().safeParse(one("corrects"));
  const voids = z.uuid().safeParse(one("voids"));
  return {
    subjectRequestId: requestId.success ? requestId.data : null,
    subjectKind: subjectKind.success ? subjectKind.data : null,
    subjectValue: subjectKind.success ? rest.join(":").trim().slice(0, 200) : "",
    purposeCodes: [...new Set(purposes)],
    supersedes: corrects.success ? { id: corrects.data, kind: "correction" as const } : voids.success ? { id: voids.data, kind: "void" as const } : null,
  };
}
