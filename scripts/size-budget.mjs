// `npm run size`: builds nothing; reads dist/ (run after `vite build`) and fails past a budget.
// The entry is everything the first page load fetches before the console runs: the scripts and
// styles index.html names (module entry, modulepreloads, stylesheets). The map is the lazy chunk
// holding Leaflet together with its CSS.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";

const DIST = "dist";
const KB = 1024;
const gz = (file) => gzipSync(readFileSync(`${DIST}/${file}`), { level: 9 }).length;
const html = readFileSync(`${DIST}/index.html`, "utf8");
const linked = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const assets = readdirSync(`${DIST}/assets`);
const map = assets.filter((f) => /^map-[\w-]+\.(js|css)$/.test(f)).map((f) => `assets/${f}`);

const budgets = [
  { name: "entry (scripts + CSS of the first load)", files: linked, limit: 60 * KB },
  { name: "map chunk with its CSS", files: map, limit: 50 * KB },
];
let over = 0;
for (const b of budgets) {
  const size = b.files.reduce((n, f) => n + gz(f), 0);
  const ok = b.files.length > 0 && size <= b.limit;
  if (!ok) over++;
  console.log(`${ok ? "ok  " : "OVER"} ${b.name}: ${(size / KB).toFixed(1)} KB gzipped (budget ${(b.limit / KB).toFixed(0)} KB)`);
  for (const f of b.files) console.log(`       ${f}  ${(gz(f) / KB).toFixed(1)} KB`);
  if (b.files.length === 0) console.log("       no files found: is dist/ built?");
}
process.exit(over === 0 ? 0 : 1);
