import { test, expect } from "./fixtures";

test.describe("a Russian-speaking DPO", () => {
  test.use({ locale: "ru-RU", extraHTTPHeaders: { "accept-language": "ru-RU,ru;q=0.9" } });

  test("sees the portal in Russian from the browser's language, switches to Kazakh, and keeps it", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Вход" })).toBeVisible();
    await page.getByLabel("Электронная почта").fill("dpo@qplus.local");
    await page.getByLabel("Пароль").fill("qplus-demo");
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page.getByTestId("user-name")).toBeVisible();
    await page.goto("/registry/recipients");
    await expect(page.getByRole("heading", { level: 1, name: "Получатели" })).toBeVisible();
    // Register content shows in the chosen language.
    await expect(page.getByRole("link", { name: "АО «Народный Банк Казахстана»" })).toBeVisible();
    await expect(page.getByRole("link", { name: "АО «КИВИ»" })).toBeVisible();

    await page.getByRole("button", { name: "Язык" }).click();
    await page.getByRole("menuitemradio", { name: "Қазақша" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Алушылар" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Қазақстан Халық Банкі АҚ" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");

    // The choice is saved in the profile: a new browser session gets Kazakh even with a Russian browser.
    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByLabel("Электронная почта").fill("dpo@qplus.local");
    await page.getByLabel("Пароль").fill("qplus-demo");
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page.getByTestId("user-name")).toBeVisible();
    await page.goto("/registry/recipients");
    await expect(page.getByRole("heading", { level: 1, name: "Алушылар" })).toBeVisible();

    // Leave the shared demo account as other specs expect it.
    await page.getByRole("button", { name: "Тіл" }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Recipients" })).toBeVisible();
  });

  test("the sign-in page has the language switch too", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Язык" }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });
});

test("a person who prefers Kazakh downloads the register with Kazakh column titles; machines keep English keys", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: "e2e/.auth/auditor.json", extraHTTPHeaders: { "accept-language": "kk-KZ,kk;q=0.9" } });
  const machine = await (await ctx.request.get("/api/v1/recipients/export?format=csv")).text();
  expect(machine.split("\n")[0]).toContain("nameEn");
  const people = await (await ctx.request.get("/api/v1/recipients/export?format=csv&headers=localized")).text();
  const header = people.split("\n")[0];
  expect(header).not.toContain("nameEn");
  expect(header).toContain("Ел");
  expect(people).toContain("Өңдеуші");
  await ctx.close();
});
