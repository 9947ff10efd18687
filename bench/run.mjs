// `npm run bench`: a fresh local server (its own state and port) and every benchmark against it.
// The server runs bench/wrangler.toml: the app as deployed plus the bare broadcast baseline and a
// tally of D1 round trips per route. Set BENCH_URL to measure an already-running server instead,
// BENCH_ONLY=live,lean (file names in bench/, comma-separated) to run only those.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { prepareDatabase, startServer } from "../scripts/local.mjs";

const STATE = ".wrangler/bench-state";
const own = !process.env.BENCH_URL;
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim().replace(/\.mjs$/, ""));
const wanted = (name) => !only || only.includes(name);
let server = null;
if (own) {
  rmSync(STATE, { recursive: true, force: true });
  prepareDatabase({ persistTo: STATE, password: process.env.DEMO_PASSWORD || "keizoku" });
  // Request logging costs the local server about half its throughput; benchmarks measure without it.
  server = await startServer({
    port: Number(process.env.BENCH_PORT || 8788),
    persistTo: STATE,
    stdio: "ignore",
    logLevel: "error",
    config: "bench/wrangler.toml",
    // The benchmarks run without the per-person write limit (one writer is the whole load); set
    // BENCH_WRITE_RATE_LIMIT to a count per minute to measure with the limit's meter on every write.
    vars: process.env.BENCH_WRITE_RATE_LIMIT ? { WRITE_RATE_LIMIT: process.env.BENCH_WRITE_RATE_LIMIT } : {},
  });
  process.env.BENCH_URL = server.url;
  process.env.BENCH_SERVER_PID = String(server.child.pid);
  // Benchmarks that load a fixture write it into this server's local D1.
  process.env.BENCH_STATE = STATE;
}
const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model;
console.log(
  `machine: ${cpus().length} × ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} (1/5/15 min), Node ${process.version}, ${new Date().toISOString()}`,
);

try {
  if (wanted("platform")) {
    const { runPlatform } = await import("./platform.mjs");
    await runPlatform({ serverPid: server?.child.pid });
  }
  // Each area's own benchmark, as a separate process against the same server.
  const files = readdirSync("bench").filter((f) => f.endsWith(".mjs") && !["run.mjs", "lib.mjs", "platform.mjs"].includes(f));
  for (const file of files.sort().filter((f) => wanted(f.replace(/\.mjs$/, "")))) {
    console.log(`\n# ${file}`);
    spawnSync(process.execPath, [`bench/${file}`], { stdio: "inherit", env: process.env });
  }
  // What every route cost in D1 round trips over everything above (the bench worker's tally).
  const tally = await fetch(`${process.env.BENCH_URL}/bench/round-trips`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  if (tally) {
    console.log("\n# D1 sequential round trips per route, session included (Server-Timing), over every request above");
    console.log("  route → status: requests, round trips (how many requests)");
    for (const [route, t] of Object.entries(tally)) {
      const counts = Object.entries(t.counts).map(([n, k]) => `${n} (${k})`).join(", ");
      console.log(`  ${route}: ${t.requests}, ${counts}`);
    }
  }
} finally {
  await server?.stop();
}
process.exit(0);
