import { getLocale } from "next-intl/server";
import { localized } from "@/lib/i18n/config";
import type { Locale } from "@/lib/i18n/config";

type Row = { code: string; nameEn: string; nameKk: string; nameRu: string; crossBorder: boolean; count: number };

/** Recipients per destination country as horizontal bars: a glance shows how much leaves Kazakhstan. */
export async function CountryShareChart({ data, label }: { data: Row[]; label: string }) {
  const locale = (await getLocale()) as Locale;
  const max = Math.max(1, ...data.map((d) => d.count));
  return (
    <ul className="grid gap-2" aria-label={label}>
      {data.map((d) => (
        <li key={d.code} className="grid grid-cols-[8rem_1fr_2rem] items-center gap-3 text-sm">
          <span className="truncate">{localized(locale, { en: d.nameEn, kk: d.nameKk, ru: d.nameRu })}</span>
          <span className="h-3 rounded bg-muted" aria-hidden>
            <span className={`block h-3 rounded ${d.crossBorder ? "bg-amber-500" : "bg-primary"}`} style={{ width: `${(d.count / max) * 100}%` }} />
          </span>
          <span className="text-right tabular-nums">{d.count}</span>
        </li>
      ))}
    </ul>
  );
}
