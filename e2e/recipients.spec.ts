import { test, expect, storageFor } from "./fixtures";

test.describe("the DPO keeps the register", () => {
  test.use({ storageState: storageFor("dpo") });

  test("sees the policy's seven recipients, filters and searches them", async ({ page, recipients }) => {
    await recipients.open();
    for (const name of ["Counterparties", "Halyk Bank of Kazakhstan JSC", "Kazpost JSC", "National Payment Corporation of the National Bank of Kazakhstan JSC", "QIWI JSC", "Key Business Solutions LLC", "Authorised state bodies"]) {
      await expect(recipients.row(name)).toBeVisible();
    }
    await page.getByLabel("Cross-border").selectOption("yes");
    await expect(page).toHaveURL(/crossBorder=yes/);
    await expect(page.getByRole("table").getByRole("link")).toHaveText(["Key Business Solutions LLC", "QIWI JSC"]);
    await page.getByRole("button", { name: "Clear filters" }).click();
    // Search covers names in every language and the purposes of transfer.
    await page.getByLabel("Search").fill("Казпочта");
    await expect(page.getByRole("table").getByRole("link")).toHaveText(["Kazpost JSC"]);
    await page.getByLabel("Search").fill("kazpost");
    await expect(page.getByRole("table").getByRole("link")).toHaveText(["Kazpost JSC", "National Payment Corporation of the National Bank of Kazakhstan JSC"]);
  });

  test("adds a recipient, edits it, and sees the change in its history", async ({ page }) => {
    await page.goto("/registry/recipients/new");
    await page.getByLabel("Name (English)").fill("Freedom Bank Kazakhstan JSC");
    await page.getByLabel("Name (Russian)").fill("АО «Фридом Банк Казахстан»");
    await page.getByLabel("Registration number (BIN)").fill("090240004287");
    await page.getByLabel("Role").selectOption("processor");
    await page.getByLabel("Purposes of transfer (English)").fill("Identification of clients");
    await page.getByRole("checkbox", { name: /^C2 —/ }).click();
    await page.getByRole("checkbox", { name: "Storage" }).click();
    await page.getByRole("checkbox", { name: "Use", exact: true }).click();
    await page.getByLabel("Contract number").fill("FB-2026/14");
    await page.getByRole("button", { name: "Add recipient" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Freedom Bank Kazakhstan JSC" })).toBeVisible();
    await expect(page.getByText("Version 1")).toBeVisible();

    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Phone").fill("+7 727 330 00 00");
    await page.getByRole("checkbox", { name: "Destruction" }).click();
    await page.getByLabel("Reason for the change").fill("Annex 2 to the contract");
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page.getByText("Version 2")).toBeVisible();
    await page.getByRole("tab", { name: /History/ }).click();
    const latest = page.getByRole("list", { name: "Versions, newest first" }).getByRole("listitem").first();
    await expect(latest).toContainText("Version 2");
    await expect(latest).toContainText("dpo@qplus.local");
    await expect(latest).toContainText("Annex 2 to the contract");
    const changes = latest.getByTestId("field-changes");
    await expect(changes).toContainText("Phone");
    await expect(changes).toContainText("+7 727 330 00 00");
    await expect(changes).toContainText("Permitted processing actions");
    await expect(changes.getByRole("insertion").last()).toContainText("destruction");
  });

  test("bad input is shown at the field and nothing is saved", async ({ page }) => {
    await page.goto("/registry/recipients/new");
    await page.getByLabel("Name (English)").fill("Broken BIN LLP");
    await page.getByLabel("Registration number (BIN)").fill("12345");
    await page.getByLabel("Purposes of transfer (English)").fill("Anything");
    await page.getByRole("button", { name: "Add recipient" }).click();
    await expect(page.getByLabel("Registration number (BIN)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#registrationNumber-error")).toHaveText("A Kazakhstan BIN has exactly 12 digits.");
    await expect(page).toHaveURL(/\/new$/);
    await page.goto("/registry/recipients?q=Broken");
    await expect(page.getByText("No recipients match these filters.")).toBeVisible();
  });

  test("a stale edit gets the conflict message and saves nothing", async ({ page, browser }) => {
    await page.goto("/registry/recipients?q=Kazpost");
    await page.getByRole("link", { name: "Kazpost JSC" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Kazpost JSC" })).toBeVisible();
    const detailUrl = page.url();
    await page.goto(`${detailUrl}/edit`);
    // Meanwhile a second DPO session saves first.
    const other = await browser.newContext({ storageState: storageFor("admin") });
    const otherPage = await other.newPage();
    await otherPage.goto(`${detailUrl}/edit`);
    await otherPage.getByLabel("Email").fill("info@kazpost.kz");
    await otherPage.getByRole("button", { name: "Save changes" }).click();
    await expect(otherPage.getByText("Version 2")).toBeVisible();
    await other.close();

    await page.getByLabel("Address").fill("Almaty, Bogenbay Batyr st. 134");
    await page.getByRole("button", { name: "Save changes" }).click();
    const conflict = page.getByTestId("conflict");
    await expect(conflict).toContainText("Someone saved this recipient while you were editing");
    await expect(conflict).toContainText("admin@qplus.local");
    await expect(conflict.getByTestId("field-changes")).toContainText("info@kazpost.kz");
    await page.goto(detailUrl);
    await expect(page.getByText("Version 2")).toBeVisible();
    await expect(page.getByText("Almaty, Bogenbay Batyr st. 134")).toHaveCount(0);
  });

  test("archives with a reason instead of deleting", async ({ page }) => {
    await page.goto("/registry/recipients?q=Counterparties");
    await page.getByRole("link", { name: "Counterparties" }).click();
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("dialog").getByText("Say why (at least 3 characters).")).toBeVisible();
    await page.getByLabel("Reason for the change").fill("Replaced by direct contracts");
    await page.getByRole("dialog").getByRole("button", { name: "Archive" }).click();
    await expect(page.getByText("Archived", { exact: true }).first()).toBeVisible();
    await page.goto("/registry/recipients");
    await expect(page.getByRole("link", { name: "Counterparties" })).toHaveCount(0);
    await page.getByLabel("Status").selectOption("archived");
    await expect(page.getByRole("link", { name: "Counterparties" })).toBeVisible();
  });
});

test.describe("an engineer reads the register but cannot change it", () => {
  test.use({ storageState: storageFor("engineer") });

  test("has no edit controls, and the server refuses the edit page", async ({ page }) => {
    await page.goto("/registry/recipients");
    await expect(page.getByRole("link", { name: "Halyk Bank of Kazakhstan JSC" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Add recipient" })).toHaveCount(0);
    await page.getByRole("link", { name: "Halyk Bank of Kazakhstan JSC" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Halyk Bank of Kazakhstan JSC" })).toBeVisible();
    await expect(page).toHaveURL(/\/registry\/recipients\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    const response = await page.goto(`${page.url()}/edit`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  });

  test("the API refuses a write with 403 problem+json", async ({ page }) => {
    const response = await page.request.post("/api/v1/recipients", { data: { nameEn: "Sneaky LLP" } });
    expect(response.status()).toBe(403);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 403, type: "tag:qplus.kz,2026:problem:forbidden" });
  });
});

test.describe("downloads", () => {
  test.use({ storageState: storageFor("auditor") });
  test("the register downloads as CSV and JSON", async ({ page }) => {
    const csv = await page.request.get("/api/v1/recipients/export?format=csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\n")[0]).toContain("nameEn");
    expect(text).toContain("QIWI JSC");
    expect(text).toContain("АО «КИВИ»");
    const json = await (await page.request.get("/api/v1/recipients/export?format=json")).json();
    expect(json.recipients.length).toBeGreaterThanOrEqual(7);
    expect(json.recipients.find((r: { key: string }) => r.key === "qiwi-jsc")).toMatchObject({ crossBorder: true, countryCode: "RU", linkedPurposeCodes: ["C12", "V1"] });
  });
});
