import "server-only";
import type { z } from "zod";
import { InvalidInputError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/common";

/**
 * The request's query string, checked with the route's zod schema (the same one the OpenAPI
 * document is generated from). A bad parameter throws InvalidInputError, which apiRoute answers as
 * 400 problem+json naming it. A repeated parameter counts by its first value, as URLSearchParams.get.
 */
export function readQuery<S extends z.ZodType>(req: Request, schema: S, omit: readonly string[] = []): z.output<S> {
  const params = new URL(req.url).searchParams;
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in raw) && !omit.includes(k)) raw[k] = v;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError(fieldErrorsOf(parsed.error));
  return parsed.data;
}
