// Write → every console, open loop, side by side with a bare broadcast room under the same server.
//
// Keizoku: the water HQ posts a liaison message over HTTP (validated, authorised, committed to D1
// with its change-log row by the incident's room, which then broadcasts it); N consoles listen on the incident.
// Baseline: a Durable Object that re-sends each WebSocket message to every socket (bench/worker.ts),
// one writer socket and the same N consoles, messages padded to a change frame's size. The bare
// room keeps the runtime's default WebSocket compression (Keizoku's rooms decline it); its padding,
// one repeated letter, deflates at next to no cost, so it is the stricter baseline: padded with a
// real change's JSON instead, it costs the server more per write than Keizoku does.
// The alternative design, measured before any change to it: the incident's Durable Object numbers
// and stores each write in its own SQLite storage and broadcasts it, D1 only for the session.
// Writes leave at fixed times whatever the answers (open loop); latency is from a write's
// scheduled time to the moment the LAST console has it. Runs alternate Keizoku / baseline /
// alternative, each on a fresh incident and room; figures are medians over runs.
//
// `BENCH_ONLY=live BENCH_PORT=… npm run bench` (a fresh server), or BENCH_URL=… node bench/live.mjs.
// LIVE_SECONDS (default 8) per run, LIVE_RUNS (default 3) runs per side and setting, LIVE_RAMP_RUNS (default 3)
// runs per rate of the rising rate.
import { BASE, ms, openDrillIncident, percentile, signIn, sleep, treeCpuMs, treeRssMiB } from "./lib.mjs";

const SECONDS = Number(process.env.LIVE_SECONDS ?? 8);
const RUNS = Number(process.env.LIVE_RUNS ?? 3);
const SERVER_PID = Number(process.env.BENCH_SERVER_PID) || null;
const SETTINGS = (process.env.LIVE_SETTINGS ?? "10x4,10x50,100x4,100x50,1000x4,1000x50")
  .split(",")
  .map((s) => s.split("x").map(Number));
const RAMP = (process.env.LIVE_RAMP ?? "50,100,150,200,300,400").split(",").map(Number);
/** Runs per rate of the rising rate, each on a fresh incident: a rate is held when the median run's p99 is within 1 s and no run lost anything. */
const RAMP_RUNS = Number(process.env.LIVE_RAMP_RUNS ?? 3);
const WAIT_AFTER_MS = 10_000;
const rss = () => (SERVER_PID ? treeRssMiB(SERVER_PID) : NaN);
const cpu = () => (SERVER_PID ? treeCpuMs(SERVER_PID) : NaN);
const median = (xs) => percentile([...xs].sort((a, b) => a - b), 50);

/** A socket built by `open(i)` → { ws, ready }; a refused upgrade on a loaded machine is tried again. */
async function opened(open, i) {
  for (let attempt = 1; ; attempt++) {
    const s = open(i);
    try {
      await s.ready;
      return s;
    } catch (err) {
      if (attempt === 3) throw err;
      await sleep(500 * attempt);
    }
  }
}

/** Opens `n` sockets, 50 at a time. */
async function openMany(n, open) {
  const all = [];
  for (let i = 0; i < n; i += 50) all.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, j) => opened(open, i + j)))));
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
 * Per write: how many consoles have it and when the last one got it. Each console counts what
 * arrives out of order or after a hole (the baseline's index, Keizoku's seq, must rise by one).
 */
function tracker(consoles) {
  const got = new Map(); // write index → { count, last }
  const perConsole = Array.from({ length: consoles }, () => ({ last: null, outOfOrder: 0 }));
  return {
    got,
    perConsole,
    /** `order`: the position the sender gave it (Keizoku: its stream seq; baseline: its index). */
    arrive(c, i, at, order = i) {
      const own = perConsole[c];
      if (own.last !== null && order !== own.last + 1) own.outOfOrder++;
      own.last = own.last === null ? order : Math.max(own.last, order);
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
    fire(i, at);
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

/**
 * Where a side's writes go and its consoles listen. Keizoku: HTTP liaison posts, committed to D1,
 * announced by the incident's room. Sequenced: the alternative, the room itself numbers and
 * stores each write (bench/worker.ts), D1 only for the session.
 */
const SIDES = {
  keizoku: async (hq) => {
    const incident = await openDrillIncident(hq, "live bench");
    const base = `/api/incidents/${incident.id}`;
    return { write: `${base}/liaison`, live: `${base}/live`, list: `${base}/liaison` };
  },
  sequenced: async () => {
    const base = `/bench/sequenced/${Date.now()}-${Math.random().toString(36).slice(2)}`;
    return { write: `${base}/liaison`, live: `${base}/live`, list: `${base}/liaison` };
  },
};

export async function writeRun({ side = "keizoku", consoles, rate, seconds, onConnected }) {
  const { hq, water } = await signedIn();
  const paths = await SIDES[side](hq);
  const mark = `b${Date.now().toString(36)}`;
  const t = tracker(consoles);
  let frames = 0; // change frames the first console got: the room sends changes due together as one
  const url = `${BASE.replace(/^http/, "ws")}${paths.live}`;
  const onFrame = (c) => (data, at) => {
    const m = JSON.parse(data);
    if (c === 0 && m.type === "changes") frames++;
    const changes = m.type === "changes" ? m.changes : [];
    for (const ch of changes) {
      const body = ch.after?.body;
      // Writes sent together commit in any order; each console must get the stream's seqs in order.
      if (typeof body === "string" && body.startsWith(mark)) t.arrive(c, Number(body.slice(mark.length + 1)), at, ch.seq);
    }
  };
  const sockets = await openMany(consoles, (c) => socket(url, { Cookie: hq.cookie, Origin: BASE }, onFrame(c)));
  await onConnected?.();
  const answers = { ok: [], status5xx: 0, other: 0, failed: 0, took: [] };
  const pending = [];
  const cpuBefore = cpu();
  const scheduled = await openLoop(rate, seconds, (i, at) => {
    pending.push(
      water
        .send("POST", paths.write, { kind: "report", priority: "normal", toUnitId: "hq", body: `${mark} ${i}` })
        .then(async (res) => {
          await res.arrayBuffer();
          answers.took.push(performance.now() - at);
          if (res.status === 201) answers.ok.push(i);
          else if (res.status >= 500) answers.status5xx++;
          else answers.other++;
        })
        .catch(() => answers.failed++),
    );
  });
  await Promise.all(pending);
  await settle(t, answers.ok, consoles);
  const cpuPerWrite = (cpu() - cpuBefore) / scheduled.length;
  const f = figures(t, scheduled, answers.ok, consoles);
  // Nothing acknowledged may be missing from the log either: every page of it (the log answers a page at a time).
  const stored = new Set();
  for (let after = null; ; ) {
    const page = await (await hq.get(after ? `${paths.list}?after=${encodeURIComponent(after)}` : paths.list)).json();
    for (const m of page.items) if (m.body.startsWith(mark)) stored.add(Number(m.body.slice(mark.length + 1)));
    if (!page.next) break;
    after = page.next;
  }
  const lost = answers.ok.filter((i) => !stored.has(i)).length;
  for (const s of sockets) s.ws.close();
  answers.took.sort((a, b) => a - b);
  return { ...f, answer50: percentile(answers.took, 50), answer99: percentile(answers.took, 99), perFrame: answers.ok.length / Math.max(1, frames), cpuPerWrite, sent: scheduled.length, acknowledged: answers.ok.length, status5xx: answers.status5xx, refused: answers.other, failed: answers.failed, lost };
}

/** Baseline: one writer socket, a room that re-sends everything, no D1, no checks. */
export async function bareRun({ consoles, rate, seconds, padTo = 900, onConnected }) {
  const room = `${BASE.replace(/^http/, "ws")}/bench/bare/${Date.now()}-${Math.random()}`;
  const t = tracker(consoles);
  const sockets = await openMany(consoles, (c) =>
    socket(room, {}, (data, at) => {
      t.arrive(c, JSON.parse(data).i, at);
    }),
  );
  const writer = await opened(() => socket(room, {}, () => {}), 0);
  await onConnected?.();
  const pad = "x".repeat(padTo);
  const cpuBefore = cpu();
  const scheduled = await openLoop(rate, seconds, (i) => writer.ws.send(JSON.stringify({ i, pad })));
  const expected = scheduled.map((_, i) => i);
  await settle(t, expected, consoles);
  const cpuPerWrite = (cpu() - cpuBefore) / scheduled.length;
  const f = figures(t, scheduled, expected, consoles);
  for (const s of [...sockets, writer]) s.ws.close();
  return { ...f, cpuPerWrite, sent: scheduled.length, acknowledged: scheduled.length, status5xx: 0, refused: 0, failed: 0, lost: 0 };
}

const sum = (rs, k) => rs.reduce((a, r) => a + r[k], 0);

const SIDE_NAMES = (process.env.LIVE_SIDES ?? "keizoku,bare,sequenced").split(",");
const pad = (v, n) => String(v).padStart(n);

export async function runLive() {
  console.log(`# live: write → every console, open loop, ${RUNS} alternating runs of ${SECONDS} s per side and setting, medians`);
  console.log("  K = Keizoku (HTTP → the incident room commits the D1 batch → broadcast), b = bare broadcast room, S = alternative: the room sequences and stores writes (DO SQLite)");
  console.log("  CPU/write: server CPU time (all its processes, user + system) per write sent, from the open loop's start until every console had them");
  console.log("consoles  w/s |  K p50      K p99 |  b p50      b p99 |  S p50      S p99 | K/b p99  S/b p99 | CPU/write K/b/S (ms) | missing K/b/S  out-of-order K/b/S  5xx K/S  lost K/S");
  // Memory around every run with 1,000 consoles: before they connect, with all connected, and 5 s
  // after they left; and from the server's start. The runtime keeps what it once allocated for
  // sockets, so the first such run raises the floor (the bare room's too); each later run shows
  // whether leaving consoles leave anything behind.
  const memory = { start: rss(), episodes: [], end: NaN };
  const table = [];
  for (const [consoles, rate] of SETTINGS) {
    const runs = Object.fromEntries(SIDE_NAMES.map((n) => [n, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const side of SIDE_NAMES) {
        const episode = consoles >= 1000 && SERVER_PID ? { side, before: rss(), at: NaN, after: NaN } : null;
        const onConnected = episode ? async () => void (episode.at = rss()) : undefined;
        runs[side].push(side === "bare" ? await bareRun({ consoles, rate, seconds: SECONDS, onConnected }) : await writeRun({ side, consoles, rate, seconds: SECONDS, onConnected }));
        if (episode) {
          await sleep(5_000);
          episode.after = rss();
          memory.episodes.push(episode);
        }
      }
    }
    const of = (side, k) => (runs[side]?.length ? median(runs[side].map((r) => r[k])) : NaN);
    const total = (side, k) => (runs[side]?.length ? sum(runs[side], k) : 0);
    const row = {
      consoles,
      rate,
      k50: of("keizoku", "p50"),
      k99: of("keizoku", "p99"),
      b50: of("bare", "p50"),
      b99: of("bare", "p99"),
      s50: of("sequenced", "p50"),
      s99: of("sequenced", "p99"),
      missingK: total("keizoku", "missing"),
      orderK: total("keizoku", "outOfOrder"),
      status5xx: total("keizoku", "status5xx"),
      lost: total("keizoku", "lost"),
    };
    table.push(row);
    const cell = (v) => (Number.isNaN(v) ? "—" : ms(v));
    console.log(
      `${pad(consoles, 8)} ${pad(rate, 4)} | ${pad(cell(row.k50), 9)} ${pad(cell(row.k99), 10)} | ${pad(cell(row.b50), 9)} ${pad(cell(row.b99), 10)} | ${pad(cell(row.s50), 9)} ${pad(cell(row.s99), 10)} | ` +
        `${pad((row.k99 / row.b99).toFixed(2), 6)}× ${pad((row.s99 / row.b99).toFixed(2), 6)}× | ` +
        `${pad(["keizoku", "bare", "sequenced"].map((n) => of(n, "cpuPerWrite").toFixed(1)).join("/"), 20)} | ` +
        `${["keizoku", "bare", "sequenced"].map((n) => total(n, "missing")).join("/")}  ${["keizoku", "bare", "sequenced"].map((n) => total(n, "outOfOrder")).join("/")}  ` +
        `${total("keizoku", "status5xx")}/${total("sequenced", "status5xx")}  ${total("keizoku", "lost")}/${total("sequenced", "lost")}` +
        `${total("keizoku", "refused") + total("keizoku", "failed") + total("sequenced", "refused") + total("sequenced", "failed") ? "  (some refused or failed)" : ""}`,
    );
  }
  await sleep(5_000);
  memory.end = rss();

  // One incident under a rising rate: the highest that keeps p99 within 1 s, loses nothing, no 5xx.
  const sustained = {};
  const rampKeizoku = { missing: 0, outOfOrder: 0, lost: 0 };
  for (const side of SIDE_NAMES.filter((n) => n !== "bare")) {
    console.log(`\n# one incident (${side}), 10 consoles, rising write rate (${RAMP_RUNS} runs of ${SECONDS} s per rate, medians)`);
    sustained[side] = 0;
    for (const rate of RAMP) {
      const rs = [];
      for (let run = 0; run < RAMP_RUNS; run++) rs.push(await writeRun({ side, consoles: 10, rate, seconds: SECONDS }));
      const of = (k) => median(rs.map((r) => r[k]));
      const none = (k) => sum(rs, k) === 0;
      const ok = of("p99") <= 1000 && ["status5xx", "lost", "missing", "refused", "failed"].every(none);
      console.log(
        `  ${pad(rate, 4)} w/s: p50 ${ms(of("p50"))}, p99 ${ms(of("p99"))} (runs: ${rs.map((r) => ms(r.p99)).join(", ")}; the writer's answer p50 ${ms(of("answer50"))}, p99 ${ms(of("answer99"))}; ${of("perFrame").toFixed(1)} changes per frame); server CPU ${of("cpuPerWrite").toFixed(1)} ms/write; ` +
          `acknowledged ${sum(rs, "acknowledged")}/${sum(rs, "sent")}, 5xx ${sum(rs, "status5xx")}, refused ${sum(rs, "refused")}, failed ${sum(rs, "failed")}, lost ${sum(rs, "lost")}, missing ${sum(rs, "missing")}, out of order ${sum(rs, "outOfOrder")}${ok ? "" : "  ← past the limit"}`,
      );
      if (side === "keizoku") for (const k of Object.keys(rampKeizoku)) rampKeizoku[k] += sum(rs, k);
      if (!ok) break;
      sustained[side] = rate;
    }
  }

  console.log("\n# targets");
  const at = (c, w) => table.find((r) => r.consoles === c && r.rate === w);
  const check = (label, pass) => console.log(`  ${pass === undefined ? "n/a " : pass ? "MET " : "MISS"} ${label}`);
  const t100 = at(100, 50);
  const t1000 = at(1000, 4);
  check(`100 consoles, 50 w/s: Keizoku p99 within 2× bare (${t100 ? `${(t100.k99 / t100.b99).toFixed(2)}×` : "not run"})`, t100 && t100.k99 <= 2 * t100.b99);
  check(`1,000 consoles, 4 w/s: Keizoku p99 within 2× bare (${t1000 ? `${(t1000.k99 / t1000.b99).toFixed(2)}×` : "not run"})`, t1000 && t1000.k99 <= 2 * t1000.b99);
  check(`one incident sustains ≥ 150 w/s with p99 ≤ 1 s (median of ${RAMP_RUNS} runs), zero 5xx, nothing lost (highest passed: ${sustained.keizoku} w/s of ${RAMP.join(", ")})`, sustained.keizoku >= 150);
  if (sustained.sequenced !== undefined) console.log(`       the alternative (room sequences and stores): ${sustained.sequenced} w/s`);
  for (const r of table) if (!Number.isNaN(r.s99)) console.log(`       alternative vs bare at ${r.consoles} consoles, ${r.rate} w/s: ${(r.s99 / r.b99).toFixed(2)}×`);
  // Every Keizoku run counts here, the rising rate's runs past the limit included.
  const missingK = sum(table, "missingK") + rampKeizoku.missing;
  const orderK = sum(table, "orderK") + rampKeizoku.outOfOrder;
  const lostK = sum(table, "lost") + rampKeizoku.lost;
  check(`nothing lost or out of order in any run, the rising rate's included (missing ${missingK}, out of order ${orderK}, lost ${lostK})`, missingK + orderK + lostK === 0);
  const mib = (v) => `${v.toFixed(0)} MiB`;
  const growth = (a, b) => `${(((b - a) / a) * 100).toFixed(1)} %`;
  for (const [i, e] of memory.episodes.entries()) {
    console.log(`       memory, 1,000-console run ${i + 1} (${e.side}): ${mib(e.before)} before → ${mib(e.at)} connected → ${mib(e.after)} 5 s after they left (${growth(e.before, e.after)})`);
  }
  // Judged on the last Keizoku run: by then the runtime's socket memory is at its high-water mark.
  const last = memory.episodes.filter((e) => e.side === "keizoku").at(-1);
  check(
    `server memory back within 20 % after 1,000 consoles leave, the last such Keizoku run: ${last ? `${mib(last.before)} → ${mib(last.at)} → ${mib(last.after)} (${growth(last.before, last.after)})` : "not run"}`,
    last ? (last.after - last.before) / last.before <= 0.2 : undefined,
  );
  console.log(`       from the server's start: ${mib(memory.start)} → ${mib(memory.end)} after every run (${growth(memory.start, memory.end)}); a cold server's first 1,000 sockets raise it for good, the bare room's as much`);
  return { table, sustained, memory };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runLive();
  process.exit(0);
}
