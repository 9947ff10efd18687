// `npm run bench`: a fresh local server (its own state and port) and every benchmark against it.
// Set BENCH_URL to measure an already-running server instead.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { cpus } from "node:os";
import { prepareDatabase, startServer } from "../scripts/local.mjs";

const STATE = ".wrangler/bench-state";
const own = !process.env.BENCH_URL;
let server = null;
if (own) {
  rmSync(STATE, { recursive: true, force: true });
  prepareDatabase({ persistTo: STATE, password: process.env.DEMO_PASSWORD || "keizoku" });
    // Request logging costs the local server about half its throughput; benchmarks measure without it.
  server = await startServer({ port: Number(process.env.BENCH_PORT || 8788), persistTo: STATE, stdio: "ignore", logLevel: "error" });
  process.env.BENCH_URL = server.url;
  // Benchmarks that load a fixture write it into this server's local D1.
  process.env.BENCH_STATE = STATE;
}
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, ${new Date().toISOString()}`);

try {
  const { runPlatform } = await import("./platform.mjs");
  await runPlatform({ serverPid: server?.child.pid });
  // Each area's own benchmark, as a separate process against the same server.
  for (const file of readdirSync("bench").filter((f) => f.endsWith(".mjs") && !["run.mjs", "lib.mjs", "platform.mjs"].includes(f)).sort()) {
    console.log(`\n# ${file}`);
    spawnSync(process.execPath, [`bench/${file}`], { stdio: "inherit", env: process.env });
  }
} finally {
  server?.stop();
}
process.exit(0);
