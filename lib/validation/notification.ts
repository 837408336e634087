import { z } from "zod";

/** Mark some notifications read (by id), or all of them. */
export const markNotificationsReadInput = z.union([z.object({ ids: z.array(z.uuid()).min(1, "required").max(200) }), z.object({ all: z.literal(true) })]);
