import { test as setup, expect, ROLES, signIn, storageFor } from "./fixtures";

// Sign in once per role; the specs reuse the saved sessions.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, `${role}@qplus.local`);
    await expect(page.getByTestId("user-name")).toBeVisible();
    await page.context().storageState({ path: storageFor(role) });
  });
}
