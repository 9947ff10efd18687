import type { RelocationSettings } from "../schema/relocation";
import type { BcpFunction, Relocation, RelocationMove } from "../schema/relocation-board";
import { type ReadinessRow, readinessFromRow, type SiteRow, siteFromRow } from "./sites";
import { readOne, rowRead, rowsRead } from "./together";

/** The function registry, the per-incident relocation board with its moves, and settings. */

export type FunctionRow = {
  id: string;
  unit_id: string;
  name_ja: string;
  name_en: string;
  description: string;
  priority: number;
  target_minutes: number;
  staff_needed: number;
  equipment: string;
  primary_site_id: string;
  alternate_site_ids: string;
  sort_order: number;
  version: number;
  updated_at: string;
};

export const functionFromRow = (r: FunctionRow): BcpFunction => ({
  id: r.id,
  unitId: r.unit_id,
  nameJa: r.name_ja,
  nameEn: r.name_en,
  description: r.description,
  priority: r.priority,
  targetMinutes: r.target_minutes,
  staffNeeded: r.staff_needed,
  equipment: JSON.parse(r.equipment) as string[],
  primarySiteId: r.primary_site_id,
  alternateSiteIds: JSON.parse(r.alternate_site_ids) as string[],
  sortOrder: r.sort_order,
  version: r.version,
  updatedAt: r.updated_at,
});

export const functionsRead = (db: D1Database) =>
  rowsRead(db.prepare("SELECT * FROM relocation_functions ORDER BY sort_order, priority, id"), (rows: FunctionRow[]) => rows.map(functionFromRow));

export const listFunctions = (db: D1Database): Promise<BcpFunction[]> => readOne(functionsRead(db));

export const functionById = (db: D1Database, id: string) =>
  rowRead(db.prepare("SELECT * FROM relocation_functions WHERE id = ?").bind(id), (r: FunctionRow | undefined) => (r ? functionFromRow(r) : null));

export const findFunction = (db: D1Database, id: string): Promise<BcpFunction | null> => readOne(functionById(db, id));

export function insertFunction(db: D1Database, f: BcpFunction, by: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO relocation_functions (id, unit_id, name_ja, name_en, description, priority, target_minutes, staff_needed, equipment,
         primary_site_id, alternate_site_ids, sort_order, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(f.id, f.unitId, f.nameJa, f.nameEn, f.description, f.priority, f.targetMinutes, f.staffNeeded, JSON.stringify(f.equipment),
      f.primarySiteId, JSON.stringify(f.alternateSiteIds), f.sortOrder, f.version, f.updatedAt, by);
}

export function updateFunction(db: D1Database, f: BcpFunction, by: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE relocation_functions SET name_ja = ?, name_en = ?, description = ?, priority = ?, target_minutes = ?, staff_needed = ?,
         equipment = ?, primary_site_id = ?, alternate_site_ids = ?, sort_order = ?, version = ?, updated_at = ?, updated_by = ?
       WHERE id = ? AND version = ?`,
    )
    .bind(f.nameJa, f.nameEn, f.description, f.priority, f.targetMinutes, f.staffNeeded, JSON.stringify(f.equipment), f.primarySiteId,
      JSON.stringify(f.alternateSiteIds), f.sortOrder, f.version, f.updatedAt, by, f.id, f.version - 1);
}

export type RelocationRow = {
  incident_id: string;
  function_id: string;
  state: Relocation["state"];
  site_id: string | null;
  since: string;
  operational_at: string | null;
  staff_present: number;
  override_reason: string | null;
  note: string;
  version: number;
  updated_at: string;
  updated_by_name: string;
};

export const relocationFromRow = (r: RelocationRow): Relocation => ({
  incidentId: r.incident_id,
  functionId: r.function_id,
  state: r.state,
  siteId: r.site_id,
  since: r.since,
  operationalAt: r.operational_at,
  staffPresent: r.staff_present,
  overrideReason: r.override_reason,
  note: r.note,
  version: r.version,
  updatedAt: r.updated_at,
  updatedByName: r.updated_by_name,
});

export async function listRelocations(db: D1Database, incidentId: string): Promise<Relocation[]> {
  const { results } = await db.prepare("SELECT * FROM relocations WHERE incident_id = ?").bind(incidentId).all<RelocationRow>();
  return results.map(relocationFromRow);
}

export const relocationOf = (db: D1Database, incidentId: string, functionId: string) =>
  rowRead(
    db.prepare("SELECT * FROM relocations WHERE incident_id = ? AND function_id = ?").bind(incidentId, functionId),
    (r: RelocationRow | undefined) => (r ? relocationFromRow(r) : null),
  );

export const findRelocation = (db: D1Database, incidentId: string, functionId: string): Promise<Relocation | null> =>
  readOne(relocationOf(db, incidentId, functionId));

// The sites a function's change or move can touch: the function's (?1) primary and alternates, any
// the client names (?3, a JSON array) and, on an incident's (?2) board, where it is now.
const FUNCTION_SITES = `WITH wanted(id) AS (
    SELECT primary_site_id FROM relocation_functions WHERE id = ?1
    UNION SELECT j.value FROM relocation_functions f, json_each(f.alternate_site_ids) j WHERE f.id = ?1
    UNION SELECT site_id FROM relocations WHERE incident_id = ?2 AND function_id = ?1
    UNION SELECT value FROM json_each(?3))`;

type SitesOf = { functionId: string; incidentId: string | null; named: readonly (string | null | undefined)[] };

const sitesOfBound = (db: D1Database, select: string, q: SitesOf) =>
  db.prepare(`${FUNCTION_SITES} ${select}`).bind(q.functionId, q.incidentId, JSON.stringify(q.named.filter(Boolean)));

/** The sites a function's change or move can touch (FUNCTION_SITES), by id. */
export const functionSites = (db: D1Database, q: SitesOf) =>
  rowsRead(sitesOfBound(db, "SELECT * FROM sites WHERE id IN (SELECT id FROM wanted)", q), (rows: SiteRow[]) => new Map(rows.map((r) => [r.id, siteFromRow(r)])));

/** The readiness checks of those sites. */
export const functionSiteReadiness = (db: D1Database, q: SitesOf) =>
  rowsRead(sitesOfBound(db, "SELECT * FROM site_readiness WHERE site_id IN (SELECT id FROM wanted)", q), (rows: ReadinessRow[]) => rows.map(readinessFromRow));

/**
 * The first move creates the row; later moves update it over the version they saw. Either way
 * exactly one row changes unless someone else moved the function first.
 */
export function saveRelocation(db: D1Database, next: Relocation, byUserId: string): D1PreparedStatement {
  if (next.version === 1) {
    return db
      .prepare(
        `INSERT INTO relocations (incident_id, function_id, state, site_id, since, operational_at, staff_present, override_reason, note,
           version, updated_at, updated_by, updated_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (incident_id, function_id) DO NOTHING`,
      )
      .bind(next.incidentId, next.functionId, next.state, next.siteId, next.since, next.operationalAt, next.staffPresent, next.overrideReason,
        next.note, next.version, next.updatedAt, byUserId, next.updatedByName);
  }
  return db
    .prepare(
      `UPDATE relocations SET state = ?, site_id = ?, since = ?, operational_at = ?, staff_present = ?, override_reason = ?, note = ?,
         version = ?, updated_at = ?, updated_by = ?, updated_by_name = ?
       WHERE incident_id = ? AND function_id = ? AND version = ?`,
    )
    .bind(next.state, next.siteId, next.since, next.operationalAt, next.staffPresent, next.overrideReason, next.note, next.version,
      next.updatedAt, byUserId, next.updatedByName, next.incidentId, next.functionId, next.version - 1);
}

type MoveRow = {
  id: string;
  incident_id: string;
  function_id: string;
  from_state: RelocationMove["fromState"];
  to_state: RelocationMove["toState"];
  site_id: string | null;
  at: string;
  by_user: string;
  by_name: string;
  by_unit: string;
  staff_present: number;
  note: string;
  override_reason: string | null;
};

const moveFromRow = (r: MoveRow): RelocationMove => ({
  id: r.id,
  incidentId: r.incident_id,
  functionId: r.function_id,
  fromState: r.from_state,
  toState: r.to_state,
  siteId: r.site_id,
  at: r.at,
  byUser: r.by_user,
  byName: r.by_name,
  byUnit: r.by_unit,
  staffPresent: r.staff_present,
  note: r.note,
  overrideReason: r.override_reason,
});

export function insertMove(db: D1Database, m: RelocationMove): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO relocation_moves (id, incident_id, function_id, from_state, to_state, site_id, at, by_user, by_name, by_unit, staff_present, note, override_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(m.id, m.incidentId, m.functionId, m.fromState, m.toState, m.siteId, m.at, m.byUser, m.byName, m.byUnit, m.staffPresent, m.note, m.overrideReason);
}

/** The incident's moves, newest first. */
export async function listMoves(db: D1Database, incidentId: string, limit = 500): Promise<RelocationMove[]> {
  const { results } = await db
    .prepare("SELECT * FROM relocation_moves WHERE incident_id = ? ORDER BY at DESC, rowid DESC LIMIT ?")
    .bind(incidentId, limit)
    .all<MoveRow>();
  return results.map(moveFromRow);
}

export type SettingsRow = {
  liaison_ack_minutes: number;
  fuel_hours_required: number;
  tile_url: string;
  tile_attribution: string;
  version: number;
  updated_at: string;
};

export const settingsRead = (db: D1Database) =>
  rowRead(db.prepare("SELECT * FROM relocation_settings WHERE id = 1"), (r: SettingsRow | undefined) => settingsFromRow(r!));

export const getSettings = (db: D1Database): Promise<RelocationSettings> => readOne(settingsRead(db));

export function settingsFromRow(r: SettingsRow): RelocationSettings {
  return {
    liaisonAckMinutes: r.liaison_ack_minutes,
    fuelHoursRequired: r.fuel_hours_required,
    tileUrl: r.tile_url,
    tileAttribution: r.tile_attribution,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function updateSettings(db: D1Database, s: RelocationSettings): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE relocation_settings SET liaison_ack_minutes = ?, fuel_hours_required = ?, tile_url = ?, tile_attribution = ?, version = ?, updated_at = ?
       WHERE id = 1 AND version = ?`,
    )
    .bind(s.liaisonAckMinutes, s.fuelHoursRequired, s.tileUrl, s.tileAttribution, s.version, s.updatedAt, s.version - 1);
}
