// `npm run bench:wall`: the HQ wall display left running in Chromium under a steady write load.
// Prints the JS heap (after a forced GC), the DOM node count and the JS event listener count at the
// start, every few minutes, and at the end, and whether each grew under 10 %. WALL_MINUTES sets the
// duration (default 30); WALL_WRITES_PER_MIN the load (60).
// `wrangler dev` rebuilds the worker whenever a source file changes: editing or merging in this tree
// during a run restarts the server under the load (a merge conflict leaves it failing until fixed).
// Run it from a tree nobody edits, or expect those failures in the counts.
// It starts its own local server (fresh state, BENCH_PORT) unless BENCH_URL names one.
import { mkdirSync, openSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { chromium } from "playwright-core";
import { prepareDatabase, startServer } from "../../scripts/local.mjs";

const MINUTES = Number(process.env.WALL_MINUTES ?? 30);
const WRITES_PER_MIN = Number(process.env.WALL_WRITES_PER_MIN ?? 60);
const SAMPLE_EVERY_MIN = Number(process.env.WALL_SAMPLE_MINUTES ?? 5);
// Minutes under the load before the starting figure. The page keeps bounded buffers that fill in the
// first minutes of a fresh incident and then stay full: the feed's last 300 changes, and the
// browser's own performance timeline (250 resource timings, 150 layout shifts). Growth measured
// from a page whose buffers are still filling would count their filling, not what goes on for days.
const SETTLE_MIN = Number(process.env.WALL_SETTLE_MINUTES ?? 5);
const STATE = process.env.WALL_STATE ?? ".wrangler/bench-wall-state";
// e.g. WALL_QUERY="?panels=attention,units,hospital,chronology" or "?cycle=20"
const QUERY = process.env.WALL_QUERY ?? "";
const PASSWORD = process.env.DEMO_PASSWORD || "keizoku";

let server = null;
// The server's own output goes to a file beside its state, so a server that fails says why.
const SERVER_LOG = `${STATE}-server.log`;
if (!process.env.BENCH_URL) {
  rmSync(STATE, { recursive: true, force: true });
  mkdirSync(STATE, { recursive: true });
  prepareDatabase({ persistTo: STATE, password: PASSWORD });
  server = await startServer({ port: Number(process.env.BENCH_PORT || 8788), persistTo: STATE, stdio: openSync(SERVER_LOG, "w"), logLevel: "warn" });
}
const BASE = process.env.BENCH_URL ?? server.url;
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, ${new Date().toISOString()}`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
console.log(`load average at start: ${load()}${server ? `; server log: ${SERVER_LOG}` : ""}`);
console.log(`wall display${QUERY ? ` (${QUERY})` : ""} for ${MINUTES} min under ${WRITES_PER_MIN} writes/min (open loop), after ${SETTLE_MIN} min settling under the same load, sampled every ${SAMPLE_EVERY_MIN} min`);

async function signIn(login) {
  const res = await fetch(`${BASE}/api/session`, {
    method: "POST",
    headers: { Origin: BASE, "Content-Type": "application/json" },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${login}: ${res.status}`);
  const cookie = res.headers.get("set-cookie").split(";")[0];
  // A write that fails or hangs is counted, never fatal: the bench is about the wall, not the server.
  const send = async (method, path, body) => {
    try {
      const r = await fetch(`${BASE}${path}`, {
        method,
        headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const parsed = await r.json().catch(() => null);
      // An answer that is not the JSON the API sends (a server rebuilding mid-run answers an error page)
      // counts as a failure, never as a crash of the load.
      return parsed === null ? { status: 0, body: null } : { status: r.status, body: parsed };
    } catch {
      return { status: 0, body: null };
    }
  };
  const get = async (path) => (await fetch(`${BASE}${path}`, { headers: { Cookie: cookie } })).json();
  return { cookie, send, get };
}

const hq = await signIn("hq");
const water = await signIn("water");
const incident = (await hq.get("/api/incidents")).items.find((i) => i.status === "open");
const units = (await hq.get("/api/units")).items.map((u) => u.id);
const activated = await hq.send("POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds: units });
const items = (await hq.get(`/api/incidents/${incident.id}/checklists`)).items.map((i) => ({ id: i.id, version: i.version }));
console.log(`incident "${incident.title}": ${units.length} units, ${items.length} checklist items`);
// Without items there is no load to run: say why instead of failing on the first write.
if (items.length === 0) {
  console.log(`no checklist items to write to (activation answered ${activated.status}: ${JSON.stringify(activated.body)})`);
  await server?.stop();
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failures = 0;
let writes = 0;
let loadTimer = null;
/** Answers by status since the last sample (0: no answer within 30 s), so a load that stops is seen when it stops. */
let statuses = new Map();
let serverAlive = true;
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  await page.goto(BASE);
  await page.getByLabel("ログインID").fill("hq");
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.getByRole("heading", { name: "災害・訓練一覧" }).waitFor();
  await page.goto(`${BASE}/wall/${incident.id}${QUERY}`);
  await page.locator("[data-testid=wall] [data-testid=attention-queue][data-seq]").waitFor({ timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");

  async function sample() {
    serverAlive = await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.ok, () => false);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const dom = await cdp.send("Memory.getDOMCounters");
    const seq = await page.locator("[data-testid=attention-queue]").getAttribute("data-seq");
    return { heapMiB: heap.usedSize / 1048576, nodes: dom.nodes, listeners: dom.jsEventListeners, seq: Number(seq) };
  }

  // Open loop: a write is started on schedule whether or not the previous one has answered.
  let tick = 0;
  loadTimer = setInterval(() => {
    tick++;
    writes++;
    const done = (r) => {
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 0 || r.status >= 300) failures++;
    };
    if (tick % 10 === 0) {
      // Every tenth write: a report from the water HQ, acknowledged by the HQ a few seconds later.
      void water
        .send("POST", `/api/incidents/${incident.id}/liaison`, { kind: "report", priority: tick % 30 === 0 ? "urgent" : "high", toUnitId: "hq", body: `配水状況 定時報告 ${tick}` })
        .then((r) => {
          done(r);
          if (r.status === 201) setTimeout(() => void hq.send("POST", `/api/incidents/${incident.id}/liaison/${r.body.data.id}/ack`, { version: r.body.data.version }).then(done), 5_000);
        });
      return;
    }
    const item = items[tick % items.length];
    void hq.send("PATCH", `/api/checklists/items/${item.id}`, { version: item.version, note: `確認 ${tick}` }).then((r) => {
      done(r);
      if (r.status === 200) item.version = r.body.data.version;
      // A write that timed out here may still have committed: the refusal carries the item as it is, so
      // the next write to it starts from there instead of being refused for ever after.
      else if (r.status === 409 && r.body?.error?.current?.version) item.version = r.body.error.current.version;
    });
  }, 60_000 / WRITES_PER_MIN);

  const line = (label, s) => {
    const answers = [...statuses].sort(([a], [b]) => a - b).map(([k, n]) => `${k || "none"}×${n}`).join(" ") || "none";
    statuses = new Map();
    const alive = serverAlive;
    console.log(`${label.padEnd(8)} server ${alive ? "up" : "NOT ANSWERING"}  heap ${s.heapMiB.toFixed(2)} MiB  DOM nodes ${s.nodes}  listeners ${s.listeners}  seq ${s.seq}  writes answered ${answers}  load ${load()}`);
  };
  // The first load and the map settle; then the buffers fill under the load before the starting figure.
  await new Promise((r) => setTimeout(r, 30_000));
  const opened = await sample();
  line("opened", opened);
  await new Promise((r) => setTimeout(r, Math.max(0, SETTLE_MIN * 60_000 - 30_000)));
  const start = await sample();
  line("start", start);
  const began = Date.now();
  const endAt = began + MINUTES * 60_000;
  while (Date.now() < endAt) {
    await new Promise((r) => setTimeout(r, Math.min(SAMPLE_EVERY_MIN * 60_000, endAt - Date.now())));
    line(`${Math.round((Date.now() - began) / 60_000)} min`, await sample());
  }
  clearInterval(loadTimer);
  loadTimer = null;
  const end = await sample();
  line("end", end);
  // Each figure start → end and whether it kept within the goal; listeners too, since a leak of
  // listeners on nodes that stay (or on no node at all) leaves the DOM count flat.
  const pct = (a, b) => `${b >= a ? "+" : ""}${(((b - a) / a) * 100).toFixed(1)} %`;
  console.log(`while settling (${SETTLE_MIN} min from opening, buffers filling): JS heap ${pct(opened.heapMiB, start.heapMiB)}, DOM nodes ${pct(opened.nodes, start.nodes)}, listeners ${pct(opened.listeners, start.listeners)}`);
  console.log(`growth over ${MINUTES} min from start (goal: each under 10 %):`);
  for (const [name, a, b, unit] of [
    ["JS heap", start.heapMiB, end.heapMiB, " MiB"],
    ["DOM nodes", start.nodes, end.nodes, ""],
    ["JS event listeners", start.listeners, end.listeners, ""],
  ]) {
    const show = (x) => (unit ? x.toFixed(2) : String(x)) + unit;
    console.log(`  ${name.padEnd(19)} ${show(a)} → ${show(b)}  ${pct(a, b)}  ${(b - a) / a < 0.1 ? "within 10 %" : "OVER 10 %"}`);
  }
  console.log(`writes started ${writes}, refused or failed ${failures}; wall followed seq ${start.seq} → ${end.seq}`);
} finally {
  if (loadTimer) clearInterval(loadTimer);
  await browser.close();
  server?.stop();
}
process.exit(0);
