/**
 * `npm run bench [-- --out bench.json] [--entries 1000000] [--ingest 64000]`
 *
 * Measures the portal against baselines taken in the same run on the same machine (ratios, not
 * absolute times: machines here are shared and noisy). Runs on PostgreSQL when DATABASE_URL is
 * set (in a database of its own, created and dropped here) and on the embedded database otherwise.
 *  1. ingestion: POST /api/v1/transfers (batches of 500, 8 clients) vs raw batched INSERT
 *  2. export: 1M entries as CSV through the download endpoint vs COPY … TO STDOUT; server peak RSS
 *  3. verification: log:verify over the 1M-entry bundle vs plain SHA-256 over the file
 *  4. page cost: log viewer first page, filtered page, recipients list at 1k vs 1M entries
 *  5. start: `next start` to a healthy /api/health on an existing build and seeded database
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";

const { values: args } = parseArgs({
  options: {
    out: { type: "string" },
    entries: { type: "string", default: "1000000" },
    ingest: { type: "string", default: "64000" },
    port: { type: "string", default: "3900" },
  },
});
const TARGET_ENTRIES = Number(args.entries);
const INGEST_EVENTS = Number(args.ingest);
const PORT = Number(args.port);
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = process.cwd();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "qplus-bench-"));
const serverUrl = process.env.DATABASE_URL?.trim();
const AUTH_SECRET = crypto.randomBytes(33).toString("base64");
const ADMIN = { email: "bench-admin@qplus.local", password: "bench-password-123" };

type Figure = { name: string; value: number; unit: string; baseline?: number; ratio?: number; target?: string; met?: boolean; note?: string };
const figures: Figure[] = [];
const log = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

// ---------- database of the run ----------
let dbUrl: string | undefined;
/** The owner's URL: it migrates, and owns the baseline's plain table. The portal serves as dbUrl. */
let ownerUrl: string | undefined;
async function createBenchDatabase() {
  if (!serverUrl) return;
  const { default: postgres } = await import("postgres");
  const { createOwnedDatabase, ensureDeploymentRoles, urlAs } = await import("../../db/roles");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `qplus_bench_${crypto.randomBytes(4).toString("hex")}`;
  // The roles of a deployment (README "Running on a PostgreSQL server"): measured as it is run.
  const roles = { owner: "qplus_bench_owner", serving: "qplus_bench_app" };
  await ensureDeploymentRoles(admin, roles);
  await createOwnedDatabase(admin, name, roles.owner);
  await admin.end();
  dbUrl = urlAs(serverUrl, roles.serving, name);
  ownerUrl = urlAs(serverUrl, roles.owner, name);
}
async function dropBenchDatabase() {
  if (!serverUrl || !dbUrl) return;
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${new URL(dbUrl).pathname.slice(1)} with (force)`);
  await admin.end();
}

/** The portal's own modules, loaded with the run's database settings. */
async function withPortalDb<T>(work: (m: Awaited<ReturnType<typeof portalModules>>) => Promise<T>): Promise<T> {
  const m = await portalModules();
  try {
    return await work(m);
  } finally {
    await m.client.closeDb();
  }
}
async function portalModules() {
  process.env.AUTH_SECRET = AUTH_SECRET;
  process.env.DATA_DIR = path.join(work, "data");
  if (dbUrl) process.env.DATABASE_URL = dbUrl;
  else delete process.env.DATABASE_URL;
  if (ownerUrl) process.env.DATABASE_OWNER_URL = ownerUrl;
  else delete process.env.DATABASE_OWNER_URL;
  return {
    client: await import("../../db/client"),
    migrate: await import("../../db/migrate"),
    seed: await import("../../db/seed"),
    users: await import("../../db/queries/users"),
    tokens: await import("../../db/queries/tokens"),
    log: await import("../../db/queries/transfer-log"),
    recipients: await import("../../db/queries/recipients"),
  };
}

// ---------- realistic events ----------
const RECIPIENTS = [
  { key: "halyk-bank", country: "KZ", purposes: ["C3"], items: ["financial: balance", "financial: e-money operations (amount, time and date, purpose, recipients)", "identifiers: wallet number"] },
  { key: "kazpost", country: "KZ", purposes: ["C2"], items: ["contact: full name", "document-details: IIN", "identifiers: wallet number"] },
  { key: "npc", country: "KZ", purposes: ["C2"], items: ["contact: full name", "document-details: IIN"] },
  { key: "qiwi-jsc", country: "RU", purposes: ["V1"], items: ["online: cookies: analytical", "online: cookies: marketing"] },
  { key: "counterparties", country: "KZ", purposes: ["C3"], items: ["financial: e-money operations (amount, time and date, purpose, recipients)"] },
  { key: "state-bodies", country: "KZ", purposes: ["C9"], items: ["contact: full name", "other: information about the client's activity"] },
];
const SYSTEMS = ["wallet-core", "kyc-gateway", "analytics-export", "aml-reporting"];
function event(i: number, prefix: string, ids?: Map<string, string>) {
  const r = RECIPIENTS[i % RECIPIENTS.length];
  return {
    occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 30_000).toISOString(),
    recipient: ids ? ids.get(r.key)! : r.key,
    purposes: r.purposes,
    dataItems: r.items,
    recordCount: 1 + (i % 500),
    subjectPopulations: i % 7 === 0 ? ["kz-subjects", "ru-citizens"] : ["kz-subjects"],
    sendingSystem: SYSTEMS[i % SYSTEMS.length],
    destinationCountry: r.country,
    idempotencyKey: `${prefix}-${i}`,
    externalReference: `ext-${i}`,
  };
}

// ---------- the server ----------
let server: ChildProcess | null = null;
async function startServer(): Promise<number> {
  const env = { ...process.env, PORT: String(PORT), AUTH_SECRET, DATA_DIR: path.join(work, "data"), LOG_CHECKPOINT_INTERVAL_SECONDS: "3600", NODE_ENV: "production" } as NodeJS.ProcessEnv;
  if (dbUrl) env.DATABASE_URL = dbUrl;
  else delete env.DATABASE_URL;
  if (ownerUrl) env.DATABASE_OWNER_URL = ownerUrl;
  else delete env.DATABASE_OWNER_URL;
  const started = performance.now();
  server = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stderr?.on("data", (d) => process.stderr.write(`[server] ${d}`));
  for (;;) {
    try {
      const res = await fetch(`${BASE}/api/health`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    if (server.exitCode !== null) throw new Error("the server exited during start");
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.now() - started;
}
async function stopServer() {
  if (!server) return;
  const s = server;
  server = null;
  await new Promise<void>((resolve) => {
    s.once("exit", () => resolve());
    s.kill("SIGTERM");
    setTimeout(() => s.kill("SIGKILL"), 10_000).unref();
  });
}
/** The next-server process (a child of `next start`) whose memory is measured. */
function serverPids(): number[] {
  if (!server?.pid) return [];
  const pids = [server.pid];
  for (const dir of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(dir)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${dir}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === server.pid) pids.push(Number(dir));
    } catch {
      /* gone */
    }
  }
  return pids;
}
function rssMb(): number {
  let kb = 0;
  for (const pid of serverPids()) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

// ---------- sessions ----------
async function signIn(): Promise<string> {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookies = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password, callbackUrl: "/" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error("bench sign-in failed");
  return session;
}

async function timePage(url: string, cookie: string, runs = 15) {
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const res = await fetch(`${BASE}${url}`, { headers: { cookie }, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    if (i >= 3) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const PAGES = [
  { name: "log viewer, first page", url: "/log" },
  { name: "log viewer, filtered page", url: "/log?flagged=1&crossBorder=yes" },
  { name: "recipients list", url: "/registry/recipients" },
];

async function pageCosts(cookie: string) {
  const out: Record<string, number> = {};
  for (const p of PAGES) {
    try {
      out[p.name] = await timePage(p.url, cookie);
    } catch (err) {
      out[p.name] = NaN;
      log(`${p.name}: ${(err as Error).message}`);
    }
  }
  return out;
}

// ---------- 1. ingestion ----------
async function benchIngestion(token: string) {
  const batches = Math.ceil(INGEST_EVENTS / 500);
  const all = Array.from({ length: batches }, (_, b) => Array.from({ length: 500 }, (_, i) => event(b * 500 + i, "ingest")));
  const bodies = all.map((events) => JSON.stringify({ events }));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (;;) {
        const b = next++;
        if (b >= bodies.length) return;
        const res = await fetch(`${BASE}/api/v1/transfers`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: bodies[b] });
        if (res.status !== 201) throw new Error(`ingestion answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { eventsPerSecond: (batches * 500) / seconds, rows: all };
}

/** The same rows, batched raw INSERTs into a plain copy of the log table, no HTTP, no hashing. */
async function baselineInsert(rows: ReturnType<typeof event>[][], ids: Map<string, string>) {
  const toRow = (e: ReturnType<typeof event>, seq: number) => ({
    seq,
    logged_at: new Date(),
    occurred_at: new Date(e.occurredAt),
    recipient_id: ids.get(e.recipient)!,
    recipient_version: 1,
    approval_id: null,
    purpose_codes: JSON.stringify(e.purposes),
    data_items: JSON.stringify(e.dataItems),
    record_count: e.recordCount,
    subject_populations: JSON.stringify(e.subjectPopulations),
    sending_system: e.sendingSystem,
    destination_country: e.destinationCountry,
    idempotency_key: `${e.idempotencyKey}-raw`,
    external_reference: e.externalReference,
    flags: "[]",
    leaf_hash: Buffer.alloc(32),
  });
  const ddl = `create table bench_plain_transfers (like transfer_log_entries including defaults including indexes)`;
  if (dbUrl) {
    const { default: postgres } = await import("postgres");
    // Creating a table is the owner's (the serving role owns nothing).
    const sql = postgres(ownerUrl ?? dbUrl, { max: 8, onnotice: () => {} });
    await sql.unsafe(ddl);
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (;;) {
          const b = next++;
          if (b >= rows.length) return;
          const values = rows[b].map((e, i) => {
            const r = toRow(e, b * 500 + i);
            return { ...r, purpose_codes: sql.json(JSON.parse(r.purpose_codes)), data_items: sql.json(JSON.parse(r.data_items)), subject_populations: sql.json(JSON.parse(r.subject_populations)), flags: sql.json([]) };
          });
          await sql`insert into bench_plain_transfers ${sql(values as never)}`;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    await sql.end();
    return (rows.length * 500) / seconds;
  }
  // Embedded: the server owns its folder, so the baseline runs on a PGlite of its own, same engine.
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { sql } = await import("drizzle-orm");
  const { migrateEmbedded } = await import("../../db/migrate");
  const pg = new PGlite(path.join(work, "baseline"));
  await migrateEmbedded(drizzle(pg));
  await pg.exec(ddl);
  const cols = Object.keys(toRow(rows[0][0], 0));
  const t0 = performance.now();
  for (let b = 0; b < rows.length; b++) {
    const values = rows[b].map((e, i) => Object.values(toRow(e, b * 500 + i)));
    const placeholders = values.map((v, r) => `(${v.map((_, c) => `$${r * cols.length + c + 1}`).join(",")})`).join(",");
    await pg.query(`insert into bench_plain_transfers (${cols.join(",")}) values ${placeholders}`, values.flat());
  }
  const seconds = (performance.now() - t0) / 1000;
  await pg.close();
  void sql;
  return (rows.length * 500) / seconds;
}

// ---------- generator ----------
async function fillLog(target: number) {
  await withPortalDb(async (m) => {
    const db = m.client.getDb();
    let size = (await m.log.logHead(db)).size;
    const found = await m.recipients.recipientsByIdOrKey(RECIPIENTS.map((r) => r.key), db);
    const byKey = new Map(found.map((r) => [r.key, r]));
    const t0 = performance.now();
    while (size < target) {
      const n = Math.min(5000, target - size);
      const events = Array.from({ length: n }, (_, i) => {
        const e = event(size + i, "gen");
        const r = byKey.get(e.recipient)!;
        return {
          occurredAt: e.occurredAt,
          recipientId: r.id,
          recipientVersion: r.version,
          approvalId: null,
          purposeCodes: e.purposes,
          dataItems: e.dataItems,
          recordCount: e.recordCount,
          subjectPopulations: e.subjectPopulations,
          sendingSystem: e.sendingSystem,
          destinationCountry: e.destinationCountry,
          idempotencyKey: e.idempotencyKey,
          externalReference: e.externalReference,
          flags: (size + i) % 11 === 0 ? [{ code: "no-approval", reason: "The event names no approval." }] : [],
        };
      });
      await m.log.appendTransfers(events, db);
      size += n;
      if (size % 100_000 === 0) log(`generator: ${size} entries (${Math.round(size / ((performance.now() - t0) / 1000))}/s)`);
    }
    await m.log.issueCheckpoint(db);
  });
}

// ---------- 2. export ----------
/**
 * Downloads the whole log as CSV with node:http, the same kind of raw client as the COPY
 * baseline. `encoding` "identity" compares like with like (CSV bytes on a local socket);
 * "gzip" is what browsers ask for: the server compresses, the client only receives.
 * (Not fetch: undici's own gunzip runs at a few MB/s on a 300 MB body and would measure the client.)
 */
async function benchExport(cookie: string, encoding: "identity" | "gzip") {
  const http = await import("node:http");
  const before = rssMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  const t0 = performance.now();
  const bytes = await new Promise<number>((resolve, reject) => {
    http
      .get(`${BASE}/api/v1/log/export?format=csv`, { headers: { cookie, "accept-encoding": encoding } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`export answered ${res.statusCode}`));
        if (encoding === "gzip" && res.headers["content-encoding"] !== "gzip") return reject(new Error("the export was not compressed"));
        let n = 0;
        res.on("data", (chunk: Buffer) => (n += chunk.length));
        res.on("end", () => resolve(n));
        res.on("error", reject);
      })
      .on("error", reject);
  });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  return { seconds, bytes, peakRssMb: peak, rssBeforeMb: before };
}

const COPY_SQL = `copy (select seq, logged_at, occurred_at, recipient_id, recipient_version, approval_id, purpose_codes, data_items, record_count,
  subject_populations, sending_system, destination_country, idempotency_key, external_reference, flags, encode(leaf_hash, 'hex')
  from transfer_log_entries order by seq) to stdout with (format csv, header)`;

async function baselineCopy() {
  const t0 = performance.now();
  let bytes = 0;
  if (dbUrl) {
    const { default: postgres } = await import("postgres");
    const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
    const stream = await sql.unsafe(COPY_SQL).readable();
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
    await sql.end();
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    const pg = new PGlite(path.join(work, "data", "pglite"));
    const result = await pg.query(COPY_SQL.replace("to stdout", "to '/dev/blob'"));
    bytes = result.blob?.size ?? 0;
    await pg.close();
  }
  return bytes / 1e6 / ((performance.now() - t0) / 1000);
}

// ---------- 3. verification ----------
async function benchVerification(cookie: string, size: number) {
  const file = path.join(work, "bundle.jsonl");
  const res = await fetch(`${BASE}/api/v1/log/bundle?from=0&to=${size - 1}`, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`bundle answered ${res.status}`);
  const out = fs.createWriteStream(file);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!out.write(value)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  const { verifyBundleFile } = await import("../transfer-log/cli");
  const t0 = performance.now();
  const result = await verifyBundleFile(file);
  const verifySeconds = (performance.now() - t0) / 1000;
  if (!result.ok) throw new Error(`the bench bundle did not verify: ${JSON.stringify(result.failure)}`);
  const t1 = performance.now();
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  hash.digest();
  const shaSeconds = (performance.now() - t1) / 1000;
  const mb = fs.statSync(file).size / 1e6;
  fs.rmSync(file);
  return { verifyMbps: mb / verifySeconds, shaMbps: mb / shaSeconds, mb };
}

// ---------- the run ----------
async function main() {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No build: run `npm run build` first");
  log(`database: ${serverUrl ? "PostgreSQL" : "embedded (PGlite)"}; work folder ${work}`);
  await createBenchDatabase();
  const setup = await withPortalDb(async (m) => {
    const db = m.client.getDb();
    await m.migrate.migrateDatabase();
    await m.seed.seedPolicyFacts(db);
    await m.users.createUser({ email: ADMIN.email, name: "Bench Admin", role: "admin", password: ADMIN.password }, { id: null, email: "bench" }, db);
    const token = await m.tokens.createApiToken({ name: "bench", kind: "service", userId: null, scopes: ["transfers.ingest"], expiresAt: new Date(Date.now() + 86400_000) }, { id: null, email: "bench" }, db);
    const found = await m.recipients.recipientsByIdOrKey(RECIPIENTS.map((r) => r.key), db);
    return { token: token.token, ids: new Map(found.map((r) => [r.key, r.id])) };
  });
  await fillLog(1000);

  // 4a. pages at 1k entries
  await startServer();
  const cookie = await signIn();
  const small = await pageCosts(cookie);
  log(`pages at 1k: ${JSON.stringify(small)}`);

  // 1. ingestion
  const ingest = await benchIngestion(setup.token);
  await stopServer();
  const raw = await baselineInsert(ingest.rows, new Map(RECIPIENTS.map((r) => [r.key, setup.ids.get(r.key)!])));
  figures.push({ name: "ingestion (events/s)", value: ingest.eventsPerSecond, unit: "events/s", baseline: raw, ratio: ingest.eventsPerSecond / raw, target: "ratio ≥ 0.5", met: ingest.eventsPerSecond / raw >= 0.5 });
  log(`ingestion ${ingest.eventsPerSecond.toFixed(0)}/s vs raw ${raw.toFixed(0)}/s`);

  // fill to the target size
  await fillLog(TARGET_ENTRIES);

  // 5. start
  const startMs = await startServer();
  figures.push({ name: "start to healthy", value: startMs, unit: "ms", note: `existing build, seeded ${serverUrl ? "PostgreSQL" : "embedded"} database with ${TARGET_ENTRIES} entries` });
  const cookie2 = await signIn();

  // 4b. pages at the large size
  const large = await pageCosts(cookie2);
  for (const p of PAGES) {
    const ratio = large[p.name] / small[p.name];
    figures.push({ name: `page: ${p.name} (ms at ${TARGET_ENTRIES} vs 1000)`, value: large[p.name], unit: "ms", baseline: small[p.name], ratio, target: "ratio ≤ 1.5", met: ratio <= 1.5 });
  }

  // 2. export: plain, then compressed as a browser asks for it
  const exp = await benchExport(cookie2, "identity");
  const gz = await benchExport(cookie2, "gzip");
  // 3. verification (bundle downloaded through the server, verified offline)
  const size = Math.max(TARGET_ENTRIES, 1000 + Math.ceil(INGEST_EVENTS / 500) * 500);
  const ver = await benchVerification(cookie2, size);
  await stopServer();
  const copy = await baselineCopy();
  const csvMbps = exp.bytes / 1e6 / exp.seconds;
  const gzMbps = exp.bytes / 1e6 / gz.seconds;
  figures.push({ name: "export CSV (MB/s)", value: csvMbps, unit: "MB/s", baseline: copy, ratio: csvMbps / copy, target: "ratio ≥ 0.5", met: csvMbps / copy >= 0.5, note: `${(exp.bytes / 1e6).toFixed(0)} MB` });
  figures.push({ name: "export CSV gzip, as browsers ask (MB of CSV/s)", value: gzMbps, unit: "MB/s", baseline: copy, ratio: gzMbps / copy, note: `${(gz.bytes / 1e6).toFixed(0)} MB on the wire; the server compresses` });
  const peakRss = Math.max(exp.peakRssMb, gz.peakRssMb);
  // What the download itself costs, apart from what the process already held (pages rendered before it).
  figures.push({ name: "export: server peak RSS", value: peakRss, unit: "MB", target: "≤ 256 MB", met: peakRss <= 256, note: `${exp.rssBeforeMb.toFixed(0)} MB before the download; +${(peakRss - exp.rssBeforeMb).toFixed(0)} MB during it` });
  figures.push({ name: "verification (MB/s)", value: ver.verifyMbps, unit: "MB/s", baseline: ver.shaMbps, ratio: ver.verifyMbps / ver.shaMbps, target: "ratio ≥ 0.25", met: ver.verifyMbps / ver.shaMbps >= 0.25, note: `${ver.mb.toFixed(0)} MB bundle of ${size} entries` });
}

function report() {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${serverUrl ? "PostgreSQL" : "PGlite"}`;
  console.log(`\nMachine: ${machine}\n`);
  const rows = figures.map((f) => ({
    figure: f.name,
    value: `${f.value.toFixed(f.unit === "ms" ? 1 : 0)} ${f.unit}`,
    baseline: f.baseline === undefined ? "" : f.baseline.toFixed(f.unit === "ms" ? 1 : 0),
    ratio: f.ratio === undefined ? "" : f.ratio.toFixed(2),
    target: f.target ?? "",
    met: f.met === undefined ? "" : f.met ? "yes" : "NO",
    note: f.note ?? "",
  }));
  console.table(rows);
  if (args.out) fs.writeFileSync(args.out, JSON.stringify({ measuredAt: new Date().toISOString(), machine, entries: TARGET_ENTRIES, figures }, null, 2));
}

main()
  .then(report)
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopServer();
    await dropBenchDatabase().catch(() => {});
    fs.rmSync(work, { recursive: true, force: true });
  });
