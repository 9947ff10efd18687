// Write → every console, open loop, side by side with a bare broadcast room under the same server.
//
// Keizoku: the water HQ posts a liaison message over HTTP (validated, authorised, committed to D1
// with its change-log row, announced by the incident's room); N consoles listen on the incident.
// Baseline: a Durable Object that re-sends each WebSocket message to every socket (bench/worker.ts),
// one writer socket and the same N consoles, messages padded to a change frame's size.
// Writes leave at fixed times whatever the answers (open loop); latency is from a write's
// scheduled time to the moment the LAST console has it. Runs alternate Keizoku / baseline, each
// on a fresh incident and room; figures are medians over runs.
//
// `BENCH_ONLY=live BENCH_PORT=… npm run bench` (a fresh server), or BENCH_URL=… node bench/live.mjs.
// LIVE_SECONDS (default 8) per run, LIVE_RUNS (default 3) runs per side and setting.
import { BASE, ms, openDrillIncident, percentile, signIn, sleep, treeRssMiB } from "./lib.mjs";

const SECONDS = Number(process.env.LIVE_SECONDS ?? 8);
const RUNS = Number(process.env.LIVE_RUNS ?? 3);
const SERVER_PID = Number(process.env.BENCH_SERVER_PID) || null;
const SETTINGS = (process.env.LIVE_SETTINGS ?? "10x4,10x50,100x4,100x50,1000x4,1000x50")
  .split(",")
  .map((s) => s.split("x").map(Number));
const RAMP = (process.env.LIVE_RAMP ?? "50,100,150,200,300,400").split(",").map(Number);
const WAIT_AFTER_MS = 10_000;
const rss = () => (SERVER_PID ? treeRssMiB(SERVER_PID) : NaN);
const median = (xs) => percentile([...xs].sort((a, b) => a - b), 50);

/** Opens `n` sockets, 50 at a time, each built by `open(i)` → { ws, ready }. */
async function openMany(n, open) {
  const all = [];
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, (_, j) => open(i + j));
    await Promise.all(batch.map((b) => b.ready));
    all.push(...batch);
  }
  return all;
}

function socket(url, headers, onMessage) {
  const ws = new WebSocket(url, { headers });
  const ready = new Promise((resolve, reject) => {
    ws.onerror = () => reject(new Error(`websocket ${url} failed`));
    ws.onopen = () => resolve();
  });
  ws.onmessage = (e) => onMessage(e.data, performance.now());
  return { ws, ready };
}

/**
 * Per write: how many consoles have it and when the last one got it. Each console checks that
 * what it receives comes in order without holes.
 */
function tracker(consoles) {
  const got = new Map(); // write index → { count, last }
  const perConsole = Array.from({ length: consoles }, () => ({ last: -1, outOfOrder: 0 }));
  return {
    got,
    perConsole,
    arrive(c, i, at) {
      const own = perConsole[c];
      if (i !== own.last + 1) own.outOfOrder++;
      own.last = Math.max(own.last, i);
      const g = got.get(i) ?? { count: 0, last: 0 };
      g.count++;
      g.last = Math.max(g.last, at);
      got.set(i, g);
    },
  };
}

/** Fires `fire(i)` at start + i / rate for `seconds`, never waiting on an answer. */
async function openLoop(rate, seconds, fire) {
  const total = Math.round(rate * seconds);
  const start = performance.now() + 50;
  const scheduled = [];
  for (let i = 0; i < total; i++) {
    const at = start + (i * 1000) / rate;
    scheduled.push(at);
    const wait = at - performance.now();
    if (wait > 1) await sleep(wait);
    fire(i);
  }
  return scheduled;
}

async function settle(t, expected, consoles) {
  const deadline = performance.now() + WAIT_AFTER_MS;
  while (performance.now() < deadline) {
    let all = true;
    for (const i of expected) if ((t.got.get(i)?.count ?? 0) < consoles) all = false;
    if (all) return;
    await sleep(50);
  }
}

function figures(t, scheduled, expected, consoles) {
  const lat = [];
  let missing = 0;
  for (const i of expected) {
    const g = t.got.get(i);
    if (!g || g.count < consoles) missing += consoles - (g?.count ?? 0);
    else lat.push(g.last - scheduled[i]);
  }
  lat.sort((a, b) => a - b);
  return {
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    missing,
    outOfOrder: t.perConsole.reduce((a, c) => a + c.outOfOrder, 0),
  };
}

let people = null;
async function signedIn() {
  people ??= { hq: await signIn("hq"), water: await signIn("water") };
  return people;
}

/** Keizoku: HTTP liaison posts, announced by the incident's room. */
export async function keizokuRun({ consoles, rate, seconds, onConnected }) {
  const { hq, water } = await signedIn();
  const incident = await openDrillIncident(hq, `live bench ${consoles}×${rate}`);
  const mark = `b${Date.now().toString(36)}`;
  const t = tracker(consoles);
  const url = `${BASE.replace(/^http/, "ws")}/api/incidents/${incident.id}/live`;
  const onFrame = (c) => (data, at) => {
    const m = JSON.parse(data);
    const changes = m.type === "changes" ? m.changes : m.type === "change" ? [m.change] : [];
    for (const ch of changes) {
      const body = ch.after?.body;
      if (typeof body === "string" && body.startsWith(mark)) t.arrive(c, Number(body.slice(mark.length + 1)), at);
    }
  };
  const sockets = await openMany(consoles, (c) => socket(url, { Cookie: hq.cookie, Origin: BASE }, onFrame(c)));
  await onConnected?.();
  const answers = { ok: [], status5xx: 0, other: 0, failed: 0 };
  const pending = [];
  const scheduled = await openLoop(rate, seconds, (i) => {
    pending.push(
      water
        .send("POST", `/api/incidents/${incident.id}/liaison`, { kind: "report", priority: "normal", toUnitId: "hq", body: `${mark} ${i}` })
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status === 201) answers.ok.push(i);
          else if (res.status >= 500) answers.status5xx++;
          else answers.other++;
        })
        .catch(() => answers.failed++),
    );
  });
  await Promise.all(pending);
  await settle(t, answers.ok, consoles);
  const f = figures(t, scheduled, answers.ok, consoles);
  // Nothing acknowledged may be missing from the log either.
  const list = await (await hq.get(`/api/incidents/${incident.id}/liaison`)).json();
  const stored = new Set(list.items.filter((m) => m.body.startsWith(mark)).map((m) => Number(m.body.slice(mark.length + 1))));
  const lost = answers.ok.filter((i) => !stored.has(i)).length;
  for (const s of sockets) s.ws.close();
  return { ...f, sent: scheduled.length, acknowledged: answers.ok.length, status5xx: answers.status5xx, refused: answers.other, failed: answers.failed, lost };
}

/** Baseline: one writer socket, a room that re-sends everything, no D1, no checks. */
export async function bareRun({ consoles, rate, seconds, padTo = 900 }) {
  const room = `${BASE.replace(/^http/, "ws")}/bench/bare/${Date.now()}-${Math.random()}`;
  const t = tracker(consoles);
  const sockets = await openMany(consoles, (c) =>
    socket(room, {}, (data, at) => {
      t.arrive(c, JSON.parse(data).i, at);
    }),
  );
  const writer = socket(room, {}, () => {});
  await writer.ready;
  const pad = "x".repeat(padTo);
  const scheduled = await openLoop(rate, seconds, (i) => writer.ws.send(JSON.stringify({ i, pad })));
  const expected = scheduled.map((_, i) => i);
  await settle(t, expected, consoles);
  const f = figures(t, scheduled, expected, consoles);
  for (const s of [...sockets, writer]) s.ws.close();
  return { ...f, sent: scheduled.length, acknowledged: scheduled.length, status5xx: 0, refused: 0, failed: 0, lost: 0 };
}

const sum = (rs, k) => rs.reduce((a, r) => a + r[k], 0);

export async function runLive() {
  console.log(`# live: write → every console, open loop, ${RUNS} alternating runs of ${SECONDS} s per side and setting, medians`);
  console.log("consoles  w/s | Keizoku p50     p99 | bare p50     p99 | p99 ratio | missing K/b  out-of-order K/b  5xx  lost");
  const memory = { before: rss(), at1000: NaN, after: NaN };
  const table = [];
  for (const [consoles, rate] of SETTINGS) {
    const k = [];
    const b = [];
    for (let run = 0; run < RUNS; run++) {
      const measureMemory = consoles >= 1000 && run === 0 && Number.isNaN(memory.at1000);
      k.push(
        await keizokuRun({
          consoles,
          rate,
          seconds: SECONDS,
          onConnected: measureMemory ? async () => void (memory.at1000 = rss()) : undefined,
        }),
      );
      b.push(await bareRun({ consoles, rate, seconds: SECONDS }));
    }
    const row = {
      consoles,
      rate,
      k50: median(k.map((r) => r.p50)),
      k99: median(k.map((r) => r.p99)),
      b50: median(b.map((r) => r.p50)),
      b99: median(b.map((r) => r.p99)),
      missingK: sum(k, "missing"),
      missingB: sum(b, "missing"),
      orderK: sum(k, "outOfOrder"),
      orderB: sum(b, "outOfOrder"),
      status5xx: sum(k, "status5xx"),
      lost: sum(k, "lost"),
      refused: sum(k, "refused") + sum(k, "failed"),
    };
    table.push(row);
    console.log(
      `${String(consoles).padStart(8)} ${String(rate).padStart(4)} | ${ms(row.k50).padStart(10)} ${ms(row.k99).padStart(10)} | ${ms(row.b50).padStart(9)} ${ms(row.b99).padStart(9)} | ${(row.k99 / row.b99).toFixed(2).padStart(8)}× | ` +
        `${row.missingK}/${row.missingB}  ${row.orderK}/${row.orderB}  ${row.status5xx}  ${row.lost}${row.refused ? `  (refused or failed: ${row.refused})` : ""}`,
    );
  }
  await sleep(5_000);
  memory.after = rss();

  // One incident under a rising rate: the highest that keeps p99 within 1 s, loses nothing, no 5xx.
  console.log(`\n# one incident, 10 consoles, rising write rate (${SECONDS} s each)`);
  let sustained = 0;
  for (const rate of RAMP) {
    const r = await keizokuRun({ consoles: 10, rate, seconds: SECONDS });
    const ok = r.p99 <= 1000 && r.status5xx === 0 && r.lost === 0 && r.missing === 0 && r.refused === 0 && r.failed === 0;
    console.log(
      `  ${String(rate).padStart(4)} w/s: p50 ${ms(r.p50)}, p99 ${ms(r.p99)}; acknowledged ${r.acknowledged}/${r.sent}, 5xx ${r.status5xx}, refused ${r.refused}, failed ${r.failed}, lost ${r.lost}, missing ${r.missing}, out of order ${r.outOfOrder}${ok ? "" : "  ← past the limit"}`,
    );
    if (!ok) break;
    sustained = rate;
  }

  console.log("\n# targets");
  const at = (c, w) => table.find((r) => r.consoles === c && r.rate === w);
  const check = (label, pass) => console.log(`  ${pass === undefined ? "n/a " : pass ? "MET " : "MISS"} ${label}`);
  const t100 = at(100, 50);
  const t1000 = at(1000, 4);
  check(`100 consoles, 50 w/s: Keizoku p99 within 2× bare (${t100 ? `${(t100.k99 / t100.b99).toFixed(2)}×` : "not run"})`, t100 && t100.k99 <= 2 * t100.b99);
  check(`1,000 consoles, 4 w/s: Keizoku p99 within 2× bare (${t1000 ? `${(t1000.k99 / t1000.b99).toFixed(2)}×` : "not run"})`, t1000 && t1000.k99 <= 2 * t1000.b99);
  check(`one incident sustains ≥ 150 w/s with p99 ≤ 1 s, zero 5xx, nothing lost (highest passed: ${sustained} w/s of ${RAMP.join(", ")})`, sustained >= 150);
  check(`nothing lost or out of order in any setting (missing ${sum(table, "missingK")}, out of order ${sum(table, "orderK")}, lost ${sum(table, "lost")})`, sum(table, "missingK") + sum(table, "orderK") + sum(table, "lost") === 0);
  const grew = (memory.after - memory.before) / memory.before;
  check(
    `server memory back within 20 % after 1,000 consoles leave: ${memory.before.toFixed(0)} MiB before → ${memory.at1000.toFixed(0)} MiB at 1,000 → ${memory.after.toFixed(0)} MiB after (${(grew * 100).toFixed(1)} %)`,
    Number.isNaN(grew) || Number.isNaN(memory.at1000) ? undefined : grew <= 0.2,
  );
  return { table, sustained, memory };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runLive();
  process.exit(0);
}
