import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

type Checkpoint = { treeSize: number; rootHash: string; keyId: string; issuedAt: Date };

/** The latest signed checkpoint: what every entry up to its size is committed to. */
export async function CheckpointSummary({ checkpoint, headSize, verified }: { checkpoint: Checkpoint | null; headSize: number; verified: boolean | null }) {
  const t = await getTranslations("log.checkpoint");
  const format = await getFormatter();
  if (!checkpoint) return <p className="text-sm text-muted-foreground">{t("none")}</p>;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-[7rem_1fr] gap-2 py-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{value}</dd>
    </div>
  );
  return (
    <div className="grid gap-2 text-sm">
      <dl data-testid="latest-checkpoint">
        {row(t("size"), <span className="tabular-nums">{format.number(checkpoint.treeSize)}</span>)}
        {row(t("root"), <code className="font-mono text-xs break-all">{checkpoint.rootHash}</code>)}
        {row(t("issuedAt"), format.dateTime(checkpoint.issuedAt, { dateStyle: "medium", timeStyle: "medium" }))}
        {row(t("key"), <code className="font-mono text-xs">{checkpoint.keyId}</code>)}
        {verified !== null && row(t("signature"), verified ? <Badge variant="success">{t("signatureValid")}</Badge> : <Badge variant="danger">{t("signatureInvalid")}</Badge>)}
      </dl>
      {headSize > checkpoint.treeSize && <p className="text-xs text-muted-foreground">{t("uncovered", { count: headSize - checkpoint.treeSize })}</p>}
      <Link href="/log/checkpoints" className="text-xs font-medium text-primary hover:underline">
        {t("all")}
      </Link>
    </div>
  );
}
