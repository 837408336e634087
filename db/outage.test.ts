/**
 * Issue 12, item 7: an outage gives bounded waits and clear answers, and nothing acknowledged is lost.
 *
 * The built portal (`next start`, production mode) serves through the serving role, reaching
 * PostgreSQL through a small TCP proxy written here. While clients ingest batches with idempotency
 * keys (retrying on 503 after Retry-After), the proxy cuts every connection and refuses new ones, as
 * a stopped server does; then it lets them through again. A browser meanwhile opens a page.
 *
 * Needs PostgreSQL and a build of this checkout (`npx next build`; `npm test` makes one before CI's
 * PostgreSQL run). Also checks the start's refusal to serve as the owner in production (item 6).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { chromium, type Browser } from "@playwright/test";
import { createTestDb, type TestDb } from "./test-db";
import { rowsOf } from "./client";
import { createApiToken } from "./queries/tokens";
import { createUser } from "./queries/users";
import { logHead } from "./queries/transfer-log";
import { MerkleAccumulator } from "@/lib/transfer-log";

const ROOT = path.resolve(__dirname, "..");
const onPostgres = !!process.env.DATABASE_URL?.trim();
const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TCP proxy that can be cut: every open connection reset, new ones refused (nothing listens). */
class CuttableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open() {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  cut() {
    this.server?.close();
    this.server = null;
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
  }
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

type Portal = { child: ChildProcess; base: string; output: () => string; exited: Promise<number | null> };

function startPortal(env: Record<string, string>, port: number): Portal {
  let output = "";
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", LOG_CHECKPOINT_INTERVAL_SECONDS: "0", DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "qplus-outage-")), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, base: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function waitHealthy(p: Portal, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (p.child.exitCode !== null) throw new Error(`the portal exited: ${p.output()}`);
    const res = await fetch(`${p.base}/api/health`).catch(() => null);
    if (res?.ok) return res.json();
    await sleep(100);
  }
  throw new Error(`the portal did not become healthy: ${p.output()}`);
}

async function stopPortal(p: Portal | undefined) {
  if (!p || p.child.exitCode !== null) return;
  p.child.kill("SIGTERM");
  await Promise.race([p.exited, sleep(5_000)]);
  if (p.child.exitCode === null) p.child.kill("SIGKILL");
}

/** Through the proxy: the same URL with the proxy's host and port. */
const via = (url: string, port: number) => {
  const u = new URL(url);
  u.hostname = "127.0.0.1";
  u.port = String(port);
  return u.toString();
};

const event = (key: string) => ({
  occurredAt: "2026-11-20T08:15:00.000Z",
  recipient: "halyk-bank",
  purposes: ["C3"],
  dataItems: ["financial: balance"],
  recordCount: 1,
  subjectPopulations: ["kz-subjects"],
  sendingSystem: "outage-test",
  destinationCountry: "KZ",
  idempotencyKey: key,
});

let t: TestDb;
let proxy: CuttableProxy;
let portal: Portal | undefined;
let browser: Browser | undefined;

const skipReason = !onPostgres ? "needs PostgreSQL (DATABASE_URL)" : !built ? "needs a build of this checkout (npx next build)" : "";

beforeAll(async () => {
  if (skipReason) return;
  t = await createTestDb();
  const target = new URL(t.url!);
  proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
  await proxy.open();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stopPortal(portal);
  proxy?.cut();
  await t?.close();
});

describe.skipIf(!!skipReason)(`the portal through a database outage${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  it("in production, refuses to start as the owner of its tables unless told to, and says why", async () => {
    const refused = startPortal({ DATABASE_URL: t.ownerUrl!, AUTH_SECRET: "outage-test-secret-0123456789abcdef" }, await freePort());
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/serves through the PostgreSQL role "[a-z_]+", which owns the portal's tables/);
    expect(refused.output()).toMatch(/set ALLOW_OWNER_ROLE=1 to accept it explicitly/);

    const accepted = startPortal({ DATABASE_URL: t.ownerUrl!, AUTH_SECRET: "outage-test-secret-0123456789abcdef", ALLOW_OWNER_ROLE: "1" }, await freePort());
    try {
      const health = await waitHealthy(accepted);
      expect(health).toMatchObject({ status: "ok", database: "postgres", databaseRole: "owner" });
      expect(health.warning).toMatch(/could be disabled and the log rewritten/);
    } finally {
      await stopPortal(accepted);
    }
  }, 120_000);

  it("answers 503 with Retry-After while cut, health within a second, and comes back by itself with every acknowledged event logged once", async () => {
    const system = { id: null, email: "system" };
    // Through the serving role via the proxy; migrations are already applied by the owner (test-db).
    portal = startPortal({ DATABASE_URL: via(t.url!, proxy.port), AUTH_SECRET: "outage-test-secret-0123456789abcdef" }, await freePort());
    expect(await waitHealthy(portal)).toEqual({ status: "ok", database: "postgres", databaseRole: "least-privilege" });
    const { token } = await createApiToken({ name: "outage", kind: "service", userId: null, scopes: ["transfers.ingest"], expiresAt: new Date(Date.now() + 86_400_000) }, system, t.db);
    await createUser({ email: "dpo@outage.test", name: "DPO", role: "dpo", password: "outage-password-123" }, system, t.db);

    // A browser signed in before the outage.
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    const page = await (await browser.newContext({ baseURL: portal.base, locale: "en-US" })).newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill("dpo@outage.test");
    await page.getByLabel("Password").fill("outage-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));

    // Clients: batches of 50 with their own keys; a 503 is retried after Retry-After, the same batch.
    const acknowledged = new Map<string, number>();
    const answers: { status: number; ms: number; at: number; problem?: string; retryAfter?: string | null }[] = [];
    let stop = false;
    const client = async (c: number) => {
      for (let b = 0; !stop; b++) {
        const events = Array.from({ length: 50 }, (_, i) => event(`outage-${c}-${b}-${i}`));
        for (;;) {
          const started = performance.now();
          const res = await fetch(`${portal!.base}/api/v1/transfers`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({ events }),
          });
          const body = await res.json();
          answers.push({ status: res.status, ms: performance.now() - started, at: Date.now(), problem: res.status >= 400 ? body.type : undefined, retryAfter: res.headers.get("retry-after") });
          if (res.status === 201 || res.status === 200) {
            for (const r of body.results) acknowledged.set(r.idempotencyKey, r.seq);
            break;
          }
          if (res.status !== 503) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(body)}`);
          await sleep(Number(res.headers.get("retry-after")) * 1000);
        }
      }
    };
    const failures: string[] = [];
    const clients = [0, 1, 2, 3].map((c) => client(c).catch((err) => void failures.push(String(err?.cause ?? err))));
    let outcome: Awaited<ReturnType<typeof cutAndRestore>>;
    try {
      outcome = await cutAndRestore();
    } finally {
      stop = true;
      await Promise.all(clients);
    }
    const { probes, backAfter, cutAt, afterRestore } = outcome;
    const slowest = Math.max(...answers.map((a) => a.ms));
    console.log(
      `outage: ${answers.length} ingest answers (${answers.filter((a) => a.status === 503).length} × 503), slowest ${Math.round(slowest)} ms; ` +
        `health while cut: ${probes.map((p) => `${p.status}/${Math.round(p.ms)}ms`).join(" ")}; back after ${backAfter} ms; ${acknowledged.size} events acknowledged`,
    );
    expect(failures).toEqual([]);

    expect(probes.length).toBeGreaterThanOrEqual(10);
    for (const p of probes) expect(p.ms).toBeLessThan(1_000);
    expect(probes.slice(1).every((p) => p.status === 503)).toBe(true);
    expect(backAfter).toBeLessThanOrEqual(2_000);

    // While cut, ingest answered 503 problem+json with Retry-After; never a bare 500; every wait bounded.
    expect(answers.some((a) => a.at > cutAt + 100 && a.status === 503)).toBe(true);
    for (const a of answers) expect([200, 201, 503]).toContain(a.status);
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(a.problem).toBe("tag:qplus.kz,2026:problem:unavailable");
      expect(a.retryAfter).toBe("1");
    }
    expect(slowest).toBeLessThan(5_000);
    expect(acknowledged.size).toBeGreaterThan(afterRestore);

    async function cutAndRestore() {
      // Load first: the first batches also warm the route up.
      for (let waited = 0; acknowledged.size < 400 && waited < 30_000; waited += 100) await sleep(100);
      expect(acknowledged.size, portal!.output()).toBeGreaterThanOrEqual(400);

      // The cut: health answers 503 within a second, again and again.
      const cutAt = Date.now();
      proxy.cut();
      const probes: { status: number; ms: number }[] = [];
      while (Date.now() - cutAt < 4_000) {
        const started = performance.now();
        const res = await fetch(`${portal!.base}/api/health`);
        probes.push({ status: res.status, ms: performance.now() - started });
        await sleep(200);
      }
      // A page opened during the outage says so, in the reader's language.
      await page.goto("/registry/recipients");
      await page.getByRole("heading", { level: 1, name: "The portal is temporarily unavailable" }).waitFor({ timeout: 5_000 });

      // Restore: health is back within about two seconds, on its own.
      const restoredAt = Date.now();
      await proxy.open();
      let backAfter = Infinity;
      while (Date.now() - restoredAt < 10_000) {
        const res = await fetch(`${portal!.base}/api/health`);
        if (res.ok) {
          backAfter = Date.now() - restoredAt;
          break;
        }
        await sleep(50);
      }
      // The page that said "unavailable" shows the register again by itself.
      await page.getByRole("heading", { level: 1, name: "Recipients" }).waitFor({ timeout: 10_000 });
      const afterRestore = acknowledged.size;
      for (let waited = 0; acknowledged.size < afterRestore + 200 && waited < 10_000; waited += 100) await sleep(100);
      return { probes, backAfter, cutAt, afterRestore };
    }

    // Every acknowledged event is in the log exactly once, under the seq it was acknowledged with, no gap.
    const rows = rowsOf<{ seq: string | number; idempotency_key: string; leaf_hash: Uint8Array }>(
      await t.db.execute(sql`select seq, idempotency_key, leaf_hash from transfer_log_entries order by seq`),
    );
    const logged = new Map(rows.map((r) => [r.idempotency_key, Number(r.seq)]));
    expect(logged.size).toBe(rows.length);
    for (const [key, seq] of acknowledged) expect(logged.get(key), key).toBe(seq);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i));
    const tree = new MerkleAccumulator();
    for (const r of rows) tree.append(Buffer.from(r.leaf_hash));
    const head = await logHead(t.db);
    expect(head.size).toBe(rows.length);
    expect(Buffer.from(head.rootHash).toString("hex")).toBe(tree.root().toString("hex"));
  }, 120_000);
});
