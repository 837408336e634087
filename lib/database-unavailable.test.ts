import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "./database-unavailable";

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
/** As drizzle wraps the driver's error. */
const wrapped = (cause: unknown) => new Error("Failed query: select 1", { cause });

describe("recognising an unavailable database", () => {
  it.each(["ECONNREFUSED", "ECONNRESET", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_DESTROYED", "57P01", "57P03", "53300", "57014", "08006", "08001"])(
    "%s, also wrapped by drizzle, is unavailable",
    (code) => {
      expect(isDatabaseUnavailable(coded(code))).toBe(true);
      expect(isDatabaseUnavailable(wrapped(coded(code)))).toBe(true);
    },
  );

  it("the portal's own give-up is unavailable", () => {
    expect(isDatabaseUnavailable(wrapped(new DatabaseUnavailableError("pool-wait", "no connection within 2000 ms")))).toBe(true);
  });

  it.each(["23505", "22P02", "42501", "P0001", "40001"])("%s (a fact about the request, or a refusal) is not", (code) => {
    expect(isDatabaseUnavailable(wrapped(coded(code)))).toBe(false);
  });

  it("plain errors and non-errors are not", () => {
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
