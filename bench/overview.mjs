// The HQ overview on a large incident (bench/fixtures/large-incident.mjs: 20 units, 2,000 checklist
// items, 300 functions, 500 casualties, 5,000 changes): its API's server time (Server-Timing) and
// D1 round trips, open loop, side by side with a one-row read as the baseline; then the API calls
// the console makes before the overview's first paint, counted in Chromium.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { prepareDatabase, QUIET_ENV, startServer } from "../scripts/local.mjs";
import { LARGE_INCIDENT_ID, largeIncidentSql } from "./fixtures/large-incident.mjs";

// Alone (`npm run bench:overview`), it starts its own quiet server on BENCH_PORT with fresh state.
let server = null;
if (!process.env.BENCH_URL) {
  const own = ".wrangler/bench-overview-state";
  rmSync(own, { recursive: true, force: true });
  prepareDatabase({ persistTo: own, password: process.env.DEMO_PASSWORD || "keizoku" });
  server = await startServer({ port: Number(process.env.BENCH_PORT || 8788), persistTo: own, stdio: "ignore", logLevel: "error" });
  process.env.BENCH_URL = server.url;
  process.env.BENCH_STATE = own;
}
// The machine is shared: its load says how far these figures are from a quiet one.
const load = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} (1/5/15 min)`;
const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model;
console.log(`machine: ${cpus().length} × ${cpuModel}, Node ${process.version}, ${load()}, ${new Date().toISOString()}`);
const { BASE, PASSWORD, signIn, sleep, summary } = await import("./lib.mjs");

const RATE = Number(process.env.OVERVIEW_RATE ?? 4); // requests per second, per route
const SECONDS = Number(process.env.OVERVIEW_SECONDS ?? 15);
const RUNS = Number(process.env.OVERVIEW_RUNS ?? 3);
const STATE = process.env.BENCH_STATE;

if (!STATE) {
  console.log("overview: skipped — needs BENCH_STATE (the server's --persist-to directory) to load the large-incident fixture");
  process.exit(0);
}

// The fixture goes straight into the running server's local D1 (SQLite allows the second writer).
mkdirSync(STATE, { recursive: true });
const file = join(STATE, "large-incident.sql");
writeFileSync(file, largeIncidentSql());
const loaded = spawnSync(process.execPath, ["node_modules/wrangler/bin/wrangler.js", "d1", "execute", "keizoku", "--local", "--persist-to", STATE, "--file", file], {
  env: QUIET_ENV,
  encoding: "utf8",
});
if (loaded.status !== 0) throw new Error(`loading the fixture failed:\n${loaded.stdout}\n${loaded.stderr}`);

const hq = await signIn("hq");
const overviewPath = `/api/incidents/${LARGE_INCIDENT_ID}/overview`;
const baselinePath = `/api/incidents/${LARGE_INCIDENT_ID}`;
const first = await (await hq.get(overviewPath)).json();
console.log(
  `fixture: ${first.units.length} units, ${first.units.reduce((n, u) => n + (u.checklist?.total ?? 0), 0)} checklist items, seq ${first.seq}, attention ${first.attention.total} entries`,
);

const timing = (header) => {
  const app = /app;dur=([\d.]+)/.exec(header ?? "");
  const trips = /d1;dur=[\d.]+;desc="(\d+) round trip/.exec(header ?? "");
  const phase = (name) => Number(new RegExp(`(?:^|, )${name};dur=([\\d.]+)`).exec(header ?? "")?.[1] ?? NaN);
  return { app: app ? Number(app[1]) : NaN, trips: trips ? Number(trips[1]) : NaN, read: phase("read"), build: phase("build") };
};

async function timed(path) {
  const t0 = performance.now();
  const res = await hq.get(path);
  await res.arrayBuffer();
  return { ok: res.ok, client: performance.now() - t0, ...timing(res.headers.get("server-timing")) };
}

for (let i = 0; i < 5; i++) await timed(overviewPath);

/** Open loop: requests start on schedule, RATE per second for each route, answered or not. */
async function run() {
  const pending = [];
  const interval = 1000 / RATE;
  const start = performance.now();
  for (let k = 0; k < RATE * SECONDS; k++) {
    const due = start + k * interval;
    await sleep(Math.max(0, due - performance.now()));
    pending.push(timed(overviewPath).then((r) => ({ route: "overview", ...r })));
    pending.push(timed(baselinePath).then((r) => ({ route: "baseline", ...r })));
  }
  const results = await Promise.all(pending);
  const of = (route) => results.filter((r) => r.route === route);
  const fig = (rs) => ({
    server: summary(rs.map((r) => r.app)),
    client: summary(rs.map((r) => r.client)),
    // Where the overview's server time goes (its own Server-Timing phases): the one D1 read, building the picture.
    read: summary(rs.map((r) => r.read).filter((x) => !Number.isNaN(x))),
    build: summary(rs.map((r) => r.build).filter((x) => !Number.isNaN(x))),
    trips: Math.max(...rs.map((r) => r.trips)),
    failed: rs.filter((r) => !r.ok).length,
  });
  return { overview: fig(of("overview")), baseline: fig(of("baseline")) };
}

const runs = [];
for (let i = 0; i < RUNS; i++) {
  const r = await run();
  runs.push(r);
  console.log(
    `run ${i + 1}: overview server p50 ${r.overview.server.p50.toFixed(1)} / p99 ${r.overview.server.p99.toFixed(1)} ms ` +
      `(read p50 ${r.overview.read.p50?.toFixed?.(1) ?? "—"}, build p50 ${r.overview.build.p50?.toFixed?.(1) ?? "—"} ms), ${r.overview.trips} D1 round trip(s); ` +
      `baseline (GET incident) server p50 ${r.baseline.server.p50?.toFixed?.(1) ?? "—"} ms; client p99 overview ${r.overview.client.p99.toFixed(1)} ms vs baseline ${r.baseline.client.p99.toFixed(1)} ms; failed ${r.overview.failed + r.baseline.failed}`,
  );
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = median(runs.map((r) => r.overview.server.p99));
const trips = Math.max(...runs.map((r) => r.overview.trips));
console.log(
  `overview API on the large incident, ${RATE}/s open loop for ${SECONDS} s, median of ${RUNS} runs: server time p50 ${median(runs.map((r) => r.overview.server.p50)).toFixed(1)} ms, ` +
    `p99 ${p99.toFixed(1)} ms (goal ≤ 100 ms: ${p99 <= 100 ? "PASS" : "FAIL"}) vs the one-row baseline's server p50 ${median(runs.map((r) => r.baseline.server.p50)).toFixed(1)} / p99 ${median(runs.map((r) => r.baseline.server.p99)).toFixed(1)} ms; ` +
    `D1 round trips ${trips} for the whole request, the session lookup included (goal ≤ 3: ${trips <= 3 ? "PASS" : "FAIL"}); ` +
    `client p99 ${median(runs.map((r) => r.overview.client.p99)).toFixed(1)} ms vs ${median(runs.map((r) => r.baseline.client.p99)).toFixed(1)} ms for the baseline; ${load()}`,
);

// First paint: every /api/ request from opening the incident until the attention queue and all units show.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  await page.goto(BASE);
  await page.getByLabel("ログインID").fill("hq");
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.getByRole("heading", { name: "災害・訓練一覧" }).waitFor();
  await sleep(1000);
  const calls = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith("/api/")) calls.push(`${r.method()} ${u.pathname}${u.search}`);
  });
  const t0 = Date.now();
  // In-app navigation, as a person clicks the incident in the list.
  await page.evaluate((to) => {
    history.pushState(null, "", to);
    dispatchEvent(new PopStateEvent("popstate"));
  }, `/incidents/${LARGE_INCIDENT_ID}`);
  await page.locator("[data-testid=attention-queue][data-seq] .attention-entry").first().waitFor({ timeout: 60_000 });
  await page.locator("[data-testid=unit-grid] .unit-card").nth(19).waitFor();
  const paintMs = Date.now() - t0;
  const atPaint = [...calls];
  console.log(`overview first paint (attention queue + 20 units) in ${paintMs} ms after ${atPaint.length} API call(s) (goal ≤ 3): ${atPaint.join(", ")}`);
} finally {
  await browser.close();
  server?.stop();
}
process.exit(0);
