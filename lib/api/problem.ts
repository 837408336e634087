/**
 * RFC 9457 problem details. Titles stay English; `type` is a stable identifier clients match on.
 */
export const PROBLEM_TYPES = {
  validation: { status: 400, title: "Your request is not valid" },
  malformed: { status: 400, title: "The request body is not valid JSON" },
  unauthenticated: { status: 401, title: "Authentication is required" },
  forbidden: { status: 403, title: "You do not have the permission for this" },
  notFound: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "The resource changed since you read it" },
  tooLarge: { status: 413, title: "The request body is too large" },
  unsupportedMediaType: { status: 415, title: "Send application/json" },
  unavailable: { status: 503, title: "The service is unavailable" },
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

export const problemTypeUri = (type: ProblemType) => `tag:qplus.kz,2026:problem:${type}`;

export function problem(type: ProblemType, extra: { detail?: string; errors?: Record<string, string>; [key: string]: unknown } = {}, init?: ResponseInit) {
  const { status, title } = PROBLEM_TYPES[type];
  return new Response(JSON.stringify({ type: problemTypeUri(type), title, status, ...extra }), {
    ...init,
    status,
    headers: { "content-type": "application/problem+json", ...(init?.headers ?? {}) },
  });
}
