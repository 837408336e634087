import { test, expect, storageFor, type Role } from "./fixtures";
import type { Browser, Page } from "@playwright/test";

/**
 * The transfer log as its readers see it: the viewer, an entry's receipt verified in the browser,
 * checkpoints and keys, the access log (every read recorded, the state technical service's too),
 * and the downloads' progress. The e2e server starts with an empty log; entries can only be
 * written through the ingestion API with a service token, so the tests that need entries run
 * only where POST /api/v1/transfers exists.
 */
test.describe.configure({ mode: "serial" });

const TOKEN_NAME = "log-viewer-e2e";
let token = "";
let ingested = 0;

async function as<T>(browser: Browser, role: Role, run: (page: Page) => Promise<T>): Promise<T> {
  const ctx = await browser.newContext({ storageState: storageFor(role) });
  try {
    return await run(await ctx.newPage());
  } finally {
    await ctx.close();
  }
}

const nextYear = () => `${new Date().getFullYear() + 1}-12-31`;

test("an administrator creates a service token; systems report transfers with it where ingestion exists", async ({ browser, playwright }) => {
  token = await as(browser, "admin", async (page) => {
    await page.goto("/admin/tokens");
    await page.getByLabel("Name").fill(TOKEN_NAME);
    await page.getByLabel("Expires on").fill(nextYear());
    await page.getByRole("checkbox", { name: "transfers.ingest", exact: true }).click();
    await page.getByRole("checkbox", { name: "log.read", exact: true }).click();
    await page.getByRole("button", { name: "Create service token" }).click();
    return (await page.getByTestId("token-value").innerText()).trim();
  });
  expect(token.length).toBeGreaterThan(20);

  const baseURL = test.info().project.use.baseURL;
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  try {
    // A machine reads the log with its token; the read is recorded under the token's name.
    const list = await api.get("/api/v1/log/entries?limit=5");
    expect(list.status()).toBe(200);
    expect(await list.json()).toMatchObject({ entries: expect.any(Array) });

    const recipients = await as(browser, "auditor", async (page) => (await (await page.request.get("/api/v1/recipients?pageSize=50")).json()).rows as { id: string; countryCode: string }[]);
    const events = recipients.slice(0, 3).map((r, i) => ({
      occurredAt: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      recipient: r.id,
      approvalId: null,
      purposes: ["C3"],
      dataItems: ["financial: balance"],
      recordCount: 10 + i,
      subjectPopulations: ["kz-subjects"],
      sendingSystem: "e2e-system",
      destinationCountry: r.countryCode,
      idempotencyKey: `log-viewer-e2e-${i}`,
      externalReference: null,
    }));
    const posted = await api.post("/api/v1/transfers", { data: { events } });
    expect(posted.ok(), `ingestion answered ${posted.status()}: ${await posted.text()}`).toBe(true);
    ingested = events.length;
  } finally {
    await api.dispose();
  }
});

test.describe("as the auditor", () => {
  test.use({ storageState: storageFor("auditor") });

  test("the viewer shows its empty states and says which filters it ignored", async ({ page }) => {
    await page.goto("/log?system=no-such-system");
    await expect(page.getByRole("heading", { level: 1, name: "Transfer log" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "No transfers match these filters" })).toBeVisible();
    await expect(page.getByLabel("Sending system")).toBeVisible();

    await page.goto("/log?recipient=halyk&flagged=1");
    await expect(page.getByTestId("invalid-filters")).toContainText("recipient");
    await expect(page.getByRole("checkbox", { name: "Flagged only" })).toBeChecked();

  });

  test("issues checkpoints, sees them listed and verified, and checks their consistency in the browser", async ({ page }) => {
    await page.goto("/log/checkpoints");
    await expect(page.getByRole("heading", { level: 1, name: "Checkpoints" })).toBeVisible();
    // Only an administrator rotates keys.
    await expect(page.getByRole("button", { name: "Rotate signing key" })).toHaveCount(0);
    const table = page.getByRole("table", { name: "Signed checkpoints" });
    const before = await table.getByRole("row").filter({ hasText: "Verified" }).count();

    await page.getByRole("button", { name: "Issue checkpoint now" }).click();
    await expect(page.getByText(/Checkpoint signed at size \d+\./).first()).toBeVisible();
    await expect(table.getByRole("row").filter({ hasText: "Verified" })).toHaveCount(before + 1);
    await page.getByRole("button", { name: "Issue checkpoint now" }).click();
    await expect(table.getByRole("row").filter({ hasText: "Verified" })).toHaveCount(before + 2);
    await expect(table.getByRole("row").filter({ hasText: "Does not verify" })).toHaveCount(0);

    // The signed note is there to read.
    await table.getByText("Signed note").first().click();
    await expect(table.locator("pre").first()).toContainText("qplus.kz/transfer-log");

    await expect(page.getByTestId("log-key").filter({ hasText: "Current" })).toHaveCount(1);
    await expect(page.getByTestId("log-key").first()).toContainText("qplus.kz/transfer-log+");

    await page.getByRole("button", { name: "Check consistency" }).click();
    await expect(page.getByTestId("consistency-result")).toContainText("Consistent");

    // The viewer shows the latest checkpoint in a card.
    await page.goto("/log");
    await expect(page.getByTestId("latest-checkpoint")).toContainText("Verified");
  });

  test("opens an entry, verifies its inclusion proof in the browser and downloads the receipt", async ({ page }) => {
    await page.request.post("/api/v1/log/checkpoints");
    await page.goto("/log?system=e2e-system");
    await expect(page.getByRole("table", { name: "Log entries" }).getByRole("row")).toHaveCount(ingested + 1);
    await page.getByRole("table", { name: "Log entries" }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1, name: /^Transfer \d+$/ })).toBeVisible();
    await page.getByRole("button", { name: "Verify in this browser" }).click();
    await expect(page.getByTestId("inclusion-result")).toHaveText("OK: the proof leads to the signed root");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download receipt" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^transfer-log-receipt-\d+\.json$/);
  });

  test("names each flag in the reader's language: the events named no approval", async ({ page, baseURL }) => {
    await page.goto("/log?system=e2e-system");
    const table = page.getByRole("table", { name: "Log entries" });
    await expect(table.locator('[data-flag="no-approval"]').first()).toHaveText("No approval");

    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "ru", url: baseURL! }]);
    await page.reload();
    await expect(page.getByRole("table").locator('[data-flag="no-approval"]').first()).toHaveText("Нет одобрения");
    await page.getByRole("table").getByRole("link").first().click();
    const flag = page.locator("dd").locator('[data-flag="no-approval"]');
    await expect(flag).toContainText("В передаче не указано одобрение");
    // The wording the log hashed stays there, folded away, as evidence.
    await expect(flag.getByText("The event names no approval.")).toBeHidden();
    await flag.getByText("Запись в журнале").click();
    await expect(flag.getByText("The event names no approval.")).toBeVisible();
    await page.screenshot({ path: "test-results/log-entry-flags-ru.png", fullPage: true });
  });

  test("downloads follow the page's filters and show their progress", async ({ page }) => {
    // The export endpoints are served elsewhere; here their answer is simulated: a count header
    // and one line per entry, after a pause long enough to see the bar.
    let asked = "";
    await page.route("**/api/v1/log/export?**", async (route) => {
      asked = route.request().url();
      if (asked.includes("format=jsonl")) {
        return route.fulfill({ status: 404, contentType: "application/problem+json", body: JSON.stringify({ type: "tag:qplus.kz,2026:problem:notFound", title: "Not found", status: 404 }) });
      }
      await new Promise((r) => setTimeout(r, 800));
      await route.fulfill({
        status: 200,
        headers: { "content-type": "text/csv; charset=utf-8", "x-total-count": "3", "content-disposition": 'attachment; filename="transfer-log-e2e.csv"' },
        body: "seq,recipientId\n0,a\n1,b\n2,c\n",
      });
    });
    await page.goto("/log?flagged=1&crossBorder=yes");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      (async () => {
        await page.getByRole("button", { name: "CSV", exact: true }).click();
        await expect(page.getByRole("progressbar", { name: "Download progress: CSV" })).toBeVisible();
      })(),
    ]);
    expect(download.suggestedFilename()).toBe("transfer-log-e2e.csv");
    expect(new URL(asked).searchParams.get("format")).toBe("csv");
    expect(new URL(asked).searchParams.get("flagged")).toBe("1");
    expect(new URL(asked).searchParams.get("crossBorder")).toBe("yes");
    await expect(page.getByText("Saved as transfer-log-e2e.csv.")).toBeVisible();

    await page.getByRole("button", { name: "JSONL", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "JSONL: this download is not available on this server yet." })).toBeVisible();
  });
});

test("an administrator rotates the signing key with a reason; old checkpoints still verify", async ({ browser }) => {
  await as(browser, "admin", async (page) => {
    await page.goto("/log/checkpoints");
    const keys = page.getByTestId("log-key");
    const count = await keys.count();
    await page.getByRole("button", { name: "Rotate signing key" }).click();
    const dialog = page.getByRole("dialog", { name: "Rotate the signing key?" });
    await dialog.getByRole("button", { name: "Rotate the key" }).click();
    await expect(dialog.getByText("Say why (at least 3 characters).")).toBeVisible();
    await dialog.getByLabel("Reason").fill("Yearly rotation (e2e)");
    await dialog.getByRole("button", { name: "Rotate the key" }).click();
    await expect(page.getByText(/^New signing key [0-9a-f]{8}\.$/)).toBeVisible();
    await expect(keys).toHaveCount(Math.max(2, count + 1));
    await expect(keys.filter({ hasText: "Current" })).toHaveCount(1);
    await expect(keys.filter({ hasText: "Retired" })).toHaveCount(Math.max(1, count));

    await page.getByRole("button", { name: "Issue checkpoint now" }).click();
    await expect(page.getByText(/Checkpoint signed at size \d+\./).first()).toBeVisible();
    const table = page.getByRole("table", { name: "Signed checkpoints" });
    await expect(table.getByRole("row").filter({ hasText: "Does not verify" })).toHaveCount(0);
    const current = (await keys.filter({ hasText: "Current" }).locator("code").first().innerText()).trim();
    await expect(table.getByRole("row").nth(1)).toContainText(current);
  });
});

test("the state technical service reads the log, and the auditor sees every one of those reads", async ({ browser }) => {
  await as(browser, "sts", async (page) => {
    await page.goto("/log");
    await expect(page.getByRole("heading", { level: 1, name: "Transfer log" })).toBeVisible();
    // Read-only: no checkpoint or key buttons, no access log.
    await page.goto("/log/checkpoints");
    await expect(page.getByRole("button", { name: "Issue checkpoint now" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Access log" })).toHaveCount(0);
  });
  await as(browser, "auditor", async (page) => {
    await page.goto("/log/access?actor=sts%40qplus.local");
    const rows = page.getByRole("table", { name: "Access log" }).getByRole("row");
    await expect(rows.filter({ hasText: "sts@qplus.local" }).filter({ hasText: "view-list" }).first()).toBeVisible();
    await expect(rows.filter({ hasText: "view-checkpoints" }).first()).toContainText("State technical service");
    // The machine's read with its token is there too.
    await page.goto(`/log/access?actor=token%3A${TOKEN_NAME}`);
    await expect(rows.filter({ hasText: "api-list" }).first()).toContainText("Service token");
    // The access log downloads as CSV, and that download is recorded as well.
    const csv = await page.request.get("/api/v1/log/access/export");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("sts@qplus.local");
    await page.goto("/log/access?actor=auditor%40qplus.local");
    await expect(rows.filter({ hasText: "download-access-log" }).first()).toBeVisible();
  });
});

test("an engineer reads the log but not the access log, and has no downloads", async ({ browser }) => {
  await as(browser, "engineer", async (page) => {
    const response = await page.goto("/log/access");
    expect(response?.status()).toBe(403);
    await page.goto("/log");
    await expect(page.getByRole("heading", { level: 1, name: "Transfer log" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Downloads" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Transfer log" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Access log" })).toHaveCount(0);
  });
});

test("the dashboard counts logged and flagged transfers and links to them", async ({ browser }) => {
  await as(browser, "dpo", async (page) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: /Transfers logged/ })).toContainText(/\d+/);
    await page.getByRole("link", { name: /Flagged transfers/ }).click();
    await expect(page).toHaveURL(/\/log\?flagged=1$/);
    await expect(page.getByRole("checkbox", { name: "Flagged only" })).toBeChecked();
  });
});
