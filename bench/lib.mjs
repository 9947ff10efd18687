// Small helpers shared by the benchmark scripts. Every request goes to the local server only.
import { readFileSync, readdirSync } from "node:fs";

export const BASE = process.env.BENCH_URL ?? "http://127.0.0.1:8787";
export const PASSWORD = process.env.DEMO_PASSWORD || "keizoku";

export async function signIn(login, password = PASSWORD) {
  const res = await fetch(`${BASE}/api/session`, {
    method: "POST",
    headers: { Origin: BASE, "Content-Type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${login}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie").split(";")[0];
  return {
    cookie,
    get: (path) => fetch(`${BASE}${path}`, { headers: { Cookie: cookie } }),
    send: (method, path, body, key = crypto.randomUUID()) =>
      fetch(`${BASE}${path}`, {
        method,
        headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/json", "Idempotency-Key": key },
        body: JSON.stringify(body),
      }),
  };
}

/** A live listener on a stream, recording when each change arrived and any gap or reorder. */
export function listen(client, path, onChange = () => {}) {
  const url = `${BASE.replace(/^http/, "ws")}${path}`;
  const ws = new WebSocket(url, { headers: { Cookie: client.cookie, Origin: BASE } });
  const state = { ws, hello: null, lastSeq: null, gaps: 0, reorders: 0, received: 0 };
  state.ready = new Promise((resolve, reject) => {
    ws.onerror = () => reject(new Error(`websocket ${url} failed`));
    ws.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.type === "hello") {
        state.hello = m;
        state.lastSeq = m.latestSeq;
        resolve(state);
      } else if (m.type === "changes") {
        const at = performance.now();
        for (const change of m.changes) {
          const seq = change.seq;
          if (state.lastSeq !== null && seq > state.lastSeq + 1) state.gaps++;
          if (state.lastSeq !== null && seq <= state.lastSeq) state.reorders++;
          state.lastSeq = Math.max(state.lastSeq ?? 0, seq);
          state.received++;
          onChange(change, at);
        }
      }
    };
  });
  return state;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summary(values) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1) };
}

export const ms = (v) => `${v.toFixed(1)} ms`;

/** A process and all its descendants, from /proc. */
function treePids(rootPid) {
  const children = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // process ended while reading
    }
  }
  const pids = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    pids.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return pids;
}

/** Resident memory (MiB) of a process and all its descendants, from /proc. */
export function treeRssMiB(rootPid) {
  let kib = 0;
  for (const pid of treePids(rootPid)) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kib += Number(m[1]);
    } catch {
      // gone
    }
  }
  return kib / 1024;
}

/**
 * CPU time (ms, user + system) a process and its descendants have used so far, from /proc: on a
 * machine others load too, the CPU a write costs the server says more than its wall-clock latency.
 */
export function treeCpuMs(rootPid) {
  const tick = 1000 / 100; // USER_HZ
  let ms = 0;
  for (const pid of treePids(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ms += (Number(f[11]) + Number(f[12])) * tick;
    } catch {
      // gone
    }
  }
  return ms;
}

export const sleep = (t) => new Promise((r) => setTimeout(r, t));

export async function openDrillIncident(client, title) {
  const res = await client.send("POST", "/api/incidents", {
    title,
    kind: "drill",
    hazard: "tsunami",
    onsetAt: new Date().toISOString(),
  });
  if (res.status !== 201) throw new Error(`open incident: ${res.status} ${await res.text()}`);
  return (await res.json()).data;
}
