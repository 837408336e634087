import { apiRoute } from "@/lib/server/api/handler";
import { LINT_RULES } from "@/lib/lint/rules";
import { requestLocale } from "@/lib/server/i18n/request";
import { readQuery } from "@/lib/server/api/query";
import { lintQuery } from "@/lib/validation/downloads";
import { lintRegisterToday, presentProblems } from "@/lib/server/register/lint-report";
import { todayInAlmaty } from "@/lib/register/record";

/**
 * The policy lint over the register as it stands today: every problem with its rule id, source,
 * the entry to fix (and a link to it), the machine-readable message key and parameters, and the
 * explanation in the caller's language (?lang=ru|kk|en, else the session's or Accept-Language).
 */
export const GET = apiRoute("register.read", async ({ req }) => {
  const { lang } = readQuery(req, lintQuery);
  const locale = lang ?? (await requestLocale());
  const problems = await lintRegisterToday();
  const presented = await presentProblems(problems, locale);
  return Response.json({
    today: todayInAlmaty(),
    locale,
    count: problems.length,
    rules: LINT_RULES.map((r) => ({ id: r.id, source: r.source })),
    problems: problems.map((p, i) => ({
      ruleId: p.ruleId,
      severity: p.severity,
      source: p.source,
      explanation: presented[i].text,
      message: p.message,
      params: p.params,
      entry: { ...p.entity, label: presented[i].entity.label, href: presented[i].entity.href },
      related: (p.related ?? []).map((r, j) => ({ ...r, href: presented[i].related[j].href })),
    })),
  });
});
