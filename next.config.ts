import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/server/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite and postgres.js must load from node_modules at run time, not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  // forbidden() renders a 403 from pages and actions that lack a permission.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "1mb" } },
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
