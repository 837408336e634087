import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { recordRead, requireLogReader } from "@/lib/server/transfer-log/access";
import { LOG_ORIGIN } from "@/lib/transfer-log/config";
import { listCheckpoints, logHead } from "@/db/queries/transfer-log";
import { listLogPublicKeys } from "@/db/queries/log-keys";
import { logPublicKeyToVkey, verifyCheckpoint } from "@/lib/transfer-log";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { IssueCheckpointButton } from "./_components/issue-checkpoint-button";
import { RotateKeyButton } from "./_components/rotate-key-button";
import { ConsistencyCheck } from "./_components/consistency-check";
import { CopyButton } from "./_components/copy-button";

export async function generateMetadata() {
  const t = await getTranslations("log.checkpoints");
  return { title: t("title") };
}

const SHOWN = 50;

export default async function CheckpointsPage() {
  const user = await requireLogReader("log.read", "/log/checkpoints", "view-checkpoints");
  await recordRead(user, "view-checkpoints", { limit: SHOWN });
  const [checkpoints, keys, head] = await Promise.all([listCheckpoints({ limit: SHOWN }), listLogPublicKeys(), logHead()]);
  const t = await getTranslations("log");
  const format = await getFormatter();
  const when = (d: Date | string) => format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "medium" });
  const sizes = [...new Set(checkpoints.map((c) => c.treeSize))].sort((a, b) => b - a);
  const now = new Date();

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("checkpoints.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("checkpoints.subtitle", { size: head.size })}</p>
        </div>
        <div className="flex gap-2">
          {can(user.role, "log.keys.manage") && <RotateKeyButton />}
          {can(user.role, "log.checkpoint") && <IssueCheckpointButton />}
        </div>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>{t("checkpoints.listTitle")}</CardTitle>
          <CardDescription>{t("checkpoints.listHint", { count: SHOWN })}</CardDescription>
        </CardHeader>
        <CardContent>
          <Table aria-label={t("checkpoints.listTitle")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("checkpoint.issuedAt")}</TableHead>
                <TableHead>{t("checkpoint.size")}</TableHead>
                <TableHead>{t("checkpoint.root")}</TableHead>
                <TableHead>{t("checkpoint.key")}</TableHead>
                <TableHead>{t("checkpoint.signature")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {checkpoints.length ? (
                checkpoints.map((c) => {
                  const check = verifyCheckpoint(c.note, keys, { origin: LOG_ORIGIN });
                  return (
                    <TableRow key={c.id} className="align-top">
                      <TableCell className="whitespace-nowrap">{when(c.issuedAt)}</TableCell>
                      <TableCell className="tabular-nums">{format.number(c.treeSize)}</TableCell>
                      <TableCell className="max-w-md">
                        <code className="font-mono text-xs break-all">{c.rootHash}</code>
                        <details className="mt-1">
                          <summary className="cursor-pointer text-xs text-muted-foreground">{t("checkpoint.note")}</summary>
                          <pre className="mt-1 overflow-x-auto rounded-md bg-muted p-2 font-mono text-xs">{c.note}</pre>
                        </details>
                      </TableCell>
                      <TableCell>
                        <code className="font-mono text-xs">{c.keyId}</code>
                      </TableCell>
                      <TableCell>{check.ok ? <Badge variant="success">{t("checkpoint.signatureValid")}</Badge> : <Badge variant="danger" title={check.message}>{t("checkpoint.signatureInvalid")}</Badge>}</TableCell>
                    </TableRow>
                  );
                })
              ) : (
                <TableRow>
                  <TableCell colSpan={5} className="h-20 text-center text-muted-foreground">
                    {t("checkpoint.none")}
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("keys.title")}</CardTitle>
            <CardDescription>{t("keys.hint")}</CardDescription>
          </CardHeader>
          <CardContent>
            {keys.length ? (
              <ul className="grid gap-3" aria-label={t("keys.title")}>
                {[...keys].reverse().map((k) => {
                  const current = k.validUntil === null || new Date(k.validUntil) > now;
                  const vkey = logPublicKeyToVkey(k);
                  return (
                    <li key={k.keyId} className="grid gap-1 rounded-lg border p-3 text-sm" data-testid="log-key">
                      <div className="flex flex-wrap items-center gap-2">
                        <code className="font-mono font-medium">{k.keyId}</code>
                        {current ? <Badge variant="success">{t("keys.current")}</Badge> : <Badge variant="secondary">{t("keys.retired")}</Badge>}
                      </div>
                      <p className="text-xs text-muted-foreground">
                        {k.validUntil ? t("keys.validBetween", { from: when(k.validFrom), until: when(k.validUntil) }) : t("keys.validSince", { from: when(k.validFrom) })}
                      </p>
                      <div className="flex items-start gap-1">
                        <code className="min-w-0 flex-1 rounded bg-muted px-2 py-1 font-mono text-xs break-all">{vkey}</code>
                        <CopyButton value={vkey} label={t("keys.copyVkey", { keyId: k.keyId })} />
                      </div>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">{t("keys.none")}</p>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("consistency.title")}</CardTitle>
            <CardDescription>{t("consistency.hint")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ConsistencyCheck sizes={sizes} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
