// `npm run backup:drill`: the restore half of a backup is the half that fails when it is needed,
// so this rehearses both. It exports the local D1 database to a .sql file, imports that file into
// a fresh, empty database, and compares every table row by row. Exit status 0 only if they match.
//   KEIZOKU_STATE=<dir>  the database to back up (default: wrangler's .wrangler/state)
//   BACKUP_DIR=<dir>     where the .sql file and the restored copy go (default: .wrangler/backup-drill)
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { wrangler } from "./local.mjs";

const source = process.env.KEIZOKU_STATE || undefined;
const dir = process.env.BACKUP_DIR || ".wrangler/backup-drill";
const restored = join(dir, "restored-state");
const dump = join(dir, `keizoku-${new Date().toISOString().replace(/[:.]/g, "-")}.sql`);
const at = (persistTo) => ["--local", ...(persistTo ? ["--persist-to", persistTo] : [])];

function query(persistTo, sql) {
  return JSON.parse(wrangler(["d1", "execute", "keizoku", ...at(persistTo), "--json", "--command", sql]))[0].results;
}

/** Every user table (D1's own bookkeeping tables excluded) with its row count and a digest of its rows. */
function fingerprint(persistTo) {
  const tables = query(persistTo, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name").map((t) => t.name);
  // One wrangler call for every table (each call costs seconds); the rows are sorted here, so two
  // copies holding the same rows give the same digest whatever their physical order.
  const results = JSON.parse(wrangler(["d1", "execute", "keizoku", ...at(persistTo), "--json", "--command", tables.map((t) => `SELECT * FROM "${t}";`).join(" ")]));
  const out = {};
  tables.forEach((name, i) => {
    const rows = results[i].results.map((r) => JSON.stringify(r)).sort();
    out[name] = { rows: rows.length, digest: createHash("sha256").update(rows.join("\n")).digest("hex").slice(0, 16) };
  });
  return out;
}

rmSync(restored, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
console.log(`backing up the local database${source ? ` in ${source}` : ""} to ${dump}`);
// `d1 export --local` reads only the project's default state directory; another one is exported
// through a project view whose .wrangler/state points at it.
let exportCwd = [];
if (source) {
  const view = join(dir, "export-view");
  rmSync(view, { recursive: true, force: true });
  mkdirSync(join(view, ".wrangler"), { recursive: true });
  copyFileSync("wrangler.toml", join(view, "wrangler.toml"));
  symlinkSync(resolve(source), join(view, ".wrangler", "state"));
  exportCwd = ["--cwd", view];
}
wrangler(["d1", "export", "keizoku", "--local", ...exportCwd, "--output", resolve(dump)]);
console.log(`  ${(statSync(dump).size / 1024).toFixed(1)} KB written`);
console.log(`restoring it into a fresh database in ${restored}`);
wrangler(["d1", "execute", "keizoku", ...at(restored), "--yes", "--file", dump]);

const before = fingerprint(source);
const after = fingerprint(restored);
let mismatches = 0;
console.log(`\n${"table".padEnd(32)} ${"rows (original)".padStart(16)} ${"rows (restored)".padStart(16)}  same rows`);
for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
  const a = before[name];
  const b = after[name];
  const same = a !== undefined && b !== undefined && a.rows === b.rows && a.digest === b.digest;
  if (!same) mismatches++;
  console.log(`${name.padEnd(32)} ${String(a?.rows ?? "missing").padStart(16)} ${String(b?.rows ?? "missing").padStart(16)}  ${same ? "yes" : "NO"}`);
}
const total = Object.values(before).reduce((n, t) => n + t.rows, 0);
console.log(`\n${Object.keys(before).length} tables, ${total} rows; ${mismatches === 0 ? "the restored copy holds the same rows" : `${mismatches} table(s) differ`}`);
process.exit(mismatches === 0 ? 0 : 1);
