import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { personalTokenScopes } from "@/lib/auth/permissions";
import { listPersonalApiTokens } from "@/db/queries/tokens";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TokensTable } from "@/components/tokens/tokens-table";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { createPersonalTokenAction, revokePersonalTokenAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("profileTokens");
  return { title: t("title") };
}

/** A person's own API tokens for their tooling: they act for that person, within that person's role. */
export default async function PersonalTokensPage() {
  const user = await requirePagePermission("tokens.personal", "/profile/tokens");
  const t = await getTranslations("profileTokens");
  const tokens = await listPersonalApiTokens(user.id);
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      <TokensTable
        showKind={false}
        revoke={revokePersonalTokenAction}
        tokens={tokens.map((k) => ({
          id: k.id,
          name: k.name,
          kind: "personal" as const,
          ownerEmail: null,
          scopes: k.scopes,
          prefix: k.prefix,
          expiresAt: k.expiresAt.toISOString(),
          revokedAt: k.revokedAt?.toISOString() ?? null,
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
        }))}
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("create")}</CardTitle>
          <CardDescription>{t("createHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTokenForm scopes={personalTokenScopes(user.role)} create={createPersonalTokenAction} submitLabel={t("createButton")} />
        </CardContent>
      </Card>
    </div>
  );
}
