#!/usr/bin/env node
// Turns the GSI open data on Kushiro's designated emergency evacuation sites (指定緊急避難場所) and
// evacuation shelters (指定避難所) into INSERTs for the `sites` table of migrations/0003_relocation.sql.
// The worker never reads these files: the output is committed into the migration.
//
//   node scripts/shelters-to-sql.mjs [dataDir]          print the SQL
//   node scripts/shelters-to-sql.mjs [dataDir] --write  replace the generated block in the migration
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const write = args.includes("--write");
const dataDir = resolve(args.find((a) => !a.startsWith("--")) ?? join(here, "../../shared/data"));
const migration = join(here, "../migrations/0003_relocation.sql");

export const ATTRIBUTION = "出典：国土地理院「指定緊急避難場所・指定避難所データ」";
const BEGIN = "-- BEGIN generated shelters (scripts/shelters-to-sql.mjs)";
const END = "-- END generated shelters";

// The hazard columns of the emergency-site file, in the order they are published.
const HAZARD_COLUMNS = ["洪水", "崖崩れ、土石流及び地滑り", "高潮", "地震", "津波", "大規模な火事", "内水氾濫", "火山現象"];

const FILES = [
  { file: "emergency_012068_kushiro.geojson", kind: "evacuation_site" },
  { file: "evacuation_012068_kushiro.geojson", kind: "shelter" },
];

const sql = (s) => `'${String(s ?? "").replaceAll("'", "''")}'`;

function rowsOf({ file, kind }) {
  const collection = JSON.parse(readFileSync(join(dataDir, file), "utf8"));
  if (collection.type !== "FeatureCollection") throw new Error(`${file}: not a FeatureCollection`);
  return collection.features.map((f, i) => {
    const p = f.properties ?? {};
    const [lon, lat] = f.geometry?.coordinates ?? [];
    const id = p["共通ID"];
    if (f.geometry?.type !== "Point" || !Number.isFinite(lat) || !Number.isFinite(lon) || !id) {
      throw new Error(`${file}: feature ${i} lacks an id or a point`);
    }
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) throw new Error(`${file}: feature ${i} is out of range`);
    const designations = HAZARD_COLUMNS.filter((c) => p[c] === "1").join("・");
    const note = [p["受入対象者"], p["備考"]].filter((s) => typeof s === "string" && s.trim()).join(" / ");
    return `  (${[sql(`gsi-${id}`), sql(p["施設・場所名"]), sql(kind), sql(p["住所"]), lat, lon, sql(designations), sql(note)].join(", ")})`;
  });
}

// D1 caps one SQL statement at 100 kB, so the rows go in several INSERTs.
const ROWS_PER_INSERT = 60;

export function sheltersSql() {
  const rows = FILES.flatMap(rowsOf);
  const inserts = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    inserts.push(
      "INSERT INTO sites (id, name_ja, kind, address, lat, lon, designations, note, source, unit_id, updated_at)\n" +
        "SELECT column1, column2, column3, column4, column5, column6, column7, column8, 'gsi', NULL, '2026-11-24T00:00:00.000Z' FROM (VALUES\n" +
        rows.slice(i, i + ROWS_PER_INSERT).join(",\n") +
        ");",
    );
  }
  return [BEGIN, `-- ${ATTRIBUTION}（国土地理院コンテンツ利用規約）. ${rows.length} sites.`, ...inserts, END].join("\n");
}

if (write) {
  const text = readFileSync(migration, "utf8");
  const start = text.indexOf(BEGIN);
  const stop = text.indexOf(END);
  if (start < 0 || stop < start) throw new Error(`the migration has no ${BEGIN} … ${END} block`);
  writeFileSync(migration, text.slice(0, start) + sheltersSql() + text.slice(stop + END.length));
  console.error(`wrote ${migration}`);
} else {
  console.log(sheltersSql());
}
