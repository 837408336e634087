import { getFormatter, getTranslations } from "next-intl/server";
import { niceCeiling, OTHER, type StackedSeries } from "@/lib/log-view/chart-series";
import { cn } from "@/lib/utils";

/** Series colours (the "other" series is always grey); fill for the bars, bg for the legend. */
const PALETTE = [
  { fill: "fill-sky-600", bg: "bg-sky-600" },
  { fill: "fill-amber-500", bg: "bg-amber-500" },
  { fill: "fill-emerald-600", bg: "bg-emerald-600" },
  { fill: "fill-violet-500", bg: "bg-violet-500" },
  { fill: "fill-rose-500", bg: "bg-rose-500" },
  { fill: "fill-teal-500", bg: "bg-teal-500" },
];
const OTHER_COLOUR = { fill: "fill-slate-400", bg: "bg-slate-400" };
const colourOf = (id: string, i: number) => (id === OTHER ? OTHER_COLOUR : PALETTE[i % PALETTE.length]);

const W = 720;
const H = 220;
const M = { top: 10, right: 8, bottom: 26, left: 44 };

/**
 * Transfers per recipient over time as stacked bars, drawn as SVG on the server (no chart
 * library). The picture is role="img" with a summary label; the same numbers are in a table
 * that screen readers get instead.
 */
export async function TransfersChart({ data, names }: { data: StackedSeries; names: Map<string, string> }) {
  const t = await getTranslations("log.charts");
  const format = await getFormatter();
  const nameOf = (id: string) => (id === OTHER ? t("other") : (names.get(id) ?? id.slice(0, 8)));
  const { buckets, series, unit } = data;
  const top = niceCeiling(data.max);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const band = plotW / Math.max(1, buckets.length);
  // Thin bars for many periods, but not slabs for a few.
  const barW = Math.max(1, Math.min(band * 0.72, 36));
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const bucketLabel = (start: string) =>
    unit === "month" ? format.dateTime(day(start), { month: "short", year: "2-digit", timeZone: "UTC" }) : format.dateTime(day(start), { day: "numeric", month: "short", timeZone: "UTC" });
  const bucketTitle = (b: { start: string; end: string }) =>
    unit === "day" ? format.dateTime(day(b.start), { dateStyle: "medium", timeZone: "UTC" }) : format.dateTimeRange(day(b.start), day(b.end), { dateStyle: "medium", timeZone: "UTC" });
  const labelEvery = Math.max(1, Math.ceil(buckets.length / 8));
  // Counts are whole numbers: no gridline at 0.5.
  const ticks = [0, top / 2, top].filter((v, i, all) => Number.isInteger(v) && all.indexOf(v) === i);
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  const summary = t("perRecipientSummary", {
    total: series.reduce((s, x) => s + x.total, 0),
    from: format.dateTime(day(first.start), { dateStyle: "medium", timeZone: "UTC" }),
    to: format.dateTime(day(last.end), { dateStyle: "medium", timeZone: "UTC" }),
    unit,
  });

  return (
    <figure className="grid gap-3">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="h-auto w-full" preserveAspectRatio="xMidYMid meet">
        {ticks.map((v) => (
          <g key={v} aria-hidden>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="stroke-border" strokeDasharray={v === 0 ? undefined : "3 3"} />
            <text x={M.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" className="fill-muted-foreground text-[10px] tabular-nums">
              {format.number(v)}
            </text>
          </g>
        ))}
        {buckets.map((b, i) => {
          const x = M.left + i * band + (band - barW) / 2;
          let acc = 0;
          return (
            <g key={b.start}>
              {b.values.map((v, s) => {
                if (!v) return null;
                const y0 = y(acc);
                acc += v;
                const y1 = y(acc);
                return (
                  <rect key={series[s].id} x={x} y={y1} width={barW} height={Math.max(0.5, y0 - y1)} className={colourOf(series[s].id, s).fill}>
                    <title>{`${bucketTitle(b)} · ${nameOf(series[s].id)}: ${format.number(v)}`}</title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 && (
                <text x={x + barW / 2} y={H - M.bottom + 14} textAnchor="middle" className="fill-muted-foreground text-[10px]" aria-hidden>
                  {bucketLabel(b.start)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label={t("legend")}>
          {series.map((s, i) => (
            <li key={s.id} className="flex items-center gap-1.5">
              <span className={cn("inline-block size-2.5 rounded-sm", colourOf(s.id, i).bg)} aria-hidden />
              <span>{nameOf(s.id)}</span>
              <span className="text-muted-foreground tabular-nums">{format.number(s.total)}</span>
            </li>
          ))}
        </ul>
      </figcaption>
      {/* sr-only on a wrapper: a <table> ignores width and overflow, so it would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{summary}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`period.${unit}`)}</th>
              {series.map((s) => (
                <th key={s.id} scope="col">
                  {nameOf(s.id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {buckets
              .filter((b) => b.total > 0)
              .map((b) => (
                <tr key={b.start}>
                  <th scope="row">{bucketTitle(b)}</th>
                  {b.values.map((v, s) => (
                    <td key={series[s].id}>{v}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
