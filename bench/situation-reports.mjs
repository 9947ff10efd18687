// Producing a situation report (状況報告 第N報) on a large incident: 20 units, 2,000 checklist
// items (300 of them worked), 8 relocated water functions and 200 liaison messages, built through
// the API. Reports are asked for open loop (a fixed schedule, not waiting for answers), side by
// side with the overview read they are built from (the baseline), in several runs; the median of
// the runs' p50 and p99 is printed. Target: producing a report ≤ 300 ms.
// Run against a local server: `BENCH_URL=http://127.0.0.1:8788 node bench/situation-reports.mjs`.
// It writes only into a new drill incident of its own.
import { loadavg } from "node:os";
import { BASE, ms, signIn, sleep, summary } from "./lib.mjs";

const UNITS = 20;
const ITEMS_PER_UNIT = 100;
const RUNS = Number(process.env.BENCH_RUNS || 3);
const PER_RUN = Number(process.env.BENCH_REPORTS || 20);
const INTERVAL_MS = 500;

async function expectStatus(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return res.json();
}

const serverMs = (res) => Number(/app;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? NaN);
const tripsOf = (res) => Number(/desc="(\d+) round trip/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? NaN);

const hq = await signIn("hq");
const water = await signIn("water");
const units = (await expectStatus(await hq.get("/api/units"), 200, "units")).items.slice(0, UNITS);
const incident = (
  await expectStatus(
    await hq.send("POST", "/api/incidents", {
      title: `状況報告 性能測定 ${new Date().toISOString()}`,
      kind: "drill",
      hazard: "tsunami",
      onsetAt: new Date(Date.now() - 6 * 3_600_000).toISOString(),
      posture: "emergency",
    }),
    201,
    "incident",
  )
).data;
const id = incident.id;

const t0 = performance.now();
const activation = await expectStatus(
  await hq.send("POST", `/api/incidents/${id}/checklists/activations`, { unitIds: units.map((u) => u.id), templateIds: ["municipal-bcp"] }),
  201,
  "activation",
);
const perUnit = new Map(units.map((u) => [u.id, 0]));
for (const a of activation.data.activations) perUnit.set(a.unitId, perUnit.get(a.unitId) + a.itemCount);
for (const unit of units) {
  const items = Array.from({ length: ITEMS_PER_UNIT - perUnit.get(unit.id) }, (_, n) => ({
    sectionKey: n % 3 === 0 ? "priority_business" : "communications",
    textJa: `${unit.nameJa} 優先業務 ${n + 1}`,
    textEn: `${unit.nameEn} business ${n + 1}`,
    targetMinutes: [60, 180, 1440][n % 3],
  }));
  await expectStatus(await hq.send("POST", `/api/incidents/${id}/checklists/items`, { unitId: unit.id, items }), 201, "items");
}
const view = await expectStatus(await hq.get(`/api/incidents/${id}/checklists`), 200, "view");
for (let i = 0; i < 300; i++) {
  const item = view.items[(i * 7) % view.items.length];
  if (item.version !== 1) continue;
  await expectStatus(await hq.send("PATCH", `/api/checklists/items/${item.id}`, { version: 1, state: i % 2 ? "done" : "in_progress" }), 200, "item");
}
for (const fn of ["fn-water-hq", "fn-monitoring", "fn-plants", "fn-supply", "fn-pipes"]) {
  await expectStatus(await water.send("POST", `/api/incidents/${id}/relocation/${fn}/transitions`, { to: "relocating", version: 0 }), 200, "move");
}
for (let i = 0; i < 200; i++) {
  const kind = i % 4 === 0 ? "request" : "report";
  await expectStatus(
    await water.send("POST", `/api/incidents/${id}/liaison`, { kind, priority: i % 10 === 0 ? "urgent" : "normal", toUnitId: "hq", body: `上下水道部からの${kind === "request" ? "要請" : "報告"} ${i + 1}` }),
    201,
    "liaison",
  );
}
const seq = (await expectStatus(await hq.get(`/api/incidents/${id}/changes?after=0&limit=1`), 200, "changes")).latestSeq;
const setupMs = performance.now() - t0;

/** One open-loop run: a request every INTERVAL_MS, each timed on its own, none waiting for another. */
async function openLoop(fire) {
  const pending = [];
  const started = performance.now();
  for (let i = 0; i < PER_RUN; i++) {
    const due = started + i * INTERVAL_MS;
    await sleep(Math.max(0, due - performance.now()));
    pending.push(fire());
  }
  return Promise.all(pending);
}

const timed = async (request, expected) => {
  const t = performance.now();
  const res = await request();
  await res.arrayBuffer();
  return { ok: res.status === expected, status: res.status, client: performance.now() - t, server: serverMs(res), trips: tripsOf(res) };
};

const runs = [];
for (let r = 0; r < RUNS; r++) {
  const [reports, overview] = await Promise.all([
    openLoop(() => timed(() => hq.send("POST", `/api/incidents/${id}/situation-reports`, { summary: "測定" }), 201)),
    sleep(INTERVAL_MS / 2).then(() => openLoop(() => timed(() => hq.get(`/api/incidents/${id}/overview`), 200))),
  ]);
  runs.push({ reports, overview });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (name, pick) => {
  const per = runs.map((run) => summary(run[pick].filter((x) => x.ok).map((x) => x.client)));
  const srv = runs.map((run) => summary(run[pick].filter((x) => x.ok).map((x) => x.server)));
  const failed = runs.reduce((n, run) => n + run[pick].filter((x) => !x.ok).length, 0);
  const trips = [...new Set(runs.flatMap((run) => run[pick].map((x) => x.trips)))].join(", ");
  console.log(
    `  ${name}: client p50 ${ms(median(per.map((s) => s.p50)))}  p99 ${ms(median(per.map((s) => s.p99)))} · server (Server-Timing app) p50 ${ms(median(srv.map((s) => s.p50)))}  p99 ${ms(median(srv.map((s) => s.p99)))} · D1 round trips in the route ${trips} · not ${pick === "reports" ? "201" : "200"}: ${failed}`,
  );
  return { client: median(per.map((s) => s.p99)), server: median(srv.map((s) => s.p99)) };
};
console.log(`situation reports at ${BASE}: ${UNITS} units, ${UNITS * ITEMS_PER_UNIT} checklist items, 200 liaison messages, ${seq} changes (setup ${ms(setupMs)})`);
console.log(`  open loop: ${PER_RUN} requests per run every ${INTERVAL_MS} ms, reports and overview reads interleaved; ${RUNS} runs, medians of the runs' p50 / p99`);
const p99 = line("produce POST /situation-reports", "reports");
line("baseline GET /overview       ", "overview");
console.log(
  `  target: producing a report ≤ 300 ms — server p99 ${ms(p99.server)} ${p99.server <= 300 ? "PASS" : "FAIL"}, client p99 ${ms(p99.client)} ${p99.client <= 300 ? "PASS" : "FAIL"}; ` +
    `the machine is shared: load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} (1/5/15 min) at the end`,
);
