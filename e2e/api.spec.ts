import { test, expect, storageFor } from "./fixtures";

test.use({ storageState: storageFor("dpo") });

test("bad input to the API gets 400 problem+json naming each field, and writes nothing", async ({ page }) => {
  const response = await page.request.post("/api/v1/recipients", {
    data: { nameEn: "", countryCode: "RU", crossBorder: false, role: "reseller", transferPurposes: [] },
  });
  expect(response.status()).toBe(400);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({ type: "tag:qplus.kz,2026:problem:validation", status: 400 });
  expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(["nameEn", "role", "transferPurposes", "basis"]));
  const list = await (await page.request.get("/api/v1/recipients?status=all&pageSize=200")).json();
  expect(list.rows.some((r: { nameEn: string }) => r.nameEn === "")).toBe(false);
});

test("oversize and malformed bodies are refused", async ({ page }) => {
  const big = await page.request.post("/api/v1/recipients", { data: { nameEn: "x".repeat(300_000) } });
  expect(big.status()).toBe(413);
  const malformed = await page.request.post("/api/v1/recipients", { data: "{not json", headers: { "content-type": "application/json" } });
  expect(malformed.status()).toBe(400);
});

test("create, read, update with optimistic versions, and read the history through the API", async ({ page }) => {
  const data = { nameEn: "API Partner LLP", countryCode: "KZ", crossBorder: false, role: "processor", basis: "contract", transferPurposes: ["Support"] };
  const created = await page.request.post("/api/v1/recipients", { data });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const saved = await page.request.put(`/api/v1/recipients/${id}`, { data: { expectedVersion: 1, reason: "phone", data: { ...data, phone: "+7 700 000 0000" } } });
  expect(saved.status()).toBe(200);
  const stale = await page.request.put(`/api/v1/recipients/${id}`, { data: { expectedVersion: 1, data: { ...data, phone: "+7 700 111 1111" } } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).changes).toEqual([{ field: "phone", before: null, after: "+7 700 000 0000" }]);
  const history = await (await page.request.get(`/api/v1/recipients/${id}/history`)).json();
  expect(history.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
});

test("a download or report parameter outside its list gets 400 naming it, never the default", async ({ page }) => {
  for (const [url, field] of [
    ["/api/v1/recipients/export?format=xml", "format"],
    ["/api/v1/ropa/export?headers=fancy", "headers"],
    ["/api/v1/lint?lang=de", "lang"],
    ["/api/v1/log/export?format=xlsx", "format"],
  ] as const) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(400);
    expect((await res.json()).errors, url).toHaveProperty(field);
  }
  expect((await page.request.get("/api/v1/lint?lang=kk")).status()).toBe(200);
});

test("health and the OpenAPI document are public", async ({ playwright }) => {
  const anon = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect(await (await anon.get("/api/health")).json()).toEqual({ status: "ok", database: "embedded", databaseRole: "single-user" });
  const doc = await (await anon.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/recipients/{id}", "/api/v1/transfers", "/api/v1/log/export", "/api/v1/log/bundle"]));
  await anon.dispose();
});

test("a recipient named as a formula comes out neutralised in both register CSVs, exact in the JSON, and the page says so", async ({ page }) => {
  const formula = '=HYPERLINK("http://x","y")';
  const created = await page.request.post("/api/v1/recipients", {
    data: { nameEn: formula, nameRu: "@SUM(1)", legalForm: "-2+3", countryCode: "KZ", crossBorder: false, role: "processor", basis: "contract", transferPurposes: ["+cmd|' /C calc'!A0"] },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  for (const url of ["/api/v1/recipients/export?format=csv", "/api/v1/recipients/export?format=csv&headers=localized"]) {
    const text = await (await page.request.get(url)).text();
    const line = text.split("\n").find((l) => l.startsWith(`${id},`))!;
    // Prefixed with a single quote and quoted (RFC 4180 doubles the quotes inside).
    expect(line).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(line).toContain(`,"'@SUM(1)",`);
    expect(line).toContain(`,"'-2+3",`);
    expect(line).toContain(`,"'+cmd|' /C calc'!A0",`);
    expect(line).not.toMatch(/,=HYPERLINK/);
  }
  const json = await (await page.request.get("/api/v1/recipients/export?format=json")).json();
  expect(json.recipients.find((r: { id: string }) => r.id === id)).toMatchObject({ nameEn: formula, nameRu: "@SUM(1)", legalForm: "-2+3" });
  await page.goto("/registry/recipients");
  await expect(page.getByTestId("csv-formula-note")).toContainText("gets a leading ' so that a spreadsheet shows it as text");
});
