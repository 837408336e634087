import type { APIResponse, Response } from "@playwright/test";
import { test, expect, storageFor } from "./fixtures";

// Issue 12, item 4: every answer carries the security headers, pages a strict CSP with a fresh nonce.
// (Every e2e test also fails on any CSP violation in the browser: e2e/fixtures.ts, cspViolations.)

type Headers = Record<string, string>;
const headersOf = (r: Response | APIResponse | null) => {
  expect(r).not.toBeNull();
  return r!.headers();
};

function expectStaticHeaders(h: Headers) {
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["permissions-policy"]).toContain("geolocation=()");
  expect(h["permissions-policy"]).toContain("microphone=()");
  // Served over plain http here: never HSTS.
  expect(h["strict-transport-security"]).toBeUndefined();
}

/** The page CSP's directives by name; also checks what makes it strict. Returns the nonce. */
function expectPageCsp(h: Headers): string {
  const csp = h["content-security-policy"];
  expect(csp).toBeTruthy();
  const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  const script = directives.get("script-src") ?? [];
  const nonce = script.find((v) => v.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
  expect(nonce, csp).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(script).toContain("'strict-dynamic'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(directives.get("style-src")).not.toContain("'unsafe-inline'");
  // The one exception, for style attributes that Radix renders on the server (README "Security").
  expect(directives.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(directives.get("form-action")).toEqual(["'self'"]);
  // Over http, upgrading subresources to https would break every page.
  expect(directives.has("upgrade-insecure-requests")).toBe(false);
  return nonce!;
}

function expectApiCsp(h: Headers) {
  expect(h["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
}

test.describe("signed in", () => {
  test.use({ storageState: storageFor("dpo") });

  test("a page: strict CSP with a fresh nonce on each response, which Next's scripts carry", async ({ page }) => {
    const first = headersOf(await page.goto("/registry/recipients"));
    expectStaticHeaders(first);
    const nonce = expectPageCsp(first);
    await expect(page.getByRole("heading", { name: "Recipients", level: 1 })).toBeVisible();
    // The browser hides the nonce from the attribute but keeps it in the property.
    const scriptNonces = await page.locator("script[nonce]").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    // No script without it (what an injected <script> in the HTML would be).
    expect(await page.locator("script:not([nonce])").count()).toBe(0);

    const second = headersOf(await page.reload());
    expect(expectPageCsp(second)).not.toBe(nonce);
  });

  test("the CSP refuses script injected as HTML, and the suite's watcher sees it", async ({ page, cspViolations }) => {
    await page.goto("/registry/recipients");
    await expect(page.getByRole("heading", { name: "Recipients", level: 1 })).toBeVisible();
    // What stored or reflected HTML injection would be: markup with an inline handler. ('strict-dynamic'
    // trusts scripts that running scripts create, so the test injects markup, not a script element.)
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { injectedRan?: boolean };
      const div = document.createElement("div");
      div.innerHTML = '<img src="/no-such-image.png" alt="" onerror="window.injectedRan = true"><style>body { visibility: hidden }</style>';
      document.body.append(div);
      await new Promise((r) => setTimeout(r, 500));
      return w.injectedRan === true;
    });
    expect(ran).toBe(false);
    // An injected stylesheet is refused as well (no nonce).
    expect(await page.evaluate(() => getComputedStyle(document.body).visibility)).toBe("visible");
    await expect.poll(() => cspViolations.some((v) => v.includes("script-src"))).toBe(true);
    await expect.poll(() => cspViolations.some((v) => v.includes("style-src"))).toBe(true);
    // Provoked on purpose: empty the list so the watcher does not fail this test.
    cspViolations.splice(0);
  });

  test("an API JSON answer and a CSV download", async ({ page }) => {
    const json = await page.request.get("/api/v1/recipients");
    expect(json.status()).toBe(200);
    expect(json.headers()["content-type"]).toContain("application/json");
    expectStaticHeaders(json.headers());
    expectApiCsp(json.headers());

    const csv = await page.request.get("/api/v1/recipients/export?format=csv");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["content-disposition"]).toContain("attachment");
    expectStaticHeaders(csv.headers());
    expectApiCsp(csv.headers());
  });

  test("a 404 page and an API 404", async ({ page }) => {
    const missing = await page.goto("/registry/no-such-page");
    expect(missing?.status()).toBe(404);
    expectStaticHeaders(headersOf(missing));
    expectPageCsp(headersOf(missing));
    await expect(page.getByText("404")).toBeVisible();

    const api = await page.request.get("/api/v1/no-such-endpoint");
    expect(api.status()).toBe(404);
    expectStaticHeaders(api.headers());
    expectApiCsp(api.headers());
  });

  test("Next's scripts and styles get the static headers", async ({ page }) => {
    await page.goto("/registry/recipients");
    const src = await page.locator("script[src]").first().getAttribute("src");
    expect(src).toContain("/_next/static/");
    const asset = await page.request.get(src!);
    expect(asset.status()).toBe(200);
    expect(asset.headers()["content-type"]).toContain("javascript");
    expectStaticHeaders(asset.headers());
  });
});

test.describe("anonymous", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page, the public policy and the redirect to sign-in", async ({ page }) => {
    const login = headersOf(await page.goto("/login"));
    expectStaticHeaders(login);
    expectPageCsp(login);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

    const policy = headersOf(await page.goto("/policy?lang=en"));
    expectStaticHeaders(policy);
    expectPageCsp(policy);

    const redirect = await page.request.get("/registry/recipients", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers()["location"]).toContain("/login?callbackUrl=%2Fregistry%2Frecipients");
    expectStaticHeaders(redirect.headers());

    const unauthorized = await page.request.get("/api/v1/recipients");
    expect(unauthorized.status()).toBe(401);
    expectStaticHeaders(unauthorized.headers());
    expectApiCsp(unauthorized.headers());
  });

  test("no other site can frame a page", async ({ page, cspViolations }) => {
    const target = new URL("/policy?lang=en", test.info().project.use.baseURL).href;
    await page.setContent(`<iframe src="${target}" title="framed"></iframe>`);
    await expect.poll(() => cspViolations.some((v) => /frame-ancestors/i.test(v))).toBe(true);
    await expect(page.frameLocator('iframe[title="framed"]').getByRole("heading", { level: 1 })).toHaveCount(0);
    cspViolations.splice(0);
  });

  test("HSTS is not sent over http, even when a client claims https", async ({ page }) => {
    const r = await page.request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(r.headers()["strict-transport-security"]).toBeUndefined();
    expect(r.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });
});
