import type { ReadinessCheck, ReadinessKey, Site, SiteHazard } from "../schema/relocation";
import { readOne, rowRead, rowsRead } from "./together";
import { readPage } from "./paging";
import type { PageQuery } from "../schema/paging";

/** Sites and their readiness checklists. */

export type SiteRow = {
  id: string;
  name_ja: string;
  name_en: string;
  kind: Site["kind"];
  address: string;
  lat: number;
  lon: number;
  status: Site["status"];
  status_note: string;
  unit_id: string | null;
  source: Site["source"];
  designations: string;
  note: string;
  in_inundation: number;
  inundation_assessed: number;
  depth_class: string | null;
  depth_rank: number | null;
  hazard_layer_id: string | null;
  version: number;
  updated_at: string;
  updated_by: string | null;
};

export const siteFromRow = (r: SiteRow): Site => ({
  id: r.id,
  nameJa: r.name_ja,
  nameEn: r.name_en,
  kind: r.kind,
  address: r.address,
  lat: r.lat,
  lon: r.lon,
  status: r.status,
  statusNote: r.status_note,
  unitId: r.unit_id,
  source: r.source,
  designations: r.designations,
  note: r.note,
  // Unassessed (未判定) until an imported layer covers the site: never read as outside.
  inInundation: r.inundation_assessed === 1 ? r.in_inundation === 1 : null,
  depthClass: r.depth_class,
  depthRank: r.depth_rank,
  hazardLayerId: r.hazard_layer_id,
  version: r.version,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

const SHELTERS = "kind IN ('evacuation_site', 'shelter')";

type SiteScope = "facilities" | "shelters" | "all";
const scopeWhere = (scope: SiteScope) => (scope === "facilities" ? `NOT (${SHELTERS})` : scope === "shelters" ? SHELTERS : "1 = 1");

/** Every site, for assessing them all against the hazard layers. */
export function sitesRead(db: D1Database, scope: SiteScope = "all") {
  return rowsRead(db.prepare(`SELECT * FROM sites WHERE ${scopeWhere(scope)} ORDER BY source, kind, id`), (rows: SiteRow[]) => rows.map(siteFromRow));
}

export const listSites = (db: D1Database, scope: SiteScope = "all"): Promise<Site[]> => readOne(sitesRead(db, scope));

/** A page of sites in the same order. */
export async function pageSites(db: D1Database, scope: SiteScope, page: PageQuery): Promise<{ items: Site[]; next: string | null }> {
  const { rows, next } = await readPage<SiteRow>(db, { select: "*", from: "sites", where: scopeWhere(scope), keys: ["source", "kind", "id"] }, page);
  return { items: rows.map(siteFromRow), next };
}

export const siteById = (db: D1Database, id: string) =>
  rowRead(db.prepare("SELECT * FROM sites WHERE id = ?").bind(id), (r: SiteRow | undefined) => (r ? siteFromRow(r) : null));

export const findSite = (db: D1Database, id: string): Promise<Site | null> => readOne(siteById(db, id));

export const sitesById = (db: D1Database, ids: readonly string[]) =>
  rowsRead(
    db.prepare("SELECT * FROM sites WHERE id IN (SELECT value FROM json_each(?))").bind(JSON.stringify([...new Set(ids)])),
    (rows: SiteRow[]) => new Map(rows.map((r) => [r.id, siteFromRow(r)])),
  );

export function insertSite(db: D1Database, s: Site): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO sites (id, name_ja, name_en, kind, address, lat, lon, status, status_note, unit_id, source, designations, note,
         in_inundation, inundation_assessed, depth_class, depth_rank, hazard_layer_id, version, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(s.id, s.nameJa, s.nameEn, s.kind, s.address, s.lat, s.lon, s.status, s.statusNote, s.unitId, s.source, s.designations, s.note,
      s.inInundation ? 1 : 0, s.inInundation === null ? 0 : 1, s.depthClass, s.depthRank, s.hazardLayerId, s.version, s.updatedAt, s.updatedBy);
}

/** Writes `next` only over the version it was derived from. */
export function updateSite(db: D1Database, s: Site): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE sites SET name_ja = ?, name_en = ?, address = ?, lat = ?, lon = ?, status = ?, status_note = ?, note = ?,
         in_inundation = ?, inundation_assessed = ?, depth_class = ?, depth_rank = ?, hazard_layer_id = ?, version = ?, updated_at = ?, updated_by = ?
       WHERE id = ? AND version = ?`,
    )
    .bind(s.nameJa, s.nameEn, s.address, s.lat, s.lon, s.status, s.statusNote, s.note,
      s.inInundation ? 1 : 0, s.inInundation === null ? 0 : 1, s.depthClass, s.depthRank, s.hazardLayerId, s.version, s.updatedAt, s.updatedBy, s.id, s.version - 1);
}

/** Computed inundation for many sites in one statement; not a user edit, so versions stay. */
export function updateSiteHazards(db: D1Database, hazards: readonly SiteHazard[]): D1PreparedStatement[] {
  if (hazards.length === 0) return [];
  const rows = hazards.map((h) => ({ id: h.siteId, f: h.inInundation ? 1 : 0, a: h.inInundation === null ? 0 : 1, c: h.depthClass, r: h.depthRank, l: h.hazardLayerId }));
  return [
    db
      .prepare(
        `UPDATE sites SET in_inundation = j.value ->> 'f', inundation_assessed = j.value ->> 'a', depth_class = j.value ->> 'c', depth_rank = j.value ->> 'r', hazard_layer_id = j.value ->> 'l'
         FROM json_each(?) AS j WHERE sites.id = j.value ->> 'id'`,
      )
      .bind(JSON.stringify(rows)),
  ];
}

export type ReadinessRow = {
  site_id: string;
  check_key: ReadinessKey;
  status: ReadinessCheck["status"];
  critical: number;
  value: number | null;
  note: string;
  checked_at: string | null;
  checked_by_name: string | null;
  version: number;
};

export const readinessFromRow = (r: ReadinessRow): ReadinessCheck => ({
  siteId: r.site_id,
  key: r.check_key,
  status: r.status,
  critical: r.critical === 1,
  value: r.value,
  note: r.note,
  checkedAt: r.checked_at,
  checkedByName: r.checked_by_name,
  version: r.version,
});

const CHECK_ORDER = "CASE check_key WHEN 'power' THEN 1 WHEN 'fuel' THEN 2 WHEN 'comms' THEN 3 WHEN 'network' THEN 4 WHEN 'drawings' THEN 5 WHEN 'water_food' THEN 6 WHEN 'access' THEN 7 ELSE 8 END";

export async function listReadiness(db: D1Database, siteIds?: readonly string[]): Promise<ReadinessCheck[]> {
  const stmt = siteIds
    ? db.prepare(`SELECT * FROM site_readiness WHERE site_id IN (SELECT value FROM json_each(?)) ORDER BY site_id, ${CHECK_ORDER}`).bind(JSON.stringify(siteIds))
    : db.prepare(`SELECT * FROM site_readiness ORDER BY site_id, ${CHECK_ORDER}`);
  const { results } = await stmt.all<ReadinessRow>();
  return results.map(readinessFromRow);
}

export const readinessCheckOf = (db: D1Database, siteId: string, key: ReadinessKey) =>
  rowRead(
    db.prepare("SELECT * FROM site_readiness WHERE site_id = ? AND check_key = ?").bind(siteId, key),
    (r: ReadinessRow | undefined) => (r ? readinessFromRow(r) : null),
  );

export const findReadiness = (db: D1Database, siteId: string, key: ReadinessKey): Promise<ReadinessCheck | null> => readOne(readinessCheckOf(db, siteId, key));

export function insertReadiness(db: D1Database, checks: readonly ReadinessCheck[]): D1PreparedStatement[] {
  return checks.map((c) =>
    db
      .prepare("INSERT INTO site_readiness (site_id, check_key, status, critical, value, note, version) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(c.siteId, c.key, c.status, c.critical ? 1 : 0, c.value, c.note, c.version),
  );
}

export function updateReadiness(db: D1Database, c: ReadinessCheck, byUserId: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE site_readiness SET status = ?, value = ?, note = ?, checked_at = ?, checked_by = ?, checked_by_name = ?, version = ?
       WHERE site_id = ? AND check_key = ? AND version = ?`,
    )
    .bind(c.status, c.value, c.note, c.checkedAt, byUserId, c.checkedByName, c.version, c.siteId, c.key, c.version - 1);
}
