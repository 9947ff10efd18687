// `npm run size`: builds nothing; reads dist/ (run after `vite build`) and fails past a budget.
// The entry is everything the first page load fetches before the console runs: the scripts and
// styles index.html names (module entry, modulepreloads, stylesheets). The map is the lazy chunk
// holding Leaflet together with its CSS. The offline shell is every file the service worker
// stores at install (the list the build wrote into dist/sw.js), as stored, not compressed; the
// Japanese font must not be among them (it is cached slice by slice, as used).
import { readFileSync, readdirSync, statSync } from "node:fs";
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
const precached = [...new Set([...readFileSync(`${DIST}/sw.js`, "utf8").matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]))];
const shell = precached.reduce((n, f) => n + statSync(`${DIST}/${f}`).size, 0);
const fontsPrecached = precached.filter((f) => /\.woff2?$|\/fonts-[\w-]+\.css$/.test(f));
const shellOk = precached.length > 0 && shell < 1024 * KB && fontsPrecached.length === 0;
if (!shellOk) over++;
console.log(
  `${shellOk ? "ok  " : "OVER"} offline shell stored at install: ${precached.length} files, ${(shell / KB).toFixed(1)} KB (${(precached.reduce((n, f) => n + gz(f), 0) / KB).toFixed(1)} KB gzipped over the wire; budget under 1024 KB stored)`,
);
if (fontsPrecached.length) console.log(`       the Japanese font must not be precached: ${fontsPrecached.join(", ")}`);
for (const b of budgets) {
  const size = b.files.reduce((n, f) => n + gz(f), 0);
  const ok = b.files.length > 0 && size <= b.limit;
  if (!ok) over++;
  console.log(`${ok ? "ok  " : "OVER"} ${b.name}: ${(size / KB).toFixed(1)} KB gzipped (budget ${(b.limit / KB).toFixed(0)} KB)`);
  for (const f of b.files) console.log(`       ${f}  ${(gz(f) / KB).toFixed(1)} KB`);
  if (b.files.length === 0) console.log("       no files found: is dist/ built?");
}
process.exit(over === 0 ? 0 : 1);
