import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, expect } from "vitest";
import { changeFromRow, type ChangeRow } from "../src/db/changes";
import { Change } from "../src/schema/changes";
import { seedPeople } from "./helpers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await seedPeople();

// Every change any test wrote must read back as a member of the change-log union: the union is
// the contract consoles narrow on, so a payload that drifted from its schema fails here.
let checkedSince = "";
const checked = new Set<string>();
afterEach(async () => {
  const { results } = await env.DB.prepare("SELECT * FROM change_log WHERE at >= ?").bind(checkedSince).all<ChangeRow>();
  const fresh = results.filter((row) => !checked.has(`${row.stream}:${row.seq}`));
  const drifted = fresh.flatMap((row) => {
    checked.add(`${row.stream}:${row.seq}`);
    if (row.at > checkedSince) checkedSince = row.at;
    const parsed = Change.safeParse(changeFromRow(row));
    return parsed.success ? [] : [{ entityType: row.entity_type, op: row.op, issues: parsed.error.issues.slice(0, 3) }];
  });
  expect(drifted).toEqual([]);
});
