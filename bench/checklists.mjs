// BCP checklists at incident scale: 2,000 items across 20 units, built through the API, then the
// checklist view read repeatedly. Prints p50/p99 of the view's server time (Server-Timing) and its
// D1 round trips. Run against a local server: `BENCH_URL=http://127.0.0.1:8788 node bench/checklists.mjs`.
// It writes only into a new drill incident of its own (no template is created or changed), so it is
// safe against the demo database too.
import { BASE, ms, signIn, summary } from "./lib.mjs";

const UNITS = 20;
const ITEMS_PER_UNIT = 100;
const READS = Number(process.env.BENCH_READS || 200);
const WARMUP = 10;
const SECTIONS = ["succession", "alternate_site", "power_water_food", "communications", "data_backup", "priority_business", "added"];
const TARGETS = [60, 180, 1440, 4320, 10080, 20160, 43200, null];

async function expectStatus(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** `app;dur=12.3, d1;dur=8.1;desc="1 round trip"` → { dur: 12.3, d1: 8.1, roundTrips: 1 } */
function parseServerTiming(header) {
  const dur = /app;dur=([\d.]+)/.exec(header ?? "");
  const d1 = /d1;dur=([\d.]+);desc="(\d+) round trip/.exec(header ?? "");
  if (!dur || !d1) throw new Error(`no Server-Timing in the view's answer: ${header}`);
  return { dur: Number(dur[1]), d1: Number(d1[1]), roundTrips: Number(d1[2]) };
}

const hq = await signIn("hq");
const units = (await expectStatus(await hq.get("/api/units"), 200, "units")).items.slice(0, UNITS);
if (units.length < UNITS) throw new Error(`need ${UNITS} units, the server has ${units.length}`);

const run = new Date().toISOString();
const incident = (
  await expectStatus(
    await hq.send("POST", "/api/incidents", {
      title: `チェックリスト性能測定 ${run}`,
      kind: "drill",
      hazard: "earthquake",
      onsetAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    }),
    201,
    "incident",
  )
).data;

// The six-element checklist for every unit in one activation, then each unit topped up to 100
// items with items added during the incident.
const t1 = performance.now();
const activation = await expectStatus(
  await hq.send("POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds: units.map((u) => u.id), templateIds: ["municipal-bcp"] }),
  201,
  "activation",
);
const activationMs = performance.now() - t1;
const perUnit = new Map(units.map((u) => [u.id, 0]));
for (const a of activation.data.activations) perUnit.set(a.unitId, perUnit.get(a.unitId) + a.itemCount);

const t2 = performance.now();
for (const unit of units) {
  const missing = ITEMS_PER_UNIT - perUnit.get(unit.id);
  const items = Array.from({ length: missing }, (_, n) => ({
    sectionKey: SECTIONS[n % SECTIONS.length],
    textJa: `${unit.nameJa} 追加確認項目 ${n + 1}`,
    textEn: `${unit.nameEn} added check ${n + 1}`,
    targetMinutes: TARGETS[n % TARGETS.length],
  }));
  await expectStatus(await hq.send("POST", `/api/incidents/${incident.id}/checklists/items`, { unitId: unit.id, items }), 201, `items for ${unit.id}`);
}
const additionsMs = performance.now() - t2;

// Work some items so the view carries owners, notes, reasons and mixed states.
const first = await expectStatus(await hq.get(`/api/incidents/${incident.id}/checklists`), 200, "view");
const states = ["in_progress", "done", "blocked", "not_applicable"];
for (let i = 0; i < 100; i++) {
  const item = first.items[i * 19];
  const state = states[i % states.length];
  const patch = { version: item.version, state, note: `測定用メモ ${i}`, ownerId: "user-hq" };
  if (state === "blocked" || state === "not_applicable") patch.reason = "測定用の理由";
  await expectStatus(await hq.send("PATCH", `/api/checklists/items/${item.id}`, patch), 200, "item change");
}

const server = [];
const d1 = [];
const client = [];
const trips = new Set();
let bytes = 0;
for (let i = 0; i < WARMUP + READS; i++) {
  const started = performance.now();
  const res = await hq.get(`/api/incidents/${incident.id}/checklists`);
  const text = await res.text();
  const took = performance.now() - started;
  if (res.status !== 200) throw new Error(`view: ${res.status} ${text}`);
  const timing = parseServerTiming(res.headers.get("server-timing"));
  if (i < WARMUP) continue;
  if (JSON.parse(text).items.length !== UNITS * ITEMS_PER_UNIT) throw new Error("the view lost items");
  server.push(timing.dur);
  d1.push(timing.d1);
  client.push(took);
  trips.add(timing.roundTrips);
  bytes = text.length;
}

const s = summary(server);
const c = summary(client);
console.log(`checklists at ${BASE}: ${UNITS} units × ${ITEMS_PER_UNIT} items = ${UNITS * ITEMS_PER_UNIT} items`);
console.log(
  `  setup: one activation of ${activation.data.itemCount} items in ${ms(activationMs)}, ${UNITS} additions (${UNITS * ITEMS_PER_UNIT - activation.data.itemCount} items) in ${ms(additionsMs)}, 100 item changes`,
);
console.log(`  view GET /api/incidents/:id/checklists × ${READS} (${(bytes / 1024).toFixed(0)} KiB each)`);
console.log(`  server time (Server-Timing app): p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}   target ≤ 100 ms`);
const w = summary(d1);
console.log(`  of which waiting on D1: p50 ${ms(w.p50)}  p99 ${ms(w.p99)}`);
console.log(`  D1 round trips in the view: ${[...trips].join(", ")} (the session lookup included)   target ≤ 2 (the session, then one read)`);
console.log(`  client round trip: p50 ${ms(c.p50)}  p99 ${ms(c.p99)}`);
console.log(`  ${s.p99 <= 100 && Math.max(...trips) + 1 <= 3 ? "PASS" : "FAIL"}`);
