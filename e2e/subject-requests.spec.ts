import fs from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { test, expect, storageFor } from "./fixtures";
import type { Page } from "@playwright/test";

/**
 * Issue #7, "done when" (the request side): the DPO records a Russian citizen's access request on a
 * Friday before a public holiday and sees the right deadline, answers it from a template; records a
 * deletion request that AML retention blocks and closes it with a reasoned refusal; records another
 * deletion request and completes it. A support agent records and works requests but does not decide.
 */
test.describe.configure({ mode: "serial" });

type NewRequest = { idKind?: string; id: string; law: string; receivedOn?: string; channel: string; contact?: string; right: string; ground?: string; purposes: string[]; language?: string };

async function record(page: Page, r: NewRequest) {
  await page.goto("/subject-requests");
  await page.getByRole("link", { name: "Record a request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a data-subject request" })).toBeVisible();
  if (r.idKind) await page.getByLabel("Identified by").selectOption({ label: r.idKind });
  await page.getByLabel("Identifier", { exact: true }).fill(r.id);
  await page.getByLabel("Applicable law").selectOption({ label: r.law });
  if (r.receivedOn) await page.getByLabel("Received on").fill(r.receivedOn);
  await page.getByLabel("Channel").selectOption({ label: r.channel });
  if (r.contact) await page.getByLabel("Contact address for the answer").fill(r.contact);
  await page.getByLabel("Right exercised").selectOption({ label: r.right });
  if (r.ground) await page.getByLabel("Ground for deletion").selectOption({ label: r.ground });
  if (r.language) await page.getByLabel("Language of the answer").selectOption({ label: r.language });
  for (const code of r.purposes) await page.getByRole("checkbox", { name: new RegExp(`^${code} `) }).click();
  await page.getByRole("button", { name: "Record the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Request No\. \d+$/ })).toBeVisible();
  return page.url();
}

async function startWork(page: Page) {
  await page.getByRole("button", { name: "Start work" }).click();
  await expect(page.getByTestId("subject-request-status").first()).toHaveText("In progress");
  await expect(page.getByTestId("answer-panel")).toBeVisible();
}

test.describe("the DPO", () => {
  test.use({ storageState: storageFor("dpo") });

  test("records a Russian citizen's access request of Friday 8 May 2026 and sees it due after the Monday holiday: 25 May", async ({ page }) => {
    // Bad input is refused at the field, and nothing is recorded.
    await page.goto("/subject-requests/new");
    await page.getByLabel("Identifier", { exact: true }).fill("not-a-wallet");
    await page.getByRole("button", { name: "Record the request" }).click();
    await expect(page.getByText("A wallet number has 6 to 20 digits.")).toBeVisible();
    await expect(page.getByText("An email request needs the email address to answer to.")).toBeVisible();
    await expect(page.getByText("Choose at least one purpose.")).toBeVisible();

    await record(page, {
      id: "77010000001",
      law: "Russia's law (a Russian citizen)",
      receivedOn: "2026-05-08",
      channel: "Email",
      contact: "client@example.ru",
      right: "Information on processing",
      purposes: ["C3", "C12"],
      language: "Russian",
    });
    // 10 working days on Russia's calendar: Mon 11 May (Victory Day carried over) does not count.
    await expect(page.getByTestId("due-on")).toHaveText("May 25, 2026");
    await expect(page.getByTestId("deadline-period")).toHaveText("10 working days");
    await expect(page.getByText("Rule C2: RU-152 art. 20")).toBeVisible();
    await expect(page.getByText("Answer an access request")).toBeVisible();
    // Long past by now: overdue is said in words, with an icon, not by colour alone.
    await expect(page.getByTestId("deadline-badge").first()).toHaveAttribute("data-urgency", "overdue");
    await expect(page.getByTestId("deadline-badge").first()).toContainText("Overdue by");
  });

  test("answers it from the Russian template, which names the recipients and the cross-border transfer to Russia", async ({ page }) => {
    await page.goto("/subject-requests?status=all&q=77010000001");
    await page.getByRole("link", { name: /^Request No\. \d+$/ }).first().click();
    await startWork(page);
    const text = page.getByLabel("Text of the answer");
    await expect(text).toHaveValue(/Трансграничная передача ваших данных осуществляется: АО «КИВИ» \(Россия\)/);
    await expect(text).toHaveValue(/обращение от 8 мая 2026 г\./);
    await expect(text).toHaveValue(/Роскомнадзор/);
    await expect(page.getByLabel("Subject line")).toHaveValue(/^Ваше обращение о персональных данных № \d+$/);
    // The DPO may switch the language and edit the text before recording it.
    await page.getByLabel("Language of the answer").selectOption({ label: "English" });
    await page.getByRole("button", { name: "Fill from the template" }).click();
    await expect(text).toHaveValue(/Cross-border transfer of your data takes place to: .*QIWI JSC \(Russia\)/);
    await text.fill(`${await text.inputValue()}\nP.S. Call us if anything is unclear.`);
    await page.getByRole("button", { name: "Record the answer" }).click();
    await expect(page.getByTestId("subject-request-status").first()).toHaveText("Answered");
    await expect(page.getByTestId("answer-text")).toContainText("QIWI JSC (Russia)");
    await expect(page.getByTestId("answer-text")).toContainText("P.S. Call us if anything is unclear.");
    await expect(page.getByRole("list", { name: "Timeline" }).locator('[data-action="answered"]')).toContainText("dpo@qplus.local");
  });

  test("records a deletion request that AML retention blocks, and can only close it with a reasoned refusal", async ({ page }) => {
    await record(page, { id: "77010000002", law: "Kazakhstan's law (any client)", channel: "Post", right: "Deletion", ground: "Consent was withdrawn", purposes: ["C3"] });
    await expect(page.getByTestId("deadline-period")).toHaveText("1 working day");
    await startWork(page);
    await expect(page.getByTestId("retention-check")).toContainText("C3: kept under AML-11-4; the period has not started");

    // Granting it in full is refused by the server, at the field.
    await page.getByRole("button", { name: "Record the answer" }).click();
    await expect(page.getByTestId("answer-error-outcome")).toHaveText(/A retention law still keeps some of this data/);

    await page.getByLabel("Outcome").selectOption({ label: "Refused" });
    await page.getByRole("button", { name: "Record the answer" }).click();
    await expect(page.getByTestId("answer-error-legalGroundCode")).toHaveText("Choose the legal ground of the decision.");
    await expect(page.getByTestId("answer-error-reason")).toBeVisible();

    await page.getByLabel("Legal ground").selectOption("AML-11-4");
    await page.getByLabel("Reasons for the decision").fill("The client's wallet operations must be kept for 5 years after the contract ends (AML law).");
    await page.getByRole("button", { name: "Fill from the template" }).click();
    await expect(page.getByLabel("Text of the answer")).toHaveValue(/Legal ground: AML\/CFT law No\. 191-IV/);
    await page.getByRole("button", { name: "Record the answer" }).click();
    await expect(page.getByTestId("subject-request-status").first()).toHaveText("Refused");
    await expect(page.getByTestId("legal-ground")).toContainText("AML-11-4");
    await expect(page.getByTestId("retained-purposes")).toContainText("C3");
    await expect(page.getByTestId("deletion-act")).toHaveCount(0);
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline.getByText("Why: The client's wallet operations must be kept")).toBeVisible();
  });

  test("records another deletion whose retention has run out and completes it: the deletion act's facts are on the page", async ({ page }) => {
    await record(page, { idKind: "Login (phone number)", id: "+77011234567", law: "Kazakhstan's law (any client)", channel: "Post", right: "Deletion", ground: "The retention period expired", purposes: ["C7"], language: "Kazakh" });
    await startWork(page);
    await page.getByLabel("Retention period started on").fill("2022-01-10");
    await page.getByRole("button", { name: "Fill from the template" }).click();
    await expect(page.getByTestId("retention-check")).toContainText("No retention law keeps this data any more.");
    await expect(page.getByLabel("Text of the answer")).toHaveValue(/Осы мақсаттар үшін дербес деректеріңіз жойылды/);
    await page.getByRole("button", { name: "Record the answer" }).click();
    await expect(page.getByTestId("subject-request-status").first()).toHaveText("Answered");
    const act = page.getByTestId("deletion-act");
    await expect(act.getByRole("heading", { name: "Deletion act" })).toBeVisible();
    await expect(act).toContainText("+77011234567");
    await expect(act.getByTestId("deletion-data-items")).toContainText("email");
    await expect(act).toContainText("dpo@qplus.local");
    const requestUrl = page.url();

    // The deletion act (policy 4.4) starts from the request: subject, purposes and reason are filled in.
    await act.getByRole("link", { name: "Make the deletion act" }).click();
    await expect(page.getByText("Filled in from a data-subject request.")).toBeVisible();
    await expect(page.getByLabel("Identifier value")).toHaveValue("+77011234567");
    await expect(page.getByRole("checkbox", { name: /^C7 — / })).toBeChecked();
    await page.getByRole("checkbox", { name: /email/ }).click();
    await page.getByLabel("Systems").fill("crm-marketing");
    await page.getByLabel("Method").selectOption({ label: "Erasure from the information systems" });
    await page.getByLabel("Legal ground").fill("KZ-PDL art. 18: the retention period expired; the subject asked for deletion");
    await page.getByLabel("Executor").selectOption({ label: (await page.getByLabel("Executor").locator("option", { hasText: "engineer@qplus.local" }).textContent())! });
    await page.getByRole("button", { name: "Save the act" }).click();
    await expect(page).toHaveURL(/\/deletion-acts\/[0-9a-f-]{36}$/);
    const number = /DA-\d{4}-\d{4}/.exec((await page.getByRole("heading", { level: 1 }).textContent())!)![0];
    await expect(page.getByTestId("act-subject")).toHaveText("+77011234567");

    // The PDF names the act, the subject and the data; the download is on the act's trail.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the act (PDF)" }).click()]);
    const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(number);
    expect(flat).toContain("+77011234567");
    await page.reload();
    await expect(page.getByTestId("act-event-download").first()).toContainText("dpo@qplus.local");

    // And the request links to its act.
    await page.goto(requestUrl);
    await expect(page.getByTestId("deletion-act").getByRole("link", { name: `Open act ${number}` })).toBeVisible();
  });

  test("the queue puts the nearest deadline first and marks overdue unmistakably; the dashboard counts them", async ({ page }) => {
    await record(page, { id: "77010000003", law: "Russia's law (a Russian citizen)", receivedOn: "2026-05-08", channel: "Post", right: "Rectification", purposes: ["C2"] });
    await page.goto("/subject-requests");
    const rows = page.getByRole("table", { name: "Data-subject requests" }).getByRole("row");
    await expect(rows.nth(1)).toHaveAttribute("data-urgency", "overdue");
    await expect(rows.nth(1).getByTestId("deadline-badge")).toContainText("Overdue by");
    await page.getByLabel("Status").selectOption({ label: "Open and overdue" });
    await expect(page).toHaveURL(/status=overdue/);
    await expect(rows).toHaveCount(2);
    await page.screenshot({ path: "test-results/subject-requests-queue.png", fullPage: true });
    await page.goto("/");
    await expect(page.getByTestId("subject-requests-overdue")).toHaveText("1");
    // Other specs may have left open requests of their own: at least this run's one is counted.
    expect(Number(await page.getByTestId("subject-requests-open").textContent())).toBeGreaterThanOrEqual(1);
  });
});

test.describe("a support agent", () => {
  test.use({ storageState: storageFor("support") });

  test("records and takes a request in hand, but the DPO decides", async ({ page }) => {
    await record(page, { id: "77010000004", law: "Kazakhstan's law (any client)", channel: "Post", right: "Blocking", purposes: ["C5"] });
    await page.getByRole("button", { name: "Start work" }).click();
    await expect(page.getByTestId("subject-request-status").first()).toHaveText("In progress");
    await expect(page.getByTestId("answer-panel")).toHaveCount(0);
    await expect(page.getByText("The data protection officer decides and answers.")).toBeVisible();
    // No register writes for support.
    expect((await page.goto("/registry/recipients/new"))?.status()).toBe(403);
  });
});
