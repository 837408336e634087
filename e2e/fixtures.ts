import { test as base, expect, type Page } from "@playwright/test";

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

export const test = base.extend<{ recipients: RecipientsPage }>({
  recipients: async ({ page }, provide) => provide(new RecipientsPage(page)),
});
export { expect };
