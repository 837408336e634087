import { test, expect, signIn } from "./fixtures";

test("an anonymous visitor is sent to sign-in and comes back to the page asked for", async ({ page }) => {
  await page.goto("/registry/recipients?role=processor");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill("auditor@qplus.local");
  await page.getByLabel("Password").fill("qplus-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/registry\/recipients\?role=processor$/);
  await expect(page.getByTestId("user-name")).toHaveText("Asel Auditor");
  await expect(page.getByTestId("user-role")).toHaveText("Auditor");
});

test("a wrong password gets one generic message, the same as an unknown account", async ({ page }) => {
  await signIn(page, "dpo@qplus.local", "not-the-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText(/email or password is wrong/);
  const wrongPassword = await page.getByTestId("sign-in-error").textContent();
  await signIn(page, "nobody@qplus.local", "whatever-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText(wrongPassword!);
  await expect(page).toHaveURL(/\/login/);
});

test("five failures lock the account even for the right password", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, "sts@qplus.local", `wrong-${i}`);
    await expect(page.getByTestId("sign-in-error")).toBeVisible();
  }
  await signIn(page, "sts@qplus.local");
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "engineer@qplus.local");
  await expect(page.getByTestId("user-name")).toBeVisible();
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
  await page.goto("/registry/recipients");
  await expect(page).toHaveURL(/\/login/);
});

test("the sidebar shows what the role may use", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const engineer = await browser.newContext({ storageState: "e2e/.auth/engineer.json" });
  const a = await admin.newPage();
  const e = await engineer.newPage();
  await a.goto("/");
  await e.goto("/");
  const nav = (p: typeof a) => p.getByRole("navigation", { name: "Main" });
  await expect(nav(a).getByRole("link", { name: "People and roles" })).toBeVisible();
  await expect(nav(e).getByRole("link", { name: "Recipients" })).toBeVisible();
  await expect(nav(e).getByRole("link", { name: "People and roles" })).toHaveCount(0);
  await admin.close();
  await engineer.close();
});
