import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/server/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite and postgres.js must load from node_modules at run time, not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  // forbidden() renders a 403 from pages and actions that lack a permission.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "1mb" } },
  poweredByHeader: false,
  // On every response, whatever answers it (pages, API, downloads, assets, errors); the CSP with
  // its per-response nonce and HSTS come from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
