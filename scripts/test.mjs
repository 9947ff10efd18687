// `npm test`: every suite — workerd tests (D1, Durable Objects, routes, domain), the console's own
// logic in a simulated browser, and the browser tests in Chromium — then one closing line "N passed, N failed" from vitest's JSON reports.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { QUIET_ENV } from "./local.mjs";

mkdirSync("test-results", { recursive: true });
const suites = [
  { name: "workers", args: ["vitest", "run", "--config", "vitest.config.ts"] },
  { name: "console", args: ["vitest", "run", "--config", "vitest.console.config.ts"] },
  { name: "browser", args: ["vitest", "run", "--config", "vitest.e2e.config.ts"] },
];

// `npm run test:browser -- test/e2e/x.e2e.ts`: the files (and any vitest options) after the suite's name pass through.
const [only, ...rest] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of suites.filter((s) => !only || s.name === only)) {
  const report = `test-results/${suite.name}.json`;
  rmSync(report, { force: true });
  const run = spawnSync("npx", [...suite.args, ...rest, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
    stdio: "inherit",
    env: QUIET_ENV,
  });
  if (!existsSync(report)) {
    console.error(`${suite.name}: vitest wrote no report (exit ${run.status})`);
    failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numTotalTestSuites > 0 && r.numTotalTests === 0 ? 1 : 0);
  skipped += r.numPendingTests + r.numTodoTests;
  // A suite that crashed before running its tests must not read as green.
  if (run.status !== 0 && r.numFailedTests === 0) failed++;
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
