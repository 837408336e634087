/**
 * "The database cannot answer now": unreachable, restarting, cut off, or too busy to give a
 * connection within the configured wait. The API answers it with 503 and Retry-After, pages with
 * "temporarily unavailable"; a retry later succeeds without anyone restarting the portal.
 * Pure: the driver's errors are recognised by their codes, not by importing the driver.
 */

/** How long a client is asked to wait before retrying (RFC 9110 Retry-After, seconds). */
export const RETRY_AFTER_SECONDS = 1;

export type UnavailableReason = "pool-wait" | "unreachable" | "deadline";

/** Thrown by the portal itself when it gives up waiting for the database. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

/** postgres.js's own connection errors. */
const DRIVER_CODES = new Set(["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED"]);
/** Node's socket errors on the way to the server. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
/**
 * PostgreSQL SQLSTATEs that mean "not now" rather than "not this": 57P01–57P03 the server is
 * shutting down, crashed or starting; 53300 too many connections; 57014 the statement was cancelled
 * (the statement timeout, or a pool wait given up). Class 08 is every connection exception.
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "57014"]);

/** True when the error, or one of its causes (drizzle wraps the driver's), is one of these. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (DRIVER_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

/** The work's answer, or DatabaseUnavailableError("deadline") after `ms` (the work itself is not stopped). */
export function withDeadline<T>(work: Promise<T>, ms: number, what = "The database"): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError("deadline", `${what} did not answer within ${ms} ms`)), ms);
  });
  work.catch(() => {}); // an answer that comes after the deadline is nobody's error
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
