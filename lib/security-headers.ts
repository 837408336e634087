/**
 * The portal's security headers (issue 12, item 4), as plain data so that the proxy, next.config
 * and the tests use the same values. README "Security" → "Headers" says what each is for.
 */

/** Headers every response carries, whatever it is: pages, API answers, downloads, assets, errors. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  // Browsers must not guess a type other than the one we send (a CSV must never run as a script).
  { key: "X-Content-Type-Options", value: "nosniff" },
  // No framing anywhere (clickjacking); frame-ancestors says the same to browsers that read CSP.
  { key: "X-Frame-Options", value: "DENY" },
  // Other sites learn our origin at most, never a path with a recipient's id or a search.
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The portal uses none of these features; no page or injected frame may ask for them.
  {
    key: "Permissions-Policy",
    value: [
      "accelerometer=()",
      "autoplay=()",
      "camera=()",
      "display-capture=()",
      "geolocation=()",
      "gyroscope=()",
      "hid=()",
      "magnetometer=()",
      "microphone=()",
      "midi=()",
      "payment=()",
      "publickey-credentials-get=()",
      "screen-wake-lock=()",
      "serial=()",
      "usb=()",
      "browsing-topics=()",
    ].join(", "),
  },
];

/** A year, with subdomains: sent only on responses that came over https (see `servedOverHttps`). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * Responses that are data, never a document to render (the API, its downloads, Auth.js's
 * endpoints): nothing may load or frame from them.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The SHA-256 of the one stylesheet sonner (the toasts) inserts as an inline `<style>` element
 * without a nonce, when its module loads. `lib/security-headers.test.ts` recomputes it from the
 * installed sonner, so an upgrade that changes the stylesheet fails there before it fails in a browser.
 */
export const SONNER_STYLE_HASH = "sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY=";

/**
 * The SHA-256 of nothing: sonner appends its `<style>` empty and fills it after, and the browser
 * checks the empty element too. An empty stylesheet styles nothing, so allowing it costs nothing.
 */
export const EMPTY_STYLE_HASH = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce, and what they
 * load (`'strict-dynamic'`): Next.js puts the nonce on its own scripts and inline data, next-themes
 * on its inline script; no inline handlers, no eval. `<style>` elements need the nonce too (Radix's
 * scroll lock gets it through get-nonce, `components/csp-client.tsx`), or are sonner's one
 * stylesheet (and the empty element it starts as), by hash.
 * Style *attributes* are allowed (`style-src-attr 'unsafe-inline'`): Radix renders them on the server
 * (the hidden input behind each checkbox, tabs), as does the dashboard's bar chart, and a nonce
 * cannot cover an attribute. An attribute cannot load anything from elsewhere (img-src and font-src
 * are 'self') nor select other elements, so it cannot read the page.
 * In development React needs eval for its error overlays and Next inserts styles without a nonce.
 */
export function pageContentSecurityPolicy({ nonce, https, development = false }: { nonce: string; https: boolean; development?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}' '${SONNER_STYLE_HASH}' '${EMPTY_STYLE_HASH}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over http this would send every subresource to an https address that does not answer.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A fresh nonce per response: 128 random bits, base64 (what CSP's nonce-source accepts). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether a response goes out over https, so that HSTS may be sent. `next start` itself speaks only
 * http: https ends at a reverse proxy in front, which says so with `X-Forwarded-Proto`. Anyone can
 * send that header, so it is believed only when `TRUST_PROXY_HOPS` says proxies of ours stand in
 * front (the same setting that decides X-Forwarded-For), and then only the entry of the proxy
 * nearest the portal (the last; a proxy that appends leaves a client's claim further left).
 * At the default of 0 no response sends HSTS, whatever a client claims.
 */
export function servedOverHttps({ forwardedProto, trustedHops }: { forwardedProto: string | null; trustedHops: number }): boolean {
  if (trustedHops < 1 || !forwardedProto) return false;
  return forwardedProto.split(",").at(-1)?.trim().toLowerCase() === "https";
}

/** Paths whose answers are data (API, Auth.js) rather than pages. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}
