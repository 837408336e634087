import { test, expect, ROLES, storageFor, type Role } from "./fixtures";
import { API, PAGES, type Access } from "../lib/auth/access-table";
import { can } from "../lib/auth/permissions";

/** What each role (or anonymous) should get, from the one table and the role → permission map. */
function allowed(access: Access, role: Role | "anonymous") {
  if (access === "public") return true;
  if (role === "anonymous") return false;
  return access === "signedIn" || can(role, access);
}

let recipientId = "";
let transferRequestId = "";
let subjectRequestId = "";
test.beforeAll(async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: storageFor("auditor") });
  const list = await (await ctx.request.get("/api/v1/recipients?q=halyk")).json();
  recipientId = list.rows[0].id;
  await ctx.close();
  // A submitted request (drafts are their requester's only), so every role with transfers.read sees it.
  const engineer = await browser.newContext({ storageState: storageFor("engineer") });
  const created = await engineer.request.post("/api/v1/transfer-requests", {
    data: {
      recipientId,
      purposeCodes: ["C3"],
      subjectCategories: ["clients"],
      populations: ["kz-subjects"],
      dataItems: ["financial: balance"],
      actions: ["storage"],
      mode: "one-off",
      periodStart: new Date().toISOString().slice(0, 10),
      expectedVolume: 1,
      volumePeriod: "once",
      sendingSystem: "authorization test",
      justification: "A request for the authorization test.",
      submit: true,
    },
  });
  expect(created.status()).toBe(201);
  transferRequestId = (await created.json()).id;
  await engineer.close();
  // A data-subject request, recorded by the DPO, for the pages that show one.
  const dpo = await browser.newContext({ storageState: storageFor("dpo") });
  const recorded = await dpo.request.post("/api/v1/subject-requests", {
    data: { subjectIdKind: "wallet", subjectId: "77010000001", law: "KZ", channel: "post", right: "information", purposeCodes: ["C3"], answerLocale: "ru", receivedOn: new Date().toISOString().slice(0, 10) },
  });
  expect(recorded.status()).toBe(201);
  subjectRequestId = (await recorded.json()).id;
  await dpo.close();
});
const concrete = (path: string) => path.replace(":recipient", recipientId).replace(":transferRequest", transferRequestId).replace(":subjectRequest", subjectRequestId);

for (const role of ["anonymous", ...ROLES] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: role === "anonymous" ? { cookies: [], origins: [] } : storageFor(role) });

    test("every page answers as the table says", async ({ page }) => {
      // Every page of the table in turn (over forty and growing), rendered on a shared two-core machine.
      test.setTimeout(240_000);
      for (const entry of PAGES) {
        const response = await page.goto(concrete(entry.path));
        const label = `${role} → ${entry.path}`;
        if (allowed(entry.access, role)) {
          expect(entry.absent ? [200, 404] : [200], label).toContain(response?.status());
          expect(page.url(), label).not.toContain("/login?");
        } else if (role === "anonymous") {
          expect(page.url(), label).toContain("/login?callbackUrl=");
        } else {
          expect(response?.status(), label).toBe(403);
        }
      }
    });

    test("every endpoint answers as the table says", async ({ page }) => {
      for (const entry of API) {
        const response = await page.request.fetch(concrete(entry.path), { method: entry.method, data: entry.body, maxRedirects: 0 });
        const label = `${role} → ${entry.method} ${entry.path}`;
        if (allowed(entry.access, role)) {
          expect(entry.absent ? [200, 201, 400, 404] : [200, 201, 400], label).toContain(response.status());
        } else {
          expect(response.status(), label).toBe(role === "anonymous" ? 401 : 403);
          expect(response.headers()["content-type"], label).toContain("application/problem+json");
        }
      }
    });
  });
}
