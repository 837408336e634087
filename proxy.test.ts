import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { API_CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";
import { config, proxy } from "./proxy";

const BASE = "http://127.0.0.1:3000";
const request = (path: string, headers: Record<string, string> = {}) => new NextRequest(new URL(path, BASE), { headers });
const session = { cookie: "authjs.session-token=x" };

// What Next hands the page as the request's headers (NextResponse.next({ request: { headers } })).
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

afterEach(() => {
  delete process.env.TRUST_PROXY_HOPS;
});

describe("proxy", () => {
  it("redirects to sign-in exactly the paths it redirected before it set headers", () => {
    const redirected = ["/", "/registry/recipients", "/registry/recipients/abc?tab=history", "/log/12", "/no-such-page", "/admin/users"];
    const passed = ["/login", "/login?callbackUrl=%2F", "/api/v1/recipients", "/api/health", "/policy", "/policy/1.0", "/policy/compare?from=1.0", "/public/x", "/favicon.ico", "/logo.png", "/x.svg", "/a/b.css", "/c.js", "/_next/data/x"];
    for (const path of redirected) {
      const res = proxy(request(path));
      expect(res.status, path).toBe(307);
      const location = new URL(res.headers.get("location")!);
      expect(location.pathname, path).toBe("/login");
      expect(location.searchParams.get("callbackUrl"), path).toBe(path);
      // A session cookie (or a chunk of one) lets it through.
      expect(proxy(request(path, session)).status, path).toBe(200);
      expect(proxy(request(path, { cookie: "__Secure-authjs.session-token.0=x" })).status, path).toBe(200);
    }
    for (const path of passed) expect(proxy(request(path)).status, path).toBe(200);
  });

  it("gives each page response its own nonce, in the CSP it answers with and the one the page renders with", () => {
    const a = proxy(request("/registry/recipients", session));
    const b = proxy(request("/registry/recipients", session));
    const csp = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(forwarded(a, "x-nonce")).toBe(nonce);
    expect(forwarded(a, "content-security-policy")).toBe(csp);
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // The sign-in redirect and the public pages carry a page CSP too.
    expect(proxy(request("/registry")).headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
    expect(proxy(request("/policy")).headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
  });

  it("answers the API with the data-only CSP and no nonce", () => {
    for (const path of ["/api/v1/recipients", "/api/auth/session", "/api/v1/recipients/export?format=csv"]) {
      const res = proxy(request(path));
      expect(res.headers.get("content-security-policy"), path).toBe(API_CONTENT_SECURITY_POLICY);
      expect(forwarded(res, "x-nonce"), path).toBeNull();
    }
  });

  it("sends HSTS and upgrades subresources only when a trusted proxy says https", () => {
    const viaTls = { "x-forwarded-proto": "https", ...session };
    // TRUST_PROXY_HOPS unset: the header is anyone's claim.
    expect(proxy(request("/", viaTls)).headers.get("strict-transport-security")).toBeNull();
    expect(proxy(request("/", viaTls)).headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    process.env.TRUST_PROXY_HOPS = "1";
    for (const path of ["/", "/login", "/registry", "/api/v1/recipients"]) {
      expect(proxy(request(path, viaTls)).headers.get("strict-transport-security"), path).toBe(STRICT_TRANSPORT_SECURITY);
      expect(proxy(request(path, session)).headers.get("strict-transport-security"), path).toBeNull();
      expect(proxy(request(path, { ...session, "x-forwarded-proto": "http" })).headers.get("strict-transport-security"), path).toBeNull();
    }
    expect(proxy(request("/", viaTls)).headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("runs on everything but Next's hashed assets", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/", "/login", "/policy", "/api/v1/recipients", "/no-such-page", "/favicon.ico"]) expect(matcher.test(path), path).toBe(true);
    for (const path of ["/_next/static/chunks/a.js", "/_next/image"]) expect(matcher.test(path), path).toBe(false);
  });
});
