import { z } from "zod";

/** Subject populations a transfer covers (RULES A5, B5, B8). */
export const SUBJECT_POPULATIONS = ["kz-subjects", "ru-citizens", "minors"] as const;

/**
 * One transfer event as a sending system reports it. `occurredAt` is kept to the millisecond
 * (the log stores and hashes milliseconds); `purpose` is accepted for a single purpose.
 */
export const transferEventInput = z
  .object({
    occurredAt: z.iso.datetime({ offset: true, message: "isoDateTime" }),
    recipient: z.string().trim().min(1, "required").max(100),
    approvalId: z.uuid("uuid").nullable().optional(),
    purpose: z.string().trim().min(1).max(20).optional(),
    purposes: z.array(z.string().trim().min(1).max(20)).min(1).max(20).optional(),
    dataItems: z.array(z.string().trim().min(1).max(200)).min(1, "required").max(100),
    recordCount: z.number().int("integer").min(1, "positive").max(2_000_000_000),
    subjectPopulations: z.array(z.enum(SUBJECT_POPULATIONS)).min(1, "required").max(3),
    sendingSystem: z.string().trim().min(1, "required").max(100),
    destinationCountry: z.string().trim().regex(/^[A-Z]{2}$/, "countryCode"),
    idempotencyKey: z.string().trim().min(1, "required").max(200),
    externalReference: z.string().trim().max(200).nullable().optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (!e.purpose && !e.purposes) ctx.addIssue({ code: "custom", path: ["purposes"], message: "required" });
    if (Number.isNaN(Date.parse(e.occurredAt))) ctx.addIssue({ code: "custom", path: ["occurredAt"], message: "isoDateTime" });
  })
  .transform((e) => ({
    ...e,
    occurredAt: new Date(e.occurredAt).toISOString(),
    purposeCodes: e.purposes ?? [e.purpose!],
    approvalId: e.approvalId ?? null,
    externalReference: e.externalReference ?? null,
  }));

export type TransferEventInput = z.output<typeof transferEventInput>;

/** One event, an array of events, or { events: [...] }: up to 1,000 in one request. */
export function normaliseTransferBatch(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (body && typeof body === "object" && Array.isArray((body as { events?: unknown }).events)) return (body as { events: unknown[] }).events;
  if (body && typeof body === "object") return [body];
  return null;
}
