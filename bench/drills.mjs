// Triage drill under load: a 500-casualty drill tagged from 20 tablets at once. Checks that the
// counts a live listener derives equal the server's board, ends the drill and prints the scoring
// server time (Server-Timing) and tagging latency. Standalone: `node bench/drills.mjs` against a
// running server at BENCH_URL, signing in as the demo hospital editor.
const BASE = process.env.BENCH_URL ?? "http://127.0.0.1:8787";
const PASSWORD = process.env.DEMO_PASSWORD || "keizoku";
const CASUALTIES = 500;
const TABLETS = 20;
const RETAG_EVERY = 10; // one casualty in ten is re-triaged, as happens at a busy post
const COLOURS = ["red", "yellow", "green", "black"];
const ZONES = ["entrance", "er", "parking"];

async function signIn(login) {
  const res = await fetch(`${BASE}/api/session`, {
    method: "POST",
    headers: { Origin: BASE, "Content-Type": "application/json" },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${login}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie").split(";")[0];
  const call = async (method, path, body) => {
    const res = await fetch(`${BASE}${path}`, {
      method,
      headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return { res, body: await res.json() };
  };
  return {
    cookie,
    get: async (path) => {
      const res = await fetch(`${BASE}${path}`, { headers: { Cookie: cookie } });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
      return { res, body: await res.json() };
    },
    send: call,
  };
}

/** Casualty cards whose START keys cover every category. */
function scenarioCsv(n) {
  const lines = ["tag_number,description,age,can_walk,breathing,breathing_after_airway,respiratory_rate,radial_pulse,capillary_refill_s,follows_commands"];
  for (let i = 0; i < n; i++) {
    const kind = i % 5;
    const row =
      kind === 0 ? "yes,yes,,20,yes,1,yes" // walks: green
      : kind === 1 ? "no,yes,,22,yes,1.5,yes" // yellow
      : kind === 2 ? "no,yes,,34,yes,1,yes" // fast breathing: red
      : kind === 3 ? "no,no,yes,8,,," // breathes after airway: red
      : "no,no,no,,,,no"; // black
    lines.push(`B-${String(i + 1).padStart(3, "0")},負荷試験 傷病者${i + 1},${20 + (i % 60)},${row}`);
  }
  return lines.join("\n");
}

const pct = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (v) => `${v.toFixed(1)} ms`;
const timing = (res) => Number(/score;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? NaN);

const hospital = await signIn("hospital");
const incident = (await hospital.send("POST", "/api/incidents", { title: "負荷試験 多数傷病者訓練", kind: "drill", hazard: "tsunami", onsetAt: new Date().toISOString() })).body.data;
const scenario = (await hospital.send("POST", "/api/scenarios/import", { title: `負荷試験 ${CASUALTIES}名`, csv: scenarioCsv(CASUALTIES) })).body.data;
const officers = Array.from({ length: TABLETS }, (_, i) => ({ id: `t${i + 1}`, name: `トリアージ担当${i + 1}`, role: "triage_officer", zoneId: ZONES[i % ZONES.length] }));
let drill = (
  await hospital.send("POST", "/api/drills", {
    kind: "triage",
    title: `負荷試験 ${CASUALTIES}名 × ${TABLETS}台`,
    scheduledAt: new Date().toISOString(),
    place: "正面玄関",
    scenarioId: scenario.id,
    incidentId: incident.id,
    participants: officers,
  })
).body.data;
const casualties = (await hospital.get(`/api/drills/${drill.id}`)).body.casualties;

// The live listener derives its own board from the change stream alone.
const derived = new Map();
const arrivals = new Map();
let lastSeq = 0;
const ws = new WebSocket(`${BASE.replace(/^http/, "ws")}/api/incidents/${incident.id}/live`, { headers: { Cookie: hospital.cookie, Origin: BASE } });
await new Promise((resolve, reject) => {
  ws.onerror = () => reject(new Error("websocket failed"));
  ws.onmessage = (e) => {
    const m = JSON.parse(e.data);
    if (m.type === "hello") resolve();
    if (m.type !== "changes") return;
    for (const change of m.changes) {
      lastSeq = Math.max(lastSeq, change.seq);
      if (change.entityType === "drill_tag") {
        const t = change.after;
        derived.set(t.casualtyId, { category: t.category, zoneId: t.zoneId });
        arrivals.set(change.seq, performance.now());
      }
    }
  };
});

drill = (await hospital.send("POST", `/api/drills/${drill.id}/status`, { version: drill.version, to: "running" })).body.data;

// Each tablet works through its own share of the casualties; some cards are re-triaged later.
const latencies = [];
const fanout = [];
let maxSeq = 0;
async function tablet(index) {
  const mine = casualties.filter((_, i) => i % TABLETS === index);
  const work = [...mine.map((c, k) => ({ c, k, category: COLOURS[(k + index) % 4] })), ...mine.filter((_, k) => k % RETAG_EVERY === 0).map((c) => ({ c, category: c.expected }))];
  for (const { c, category } of work) {
    const t0 = performance.now();
    const { body } = await hospital.send("POST", `/api/drills/${drill.id}/tags`, { casualtyId: c.id, category, zoneId: officers[index].zoneId, officerId: officers[index].id });
    const t1 = performance.now();
    latencies.push(t1 - t0);
    maxSeq = Math.max(maxSeq, body.seq);
    const seen = arrivals.get(body.seq);
    // Positive when the broadcast reached the listener after the tablet had its answer.
    fanout.push({ seq: body.seq, answeredAt: t1, seen });
  }
}
const started = performance.now();
await Promise.all(Array.from({ length: TABLETS }, (_, i) => tablet(i)));
const wall = performance.now() - started;

const deadline = Date.now() + 10_000;
while (lastSeq < maxSeq && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const board = (await hospital.get(`/api/drills/${drill.id}/board`)).body;
const mine = { red: 0, yellow: 0, green: 0, black: 0 };
for (const v of derived.values()) mine[v.category]++;
const equal = JSON.stringify(mine) === JSON.stringify(board.overall) && board.total - board.untagged === derived.size;
const lags = fanout.map((f) => (arrivals.get(f.seq) ?? NaN) - f.answeredAt).filter(Number.isFinite).sort((a, b) => a - b);

const end = await hospital.send("POST", `/api/drills/${drill.id}/status`, { version: drill.version, to: "ended" });
const scoreRes = await hospital.get(`/api/drills/${drill.id}/score`);
ws.close();

const sorted = latencies.sort((a, b) => a - b);
console.log(`drill: ${CASUALTIES} casualties, ${TABLETS} tablets, ${latencies.length} tags (incl. re-triage) in ${(wall / 1000).toFixed(1)} s`);
console.log(`tagging latency: p50 ${ms(pct(sorted, 50))}, p99 ${ms(pct(sorted, 99))}, max ${ms(sorted.at(-1))}`);
console.log(`live counts: listener ${JSON.stringify(mine)} vs server ${JSON.stringify(board.overall)} (untagged ${board.untagged}) → ${equal ? "EQUAL" : "DIFFERENT"}`);
if (lags.length) console.log(`broadcast after answer: p50 ${ms(pct(lags, 50))}, p99 ${ms(pct(lags, 99))} (negative: the listener saw it first)`);
console.log(`scoring at end: Server-Timing ${ms(timing(end.res))} (accuracy ${(scoreRes.body.accuracy * 100).toFixed(1)} %)`);
console.log(`scoring on read: Server-Timing ${ms(timing(scoreRes.res))} — target ≤ 50 ms`);
process.exitCode = equal ? 0 : 1;
