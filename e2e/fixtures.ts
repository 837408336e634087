import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export const ROLES = ["admin", "dpo", "engineer", "auditor", "sts", "support"] as const;
export type Role = (typeof ROLES)[number];
export const PASSWORD = process.env.DEMO_PASSWORD || "qplus-demo";
export const storageFor = (role: Role) => `e2e/.auth/${role}.json`;

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A page object for the recipients register. */
export class RecipientsPage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto("/registry/recipients");
    await expect(this.page.getByRole("heading", { name: "Recipients", level: 1 })).toBeVisible();
  }
  row(name: string) {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }
}

/**
 * Every Content-Security-Policy violation in a browser context: the page's own
 * `securitypolicyviolation` events (reported through a binding, installed before any of the page's
 * scripts run) and the console's "Refused to … Content Security Policy" messages, which also cover
 * what the browser refuses before a document exists (framing).
 */
async function watchContentSecurityPolicy(context: BrowserContext, violations: string[]) {
  await context.exposeBinding("__qplusCspViolation", ({ page }, v: { directive: string; blocked: string; source: string; element: string }) => {
    violations.push(`${page.url()}: ${v.directive} refused ${v.blocked || "inline"} (${v.source}) ${v.element}`.trim());
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __qplusCspViolation: (v: object) => void }).__qplusCspViolation;
      // The element refused (a style attribute's owner, a <style>), to find what to fix.
      const element = e.target instanceof Element ? e.target.outerHTML.slice(0, 200) : "";
      report({ directive: e.effectiveDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}`, element });
    });
  });
  context.on("console", (msg) => {
    if (/content security policy/i.test(msg.text())) violations.push(`${msg.page()?.url() ?? "?"}: console: ${msg.text()}`);
  });
}

export const test = base.extend<{ recipients: RecipientsPage; cspViolations: string[] }>({
  recipients: async ({ page }, provide) => provide(new RecipientsPage(page)),
  /**
   * Runs in every test (auto): watches the default context and every context the test opens with
   * browser.newContext / browser.newPage, and fails the test on any CSP violation. A test that
   * provokes one on purpose asserts on this list and empties it.
   */
  cspViolations: [
    async ({ browser, context }, provide) => {
      const violations: string[] = [];
      await watchContentSecurityPolicy(context, violations);
      const newContext = browser.newContext;
      browser.newContext = async (options) => {
        const created = await newContext.call(browser, options);
        await watchContentSecurityPolicy(created, violations);
        return created;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      if (violations.length > 0) throw new Error(`Content-Security-Policy violations:\n${[...new Set(violations)].join("\n")}`);
    },
    { auto: true },
  ],
});
export { expect };
