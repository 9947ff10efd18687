// The worker as it would be deployed: its size (`wrangler deploy --dry-run`, the figure
// Cloudflare counts against the limit) and its start-up time, i.e. how long workerd takes to
// load and evaluate it and answer a first request, set against an empty worker on the same
// runtime. Medians of several starts. Standalone: `node bench/lean.mjs` (needs no server).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { QUIET_ENV } from "../scripts/local.mjs";
import { ms, percentile } from "./lib.mjs";

const STARTS = Number(process.env.LEAN_STARTS ?? 5);
const out = mkdtempSync(join(tmpdir(), "keizoku-dry-"));
// The assets directory must exist for the dry run; the console's files do not count towards the worker.
mkdirSync("dist", { recursive: true });
const dry = spawnSync(process.execPath, ["node_modules/wrangler/bin/wrangler.js", "deploy", "--dry-run", "--outdir", out], {
  env: QUIET_ENV,
  encoding: "utf8",
});
const upload = /Total Upload: ([\d.]+ KiB) \/ gzip: ([\d.]+ KiB)/.exec(dry.stdout);
if (dry.status !== 0 || !upload) {
  console.log(`wrangler deploy --dry-run failed:\n${dry.stdout}\n${dry.stderr}`);
  process.exit(1);
}
const bundle = join(out, "index.js");
console.log(`worker bundle (wrangler deploy --dry-run): ${upload[1]}, gzip ${upload[2]}; index.js ${(statSync(bundle).size / 1024).toFixed(0)} KiB`);

async function startUp(options) {
  const t0 = performance.now();
  const mf = new Miniflare(
    convertV4MiniflareOptions({ workers: [{ name: "start-up", compatibilityDate: "2026-08-01", ...options }] }),
  );
  await mf.ready;
  const res = await mf.dispatchFetch("http://localhost/api/health");
  await res.arrayBuffer();
  const took = performance.now() - t0;
  await mf.dispose();
  return took;
}

const module = (contents) => [{ type: "ESModule", path: "index.js", contents }];
// The same bindings and one D1 query per request, so the difference is the app's own code.
const empty = module(`import { DurableObject } from "cloudflare:workers";
export class LiveRoom extends DurableObject {}
export default { async fetch(request, env) { await env.DB.prepare("SELECT 1").first(); return new Response("ok"); } };
`);
const bindings = {
  d1Databases: ["DB"],
  durableObjects: { LIVE_ROOM: { className: "LiveRoom", useSQLite: true } },
  bindings: { SESSION_TTL_HOURS: "12" },
};
const app = module(readFileSync(bundle, "utf8"));
const times = { app: [], empty: [] };
for (let i = 0; i < STARTS; i++) {
  times.empty.push(await startUp({ modules: empty, ...bindings }));
  times.app.push(await startUp({ modules: app, ...bindings }));
}
const med = (xs) => percentile([...xs].sort((a, b) => a - b), 50);
console.log(
  `worker start-up (load, evaluate, answer /api/health), median of ${STARTS}: ${ms(med(times.app))}; a worker doing one D1 query, same bindings ${ms(med(times.empty))}; the worker's own share ${ms(med(times.app) - med(times.empty))}`,
);
rmSync(out, { recursive: true, force: true });
