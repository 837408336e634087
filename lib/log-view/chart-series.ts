/**
 * Turns the log's per-day, per-recipient counts (db logStatistics) into a stacked-bar series:
 * the busiest recipients each get a colour, the rest are summed as "other", and the buckets
 * are days, weeks or months so that a long period still fits on the screen.
 */

export type PerDay = { day: string; recipientId: string; transfers: number };
export type BucketUnit = "day" | "week" | "month";
export type Series = { id: string; total: number };
export type Bucket = { start: string; end: string; values: number[]; total: number };
export type StackedSeries = { unit: BucketUnit; series: Series[]; other: boolean; buckets: Bucket[]; max: number };

/** The last series id stands for everything beyond the top recipients. */
export const OTHER = "other";

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayString = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

function bucketStart(day: number, unit: BucketUnit): number {
  if (unit === "day") return day;
  if (unit === "week") {
    // ISO weeks start on Monday; 1970-01-01 (day 0) was a Thursday.
    return day - ((day + 3) % 7);
  }
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

function nextBucket(start: number, unit: BucketUnit): number {
  if (unit === "day") return start + 1;
  if (unit === "week") return start + 7;
  const d = new Date(start * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
}

/** At most this many bars: days up to ~6 weeks, then weeks, then months. */
export const MAX_BUCKETS = 45;

export function stackedSeries(rows: readonly PerDay[], top = 6): StackedSeries {
  if (!rows.length) return { unit: "day", series: [], other: false, buckets: [], max: 0 };
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.recipientId, (totals.get(r.recipientId) ?? 0) + r.transfers);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = ranked.slice(0, top).map(([id, total]) => ({ id, total }));
  const rest = ranked.slice(top);
  const series: Series[] = rest.length ? [...shown, { id: OTHER, total: rest.reduce((s, [, n]) => s + n, 0) }] : shown;
  const index = new Map(shown.map((s, i) => [s.id, i]));

  const days = rows.map((r) => dayNumber(r.day));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const unit: BucketUnit = last - first + 1 <= MAX_BUCKETS ? "day" : (last - first) / 7 + 1 <= MAX_BUCKETS ? "week" : "month";

  const buckets: Bucket[] = [];
  const byStart = new Map<number, Bucket>();
  for (let s = bucketStart(first, unit); s <= last; s = nextBucket(s, unit)) {
    const b = { start: dayString(s), end: dayString(nextBucket(s, unit) - 1), values: series.map(() => 0), total: 0 };
    buckets.push(b);
    byStart.set(s, b);
  }
  for (const r of rows) {
    const b = byStart.get(bucketStart(dayNumber(r.day), unit))!;
    b.values[index.get(r.recipientId) ?? series.length - 1] += r.transfers;
    b.total += r.transfers;
  }
  return { unit, series, other: rest.length > 0, buckets, max: Math.max(...buckets.map((b) => b.total)) };
}

/** A round upper bound for the axis (1, 2, 5 × 10^n) so the gridlines fall on readable numbers. */
export function niceCeiling(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}
