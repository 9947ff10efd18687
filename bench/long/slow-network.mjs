// `npm run bench:slow-network`: how soon the console is usable on a poor mobile link. Chromium with
// CDP network emulation at 400 kbps each way and 400 ms round trips opens the incident list,
// signed in: first load (empty cache, no service worker) and repeat load (the same browser profile
// reloading, the service worker installed). "Interactive" is the moment the list's first incident
// link is on screen (the person can open it), from navigation start. Each is measured RUNS times
// (default 5) side by side with the same loads unthrottled (the baseline); medians printed.
// It starts its own local server (fresh state, BENCH_PORT) on the built console (dist/).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { prepareDatabase, startServer } from "../../scripts/local.mjs";

const RUNS = Number(process.env.RUNS ?? 5);
const STATE = ".wrangler/bench-slow-network-state";
const PASSWORD = process.env.DEMO_PASSWORD || "keizoku";
const SLOW = { offline: false, latency: 400, downloadThroughput: (400_000 / 8) | 0, uploadThroughput: (400_000 / 8) | 0 };
const BUDGET = { first: 5_000, repeat: 2_000 };

rmSync(STATE, { recursive: true, force: true });
prepareDatabase({ persistTo: STATE, password: PASSWORD });
const server = await startServer({ port: Number(process.env.BENCH_PORT || 8788), persistTo: STATE, stdio: "ignore", logLevel: "error" });
const BASE = server.url;
const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model;
console.log(`machine: ${cpus().length} × ${cpuModel}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}, Node ${process.version}, ${new Date().toISOString()}`);
console.log(`console interactive (incident list, first incident link shown), ${RUNS} runs each; throttled: ${SLOW.latency} ms RTT, 400 kbps down/up (CDP)`);

const profileRoot = mkdtempSync(join(tmpdir(), "keizoku-slow-"));
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// Set before the console's code runs: the instant the first incident link appears.
const MARK = () => {
  const seen = () => {
    if (document.querySelector('[data-testid="incident-list"] li a')) {
      window.__interactiveAt = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, o) => seen() && o.disconnect()).observe(document, { childList: true, subtree: true });
};

async function interactive(page) {
  await page.waitForFunction(() => typeof window.__interactiveAt === "number", null, { timeout: 60_000 });
  return page.evaluate(() => window.__interactiveAt);
}

/** One browser profile: sign in (unthrottled, not measured), then a first load and a repeat load. */
async function measure(run, throttled) {
  const context = await chromium.launchPersistentContext(join(profileRoot, `${throttled ? "slow" : "base"}-${run}`), {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ARGS,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
  });
  try {
    const res = await context.request.post(`${BASE}/api/session`, { headers: { Origin: BASE }, data: { login: "hq", password: PASSWORD } });
    if (!res.ok()) throw new Error(`sign-in: ${res.status()}`);
    await context.addInitScript(MARK);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    if (throttled) await cdp.send("Network.emulateNetworkConditions", SLOW);
    await page.goto(BASE, { waitUntil: "commit" });
    const first = await interactive(page);
    // Let the service worker finish installing (it precaches the shell) and take the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    });
    await page.waitForLoadState("networkidle");
    await page.reload({ waitUntil: "commit" });
    const repeat = await interactive(page);
    return { first, repeat };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const results = { base: [], slow: [] };
try {
  for (let run = 0; run < RUNS; run++) {
    // Baseline and throttled interleaved, so a busy moment on the machine touches both.
    results.base.push(await measure(run, false));
    results.slow.push(await measure(run, true));
  }
} finally {
  await server.stop();
  rmSync(profileRoot, { recursive: true, force: true });
}

const ms = (v) => `${Math.round(v)} ms`;
let ok = true;
for (const kind of ["first", "repeat"]) {
  const base = median(results.base.map((r) => r[kind]));
  const slow = median(results.slow.map((r) => r[kind]));
  const within = slow <= BUDGET[kind];
  ok &&= within;
  console.log(
    `${kind === "first" ? "first load " : "repeat load"}: throttled median ${ms(slow)} (runs ${results.slow.map((r) => ms(r[kind])).join(", ")}) — budget ${ms(BUDGET[kind])} ${within ? "met" : "MISSED"}; unthrottled baseline median ${ms(base)}`,
  );
}
console.log(ok ? "verdict: within both budgets" : "verdict: OVER BUDGET");
process.exit(ok ? 0 : 1);
