import { test, expect, signIn, PASSWORD } from "./fixtures";
import { signInOverHttp } from "./http-sign-in";

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

test("five failures lock the account even for the right password, and the lock answers exactly as a wrong password does", async ({ page, baseURL }) => {
  // The failures come from another loopback address, so the browser's own address stays clear.
  const from = { localAddress: "127.0.0.31" };
  const answers = [];
  for (let i = 0; i < 5; i++) answers.push(await signInOverHttp(baseURL!, "sts@qplus.local", `wrong-${i}`, from));
  const locked = await signInOverHttp(baseURL!, "sts@qplus.local", PASSWORD, from);
  // The same redirect for every failure: nothing (such as code=throttled) says the account is locked.
  for (const answer of [...answers, locked]) {
    expect(answer.session).toBeNull();
    expect(answer.location).toBe(answers[0].location);
  }
  expect(answers[0].location).toMatch(/\/login\?error=CredentialsSignin&code=credentials$/);
  // And in the browser, from its own address: the right password gets the one generic message.
  await signIn(page, "nobody@qplus.local", "whatever-password");
  const wrong = await page.getByTestId("sign-in-error").textContent();
  await signIn(page, "sts@qplus.local");
  await expect(page.getByTestId("sign-in-error")).toHaveText(wrong!);
  await expect(page).toHaveURL(/\/login/);
});

test("an address is locked by its socket: a new X-Forwarded-For or a forged peer header does not escape, and another account's success does not reset it", async ({ baseURL }) => {
  const attacker = "127.0.0.32";
  // Each attempt claims to come from somewhere else, in both headers a client could try.
  const disguise = (i: number) => ({ localAddress: attacker, headers: { "x-forwarded-for": `203.0.113.${i}`, "x-qplus-peer-address": `198.51.100.${i}` } });
  for (let i = 0; i < 19; i++) expect((await signInOverHttp(baseURL!, `guess-${i}@qplus.local`, "guess", disguise(i))).session).toBeNull();
  // The attacker signs in to an account of their own: that does not wipe the address's failures.
  expect((await signInOverHttp(baseURL!, "auditor@qplus.local", PASSWORD, disguise(100))).session).not.toBeNull();
  expect((await signInOverHttp(baseURL!, "guess-19@qplus.local", "guess", disguise(101))).session).toBeNull();
  // Twenty failures: now even the right password of an account that never failed is refused from there…
  const refused = await signInOverHttp(baseURL!, "support@qplus.local", PASSWORD, disguise(102));
  expect(refused.session).toBeNull();
  expect(refused.location).toMatch(/code=credentials$/);
  // …and accepted from any other address.
  expect((await signInOverHttp(baseURL!, "support@qplus.local", PASSWORD, { localAddress: "127.0.0.33" })).session).not.toBeNull();
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
