// D1 round trips of every API route, session included: the authorisation matrix sends an accepted
// request to each route (test/security/authorization-matrix.test.ts) and prints what each cost, as
// its answer's Server-Timing reports it (`d1;desc="2 round trips, 6 queries"`).
// `node bench/round-trips.mjs` (or `BENCH_ONLY=round-trips npm run bench`). WebSocket upgrades
// answer with the room's headers and are left out.
import { spawnSync } from "node:child_process";

const r = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "--config", "vitest.config.ts", "--reporter=dot", "test/security/authorization-matrix.test.ts"],
  { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } },
);
const out = `${r.stdout}\n${r.stderr}`;
if (!out.includes("D1 sequential round trips")) {
  console.log(out);
  process.exit(1);
}
const [head, ...rest] = out.slice(out.indexOf("D1 sequential round trips")).split("\n");
const rows = rest.slice(0, rest.findIndex((l) => !l.startsWith("  ")));
console.log([head, ...rows].join("\n"));
process.exit(r.status ?? 1);
