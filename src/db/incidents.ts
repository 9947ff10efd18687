import type { ArchiveQuery, Incident } from "../schema/incidents";
import { readOne, rowRead } from "./together";
import { readPage } from "./paging";
import type { PageQuery } from "../schema/paging";

export type IncidentRow = {
  id: string;
  title: string;
  kind: Incident["kind"];
  hazard: Incident["hazard"];
  onset_at: string;
  phase: Incident["phase"];
  phases_json: string;
  posture: Incident["posture"];
  postures_json: string;
  status: Incident["status"];
  closed_at: string | null;
  lead_unit_id: string;
  silent_minutes: number;
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
  phases: JSON.parse(r.phases_json),
  posture: r.posture,
  postures: JSON.parse(r.postures_json),
  status: r.status,
  closedAt: r.closed_at,
  leadUnitId: r.lead_unit_id,
  silentMinutes: r.silent_minutes,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  createdBy: r.created_by,
});

/** A page of incidents: open first, then by onset, newest first. */
export async function listIncidents(db: D1Database, page: PageQuery): Promise<{ items: Incident[]; next: string | null }> {
  const { rows, next } = await readPage<IncidentRow>(db, { select: "*", from: "incidents", keys: ["status = 'closed'", "onset_at DESC", "id DESC"] }, page);
  return { items: rows.map(incidentFromRow), next };
}

export const incidentById = (db: D1Database, id: string) =>
  rowRead(db.prepare("SELECT * FROM incidents WHERE id = ?").bind(id), (r: IncidentRow | undefined) => (r ? incidentFromRow(r) : null));

export const findIncident = (db: D1Database, id: string): Promise<Incident | null> => readOne(incidentById(db, id));

export function insertIncident(db: D1Database, i: Incident): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO incidents (id, title, kind, hazard, onset_at, phase, phases_json, posture, postures_json, status, closed_at,
         lead_unit_id, silent_minutes, version, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      i.id, i.title, i.kind, i.hazard, i.onsetAt, i.phase, JSON.stringify(i.phases), i.posture, JSON.stringify(i.postures),
      i.status, i.closedAt, i.leadUnitId, i.silentMinutes, i.version, i.createdAt, i.updatedAt, i.createdBy,
    );
}

/** Writes `next` only over the version it was derived from; pair with expectOneRowChanged. */
export function updateIncident(db: D1Database, next: Incident): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE incidents SET title = ?, hazard = ?, onset_at = ?, phase = ?, phases_json = ?, posture = ?, postures_json = ?,
         status = ?, closed_at = ?, silent_minutes = ?, version = ?, updated_at = ?
       WHERE id = ? AND version = ?`,
    )
    .bind(
      next.title, next.hazard, next.onsetAt, next.phase, JSON.stringify(next.phases), next.posture, JSON.stringify(next.postures),
      next.status, next.closedAt, next.silentMinutes, next.version, next.updatedAt, next.id, next.version - 1,
    );
}

export const isClosedIncidentWrite = (err: unknown): boolean => String(err).includes("incident_closed");

/** JST calendar date → the UTC instant its day begins. */
const jstDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+09:00`)).toISOString();
const nextJstDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+09:00`) + 86_400_000).toISOString();

/** Closed incidents, newest onset first, by words of the title, hazard and the onset's JST dates. */
export async function searchArchive(db: D1Database, q: ArchiveQuery): Promise<{ items: Incident[]; total: number }> {
  const where = ["status = 'closed'"];
  const args: unknown[] = [];
  for (const word of (q.q ?? "").split(/\s+/).filter(Boolean)) {
    where.push("instr(lower(title), lower(?)) > 0");
    args.push(word);
  }
  if (q.hazard) where.push("hazard = ?"), args.push(q.hazard);
  if (q.from) where.push("onset_at >= ?"), args.push(jstDayStart(q.from));
  if (q.to) where.push("onset_at < ?"), args.push(nextJstDayStart(q.to));
  const clause = where.join(" AND ");
  const [page, count] = await db.batch([
    db.prepare(`SELECT * FROM incidents WHERE ${clause} ORDER BY onset_at DESC LIMIT ? OFFSET ?`).bind(...args, q.limit, q.offset),
    db.prepare(`SELECT COUNT(*) AS n FROM incidents WHERE ${clause}`).bind(...args),
  ]);
  return { items: (page!.results as IncidentRow[]).map(incidentFromRow), total: (count!.results[0] as { n: number }).n };
}
