import { useTranslations } from "next-intl";

/**
 * Said beside every CSV download: cells a spreadsheet would run as a formula are prefixed with a
 * single quote (lib/csv/formula.ts), so a reader knows why such a value looks different there.
 */
export function CsvFormulaNote({ className = "" }: { className?: string }) {
  const t = useTranslations("common");
  return (
    <p className={`max-w-xl text-xs text-muted-foreground ${className}`} data-testid="csv-formula-note">
      {t("csvFormulaNote")}
    </p>
  );
}
