import { getFormatter, getTranslations } from "next-intl/server";

/**
 * The share of transfers that left Kazakhstan, as one 100 % bar (SVG, role="img" with the
 * numbers in its label, and a table for screen readers).
 */
export async function CrossBorderShare({ total, crossBorder }: { total: number; crossBorder: number }) {
  const t = await getTranslations("log.charts");
  const format = await getFormatter();
  const domestic = total - crossBorder;
  const share = total ? crossBorder / total : 0;
  const percent = format.number(share, { style: "percent", maximumFractionDigits: 1 });
  const label = t("crossBorderSummary", { crossBorder, total, percent });
  const w = 300;
  const split = total ? (domestic / total) * w : w;
  return (
    <figure className="grid gap-2">
      <p className="text-3xl font-semibold tabular-nums" aria-hidden>
        {percent}
      </p>
      <svg viewBox={`0 0 ${w} 14`} role="img" aria-label={label} className="h-3.5 w-full" preserveAspectRatio="none">
        <rect x={0} y={0} width={w} height={14} rx={3} className="fill-muted" />
        {domestic > 0 && <rect x={0} y={0} width={split} height={14} className="fill-primary" />}
        {crossBorder > 0 && <rect x={split} y={0} width={w - split} height={14} className="fill-amber-500" />}
      </svg>
      <figcaption className="flex flex-wrap justify-between gap-2 text-xs text-muted-foreground" aria-hidden>
        <span className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 rounded-sm bg-primary" />
          {t("domestic", { count: domestic })}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 rounded-sm bg-amber-500" />
          {t("abroad", { count: crossBorder })}
        </span>
      </figcaption>
      {/* sr-only on a wrapper: a <table> ignores width and overflow, so it would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{label}</caption>
          <tbody>
            <tr>
              <th scope="row">{t("domesticHeader")}</th>
              <td>{domestic}</td>
            </tr>
            <tr>
              <th scope="row">{t("abroadHeader")}</th>
              <td>{crossBorder}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </figure>
  );
}
