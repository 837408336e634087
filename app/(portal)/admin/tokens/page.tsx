import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/auth/session";
import { listApiTokens } from "@/db/queries/tokens";
import { SERVICE_TOKEN_SCOPES } from "@/lib/auth/permissions";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TokensTable } from "@/components/tokens/tokens-table";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { createServiceTokenAction, revokeTokenAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("tokens");
  return { title: t("title") };
}

export default async function TokensPage() {
  await requirePagePermission("tokens.manage", "/admin/tokens");
  const t = await getTranslations("tokens");
  const tokens = await listApiTokens();
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      <TokensTable
        tokens={tokens.map((k) => ({
          ...k,
          expiresAt: k.expiresAt.toISOString(),
          revokedAt: k.revokedAt?.toISOString() ?? null,
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          createdAt: k.createdAt.toISOString(),
        }))}
        revoke={revokeTokenAction}
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("create")}</CardTitle>
          <CardDescription>{t("createHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTokenForm scopes={[...SERVICE_TOKEN_SCOPES]} create={createServiceTokenAction} submitLabel={t("create")} />
        </CardContent>
      </Card>
    </div>
  );
}
