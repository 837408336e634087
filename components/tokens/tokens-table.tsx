"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { toast } from "sonner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/server/actions/define";

type TokenRow = { id: string; name: string; kind: "service" | "personal"; scopes: string[]; prefix: string; expiresAt: string; revokedAt: string | null; lastUsedAt: string | null; ownerEmail: string | null };

/** The server action that revokes a token (the admin's for any token, a person's for their own). */
type Revoke = (input: { id: string; reason: string }) => Promise<ActionResult>;

function RevokeButton({ token, revoke }: { token: TokenRow; revoke: Revoke }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          {t("tokens.revoke")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("tokens.revokeTitle", { name: token.name })}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-1.5">
          <Label htmlFor={`revoke-${token.id}`}>{t("tokens.reason")}</Label>
          <Textarea id={`revoke-${token.id}`} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!error} />
          {error && <p className="text-sm text-destructive">{error}</p>}
        </div>
        <DialogFooter>
          <Button
            variant="destructive"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const result = await revoke({ id: token.id, reason });
                if (result.ok) {
                  toast.success(t("tokens.revoked"));
                  setOpen(false);
                  router.refresh();
                } else setError(t(`errors.${result.error === "invalid" ? (result.fieldErrors?.reason ?? "invalid") : result.error}` as never));
              })
            }
          >
            {t("tokens.revoke")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/**
 * API tokens with their state and a revoke button (reason required). The admin's page shows every
 * token with its kind and owner; a person's own page shows only theirs, without the kind column.
 */
export function TokensTable({ tokens, revoke, showKind = true }: { tokens: TokenRow[]; revoke: Revoke; showKind?: boolean }) {
  const t = useTranslations("tokens");
  const format = useFormatter();
  // Render-stable "now" (react-hooks/purity: no Date.now() during render).
  const now = useNow().getTime();
  if (!tokens.length) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <div className="rounded-lg border">
      <Table aria-label={t("title")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("name")}</TableHead>
            {showKind && <TableHead>{t("kind")}</TableHead>}
            <TableHead>{t("scopes")}</TableHead>
            <TableHead>{t("expires")}</TableHead>
            <TableHead>{t("lastUsed")}</TableHead>
            <TableHead>{t("state")}</TableHead>
            <TableHead>
              <span className="sr-only">{t("revoke")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tokens.map((k) => {
            const state = k.revokedAt ? "revokedState" : Date.parse(k.expiresAt) <= now ? "expiredState" : "activeState";
            return (
              <TableRow key={k.id}>
                <TableCell>
                  <span className="font-medium">{k.name}</span>
                  <span className="block font-mono text-xs text-muted-foreground">{k.prefix}…</span>
                </TableCell>
                {showKind && <TableCell>{k.kind === "service" ? t("service") : t("personal", { owner: k.ownerEmail ?? "" })}</TableCell>}
                <TableCell className="max-w-xs">
                  <span className="flex flex-wrap gap-1">
                    {k.scopes.map((s) => (
                      <Badge key={s} variant="secondary" className="font-mono">
                        {s}
                      </Badge>
                    ))}
                  </span>
                </TableCell>
                <TableCell>{format.dateTime(new Date(k.expiresAt), { dateStyle: "medium" })}</TableCell>
                <TableCell>{k.lastUsedAt ? format.relativeTime(new Date(k.lastUsedAt), now) : t("never")}</TableCell>
                <TableCell>
                  <Badge variant={state === "activeState" ? "success" : "secondary"}>{t(state)}</Badge>
                </TableCell>
                <TableCell>{state === "activeState" && <RevokeButton token={k} revoke={revoke} />}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
