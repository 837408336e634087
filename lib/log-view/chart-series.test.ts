import { describe, expect, it } from "vitest";
import { niceCeiling, OTHER, stackedSeries } from "./chart-series";

describe("stacked series for the log's chart", () => {
  it("is empty without data", () => {
    expect(stackedSeries([])).toEqual({ unit: "day", series: [], other: false, buckets: [], max: 0 });
  });

  it("fills every day of the period, stacks recipients and sums the rest as other", () => {
    const s = stackedSeries(
      [
        { day: "2026-11-01", recipientId: "a", transfers: 5 },
        { day: "2026-11-01", recipientId: "b", transfers: 2 },
        { day: "2026-11-03", recipientId: "c", transfers: 1 },
        { day: "2026-11-03", recipientId: "a", transfers: 1 },
      ],
      2,
    );
    expect(s.unit).toBe("day");
    expect(s.series).toEqual([
      { id: "a", total: 6 },
      { id: "b", total: 2 },
      { id: OTHER, total: 1 },
    ]);
    expect(s.buckets.map((b) => [b.start, b.values])).toEqual([
      ["2026-11-01", [5, 2, 0]],
      ["2026-11-02", [0, 0, 0]],
      ["2026-11-03", [1, 0, 1]],
    ]);
    expect(s.max).toBe(7);
  });

  it("groups a long period by ISO week, then by month", () => {
    const weeks = stackedSeries([
      { day: "2026-01-01", recipientId: "a", transfers: 1 }, // a Thursday: week of Monday 29 December
      { day: "2026-03-31", recipientId: "a", transfers: 2 },
    ]);
    expect(weeks.unit).toBe("week");
    expect(weeks.buckets[0]).toMatchObject({ start: "2025-12-29", end: "2026-01-04", total: 1 });
    expect(weeks.buckets.at(-1)).toMatchObject({ start: "2026-03-30", total: 2 });
    const months = stackedSeries([
      { day: "2024-02-10", recipientId: "a", transfers: 1 },
      { day: "2026-11-30", recipientId: "b", transfers: 3 },
    ]);
    expect(months.unit).toBe("month");
    expect(months.buckets[0]).toMatchObject({ start: "2024-02-01", end: "2024-02-29" });
    expect(months.buckets).toHaveLength(34);
  });

  it("rounds the axis up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 3, 7, 11, 240, 5000].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 500, 5000]);
  });
});
