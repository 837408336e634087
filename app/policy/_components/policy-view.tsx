import { getFormatter, getTranslations } from "next-intl/server";
import { localized, type Locale } from "@/lib/i18n/config";
import type { PolicyPurpose, PolicyRecipient, PolicySnapshot } from "@/lib/policy/snapshot";
import type { Text3 } from "@/lib/register/record";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

type Loose = (key: string, values?: Record<string, string | number>) => string;

/** Marks a field that differs between two editions (colour plus a word, not colour alone). */
function Field({ label, changed, changedLabel, children, name }: { label: string; changed: boolean; changedLabel: string; children: React.ReactNode; name: string }) {
  return (
    <div className={cn("grid gap-0.5 rounded-md px-2 py-1", changed && "bg-amber-100 ring-1 ring-amber-400 dark:bg-amber-900/40")} data-field={name} data-changed={changed || undefined}>
      <dt className="text-xs font-medium text-muted-foreground">
        {label}
        {changed && <span className="ml-2 text-amber-800 dark:text-amber-200">({changedLabel})</span>}
      </dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

function periodText(t: Loose, years: number | null, event: string | null) {
  if (years === null || !event) return t("purposes.notSet");
  return t("purposes.period", { years, event: t(`purposes.eventsAfter.${event}`) });
}

/** One purpose of section 3, in one language; `changed` names the fields to mark. */
export async function PurposeArticle({ purpose, lang, changed = [] }: { purpose: PolicyPurpose; lang: Locale; changed?: string[] }) {
  const t = await getTranslations({ locale: lang });
  const text = (v: Text3) => localized(lang, v);
  const mark = (f: string) => changed.includes(f);
  const changedLabel = t("policy.changed");
  return (
    <article className="grid gap-2 rounded-lg border bg-card p-4" aria-labelledby={`purpose-${purpose.code}`} data-purpose={purpose.code}>
      <h4 id={`purpose-${purpose.code}`} className={cn("font-semibold", mark("name") && "rounded bg-amber-100 px-1 dark:bg-amber-900/40")}>
        <span className="mr-2 text-muted-foreground">{purpose.code}</span>
        {text(purpose.name)}
      </h4>
      <dl className="grid gap-1">
        <Field name="legalBases" label={t("policy.legalBases")} changed={mark("legalBases")} changedLabel={changedLabel}>
          {purpose.legalBases.map((b) => (b.reference ? `${t(`purposes.basis.${b.kind}`)} (${text(b.reference.title)})` : t(`purposes.basis.${b.kind}`))).join("; ")}
        </Field>
        <Field name="data" label={t("policy.data")} changed={mark("data")} changedLabel={changedLabel}>
          <ul className="grid gap-0.5">
            {purpose.data.map((g) => (
              <li key={g.category.en}>
                <span className="font-medium">{text(g.category)}:</span> {g.items.map(text).join(", ")}
              </li>
            ))}
          </ul>
        </Field>
        {purpose.channels.length > 0 && (
          <Field name="channels" label={t("policy.channels")} changed={mark("channels")} changedLabel={changedLabel}>
            {purpose.channels.map((c) => t(`purposes.channels.${c}` as never)).join(", ")}
          </Field>
        )}
        <Field name="retention" label={t("policy.retention")} changed={mark("retention")} changedLabel={changedLabel}>
          {periodText(t as unknown as Loose, purpose.retention.years, purpose.retention.from)}
          {purpose.retention.references.length > 0 && <span className="text-muted-foreground"> — {purpose.retention.references.map((r) => text(r.title)).join("; ")}</span>}
        </Field>
        <Field name="deletion" label={t("policy.deletion")} changed={mark("deletion")} changedLabel={changedLabel}>
          {purpose.deletion.event && purpose.deletion.delayYears !== null
            ? t("policy.deletionText", { period: periodText(t as unknown as Loose, purpose.deletion.delayYears, purpose.deletion.event) })
            : t("purposes.notSet")}
        </Field>
      </dl>
    </article>
  );
}

/** One recipient of section 7.1, in one language. */
export async function RecipientArticle({ recipient, lang, changed = [] }: { recipient: PolicyRecipient; lang: Locale; changed?: string[] }) {
  const t = await getTranslations({ locale: lang });
  const text = (v: Text3) => localized(lang, v);
  const mark = (f: string) => changed.includes(f);
  const changedLabel = t("policy.changed");
  return (
    <article className="grid gap-2 rounded-lg border bg-card p-4" data-recipient={recipient.key}>
      <h4 className={cn("font-semibold", mark("name") && "rounded bg-amber-100 px-1 dark:bg-amber-900/40")}>{text(recipient.name)}</h4>
      <dl className="grid gap-1">
        <Field name="role" label={t("policy.role")} changed={mark("role")} changedLabel={changedLabel}>
          {t(`recipients.role.${recipient.role}`)}
        </Field>
        <Field name="transferPurposes" label={t("policy.transferPurposes")} changed={mark("transferPurposes") || mark("purposeCodes")} changedLabel={changedLabel}>
          {recipient.transferPurposes.join("; ")}
          {recipient.purposeCodes.length > 0 && <span className="text-muted-foreground"> ({recipient.purposeCodes.join(", ")})</span>}
        </Field>
        <Field name="basis" label={t("policy.basis")} changed={mark("basis")} changedLabel={changedLabel}>
          {t(`recipients.basis.${recipient.basis}`)}
        </Field>
        <Field name="crossBorder" label={t("policy.crossBorder")} changed={mark("crossBorder") || mark("country")} changedLabel={changedLabel}>
          {recipient.crossBorder ? t("policy.crossBorderYes", { country: text(recipient.country.name) }) : t("policy.crossBorderNo")}
        </Field>
        <Field name="actions" label={t("policy.actions")} changed={mark("actions")} changedLabel={changedLabel}>
          {recipient.actions.map(text).join(", ")}
        </Field>
      </dl>
    </article>
  );
}

/** Sections 3 and 7.1 of the policy, as published in one edition, in one language. */
export async function PolicyView({ snapshot, lang, version, publishedOn }: { snapshot: PolicySnapshot; lang: Locale; version: string; publishedOn: string }) {
  const t = await getTranslations({ locale: lang });
  const format = await getFormatter({ locale: lang });
  return (
    <>
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("policy.title")}</h1>
        <p className="text-sm text-muted-foreground">
          {t("policy.edition", { version, date: format.dateTime(new Date(`${publishedOn}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) })}
        </p>
      </div>
      <section aria-labelledby="section-3" className="grid gap-4">
        <h2 id="section-3" className="text-xl font-semibold">
          {t("policy.section3")}
        </h2>
        {snapshot.subjectCategories.map((s) => (
          <section key={s.key} aria-labelledby={`subjects-${s.key}`} className="grid gap-3">
            <h3 id={`subjects-${s.key}`} className="text-lg font-medium">
              {localized(lang, s.name)}
            </h3>
            <div className="grid gap-3 lg:grid-cols-2">
              {snapshot.purposes
                .filter((p) => p.subjectCategory === s.key)
                .map((p) => (
                  <PurposeArticle key={p.code} purpose={p} lang={lang} />
                ))}
            </div>
          </section>
        ))}
      </section>
      <section aria-labelledby="section-7-1" className="grid gap-3">
        <h2 id="section-7-1" className="text-xl font-semibold">
          {t("policy.section71")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("policy.section71Hint")}</p>
        <div className="grid gap-3 lg:grid-cols-2">
          {snapshot.recipients.map((r) => (
            <RecipientArticle key={r.key} recipient={r} lang={lang} />
          ))}
        </div>
      </section>
    </>
  );
}

export function ChangeBadge({ change, label }: { change: string; label: string }) {
  return <Badge variant={change === "added" ? "success" : change === "removed" ? "danger" : change === "changed" ? "warning" : "secondary"}>{label}</Badge>;
}
