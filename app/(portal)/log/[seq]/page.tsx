import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { recordRead, requireLogReader } from "@/lib/server/transfer-log/access";
import { LOG_ORIGIN } from "@/lib/transfer-log/config";
import { inclusionReceipt } from "@/db/queries/transfer-log";
import { listLogPublicKeys } from "@/db/queries/log-keys";
import { recipientNames } from "@/db/queries/log-view";
import { dataItemNames } from "@/db/queries/catalogue";
import { recipientFormOptions } from "@/db/queries/recipients";
import { verifyCheckpoint } from "@/lib/transfer-log";
import { CONTROLLER_COUNTRY } from "@/lib/registry/facts";
import { SUBJECT_POPULATIONS } from "@/lib/transfers/constants";
import { localized, type Locale } from "@/lib/i18n/config";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { VerifyInclusion } from "./_components/verify-inclusion";
import { DownloadReceipt } from "./_components/download-receipt";
import { LogFlagBadge, LogFlagDetail } from "../_components/log-flag";

export async function generateMetadata({ params }: { params: Promise<{ seq: string }> }) {
  const t = await getTranslations("log.entry");
  return { title: t("title", { seq: (await params).seq }) };
}

const isPopulation = (key: string): key is (typeof SUBJECT_POPULATIONS)[number] => (SUBJECT_POPULATIONS as readonly string[]).includes(key);

export default async function LogEntryPage({ params }: { params: Promise<{ seq: string }> }) {
  const { seq: raw } = await params;
  const user = await requireLogReader("log.read", `/log/${raw}`, "view-entry");
  if (!/^\d{1,15}$/.test(raw)) notFound();
  const seq = Number(raw);
  await recordRead(user, "view-entry", { seq });
  const receipt = await inclusionReceipt(seq);
  if (!receipt) notFound();
  const { entry, leafHash, checkpoint, proof } = receipt;
  const [keys, names, options, items] = await Promise.all([listLogPublicKeys(), recipientNames([entry.recipientId]), recipientFormOptions(), dataItemNames(entry.dataItems)]);

  const t = await getTranslations("log");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const recipient = names[0];
  const country = options.countries.find((c) => c.code === entry.destinationCountry);
  const signature = checkpoint ? verifyCheckpoint(checkpoint.note, keys, { origin: LOG_ORIGIN }) : null;
  const none = <span className="text-muted-foreground">{t("none")}</span>;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 border-b py-2 last:border-0 sm:grid-cols-[13rem_1fr]">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm break-words">{value ?? none}</dd>
    </div>
  );
  const list = (items: string[]) => (items.length ? <span className="font-mono text-xs">{items.join(", ")}</span> : none);
  // Keys as sent (they are what was hashed), with their names in the reader's language beside them.
  const itemName = new Map([...items].map(([key, n]) => [key, localized(locale, n)]));
  const tPopulation = await getTranslations("transfers.population");
  const named = (keys: string[], nameOf: (key: string) => string | undefined) =>
    keys.length ? (
      <ul className="grid gap-1">
        {keys.map((key) => (
          <li key={key}>
            {nameOf(key) ?? key} <code className="ml-1 font-mono text-xs text-muted-foreground">{key}</code>
          </li>
        ))}
      </ul>
    ) : (
      none
    );
  const time = (iso: string) => (
    <span>
      {format.dateTime(new Date(iso), { dateStyle: "long", timeStyle: "medium" })} <code className="ml-1 font-mono text-xs text-muted-foreground">{iso}</code>
    </span>
  );

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <Link href="/log" className="flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
            <ArrowLeft className="size-4" aria-hidden />
            {t("backToLog")}
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight">{t("entry.title", { seq })}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {entry.destinationCountry !== CONTROLLER_COUNTRY && <Badge variant="warning">{t("crossBorder")}</Badge>}
            {entry.flags.length ? entry.flags.map((f, i) => <LogFlagBadge key={`${f.code}-${i}`} code={f.code} />) : <Badge variant="success">{t("noFlagsBadge")}</Badge>}
          </div>
        </div>
        <DownloadReceipt seq={seq} />
      </div>

      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("entry.transfer")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl>
              {row(t("fields.seq"), <span className="font-mono">{entry.seq}</span>)}
              {row(t("fields.occurredAt"), time(entry.occurredAt))}
              {row(t("fields.loggedAt"), time(entry.loggedAt))}
              {row(
                t("fields.recipient"),
                <span>
                  {recipient ? (
                    <Link href={`/registry/recipients/${entry.recipientId}`} className="font-medium hover:underline">
                      {localized(locale, { en: recipient.nameEn, kk: recipient.nameKk, ru: recipient.nameRu })}
                    </Link>
                  ) : (
                    <code className="font-mono text-xs">{entry.recipientId}</code>
                  )}{" "}
                  <span className="text-muted-foreground">{t("entry.recipientVersion", { version: entry.recipientVersion })}</span>
                </span>,
              )}
              {row(t("fields.recipientId"), <code className="font-mono text-xs">{entry.recipientId}</code>)}
              {row(t("fields.approvalId"), entry.approvalId ? <code className="font-mono text-xs">{entry.approvalId}</code> : null)}
              {row(t("fields.destinationCountry"), country ? `${localized(locale, { en: country.nameEn, kk: country.nameKk, ru: country.nameRu })} (${entry.destinationCountry})` : entry.destinationCountry)}
              {row(t("fields.purposeCodes"), list(entry.purposeCodes))}
              {row(t("fields.dataItems"), named(entry.dataItems, (k) => itemName.get(k)))}
              {row(t("fields.recordCount"), <span className="tabular-nums">{format.number(entry.recordCount)}</span>)}
              {row(t("fields.subjectPopulations"), named(entry.subjectPopulations, (k) => (isPopulation(k) ? tPopulation(k) : undefined)))}
              {row(t("fields.sendingSystem"), <span className="font-mono text-xs">{entry.sendingSystem}</span>)}
              {row(t("fields.idempotencyKey"), <code className="font-mono text-xs">{entry.idempotencyKey}</code>)}
              {row(t("fields.externalReference"), entry.externalReference ? <code className="font-mono text-xs">{entry.externalReference}</code> : null)}
              {row(
                t("fields.flags"),
                entry.flags.length ? (
                  <ul className="grid gap-3">
                    {entry.flags.map((f, i) => (
                      <li key={`${f.code}-${i}`}>
                        <LogFlagDetail code={f.code} reason={f.reason} />
                      </li>
                    ))}
                  </ul>
                ) : null,
              )}
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("entry.proof")}</CardTitle>
            <CardDescription>{t("entry.proofHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <dl>
              {row(t("fields.leafHash"), <code className="font-mono text-xs break-all" data-testid="leaf-hash">{leafHash}</code>)}
              {checkpoint && (
                <>
                  {row(t("checkpoint.size"), <span className="tabular-nums">{format.number(checkpoint.treeSize)}</span>)}
                  {row(t("checkpoint.root"), <code className="font-mono text-xs break-all">{checkpoint.rootHash}</code>)}
                  {row(t("checkpoint.issuedAt"), format.dateTime(new Date(checkpoint.issuedAt), { dateStyle: "medium", timeStyle: "medium" }))}
                  {row(
                    t("checkpoint.signature"),
                    signature?.ok ? (
                      <Badge variant="success">{t("checkpoint.signatureValidBy", { keyId: signature.key.keyId })}</Badge>
                    ) : (
                      <Badge variant="danger">{t("checkpoint.signatureInvalid")}</Badge>
                    ),
                  )}
                </>
              )}
            </dl>
            {checkpoint && proof ? (
              <>
                <div className="grid gap-1">
                  <h3 className="text-sm font-medium">{t("entry.proofHashes", { count: proof.length })}</h3>
                  {proof.length > 0 && (
                    <ol className="list-decimal pl-6 font-mono text-xs break-all">
                      {proof.map((p, i) => (
                        <li key={i}>{p}</li>
                      ))}
                    </ol>
                  )}
                </div>
                <VerifyInclusion seq={seq} leafHash={leafHash} treeSize={checkpoint.treeSize} rootHash={checkpoint.rootHash} proof={proof} />
                <details className="text-sm">
                  <summary className="cursor-pointer font-medium">{t("checkpoint.note")}</summary>
                  <pre className="mt-2 overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs">{checkpoint.note}</pre>
                </details>
              </>
            ) : (
              <Alert>
                <AlertDescription>{t("entry.notCovered")}</AlertDescription>
              </Alert>
            )}
          </CardContent>
        </Card>
      </div>
      <Button variant="link" size="sm" asChild className="justify-self-start px-0">
        <Link href={`/log?recipient=${entry.recipientId}`}>{t("entry.moreForRecipient")}</Link>
      </Button>
    </div>
  );
}
