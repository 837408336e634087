import { test, expect, storageFor } from "./fixtures";

/**
 * Issue #4, "done when": an engineer asks to send QIWI JSC analytics data, sees the cross-border
 * rules' results before submitting, the DPO approves it with a reason, and an auditor sees the
 * approval with its timeline — and a request that breaks a rule cannot be approved by anyone.
 */
test.describe.configure({ mode: "serial" });

let requestUrl = "";
let requestNumber = "";

test.describe("the DPO records the contract", () => {
  test.use({ storageState: storageFor("dpo") });

  test("QIWI JSC's contract goes into the register first (the seed has none, so B6-CONTRACT would block)", async ({ page }) => {
    await page.goto("/registry/recipients?q=QIWI");
    await page.getByRole("link", { name: "QIWI JSC", exact: true }).click();
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Contract number").fill("QK-DPA-2025/07");
    await page.getByLabel("Contract date").fill("2025-01-10");
    await page.getByLabel("Contract expires on").fill("2030-12-31");
    await page.getByLabel("Reason for the change").fill("Data processing agreement signed");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Version 2")).toBeVisible();
  });
});

test.describe("an engineer asks", () => {
  test.use({ storageState: storageFor("engineer") });

  test("to send QIWI JSC analytics data, seeing the cross-border rules' results before submitting", async ({ page }) => {
    await page.goto("/transfers");
    await page.getByRole("link", { name: "New request" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New transfer request" })).toBeVisible();

    await page.getByLabel("Recipient").selectOption({ label: "QIWI JSC" });
    await page.getByRole("checkbox", { name: /^V1 — / }).click();
    await page.getByRole("checkbox", { name: "cookies: analytical" }).click();
    for (const action of ["Storage", "Use", "Systematisation"]) await page.getByRole("checkbox", { name: action, exact: true }).click();
    await page.getByRole("checkbox", { name: "Visitors of the resource" }).click();

    // Live, before anything is saved: no ground yet, so B1 (KZ-PDL art. 16) blocks.
    const live = page.getByTestId("live-rules");
    await expect(live.locator('[data-rule="B1"]')).toContainText("Blocks");
    await expect(live.locator('[data-rule="B1"]')).toContainText("KZ-PDL art. 16 p. 2-3");
    await page.getByLabel("Ground for the cross-border transfer").selectOption({ label: "Subjects' consent to cross-border transfer" });
    // Consent is a ground only with evidence of it, which the portal does not hold yet: a warning.
    await expect(live.locator('[data-rule="B1"]')).toContainText("Warning");
    await expect(live.locator('[data-rule="B1"]')).toContainText("The portal holds no consent records yet");
    await expect(live.locator('[data-rule="B3"]')).toContainText("Passes");
    await expect(live.locator('[data-rule="B4"]')).toContainText("Passes");
    await expect(live.locator('[data-rule="B6-CONTRACT"]')).toContainText("QK-DPA-2025/07");
    // The register has no instruction checklist for this processor yet: a warning for the DPO.
    await expect(live.locator('[data-rule="B7"]')).toContainText("Warning");
    await expect(live.getByTestId("rule-summary")).toContainText("No rule blocks it");

    await page.getByLabel("Expected volume (records)").fill("250000");
    await page.getByLabel("Sending system or channel").fill("web-analytics export (Kafka topic web.events)");
    await page.getByLabel("Justification").fill("Product analytics of qplus.kz, as policy 7.1 names for QIWI JSC.");
    await page.getByRole("button", { name: "Submit for approval" }).click();

    await expect(page.getByRole("heading", { level: 1, name: /^Request No\. \d+$/ })).toBeVisible();
    await expect(page.getByTestId("transfer-status")).toHaveText("Awaiting decision");
    requestUrl = page.url();
    requestNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(/\D/g, "");
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline.getByRole("listitem")).toHaveCount(2);
    await expect(timeline.getByRole("listitem").last()).toContainText("Submitted");
  });
});

test.describe("the DPO decides", () => {
  test.use({ storageState: storageFor("dpo") });

  test("finds it in the queue and approves it with a reason, acknowledging the warning", async ({ page }) => {
    await page.goto("/transfers");
    await expect(page.getByRole("link", { name: "Decision queue" })).toHaveAttribute("aria-current", "page");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Request No. ${requestNumber}`, exact: true }) });
    await expect(row).toContainText("QIWI JSC");
    await expect(row.getByTestId("request-age")).toBeVisible();
    await row.getByRole("link", { name: `Request No. ${requestNumber}` }).click();

    const panel = page.getByTestId("decision-panel");
    await panel.getByLabel("Reason for the decision").fill("Analytics under the DPA of 10 Jan 2025; visitors consent on the site.");
    await panel.getByRole("button", { name: "Approve" }).click();
    await expect(panel).toContainText("Acknowledge every warning before approving.");
    await panel.getByRole("checkbox", { name: "I have considered warning B7" }).click();
    await panel.getByRole("checkbox", { name: "I have considered warning B1" }).click();
    await panel.getByRole("button", { name: "Approve" }).click();

    await expect(page.getByTestId("transfer-status")).toHaveText("Approved");
    const approval = page.getByTestId("approval");
    await expect(approval).toContainText("dpo@qplus.local");
    await expect(approval).toContainText("visitors consent on the site");
    await expect(approval).toContainText("register version 2");
    await expect(approval).toContainText("B7");
  });
});

test.describe("the engineer sees the decision", () => {
  test.use({ storageState: storageFor("engineer") });

  test("through the bell, and on the request", async ({ page }) => {
    await page.goto("/transfers");
    const bell = page.getByRole("button", { name: /^Notifications: \d+ unread$/ });
    await expect(bell).toBeVisible();
    await bell.click();
    await page.getByRole("menuitem", { name: new RegExp(`Request No\\. ${requestNumber} to QIWI JSC was approved by dpo@qplus\\.local`) }).click();
    await expect(page).toHaveURL(requestUrl);
    await expect(page.getByTestId("transfer-status")).toHaveText("Approved");
    await expect(page.getByTestId("approval")).toContainText("visitors consent on the site");
    await expect(page.getByRole("button", { name: "Revoke approval" })).toHaveCount(0);
    await page.goto("/transfers?view=mine&status=approved");
    await expect(page.getByRole("link", { name: `Request No. ${requestNumber}`, exact: true })).toBeVisible();
  });
});

test.describe("a request that breaks a rule", () => {
  let blockedUrl = "";

  test.describe("is filed by an engineer's tooling", () => {
    test.use({ storageState: storageFor("engineer") });
    test("phone numbers for marketing research to Key Business Solutions: filed through the API, blocked by B2", async ({ page }) => {
      const recipients = await (await page.request.get("/api/v1/recipients?q=Key%20Business")).json();
      const response = await page.request.post("/api/v1/transfer-requests", {
        data: {
          recipientId: recipients.rows[0].id,
          purposeCodes: ["C8"],
          subjectCategories: ["clients"],
          populations: ["kz-subjects"],
          dataItems: ["contact: phone", "contact: full name"],
          actions: ["use"],
          mode: "one-off",
          periodStart: new Date().toISOString().slice(0, 10),
          expectedVolume: 3000,
          volumePeriod: "once",
          sendingSystem: "crm export",
          crossBorderGround: "consent",
          justification: "Phone survey of clients for the marketing research.",
          submit: true,
        },
      });
      expect(response.status()).toBe(201);
      const created = await response.json();
      expect(created.status).toBe("submitted");
      expect(created.ruleResults.blocked).toBe(true);
      expect(created.ruleResults.results.find((r: { ruleId: string }) => r.ruleId === "B2")).toMatchObject({ ok: false, severity: "block", source: "KZ-PDL art. 17 p. 1" });
      blockedUrl = `/transfers/${created.id}`;
    });
  });

  for (const role of ["dpo", "admin"] as const) {
    test.describe(`as ${role}`, () => {
      test.use({ storageState: storageFor(role) });
      test("shows why, and cannot be approved", async ({ page }) => {
        await page.goto(blockedUrl);
        const alert = page.getByTestId("blocked-alert");
        await expect(alert).toContainText("The rules block this request: nobody can approve it");
        await expect(alert).toContainText("B2");
        // The register's names of the data items, not their keys.
        await expect(alert).toContainText("Key Business Solutions LLC: research under purpose C8 would receive direct identifiers: phone and full name.");
        await expect(page.getByTestId("decision-panel").getByRole("button", { name: "Approve" })).toBeDisabled();
        await expect(page.getByTestId("decision-panel").getByRole("button", { name: "Reject" })).toBeEnabled();
      });
    });
  }

  test.describe("in Russian", () => {
    test.use({ storageState: storageFor("dpo") });
    test("the DPO reads why in Russian: the rule's reason names the register's facts in Russian, no English sentence", async ({ page, baseURL }) => {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "ru", url: baseURL! }]);
      await page.goto(blockedUrl);
      const alert = page.getByTestId("blocked-alert");
      await expect(alert).toContainText("B2");
      await expect(alert).toContainText("ООО «Ключевые Бизнес Решения»: для исследования по цели C8 передавались бы прямые идентификаторы: номер телефона и Ф.И.О.");
      const b2 = page.getByRole("table").locator('[data-rule="B2"]');
      await expect(b2).toContainText("Запрещает");
      await expect(b2).toContainText("п. 1 ст. 17 Закона РК о персональных данных");
      // Latin script only in rule ids and purpose codes: every reason and source is in Russian.
      const codes = /\b(REG-ACTIVE|B\d(-[A-Z]+)?|C\d+)\b/g;
      expect((await alert.innerText()).replace(codes, "")).not.toMatch(/[A-Za-z]/);
      expect((await page.getByRole("table").innerText()).replace(codes, "")).not.toMatch(/[A-Za-z]/);
      await page.screenshot({ path: "test-results/blocked-request-ru.png", fullPage: true });
    });
  });
});

test.describe("an auditor", () => {
  test.use({ storageState: storageFor("auditor") });

  test("sees the approval with its timeline, read-only", async ({ page }) => {
    await page.goto("/transfers");
    await expect(page.getByRole("link", { name: "All approvals" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("link", { name: "New request" })).toHaveCount(0);
    await page.getByLabel("Status").selectOption("approved");
    await expect(page).toHaveURL(/status=approved/);
    await page.getByRole("link", { name: `Request No. ${requestNumber}`, exact: true }).click();

    await expect(page.getByTestId("transfer-status")).toHaveText("Approved");
    await expect(page.getByTestId("approval")).toContainText("Analytics under the DPA of 10 Jan 2025");
    const timeline = page.getByRole("list", { name: "Timeline" });
    const steps = timeline.getByRole("listitem");
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toContainText("Created");
    await expect(steps.nth(0)).toContainText("engineer@qplus.local");
    await expect(steps.nth(1)).toContainText("Submitted");
    await expect(steps.nth(2)).toContainText("Approved");
    await expect(steps.nth(2)).toContainText("Awaiting decision");
    await expect(steps.nth(2)).toContainText("dpo@qplus.local");
    await expect(steps.nth(2)).toContainText("Reason: Analytics under the DPA");
    // Each check's rule results, with rule id, outcome, reason and source.
    await steps.nth(2).locator("summary").click();
    await expect(steps.nth(2).locator('[data-rule="B1"]')).toContainText("KZ-PDL art. 16 p. 2-3");
    await expect(page.getByTestId("decision-panel")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Revoke approval" })).toHaveCount(0);
  });
});

test.describe("engineers' tooling", () => {
  test.use({ storageState: storageFor("engineer") });

  test("a personal token files and reads requests through the API; bad input gets problem+json and writes nothing", async ({ page, playwright }) => {
    await page.goto("/profile/tokens");
    await page.getByLabel("Name").fill("my-cli");
    await page.getByLabel("Expires on").fill(`${new Date().getFullYear() + 1}-01-01`);
    await expect(page.getByRole("checkbox", { name: "transfers.decide" })).toHaveCount(0);
    await page.getByRole("checkbox", { name: "transfers.request" }).click();
    await page.getByRole("checkbox", { name: "transfers.read" }).click();
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("token-value").textContent())!;
    expect(token).toMatch(/^qpt_/);

    const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const halyk = (await (await page.request.get("/api/v1/recipients?q=halyk")).json()).rows[0].id;
    const bad = await api.post("/api/v1/transfer-requests", { data: { recipientId: halyk, purposeCodes: [], mode: "weekly", submit: true } });
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toContain("application/problem+json");
    expect(Object.keys((await bad.json()).errors)).toEqual(expect.arrayContaining(["purposeCodes", "dataItems", "mode", "justification"]));

    const created = await api.post("/api/v1/transfer-requests", {
      data: {
        recipientId: halyk,
        purposeCodes: ["C3"],
        subjectCategories: ["clients"],
        populations: ["kz-subjects"],
        dataItems: ["financial: e-money operations (amount, time and date, purpose, recipients)"],
        actions: ["storage", "use"],
        mode: "recurring",
        periodStart: new Date().toISOString().slice(0, 10),
        periodEnd: `${new Date().getFullYear() + 1}-06-30`,
        expectedVolume: 40000,
        volumePeriod: "day",
        sendingSystem: "payments-core",
        justification: "Wallet top-ups: issue and redeem e-money.",
        submit: true,
      },
    });
    expect(created.status()).toBe(201);
    const { id, location } = { ...(await created.json()), location: created.headers().location };
    expect(location).toBe(`/api/v1/transfer-requests/${id}`);
    const read = await (await api.get(location)).json();
    expect(read).toMatchObject({ status: "submitted", requester: "engineer@qplus.local (token my-cli)" });
    // Halyk Bank has no contract recorded in this run: B6-CONTRACT blocks, and says what to do.
    expect(read.ruleResults.results.find((r: { ruleId: string }) => r.ruleId === "B6-CONTRACT").reason).toContain("Record the contract");
    expect(read.timeline.map((e: { action: string }) => e.action)).toEqual(["created", "submitted"]);
    const mine = await (await api.get("/api/v1/transfer-requests?view=mine")).json();
    expect(mine.rows.map((r: { id: string }) => r.id)).toContain(id);
    await api.dispose();
  });
});
