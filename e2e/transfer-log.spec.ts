import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { test, expect, storageFor } from "./fixtures";

/** The admin creates a service token in the UI; the token is shown once. */
async function createServiceToken(page: import("@playwright/test").Page, name: string, scopes: string[]) {
  await page.goto("/admin/tokens");
  // The form is a client component: type once it is hydrated, or React resets the field. On a
  // loaded machine hydration can end after "networkidle", so type again until the value stays.
  await page.waitForLoadState("networkidle");
  await expect(async () => {
    await page.getByLabel("Name").fill(name);
    await expect(page.getByLabel("Name")).toHaveValue(name, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  for (const s of scopes) await page.getByRole("checkbox", { name: s, exact: true }).click();
  const inAYear = new Date(Date.now() + 365 * 86400_000).toISOString().slice(0, 10);
  await page.getByLabel("Expires on").fill(inAYear);
  await page.getByRole("button", { name: "Create service token" }).click();
  const token = (await page.getByTestId("token-value").textContent())!.trim();
  expect(token).toMatch(/^qpt_/);
  return token;
}

function verify(file: string) {
  try {
    return { code: 0, out: execFileSync("npx", ["tsx", "lib/transfer-log/cli.ts", file], { encoding: "utf8" }) };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

test.describe.serial("transfers are reported, logged, downloaded and verified offline", () => {
  let token = "";
  let first = 0;

  test("an admin creates a service token; systems report transfers with it", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageFor("admin") });
    const page = await admin.newPage();
    token = await createServiceToken(page, "wallet-core", ["transfers.ingest"]);
    await expect(page.getByRole("table", { name: "API tokens" })).toContainText("wallet-core");
    await admin.close();
  });

  test("a batch is logged with gap-free seqs; events without an approval are flagged, nothing is dropped", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const events = Array.from({ length: 120 }, (_, i) => ({
      occurredAt: new Date(Date.UTC(2026, 10, 20, 8, 0, i)).toISOString(),
      recipient: i % 3 === 0 ? "qiwi-jsc" : "halyk-bank",
      purposes: i % 3 === 0 ? ["V1"] : ["C3"],
      dataItems: i % 3 === 0 ? ["online: cookies: analytical"] : ["financial: balance"],
      recordCount: 100 + i,
      subjectPopulations: ["kz-subjects"],
      sendingSystem: "wallet-core",
      destinationCountry: i % 3 === 0 ? "RU" : "KZ",
      idempotencyKey: `e2e-${i}`,
    }));
    const res = await api.post("/api/v1/transfers", { data: { events } });
    expect(res.status()).toBe(201);
    const { results } = await res.json();
    expect(results).toHaveLength(120);
    const seqs = results.map((r: { seq: number }) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 120 }, (_, i) => seqs[0] + i));
    first = seqs[0];
    expect(results[0].flags.map((f: { code: string }) => f.code)).toContain("no-approval");

    // A retry of the same events returns the first answers and logs nothing new.
    const retry = await api.post("/api/v1/transfers", { data: { events: events.slice(0, 5) } });
    expect(retry.status()).toBe(200);
    const again = (await retry.json()).results;
    expect(again.map((r: { seq: number; duplicate: boolean }) => [r.seq, r.duplicate])).toEqual(seqs.slice(0, 5).map((s: number) => [s, true]));

    // Bad input names each bad field and writes nothing.
    const bad = await api.post("/api/v1/transfers", { data: [{ ...events[0], idempotencyKey: "bad-1", recordCount: -1, recipient: "nobody" }] });
    expect(bad.status()).toBe(400);
    const problem = await bad.json();
    expect(problem.errors).toMatchObject({ "events.0.recordCount": "positive" });
    // A transfer reported as happening a day from now is logged, and flagged.
    const future = await api.post("/api/v1/transfers", { data: { ...events[1], sendingSystem: "clock-drift", idempotencyKey: "e2e-future", occurredAt: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(future.status()).toBe(201);
    expect((await future.json()).results[0].flags.map((f: { code: string }) => f.code)).toContain("occurred-in-future");
    // A token without the scope, or none, is refused.
    const anon = await playwright.request.newContext({ baseURL });
    expect((await anon.post("/api/v1/transfers", { data: events[0] })).status()).toBe(401);
    await api.dispose();
    await anon.dispose();
  });

  test("an auditor downloads a bundle that verifies offline; one changed byte fails and names the entry", async ({ browser }) => {
    const auditor = await browser.newContext({ storageState: storageFor("auditor") });
    const bundle = await auditor.request.get(`/api/v1/log/bundle?from=${first}&to=${first + 119}`);
    expect(bundle.status()).toBe(200);
    expect(bundle.headers()["x-total-count"]).toBe("120");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qplus-bundle-"));
    const file = path.join(dir, "bundle.jsonl");
    fs.writeFileSync(file, await bundle.body());
    const ok = verify(file);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/OK: 120 entries/);

    const text = fs.readFileSync(file, "utf8");
    const tampered = text.replace('"recordCount":150,', '"recordCount":151,');
    expect(tampered).not.toBe(text);
    fs.writeFileSync(file, tampered);
    const fail = verify(file);
    expect(fail.code).toBe(1);
    expect(fail.out).toMatch(new RegExp(`FAIL: .*seq ${first + 50}`));

    // A bundle of a later range carries the prefix and verifies too.
    const part = await auditor.request.get(`/api/v1/log/bundle?from=${first + 40}&to=${first + 79}`);
    fs.writeFileSync(file, await part.body());
    expect(verify(file).code).toBe(0);

    const csv = await auditor.request.get("/api/v1/log/export?format=csv&flagged=1&system=wallet-core");
    expect(csv.headers()["x-total-count"]).toBe("120");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toContain("idempotencyKey");
    expect(lines).toHaveLength(121);
    await auditor.close();
  });

  test("a bundle asked for by date verifies with the published keys pinned; an on-demand final checkpoint is listed like any other", async ({ browser }) => {
    const auditor = await browser.newContext({ storageState: storageFor("auditor") });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qplus-bundle-"));
    const keysFile = path.join(dir, "keys.json");
    fs.writeFileSync(keysFile, await (await auditor.request.get("/api/v1/log/keys")).body());

    // The earlier range bundle (first+40..first+79) ended on a checkpoint signed for it.
    const listed = (await (await auditor.request.get("/api/v1/log/checkpoints")).json()) as { checkpoints: Array<{ treeSize: number }> };
    expect(listed.checkpoints.map((c) => c.treeSize)).toContain(first + 80);

    // Everything logged from yesterday through today (Almaty days; `loggedTo` inclusive).
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const byDate = await auditor.request.get(`/api/v1/log/bundle?loggedFrom=${day(-1)}&loggedTo=${day(1)}`);
    expect(byDate.status()).toBe(200);
    expect(Number(byDate.headers()["x-total-count"])).toBeGreaterThanOrEqual(120);
    const file = path.join(dir, "by-date.jsonl");
    fs.writeFileSync(file, await byDate.body());
    const ok = (() => {
      try {
        return { code: 0, out: execFileSync("npx", ["tsx", "lib/transfer-log/cli.ts", "--keys", keysFile, file], { encoding: "utf8" }) };
      } catch (err) {
        const e = err as { status: number; stdout: string };
        return { code: e.status, out: e.stdout };
      }
    })();
    expect(ok.code, ok.out).toBe(0);

    // A window with nothing in it is a 404; seq and dates together are refused, naming the field.
    expect((await auditor.request.get("/api/v1/log/bundle?loggedFrom=2001-01-01&loggedTo=2001-01-31")).status()).toBe(404);
    const both = await auditor.request.get(`/api/v1/log/bundle?from=0&to=1&loggedFrom=${day(0)}&loggedTo=${day(0)}`);
    expect(both.status()).toBe(400);
    expect((await both.json()).errors).toMatchObject({ loggedFrom: "seqOrTime" });
    await auditor.close();
  });

  test("refused reads of the log are recorded in the access log, from the API and from pages, signed in or not", async ({ browser, playwright, baseURL }) => {
    const support = await browser.newContext({ storageState: storageFor("support") });
    expect((await support.request.get("/api/v1/log/entries")).status()).toBe(403);
    const page = await support.newPage();
    const res = await page.goto("/log");
    expect(res?.status()).toBe(403);
    await support.close();
    const anon = await playwright.request.newContext({ baseURL });
    expect((await anon.get("/api/v1/log/bundle?from=0&to=0")).status()).toBe(401);
    await anon.dispose();
    const auditor = await browser.newContext({ storageState: storageFor("auditor") });
    expect((await auditor.request.get("/api/v1/log/bundle?from=0&to=999999999")).status()).toBe(400);

    type Access = { actorLabel: string; principalKind: string; action: string; detail: { outcome?: string; status?: number; path?: string } };
    const events = async (actor: string) => ((await (await auditor.request.get(`/api/v1/log/access?actor=${encodeURIComponent(actor)}&limit=50`)).json()) as { events: Access[] }).events;
    const refused = (list: Access[]) => list.filter((e) => e.detail.outcome === "refused").map((e) => [e.action, e.detail.status, e.detail.path]);
    expect(refused(await events("support@qplus.local"))).toEqual(expect.arrayContaining([["api-list", 403, "/api/v1/log/entries"], ["view-list", 403, "/log"]]));
    expect(refused(await events("anonymous"))).toContainEqual(["download-bundle", 401, "/api/v1/log/bundle"]);
    expect(refused(await events("auditor@qplus.local"))).toContainEqual(["download-bundle", 400, "/api/v1/log/bundle"]);
    // A served read is recorded once, as served.
    const served = (await events("auditor@qplus.local")).filter((e) => e.action === "download-bundle" && e.detail.outcome === undefined);
    expect(served.length).toBeGreaterThan(0);

    // The access log page marks refusals.
    const ap = await auditor.newPage();
    await ap.goto("/log/access?actor=support%40qplus.local");
    await expect(ap.getByRole("table", { name: "Access log" })).toContainText("Refused (403)");
    await auditor.close();
  });

  test("the state technical service reads the log and cannot write anything", async ({ browser }) => {
    const sts = await browser.newContext({ storageState: storageFor("sts") });
    const jsonl = await sts.request.get("/api/v1/log/export?format=jsonl&crossBorder=yes&system=wallet-core");
    expect(jsonl.status()).toBe(200);
    const rows = (await jsonl.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(rows).toHaveLength(40);
    expect(rows.every((r: { destinationCountry: string }) => r.destinationCountry === "RU")).toBe(true);
    expect((await sts.request.post("/api/v1/transfers", { data: {} })).status()).toBe(403);
    expect((await sts.request.post("/api/v1/recipients", { data: {} })).status()).toBe(403);
    await sts.close();
  });
});
