import { test, expect, storageFor } from "./fixtures";

test.describe("the DPO keeps the record of processing", () => {
  test.use({ storageState: storageFor("dpo") });

  test("the lint lists the policy's two ambiguities, and the dashboard counts the problems", async ({ page }) => {
    await page.goto("/registry/lint");
    await expect(page.getByRole("heading", { level: 1, name: "Policy lint" })).toBeVisible();
    const problems = page.getByTestId("lint-problems");
    const c12 = problems.locator('[data-rule="D1-DELETION-BEFORE-RETENTION"][data-entry="C12"]');
    await expect(c12).toContainText("right after «End of the contract», before the retention period of 3 years");
    await expect(c12.getByRole("link", { name: "C12" })).toHaveAttribute("href", "/registry/purposes/C12");
    await expect(problems.locator('[data-rule="D3-RETENTION-FROM-MISSING-CONTRACT"][data-entry="V1"]')).toContainText("«Visitors of the resource» has no contract");
    await expect(problems.locator('[data-rule="B1"][data-entry="QIWI JSC"]')).toContainText("KZ-PDL art. 16 p. 2-3");
    const count = await problems.getByRole("listitem").count();
    await page.goto("/");
    await expect(page.getByTestId("lint-count")).toHaveText(String(count));
  });

  test("fixes C12's deletion, the lint entry disappears, publishes 1.1 and reads the difference on the public page in three languages", async ({ page, browser }) => {
    await page.goto("/registry/purposes/C12");
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Deletion: years after the event", { exact: true }).fill("3");
    await page.getByLabel("Reason for the change").fill("Deletion no earlier than retention (CC-178-1)");
    await page.getByRole("button", { name: "Save", exact: true }).click();

    await expect(page).toHaveURL(/\/registry\/purposes\/C12$/);
    await expect(page.getByText("Version 2")).toBeVisible();
    await expect(page.getByTestId("deletion")).toHaveText("3 years after the end of the contract");
    await page.getByRole("tab", { name: /History/ }).click();
    const latest = page.getByRole("list", { name: "Versions, newest first" }).getByRole("listitem").first();
    await expect(latest).toContainText("dpo@qplus.local");
    await expect(latest).toContainText("Deletion no earlier than retention (CC-178-1)");
    await expect(latest.getByTestId("field-changes")).toContainText("Deletion: years after the event");

    await page.goto("/registry/lint");
    const problems = page.getByTestId("lint-problems");
    await expect(problems.locator('[data-rule="D3-RETENTION-FROM-MISSING-CONTRACT"][data-entry="V1"]')).toBeVisible();
    await expect(problems.locator('[data-rule="D1-DELETION-BEFORE-RETENTION"]')).toHaveCount(0);

    await page.goto("/registry/publications");
    await expect(page.getByTestId("pending-changes")).toContainText("Since edition 1.0");
    await page.getByLabel("Edition number").fill("1.1");
    await page.getByLabel("Date of the edition").fill("2026-06-01");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("row").filter({ hasText: "2026-06-01" })).toContainText("1.1");
    // A second edition under the same number is refused at the field.
    await page.getByLabel("Edition number").fill("1.1");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.locator("#publish-version-error")).toHaveText("This edition number is already published.");

    // The public policy needs no sign-in.
    const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "en-US" });
    const pub = await anonymous.newPage();
    await pub.goto("/policy/compare?from=1.0&to=1.1&lang=en");
    await expect(pub).toHaveURL(/\/policy\/compare/);
    await expect(pub.getByRole("heading", { level: 1, name: "Compare editions" })).toBeVisible();
    const c12 = pub.locator('[data-compare="purpose"][data-key="C12"]');
    await expect(c12).toHaveAttribute("data-change", "changed");
    const deletion = c12.locator('[data-field="deletion"]');
    await expect(deletion).toHaveCount(2);
    await expect(deletion.first()).toHaveAttribute("data-changed", "true");
    await expect(deletion.first()).toContainText("Deleted right after the end of the contract.");
    await expect(deletion.last()).toContainText("Deleted 3 years after the end of the contract.");
    await expect(c12.locator('[data-field="retention"]').first()).not.toHaveAttribute("data-changed", "true");
    await expect(pub.locator('[data-compare="purpose"][data-key="C11"]')).toHaveCount(0);

    await pub.getByRole("link", { name: "Қазақша" }).click();
    await expect(pub.getByRole("heading", { level: 1, name: "Редакцияларды салыстыру" })).toBeVisible();
    await expect(pub.getByRole("heading", { level: 2, name: "3. Дербес деректерді өңдеу мақсаттары" })).toBeVisible();
    await expect(deletion.last()).toContainText("Жою: шарт бұзылғаннан кейін 3 жыл.");
    await expect(deletion.first()).toContainText("өзгерді");

    await pub.getByRole("link", { name: "Русский" }).click();
    await expect(pub.getByRole("heading", { level: 1, name: "Сравнение редакций" })).toBeVisible();
    await expect(deletion.first()).toContainText("Уничтожение: сразу после прекращения договора.");
    await expect(deletion.last()).toContainText("Уничтожение: 3 года после прекращения договора.");

    // The edition in force is 1.1, read in Russian and Kazakh.
    await pub.goto("/policy?lang=ru");
    await expect(pub.getByRole("heading", { level: 1, name: "Политика в отношении обработки персональных данных системы QPlus" })).toBeVisible();
    await expect(pub.getByText(/^Редакция 1\.1 от/)).toBeVisible();
    await expect(pub.getByRole("heading", { level: 2, name: "7.1. Получатели персональных данных" })).toBeVisible();
    await pub.getByRole("link", { name: "Қазақша" }).click();
    await expect(pub.getByRole("heading", { level: 1, name: "QPlus жүйесінің дербес деректерді өңдеу саясаты" })).toBeVisible();
    await expect(pub.locator('[data-purpose="C12"] [data-field="deletion"]')).toContainText("шарт бұзылғаннан кейін 3 жыл");
    await anonymous.close();
  });

  test("bad input is shown at the field, and a purpose in use cannot be archived", async ({ page }) => {
    await page.goto("/registry/purposes/new");
    await page.getByLabel("Code", { exact: true }).fill("c13");
    await page.getByRole("button", { name: "Add purpose" }).click();
    await expect(page.getByLabel("Code", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#code-error")).toHaveText("A code starts with an upper-case Latin letter, then letters, digits or hyphens.");
    await expect(page.locator("#nameEn-error")).toHaveText("Required.");
    await expect(page.locator("#dataItemKeys-error")).toHaveText("Choose at least one data item.");
    await expect(page).toHaveURL(/\/new$/);

    await page.goto("/registry/purposes/C3");
    await page.getByRole("button", { name: "Archive: C3" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Reason").fill("Merged into C5");
    await dialog.getByRole("button", { name: "Archive" }).click();
    // Other specs may archive or relink recipients; Halyk Bank serves C3 throughout.
    await expect(dialog.locator("#archive-reason-error")).toContainText("Still in use, so it cannot be archived. Used by:");
    await expect(dialog.locator("#archive-reason-error")).toContainText("Halyk Bank of Kazakhstan JSC");
    await page.keyboard.press("Escape");
    await expect(page.getByText("Version 1")).toBeVisible();
  });

  test("adds a legal reference to the catalogue, with its history", async ({ page }) => {
    await page.goto("/registry/catalogue?tab=references");
    await page.getByRole("button", { name: "Add legal reference" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Code").fill("TAX-48");
    await dialog.getByLabel("Title (English)").fill("Tax Code of Kazakhstan, art. 48");
    await dialog.getByLabel("Period it sets, years").fill("5");
    await dialog.getByRole("button", { name: "Add" }).click();
    await expect(page.getByRole("row").filter({ hasText: "TAX-48" })).toContainText("Tax Code of Kazakhstan, art. 48");
    await page.getByRole("link", { name: "History: TAX-48" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "History of TAX-48" })).toBeVisible();
    await expect(page.getByText("Version 1")).toBeVisible();
  });

  test("downloads the record of processing as CSV, with stable keys or localized headers", async ({ page }) => {
    const csv = await page.request.get("/api/v1/ropa/export?format=csv");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = text.slice(1).trim().split("\r\n");
    expect(header.split(",").slice(0, 4)).toEqual(["controllerName", "controllerContact", "purposeCode", "purposeName"]);
    expect(rows.some((r) => r.includes(",C8,") && r.includes("key-business-solutions"))).toBe(true);
    // Localized: in the reader's language (here from Accept-Language), values too.
    const kk = await page.request.get("/api/v1/ropa/export?format=csv&headers=localized", { headers: { "accept-language": "kk" } });
    const kkText = await kk.text();
    expect(kkText.split("\r\n")[0]).toContain("Мақсат коды");
    expect(kkText).toContain("Өңдеуші");
    const en = await page.request.get("/api/v1/ropa/export?format=csv&headers=localized", { headers: { "accept-language": "en-US" } });
    expect((await en.text()).split("\r\n")[0]).toContain("Purpose code");
  });
});
