import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EMPTY_STYLE_HASH, SONNER_STYLE_HASH, STATIC_SECURITY_HEADERS, newNonce, pageContentSecurityPolicy, servedOverHttps } from "./security-headers";

describe("security headers", () => {
  it("SONNER_STYLE_HASH is the hash of the stylesheet the installed sonner inserts", () => {
    // sonner calls __insertCSS("…") once, with a JSON-compatible string literal, in both builds.
    for (const build of ["index.mjs", "index.js"]) {
      const source = fs.readFileSync(path.join(process.cwd(), "node_modules/sonner/dist", build), "utf8");
      const calls = [...source.matchAll(/__insertCSS\((".*?[^\\]")\)/gs)];
      expect(calls, build).toHaveLength(1);
      const css = JSON.parse(calls[0][1]) as string;
      expect(`sha256-${createHash("sha256").update(css, "utf8").digest("base64")}`, build).toBe(SONNER_STYLE_HASH);
    }
    expect(`sha256-${createHash("sha256").update("").digest("base64")}`).toBe(EMPTY_STYLE_HASH);
  });

  it("a nonce is 128 random bits in base64, new each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("the page CSP: scripts and styles by nonce, no inline or eval in production, no framing", () => {
    const csp = pageContentSecurityPolicy({ nonce: "abc", https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(csp).toContain(`style-src 'self' 'nonce-abc' '${SONNER_STYLE_HASH}' '${EMPTY_STYLE_HASH}';`);
    expect(csp).toContain("style-src-attr 'unsafe-inline';");
    expect(csp.replace("style-src-attr 'unsafe-inline';", "")).not.toContain("unsafe");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy({ nonce: "abc", https: true })).toMatch(/; upgrade-insecure-requests$/);
    // Development: React's overlays need eval, Next's hot reload inserts styles without a nonce.
    const dev = pageContentSecurityPolicy({ nonce: "abc", https: false, development: true });
    expect(dev).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval';");
    expect(dev).toContain("style-src 'self' 'unsafe-inline';");
  });

  it("HSTS only when a trusted proxy says the request came over https", () => {
    expect(servedOverHttps({ forwardedProto: "https", trustedHops: 1 })).toBe(true);
    expect(servedOverHttps({ forwardedProto: "HTTPS", trustedHops: 2 })).toBe(true);
    // The nearest proxy's entry decides; a client's claim further left counts for nothing.
    expect(servedOverHttps({ forwardedProto: "http, https", trustedHops: 1 })).toBe(true);
    expect(servedOverHttps({ forwardedProto: "https, http", trustedHops: 1 })).toBe(false);
    // No trusted proxy (the default): a client's claim of https changes nothing.
    expect(servedOverHttps({ forwardedProto: "https", trustedHops: 0 })).toBe(false);
    // Behind a proxy, over http (or the proxy says nothing): no HSTS on that answer.
    expect(servedOverHttps({ forwardedProto: null, trustedHops: 1 })).toBe(false);
    expect(servedOverHttps({ forwardedProto: "http", trustedHops: 1 })).toBe(false);
  });

  it("the static headers name no feature twice", () => {
    const pp = STATIC_SECURITY_HEADERS.find((h) => h.key === "Permissions-Policy")!.value.split(", ");
    expect(new Set(pp).size).toBe(pp.length);
    for (const f of pp) expect(f).toMatch(/^[a-z-]+=\(\)$/);
  });
});
