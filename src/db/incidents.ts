import type { Incident } from "../schema/incidents";

export type IncidentRow = {
  id: string;
  title: string;
  kind: Incident["kind"];
  hazard: Incident["hazard"];
  onset_at: string;
  phase: Incident["phase"];
  status: Incident["status"];
  lead_unit_id: string;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
};

export const incidentFromRow = (r: IncidentRow): Incident => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  hazard: r.hazard,
  onsetAt: r.onset_at,
  phase: r.phase,
  status: r.status,
  leadUnitId: r.lead_unit_id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  createdBy: r.created_by,
});

/** Open incidents first, then by onset, newest first. */
export async function listIncidents(db: D1Database): Promise<Incident[]> {
  const { results } = await db
    .prepare("SELECT * FROM incidents ORDER BY status = 'closed', onset_at DESC LIMIT 500")
    .all<IncidentRow>();
  return results.map(incidentFromRow);
}

export async function findIncident(db: D1Database, id: string): Promise<Incident | null> {
  const r = await db.prepare("SELECT * FROM incidents WHERE id = ?").bind(id).first<IncidentRow>();
  return r ? incidentFromRow(r) : null;
}

export function insertIncident(db: D1Database, i: Incident): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO incidents (id, title, kind, hazard, onset_at, phase, status, lead_unit_id, version, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(i.id, i.title, i.kind, i.hazard, i.onsetAt, i.phase, i.status, i.leadUnitId, i.version, i.createdAt, i.updatedAt, i.createdBy);
}

/** Writes `next` only over the version it was derived from; pair with expectOneRowChanged. */
export function updateIncident(db: D1Database, next: Incident): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE incidents SET title = ?, hazard = ?, onset_at = ?, phase = ?, status = ?, version = ?, updated_at = ?
       WHERE id = ? AND version = ?`,
    )
    .bind(next.title, next.hazard, next.onsetAt, next.phase, next.status, next.version, next.updatedAt, next.id, next.version - 1);
}
