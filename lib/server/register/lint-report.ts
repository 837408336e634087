import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { loadRecordOfProcessing } from "@/db/queries/record";
import { todayInAlmaty } from "@/lib/register/record";
import type { Locale } from "@/lib/i18n/config";
import type { Db } from "@/db/client";
import { lintRecord } from "@/lib/lint/rules";
import { entityHref, entityLabel, explainProblem, type Translate } from "@/lib/lint/present";
import type { LintProblem } from "@/lib/lint/types";

/** Runs the lint over the register as it stands today (Almaty). */
export async function lintRegisterToday(db?: Db): Promise<LintProblem[]> {
  return lintRecord({ ...(await loadRecordOfProcessing(db)), today: todayInAlmaty() });
}

/** Problems as the pages and the API show them: explained in the reader's language, with links. */
export async function presentProblems(problems: LintProblem[], locale?: Locale) {
  const lang = locale ?? ((await getLocale()) as Locale);
  const t = (await getTranslations({ locale: lang })) as unknown as Translate;
  return problems.map((p) => ({
    ruleId: p.ruleId,
    severity: p.severity,
    source: p.source,
    text: explainProblem(p, lang, t),
    entity: { label: entityLabel(p.entity, lang), href: entityHref(p.entity) },
    related: (p.related ?? []).map((r) => ({ label: entityLabel(r, lang), href: entityHref(r) })),
  }));
}
