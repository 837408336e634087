import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { flagExplanation, flagLabel, type Translate } from "@/lib/i18n/rule-reasons";

/**
 * A log entry's flag in the reader's language. The entry stores {code, reason} exactly as hashed
 * (reason in English), so the code is rendered through "logFlags"; the recorded wording stays
 * available, folded away, on the entry's own page.
 */
export function useFlagText() {
  const t = useTranslations() as unknown as Translate;
  return { label: (code: string) => flagLabel(code, t), explanation: (code: string) => flagExplanation(code, t) };
}

/** The short badge, with the explanation as its tooltip (the log table, the entry's header). */
export function LogFlagBadge({ code }: { code: string }) {
  const text = useFlagText();
  return (
    <Badge variant="danger" title={text.explanation(code)} data-flag={code}>
      {text.label(code)}
    </Badge>
  );
}

/** The badge, what it means, and the wording recorded in the log (the entry page). */
export function LogFlagDetail({ code, reason }: { code: string; reason: string }) {
  const text = useFlagText();
  const t = useTranslations("logFlags");
  return (
    <div className="grid gap-1" data-flag={code}>
      <span className="flex flex-wrap items-center gap-2">
        <Badge variant="danger">{text.label(code)}</Badge>
        <code className="font-mono text-xs text-muted-foreground">{code}</code>
      </span>
      <span>{text.explanation(code)}</span>
      <details className="text-xs text-muted-foreground">
        <summary className="cursor-pointer">{t("recorded")}</summary>
        <q lang="en" className="mt-1 block break-words">
          {reason}
        </q>
      </details>
    </div>
  );
}
