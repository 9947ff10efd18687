// Platform benchmarks against a running local server (BENCH_URL):
//   live fan-out (write → every listener), API load (writes + reads per second), catch-up.
import { BASE, listen, ms, openDrillIncident, signIn, sleep, summary, treeRssMiB } from "./lib.mjs";

const PHASES = ["initial", "emergency", "recovery"];

async function patchPhase(client, incident, i) {
  const res = await client.send("PATCH", `/api/incidents/${incident.id}`, { version: incident.version, phase: PHASES[i % 3] });
  if (res.status !== 200) throw new Error(`write: ${res.status} ${await res.text()}`);
  const body = await res.json();
  incident.version = body.data.version;
  return body.seq;
}

export async function fanOut(listeners, writes) {
  const hq = await signIn("hq");
  const incident = await openDrillIncident(hq, `fan-out ${listeners}`);
  const arrivals = new Map(); // seq → arrival times
  const clients = [];
  for (let i = 0; i < listeners; i += 100) {
    const batch = Array.from({ length: Math.min(100, listeners - i) }, () =>
      listen(hq, `/api/incidents/${incident.id}/live`, (c, at) => {
        if (!arrivals.has(c.seq)) arrivals.set(c.seq, []);
        arrivals.get(c.seq).push(at);
      }),
    );
    await Promise.all(batch.map((b) => b.ready));
    clients.push(...batch);
  }
  const sentAt = new Map();
  for (let i = 0; i < writes; i++) {
    const t0 = performance.now();
    const seq = await patchPhase(hq, incident, i + 1);
    sentAt.set(seq, t0);
    await sleep(listeners >= 1000 ? 100 : 20);
  }
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline && [...sentAt.keys()].some((s) => (arrivals.get(s)?.length ?? 0) < listeners)) await sleep(50);
  const latencies = [];
  for (const [seq, t0] of sentAt) for (const at of arrivals.get(seq) ?? []) latencies.push(at - t0);
  const missing = sentAt.size * listeners - latencies.length;
  for (const c of clients) c.ws.close();
  const s = summary(latencies);
  return {
    listeners,
    writes,
    p50: s.p50,
    p99: s.p99,
    max: s.max,
    gaps: clients.reduce((a, c) => a + c.gaps, 0),
    reorders: clients.reduce((a, c) => a + c.reorders, 0),
    missing,
  };
}

export async function load({ seconds, writesPerSecond, readsPerSecond, serverPid }) {
  const hq = await signIn("hq");
  const incidents = [];
  for (let i = 0; i < 40; i++) incidents.push({ ...(await openDrillIncident(hq, `load ${i}`)), busy: false, seq: 1 });
  const result = { write: [], read: [], status5xx: 0, otherErrors: 0, skippedBusy: 0, notSent: 0, maxInFlight: 0 };
  // Past this many unanswered requests the server is saturated: count what could not be sent
  // rather than pile up sockets until the client itself fails.
  const MAX_IN_FLIGHT = 256;
  const rssBefore = serverPid ? treeRssMiB(serverPid) : NaN;
  let inFlight = 0;
  let w = 0;
  let r = 0;

  const write = async () => {
    const inc = incidents.find((x) => !x.busy);
    if (!inc) return void result.skippedBusy++;
    inc.busy = true;
    const t0 = performance.now();
    try {
      const res = await hq.send("PATCH", `/api/incidents/${inc.id}`, { version: inc.version, phase: PHASES[w % 3] });
      const took = performance.now() - t0;
      if (res.status >= 500) result.status5xx++;
      else if (res.status !== 200) result.otherErrors++;
      else {
        const body = await res.json();
        inc.version = body.data.version;
        inc.seq = body.seq;
        result.write.push(took);
      }
    } finally {
      inc.busy = false;
    }
  };
  const read = async (i) => {
    const inc = incidents[i % incidents.length];
    const path = i % 2 ? `/api/incidents/${inc.id}` : `/api/incidents/${inc.id}/changes?after=${Math.max(0, inc.seq - 10)}&limit=10`;
    const t0 = performance.now();
    const res = await hq.get(path);
    await res.arrayBuffer();
    if (res.status >= 500) result.status5xx++;
    else if (res.status !== 200) result.otherErrors++;
    else result.read.push(performance.now() - t0);
  };
  const track = (p) => {
    inFlight++;
    result.maxInFlight = Math.max(result.maxInFlight, inFlight);
    p.catch(() => result.otherErrors++).finally(() => inFlight--);
  };

  // Open loop: requests leave on schedule whether or not earlier ones have answered.
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    const elapsed = (performance.now() - start) / 1000;
    while (w < elapsed * writesPerSecond) {
      if (inFlight < MAX_IN_FLIGHT) track(write(w));
      else result.notSent++;
      w++;
    }
    while (r < elapsed * readsPerSecond) {
      if (inFlight < MAX_IN_FLIGHT) track(read(r));
      else result.notSent++;
      r++;
    }
    await sleep(2);
  }
  while (inFlight > 0) await sleep(20);
  const rssAfter = serverPid ? treeRssMiB(serverPid) : NaN;
  return {
    seconds,
    writes: summary(result.write),
    reads: summary(result.read),
    achievedWritesPerSecond: result.write.length / seconds,
    achievedReadsPerSecond: result.read.length / seconds,
    status5xx: result.status5xx,
    otherErrors: result.otherErrors,
    skippedBusy: result.skippedBusy,
    notSent: result.notSent,
    rssBefore,
    rssAfter,
  };
}

export async function catchUp(missed) {
  const hq = await signIn("hq");
  const incident = await openDrillIncident(hq, "catch-up");
  const first = listen(hq, `/api/incidents/${incident.id}/live`);
  await first.ready;
  const lastSeen = first.lastSeq;
  first.ws.close();
  for (let i = 0; i < missed; i++) await patchPhase(hq, incident, i + 1);

  // What a returning console does: connect, read the room's latest seq, pull what it lacks.
  const t0 = performance.now();
  let requests = 0;
  const again = listen(hq, `/api/incidents/${incident.id}/live`);
  await again.ready;
  const target = again.hello.latestSeq;
  let after = lastSeen;
  const seqs = [];
  while (after < target) {
    requests++;
    const page = await (await hq.get(`/api/incidents/${incident.id}/changes?after=${after}&limit=2000`)).json();
    for (const c of page.items) seqs.push(c.seq);
    after = page.items.at(-1)?.seq ?? target;
    if (page.nextAfter === null) break;
  }
  const took = performance.now() - t0;
  again.ws.close();
  const noGap = seqs.every((s, i) => s === lastSeen + 1 + i) && seqs.length === target - lastSeen;
  return { missed: target - lastSeen, requests, took, consistent: noGap };
}

export async function runPlatform({ serverPid } = {}) {
  const lines = [];
  const out = (s) => {
    console.log(s);
    lines.push(s);
  };
  out(`# platform benchmarks against ${BASE}`);
  for (const [n, m] of [
    [100, 50],
    [1000, 20],
  ]) {
    const f = await fanOut(n, m);
    out(
      `live fan-out N=${f.listeners} M=${f.writes}: write→client p50 ${ms(f.p50)}, p99 ${ms(f.p99)}, max ${ms(f.max)}; gaps ${f.gaps}, reorders ${f.reorders}, missing ${f.missing}`,
    );
  }
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
  // The rates, then a tenth of them: what the local server does below saturation.
  for (const [writesPerSecond, readsPerSecond] of [
    [200, 1000],
    [20, 100],
  ]) {
    const l = await load({ seconds, writesPerSecond, readsPerSecond, serverPid });
    out(
      `API load ${l.seconds}s at ${writesPerSecond} writes/s + ${readsPerSecond} reads/s: achieved ${l.achievedWritesPerSecond.toFixed(0)} w/s + ${l.achievedReadsPerSecond.toFixed(0)} r/s; ` +
        `write p50 ${ms(l.writes.p50)} p99 ${ms(l.writes.p99)}; read p50 ${ms(l.reads.p50)} p99 ${ms(l.reads.p99)}; ` +
        `5xx ${l.status5xx}, other errors ${l.otherErrors}, not sent (saturated) ${l.notSent}; server RSS ${l.rssBefore.toFixed(0)} → ${l.rssAfter.toFixed(0)} MiB (${(((l.rssAfter - l.rssBefore) / l.rssBefore) * 100).toFixed(1)} %)`,
    );
  }
  const c = await catchUp(1200);
  out(`catch-up after ${c.missed} missed changes: consistent=${c.consistent} in ${ms(c.took)} with ${c.requests} request(s)`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) await runPlatform();
