// First administrator for a real deployment (the demo accounts are never deployed).
// Usage: ADMIN_PASSWORD='…' npm run create-admin -- <login> "<display name>" [unit]
// Writes the SQL to .wrangler/first-admin.sql and applies it to the remote D1 database.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { passwordRecord } from "./seed.mjs";

const [login, displayName, unitId = "hq"] = process.argv.slice(2);
const password = process.env.ADMIN_PASSWORD;
if (!login || !displayName || !password || password.length < 12) {
  console.error('Usage: ADMIN_PASSWORD=<at least 12 characters> npm run create-admin -- <login> "<display name>" [unit]');
  process.exit(2);
}
const q = (v) => (typeof v === "number" ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
const p = passwordRecord(password);
const sql = `INSERT INTO users (id, login, display_name, unit_id, role, password_hash, password_salt, password_iterations, created_at) VALUES (${[
  `user-${crypto.randomUUID()}`, login, displayName, unitId, "admin", p.hash, p.salt, p.iterations, new Date().toISOString(),
].map(q).join(", ")});\n`;
mkdirSync(".wrangler", { recursive: true });
writeFileSync(".wrangler/first-admin.sql", sql);
const r = spawnSync(process.execPath, ["node_modules/wrangler/bin/wrangler.js", "d1", "execute", "keizoku", "--remote", "--file", ".wrangler/first-admin.sql"], {
  stdio: "inherit",
});
process.exit(r.status ?? 1);
