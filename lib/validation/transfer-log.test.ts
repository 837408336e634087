import { describe, expect, it } from "vitest";
import { logFilterOf, logFilterParams, parseLogListQuery } from "./transfer-log";

describe("the log's filter query", () => {
  it("reads Almaty days, the whole `to` day included, and instants as given", () => {
    const { query, invalid } = parseLogListQuery(new URLSearchParams("from=2026-11-01&to=2026-11-30&flagged=1&crossBorder=yes&system=crm&before=120&limit=10"));
    expect(invalid).toEqual({});
    expect(query).toMatchObject({ before: 120, limit: 10 });
    const f = logFilterOf(query);
    expect(f.from?.toISOString()).toBe("2026-10-31T19:00:00.000Z");
    expect(f.to?.toISOString()).toBe("2026-11-30T19:00:00.000Z");
    expect(f).toMatchObject({ flagged: true, crossBorder: true, sendingSystem: "crm" });
    const exact = logFilterOf(parseLogListQuery({ from: "2026-11-01T10:00:00Z", to: "2026-11-01T11:00:00.000+05:00" }).query);
    expect([exact.from?.toISOString(), exact.to?.toISOString()]).toEqual(["2026-11-01T10:00:00.000Z", "2026-11-01T06:00:00.000Z"]);
  });

  it("names invalid parameters and keeps the valid ones; empty ones are simply absent", () => {
    const { query, invalid } = parseLogListQuery({ recipient: "halyk", country: "kz", approval: "", flagged: "0", from: "2026-13-45" });
    expect(Object.keys(invalid).sort()).toEqual(["country", "from", "recipient"]);
    expect(query).toEqual({ flagged: "0" });
    expect(logFilterOf(query)).toEqual({ flagged: false });
  });

  it("writes the filter back as URL parameters, without the cursor", () => {
    expect(logFilterParams({ system: "crm", flagged: "1", country: undefined }).toString()).toBe("flagged=1&system=crm");
  });
});
