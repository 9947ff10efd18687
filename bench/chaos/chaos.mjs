// `npm run bench:chaos`: the fault-injection proof. Several simulated consoles make CHAOS_WRITES
// writes (default 10,000, each with its own Idempotency-Key, retried with that key until
// acknowledged or given up: liaison messages, and every fifth write of the HQ's and the water
// department's consoles a versioned note on one of four shared checklist items, so consoles race
// on the same versions and most of those come back 409) through a proxy that drops 10 % of answers after the server
// committed, sends 5 % of writes twice and resets WebSockets, while the server process group is
// killed (SIGKILL) and restarted about every 20 s. Then the invariants, each count printed:
// every acknowledged write present exactly once; every unacknowledged one at most once, and known
// to its console; every write refused as stale absent (never a silent overwrite); each item's
// versions one unbroken chain (no lost update); the incident's sequence contiguous; every live
// console ends at the server's seq.
// It starts its own server (fresh state, BENCH_PORT) and stops it. Not part of CI (minutes long).
import { rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { prepareDatabase, startServer } from "../../scripts/local.mjs";
import { startFaultyProxy } from "./proxy.mjs";

const WRITES = Number(process.env.CHAOS_WRITES ?? 10_000);
const CONSOLES = Number(process.env.CHAOS_CONSOLES ?? 16);
const KILL_EVERY_MS = Number(process.env.CHAOS_KILL_SECONDS ?? 20) * 1000;
const GIVE_UP_MS = 90_000;
const STATE = ".wrangler/bench-chaos-state";
const PORT = Number(process.env.BENCH_PORT || 8788);
const PASSWORD = "keizoku-chaos";
const USERS = ["hq", "water", "hospital"];

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}, Node ${process.version}, ${new Date().toISOString()}`);
console.log(`${WRITES} writes from ${CONSOLES} consoles; server killed every ~${KILL_EVERY_MS / 1000} s; 10 % of answers dropped after commit, 5 % of writes sent twice, WebSockets reset every 2–12 s`);
rmSync(STATE, { recursive: true, force: true });
const drill = prepareDatabase({ persistTo: STATE, password: PASSWORD });
const start = () => startServer({ port: PORT, persistTo: STATE, stdio: "ignore", logLevel: "error", config: "bench/wrangler.toml" });
let server = await start();
const SHARED_ITEMS = await activateSharedItems(server.url);
const proxy = await startFaultyProxy({ upstreamPort: PORT });
const BASE = proxy.url;
const DIRECT = server.url;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let kills = 0;
let stopping = false;
const killer = (async () => {
  while (!stopping) {
    await sleep(KILL_EVERY_MS * (0.75 + Math.random() * 0.5));
    if (stopping) break;
    try {
      process.kill(-server.child.pid, "SIGKILL");
    } catch {}
    kills++;
    await new Promise((r) => (server.child.exitCode !== null ? r() : server.child.once("exit", r)));
    for (;;) {
      try {
        server = await start();
        break;
      } catch {
        await sleep(1_000);
      }
    }
  }
})();

async function signIn(login) {
  for (;;) {
    try {
      const r = await fetch(`${BASE}/api/session`, { method: "POST", headers: { Origin: BASE, "Content-Type": "application/json" }, body: JSON.stringify({ login, password: PASSWORD }), signal: AbortSignal.timeout(10_000) });
      if (r.ok) return r.headers.get("set-cookie").split(";")[0];
    } catch {}
    await sleep(500);
  }
}

/**
 * The water department's checklist activated (directly, before any fault), and four of its items
 * that the HQ's and the water department's consoles will all write notes on.
 */
async function activateSharedItems(direct) {
  const login = await fetch(`${direct}/api/session`, { method: "POST", headers: { Origin: direct, "Content-Type": "application/json" }, body: JSON.stringify({ login: "water", password: PASSWORD }) });
  const cookie = login.headers.get("set-cookie").split(";")[0];
  const headers = { Cookie: cookie, Origin: direct, "Content-Type": "application/json" };
  const act = await fetch(`${direct}/api/incidents/${drill.id}/checklists/activations`, { method: "POST", headers: { ...headers, "Idempotency-Key": crypto.randomUUID() }, body: JSON.stringify({ unitIds: ["water"] }) });
  if (!act.ok) throw new Error(`activation refused ${act.status}: ${await act.text()}`);
  const view = await (await fetch(`${direct}/api/incidents/${drill.id}/checklists?unitId=water`, { headers })).json();
  return view.items.slice(0, 4).map((i) => i.id);
}

/** A console's live link: reconnects, and on a gap or a reconnect reads what it missed. */
function liveConsole(cookie) {
  const state = { seq: 0, reconnects: 0, closed: false };
  const catchUp = async () => {
    for (;;) {
      try {
        const r = await fetch(`${BASE}/api/incidents/${drill.id}/changes?after=${state.seq}&limit=1000`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(10_000) });
        if (!r.ok) throw new Error(String(r.status));
        const { items } = await r.json();
        for (const c of items) if (c.seq === state.seq + 1) state.seq = c.seq;
        if (items.length < 1000) return;
      } catch {
        return;
      }
    }
  };
  const open = () => {
    if (state.closed) return;
    const ws = new WebSocket(`${BASE.replace(/^http/, "ws")}/api/incidents/${drill.id}/live`, { headers: { Cookie: cookie, Origin: BASE } });
    state.ws = ws;
    ws.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.type === "hello") void catchUp();
      if (m.type === "changes") for (const c of m.changes) {
        if (c.seq === state.seq + 1) state.seq = c.seq;
        else if (c.seq > state.seq + 1) void catchUp();
      }
    };
    ws.onclose = () => {
      state.reconnects++;
      setTimeout(open, 300 + Math.random() * 700);
    };
    ws.onerror = () => {};
  };
  open();
  state.close = () => {
    state.closed = true;
    state.ws?.close();
  };
  state.catchUp = catchUp;
  return state;
}

const acked = new Map();
const unacked = new Map();
/** Versioned notes: acknowledged (note → item), refused as stale, given up. */
const notes = { acked: new Map(), stale: new Set(), unacked: new Set() };
const tally = { attempts: 0, retries: 0 };
let next = 0;

/**
 * One write with its own key, retried with that key through every fault until the server answers
 * it: the answer, or null when given up.
 */
async function send(url, init, cookieOf, resign) {
  const key = crypto.randomUUID();
  const deadline = Date.now() + GIVE_UP_MS;
  while (Date.now() < deadline) {
    tally.attempts++;
    try {
      const r = await fetch(url, { ...init, headers: { ...init.headers, Cookie: cookieOf(), Origin: BASE, "Content-Type": "application/json", "Idempotency-Key": key }, signal: AbortSignal.timeout(15_000) });
      if (r.status === 200 || r.status === 201 || r.status === 409) return { status: r.status, body: await r.json() };
      if (r.status === 401) await resign();
      else if (r.status >= 400 && r.status < 500 && r.status !== 429) throw new Error(`refused ${r.status}: ${await r.text()}`);
    } catch (e) {
      if (String(e.message).startsWith("refused")) throw e;
    }
    tally.retries++;
    await sleep(200 + Math.random() * 800);
  }
  return null;
}

async function consoleLoop(n) {
  const login = USERS[n % USERS.length];
  let cookie = await signIn(login);
  const resign = async () => void (cookie = await signIn(login));
  const live = liveConsole(cookie);
  /** The version this console last saw of each shared item: a person's screen, often behind. */
  const seen = new Map(SHARED_ITEMS.map((id) => [id, 1]));
  for (let mine = 0; ; mine++) {
    const i = next++;
    if (i >= WRITES) break;
    const body = `chaos ${n}-${i}`;
    if (login !== "hospital" && mine % 5 === 4) {
      const item = SHARED_ITEMS[i % SHARED_ITEMS.length];
      const a = await send(`${BASE}/api/checklists/items/${item}`, { method: "PATCH", body: JSON.stringify({ version: seen.get(item), note: body }) }, () => cookie, resign);
      if (!a) notes.unacked.add(body);
      else if (a.status === 409) {
        notes.stale.add(body);
        if (a.body.error?.current?.version) seen.set(item, a.body.error.current.version);
      } else {
        notes.acked.set(body, item);
        seen.set(item, a.body.data.version);
      }
      continue;
    }
    const a = await send(`${BASE}/api/incidents/${drill.id}/liaison`, { method: "POST", body: JSON.stringify({ kind: "report", toUnitId: login === "hq" ? "water" : "hq", body }) }, () => cookie, resign);
    if (!a || a.status === 409) unacked.set(body, a?.status ?? "gave up");
    else acked.set(body, a.body.seq);
  }
  return live;
}

const t0 = Date.now();
const progress = setInterval(() => console.log(`  … ${acked.size + unacked.size}/${WRITES} settled, ${kills} kills, ${Math.round((Date.now() - t0) / 1000)} s`), 30_000);
const lives = await Promise.all(Array.from({ length: CONSOLES }, (_, n) => consoleLoop(n)));
clearInterval(progress);
stopping = true;
await killer;
proxy.calm();
const seconds = (Date.now() - t0) / 1000;

// The server's change log, read directly (not through the proxy).
const admin = await (async () => {
  const r = await fetch(`${DIRECT}/api/session`, { method: "POST", headers: { Origin: DIRECT, "Content-Type": "application/json" }, body: JSON.stringify({ login: "hq", password: PASSWORD }) });
  return r.headers.get("set-cookie").split(";")[0];
})();
const changes = [];
for (let after = 0; ; ) {
  const r = await fetch(`${DIRECT}/api/incidents/${drill.id}/changes?after=${after}&limit=1000`, { headers: { Cookie: admin } });
  const { items } = await r.json();
  changes.push(...items);
  if (items.length < 1000) break;
  after = items.at(-1).seq;
}
const latest = changes.at(-1)?.seq ?? 0;
// Every live console, out of the faults now, must come to the server's latest seq.
const liveDeadline = Date.now() + 60_000;
while (lives.some((l) => l.seq !== latest) && Date.now() < liveDeadline) {
  await Promise.all(lives.map((l) => (l.seq !== latest ? l.catchUp() : null)));
  await sleep(1_000);
}

const present = new Map();
for (const c of changes) {
  const b = c.entityType === "liaison_message" && c.op === "create" ? c.after?.body : null;
  if (typeof b === "string" && b.startsWith("chaos ")) present.set(b, (present.get(b) ?? 0) + 1);
}
// Versioned notes: how often each note is in the log, and each item's chain of versions in seq order.
const noteCount = new Map();
const chains = new Map(SHARED_ITEMS.map((id) => [id, []]));
for (const c of changes) {
  if (c.entityType !== "checklist_item" || c.op !== "update" || !chains.has(c.entityId)) continue;
  chains.get(c.entityId).push(c);
  const note = c.after?.note;
  if (typeof note === "string" && note.startsWith("chaos ")) noteCount.set(note, (noteCount.get(note) ?? 0) + 1);
}
const notesAckedOnce = [...notes.acked.keys()].filter((b) => noteCount.get(b) === 1).length;
const staleWritten = [...notes.stale].filter((b) => noteCount.has(b)).length;
const notesUnknown = [...noteCount.keys()].filter((b) => !notes.acked.has(b) && !notes.unacked.has(b)).length;
let brokenLinks = 0;
for (const chain of chains.values()) {
  let version = 1;
  for (const c of chain) {
    if (c.before?.version !== version || c.after?.version !== version + 1) brokenLinks++;
    version = c.after?.version ?? version;
  }
}
const updates = [...chains.values()].reduce((n, ch) => n + ch.length, 0);

const ackedOnce = [...acked.keys()].filter((b) => present.get(b) === 1).length;
const ackedMissing = [...acked.keys()].filter((b) => !present.has(b)).length;
const ackedTwice = [...acked.keys()].filter((b) => (present.get(b) ?? 0) > 1).length;
const unackedPresent = [...unacked.keys()].filter((b) => present.get(b) === 1).length;
const unackedAbsent = [...unacked.keys()].filter((b) => !present.has(b)).length;
const unackedTwice = [...unacked.keys()].filter((b) => (present.get(b) ?? 0) > 1).length;
const unknown = [...present.keys()].filter((b) => !acked.has(b) && !unacked.has(b)).length;
let gaps = 0;
for (let i = 0; i < changes.length; i++) if (changes[i].seq !== i + 1) gaps++;
const liveAtLatest = lives.filter((l) => l.seq === latest).length;
lives.forEach((l) => l.close());
await proxy.close();
await server.stop();

console.log(`\nran ${seconds.toFixed(0)} s: ${kills} server kills and restarts; proxy ${JSON.stringify(proxy.counts)}; ${tally.attempts} write attempts (${tally.retries} retries)`);
const checks = [
  [`acknowledged writes present exactly once: ${ackedOnce} of ${acked.size} (missing ${ackedMissing}, more than once ${ackedTwice})`, ackedOnce === acked.size],
  [`unacknowledged writes (given up after ${GIVE_UP_MS / 1000} s, known to their console): ${unacked.size}; present once ${unackedPresent}, absent ${unackedAbsent}, more than once ${unackedTwice}`, unackedTwice === 0],
  [`writes on the server no console knows of: ${unknown}`, unknown === 0],
  [`versioned notes acknowledged present exactly once: ${notesAckedOnce} of ${notes.acked.size}`, notesAckedOnce === notes.acked.size],
  [`versioned notes refused as stale (409) and absent: ${notes.stale.size - staleWritten} of ${notes.stale.size} (written anyway: ${staleWritten})`, staleWritten === 0 && notes.stale.size > 0],
  [`versioned notes on the server no console knows of: ${notesUnknown}; given up: ${notes.unacked.size}`, notesUnknown === 0],
  [`shared items' versions one unbroken chain: ${updates} updates on ${SHARED_ITEMS.length} items, ${brokenLinks} broken links`, brokenLinks === 0 && SHARED_ITEMS.length === 4],
  [`writes settled: ${acked.size + unacked.size + notes.acked.size + notes.stale.size + notes.unacked.size} of ${WRITES}`, acked.size + unacked.size + notes.acked.size + notes.stale.size + notes.unacked.size === WRITES],
  [`incident sequence 1…${latest} contiguous: ${changes.length} changes, ${gaps} out of place`, gaps === 0 && changes.length === latest],
  [`live consoles at the server's latest seq #${latest}: ${liveAtLatest} of ${lives.length} (reconnects ${lives.reduce((n, l) => n + l.reconnects, 0)})`, liveAtLatest === lives.length],
];
for (const [line, ok] of checks) console.log(`${ok ? "ok  " : "FAIL"} ${line}`);
const verdict = checks.every(([, ok]) => ok);
console.log(`verdict: ${verdict ? "PASS — nothing acknowledged lost or doubled, nothing unknown" : "FAIL"}`);
process.exit(verdict ? 0 : 1);
