"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Checkbox } from "@/components/ui/checkbox";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/server/actions/define";

type Create = (input: { name: string; scopes: string[]; expiresOn: string }) => Promise<ActionResult>;

/** Creates an API token with chosen scopes and expiry; the secret is shown once. */
export function CreateTokenForm({ scopes, create, submitLabel }: { scopes: string[]; create: Create; submitLabel: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const err = (k: string) => (errors[k] ? t(`errors.${errors[k]}` as never) : null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const result = await create({ name, scopes: chosen, expiresOn });
      if (result.ok) {
        setCreated((result.data as { token: string }).token);
        setErrors({});
        setName("");
        setChosen([]);
        router.refresh();
      } else if (result.error === "invalid") setErrors(result.fieldErrors ?? {});
      else toast.error(t(`errors.${result.error}`));
    });
  };

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      {created && (
        <Alert data-testid="new-token">
          <AlertTitle>{t("tokens.shownOnce")}</AlertTitle>
          <AlertDescription className="flex flex-wrap items-center gap-2">
            <code className="rounded bg-muted px-2 py-1 font-mono text-xs break-all" data-testid="token-value">
              {created}
            </code>
            <Button type="button" size="sm" variant="outline" onClick={() => navigator.clipboard?.writeText(created).then(() => toast.success(t("tokens.copied")))}>
              <Copy aria-hidden />
              {t("tokens.copy")}
            </Button>
          </AlertDescription>
        </Alert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor="token-name">{t("tokens.name")}</Label>
          <Input id="token-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!err("name")} />
          {err("name") && <p className="text-sm text-destructive">{err("name")}</p>}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="token-expires">{t("tokens.expires")}</Label>
          <Input id="token-expires" type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} aria-invalid={!!err("expiresOn")} />
          {err("expiresOn") && <p className="text-sm text-destructive">{err("expiresOn")}</p>}
        </div>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">{t("tokens.scopes")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {scopes.map((s) => (
            <label key={s} className="flex items-center gap-2 font-mono text-sm">
              <Checkbox checked={chosen.includes(s)} onCheckedChange={(v) => setChosen(v ? [...chosen, s] : chosen.filter((x) => x !== s))} aria-label={s} />
              {s}
            </label>
          ))}
        </div>
        {err("scopes") && <p className="text-sm text-destructive">{err("scopes")}</p>}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
