import fs from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { test, expect, storageFor } from "./fixtures";

/**
 * Issue #7 parts 3–4: the DPO records a completed deletion as an act (the engineer executed it),
 * another person approves it (four eyes), the DPO downloads the PDF and the download is recorded
 * in the act's trail. Plus the retention schedule, and the form's prefill from a subject request.
 */
test.describe.configure({ mode: "serial" });

let actUrl = "";
let actNumber = "";
const WALLET = "77015550123";
const REQUEST_ID = "0b7e9c44-1d2a-4f6e-8c3b-5a9d7e2f1c00";

test.describe("the DPO records the act", () => {
  test.use({ storageState: storageFor("dpo") });

  test("the retention schedule lists the due cohorts and flags C12", async ({ page }) => {
    await page.goto("/retention");
    await expect(page.getByRole("heading", { level: 1, name: "Retention schedule" })).toBeVisible();
    await expect(page.getByTestId("attention-C12")).toContainText("deletes before the retention period ends");
    const due = page.getByRole("table", { name: "Due list by month" });
    await expect(due.getByRole("row").filter({ hasText: "C1" }).filter({ hasText: "data of contracts that ended in" }).first()).toBeVisible();
    await page.screenshot({ path: "test-results/retention.png", fullPage: true });
    const csv = await page.request.get("/api/v1/retention/export");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("due_month,purpose,trigger,cohort_month,years,also_after");
  });

  test("the form is prefilled from a data-subject request", async ({ page }) => {
    await page.goto(`/deletion-acts/new?subjectRequest=${REQUEST_ID}&subject=wallet:${WALLET}&purposes=C7,C99`);
    await expect(page.getByText("Filled in from a data-subject request.")).toBeVisible();
    await expect(page.getByLabel("Identifier", { exact: true })).toHaveValue("wallet");
    await expect(page.getByLabel("Identifier value")).toHaveValue(WALLET);
    await expect(page.getByRole("checkbox", { name: /^C7 — / })).toBeChecked();
    await expect(page.getByLabel("Reason")).toHaveValue("subject-request");
  });

  test("errors show at their fields, then the act is saved with its number, awaiting approval", async ({ page }) => {
    await page.goto("/deletion-acts");
    await page.getByRole("link", { name: "New act" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New deletion act" })).toBeVisible();
    await page.getByRole("button", { name: "Save the act" }).click();
    await expect(page.getByText("Name at least one system the data was deleted from.")).toBeVisible();
    await expect(page.getByText("State the legal ground (at least 5 characters).")).toBeVisible();
    await expect(page.getByLabel("Systems")).toHaveAttribute("aria-invalid", "true");

    await page.goto(`/deletion-acts/new?subject=wallet:${WALLET}&purposes=C7`);
    await page.getByRole("checkbox", { name: /email/ }).click();
    await page.getByLabel("Systems").fill("crm-marketing\nmailer");
    await page.getByLabel("Reason").selectOption({ label: "Consent was withdrawn" });
    await page.getByLabel("Method").selectOption({ label: "Erasure from the information systems" });
    await page.getByLabel("Legal ground").fill("KZ-PDL art. 18; consent to marketing withdrawn by the subject");
    await page.getByRole("checkbox", { name: /^KZ-PDL — / }).click();
    await page.getByLabel("Executor").selectOption({ label: (await page.getByLabel("Executor").locator("option", { hasText: "engineer@qplus.local" }).textContent())! });
    await page.screenshot({ path: "test-results/deletion-act-form.png", fullPage: true });
    await page.getByRole("button", { name: "Save the act" }).click();

    await expect(page).toHaveURL(/\/deletion-acts\/[0-9a-f-]{36}$/);
    actUrl = page.url();
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText(/DA-\d{4}-\d{4}/);
    actNumber = /DA-\d{4}-\d{4}/.exec((await heading.textContent())!)![0];
    await expect(page.getByTestId("act-status")).toHaveText("Awaiting approval");
    await expect(page.getByTestId("act-subject")).toHaveText(WALLET);
    // The DPO recorded it: another person must approve it.
    await expect(page.getByText("You executed or recorded this act, so another person must approve it.")).toBeVisible();
    await expect(page.getByTestId("act-event-created")).toContainText("dpo@qplus.local");
    await page.screenshot({ path: "test-results/deletion-act-pending.png", fullPage: true });
  });
});

test.describe("another person approves", () => {
  test.use({ storageState: storageFor("admin") });

  test("the administrator approves the act (neither executor nor recorder)", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("acts-pending")).toHaveText("1");
    await page.goto(actUrl);
    await page.getByLabel("Comment").fill("Checked against the CRM deletion job log");
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByTestId("act-status")).toHaveText("Approved");
    await expect(page.getByTestId("act-approver")).toContainText("admin@qplus.local");
  });
});

test.describe("the DPO downloads the act", () => {
  test.use({ storageState: storageFor("dpo") });

  test("the PDF reads back in Kazakh and Russian, and the download is recorded", async ({ page }) => {
    await page.goto("/deletion-acts?q=" + WALLET);
    await page.getByRole("link", { name: actNumber }).click();
    await expect(page.getByLabel("Language of the PDF")).toHaveValue("kk-ru");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the act (PDF)" }).click()]);
    expect(download.suggestedFilename()).toBe(`${actNumber}-kk-ru.pdf`);
    const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(`АКТ № ${actNumber}`);
    expect(flat).toContain("дербес деректерді жою туралы");
    expect(flat).toContain(WALLET);
    expect(flat).toContain("crm-marketing");
    expect(flat).not.toContain("ПРОЕКТ");

    await page.reload();
    const recorded = page.getByTestId("act-event-download");
    await expect(recorded).toHaveCount(1);
    await expect(recorded).toContainText("dpo@qplus.local");
    await expect(recorded).toContainText("pdf · kk-ru");
    await page.screenshot({ path: "test-results/deletion-act-approved.png", fullPage: true });

    const json = await page.request.get(`/api/v1/deletion-acts/${actUrl.split("/").pop()}/json`);
    expect(await json.json()).toMatchObject({ number: actNumber, status: "approved", subject: { kind: "wallet", value: WALLET }, subjectRequestId: null });
    await page.reload();
    await expect(page.getByTestId("act-event-download")).toHaveCount(2);
  });

  test("an approved act is never changed: an annulment is a new act referencing it, with its reason", async ({ page }) => {
    await page.goto(actUrl);
    await page.getByRole("link", { name: "Annul this act" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Annulment of act ${actNumber}` })).toBeVisible();
    await expect(page.getByLabel("Identifier value")).toHaveValue(WALLET);
    await page.getByRole("button", { name: "Save the act" }).click();
    await expect(page.getByText("Say why (at least 5 characters).")).toBeVisible();
    await page.getByLabel("Why").fill("Recorded twice: the CRM job was reported by two teams");
    await page.getByRole("button", { name: "Save the act" }).click();
    await expect(page.getByText(`References act ${actNumber}.`)).toBeVisible();
    await expect(page.getByTestId("act-status")).toHaveText("Awaiting approval");
    await expect(page.getByRole("heading", { level: 1 })).not.toContainText(actNumber);
  });

  test("an engineer cannot see acts; an auditor reads but cannot record", async ({ browser }) => {
    const engineer = await browser.newContext({ storageState: storageFor("engineer") });
    expect((await (await engineer.newPage()).goto(actUrl))?.status()).toBe(403);
    await engineer.close();
    const auditor = await browser.newContext({ storageState: storageFor("auditor") });
    const page = await auditor.newPage();
    await page.goto("/deletion-acts");
    await expect(page.getByRole("link", { name: actNumber })).toBeVisible();
    await expect(page.getByRole("link", { name: "New act" })).toHaveCount(0);
    await auditor.close();
  });
});
