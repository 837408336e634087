/** "5 years after the end of the contract" in the reader's language, from a period and its event. */
export function periodText(t: (key: never, values?: never) => string, years: number | null, event: string | null): string | null {
  if (years === null || !event) return null;
  return t("purposes.period" as never, { years, event: t(`purposes.eventsAfter.${event}` as never) } as never);
}
