// Shared by `npm start`, the browser tests and the benchmarks: a local, offline wrangler.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { portHolders, portIsFree } from "./port-holder.mjs";
import { demoSeedSql } from "./seed.mjs";

/** Nothing may reach out: no telemetry, no cf.json fetch, no update check. */
export const QUIET_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};

// Run the tools' own entry points on this Node (≥ 22 from node_modules under npm scripts), not through npx.
const WRANGLER = "node_modules/wrangler/bin/wrangler.js";
const VITE = "node_modules/vite/bin/vite.js";

/** Runs a wrangler command to completion on this Node and returns its output; throws on failure. */
export function wrangler(args, opts = {}) {
  const r = spawnSync(process.execPath, [WRANGLER, ...args], { env: QUIET_ENV, encoding: "utf8", ...opts });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Applies migrations and, on an empty database, the demo seed. Returns the seeded drill if it seeded. */
export function prepareDatabase({ persistTo, password }) {
  const persist = persistTo ? ["--persist-to", persistTo] : [];
  wrangler(["d1", "migrations", "apply", "keizoku", "--local", ...persist], { input: "y\n" });
  const out = wrangler(["d1", "execute", "keizoku", "--local", ...persist, "--json", "--command", "SELECT COUNT(*) AS n FROM users"]);
  const n = JSON.parse(out)[0].results[0].n;
  if (n > 0) return null;
  const { sql, incident } = demoSeedSql(password);
  const dir = persistTo ?? ".wrangler";
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "demo-seed.sql");
  writeFileSync(file, sql);
  wrangler(["d1", "execute", "keizoku", "--local", ...persist, "--file", file]);
  return incident;
}

export function buildConsole() {
  // Under vitest NODE_ENV is "test", which would build a development console (no service worker).
  const r = spawnSync(process.execPath, [VITE, "build", "--logLevel", "warn"], { stdio: "inherit", env: { ...QUIET_ENV, NODE_ENV: "production" } });
  if (r.status !== 0) throw new Error("console build failed");
}

/** Throws, naming the process that holds it, when something already listens on the port. */
export async function assertPortFree(port) {
  if (await portIsFree(port)) return;
  const holders = portHolders(port);
  throw new Error(
    `port ${port} is already in use${holders.length ? ` by:\n    ${holders.join("\n    ")}` : " (could not tell by which process)"}\n` +
      "  Stop that process, or choose another port (PORT=… npm start).",
  );
}

/**
 * Starts `wrangler dev` and resolves once it answers /api/health. It runs in a process group of its
 * own (so stop() ends workerd too) under scripts/tether.mjs, which ends that group as soon as this
 * process is gone, whatever killed it: no server outlives the one that started it.
 * Its log shows warnings and errors, the worker's own included (it logs nothing below a warning);
 * a line per request, wrangler's "info", cost the local server a measurable share of its one
 * thread under a burst of writes.
 */
export async function startServer({ port, persistTo, stdio = "inherit", logLevel = "warn", config, vars = {} }) {
  await assertPortFree(port);
  const persist = persistTo ? ["--persist-to", persistTo] : [];
  if (config) persist.push("--config", config);
  for (const [name, value] of Object.entries(vars)) persist.push("--var", `${name}:${value}`);
  const child = spawn(
    process.execPath,
    [
      "scripts/tether.mjs",
      process.execPath,
      WRANGLER,
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--log-level",
      logLevel,
      "--show-interactive-dev-session=false",
      ...persist,
    ],
    { env: QUIET_ENV, stdio: ["pipe", stdio, stdio], detached: true },
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  /** Ends the server's whole process group; resolves once it is gone. */
  const stop = () => {
    const signal = (name) => {
      try {
        process.kill(-child.pid, name);
      } catch {
        // already gone
      }
    };
    signal("SIGTERM");
    const force = setTimeout(() => signal("SIGKILL"), 5_000);
    return exited.finally(() => clearTimeout(force));
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error("wrangler dev did not become ready within 90 s");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, stop };
}
