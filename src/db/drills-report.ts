import { readOne, rowRead } from "./together";
import type { ActionStatus, Report, StoredAction } from "../schema/drills-report";
import { readPage } from "./paging";
import type { PageQuery } from "../schema/paging";

type ReportRow = {
  drill_id: string;
  summary: string;
  strengths_json: string;
  improvements_json: string;
  ratings_json: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
};

const reportFromRow = (r: ReportRow): Report => ({
  drillId: r.drill_id,
  summary: r.summary,
  strengths: JSON.parse(r.strengths_json),
  improvements: JSON.parse(r.improvements_json),
  capabilityRatings: JSON.parse(r.ratings_json),
  version: r.version,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export const reportOf = (db: D1Database, drillId: string) =>
  rowRead(db.prepare("SELECT * FROM drill_reports WHERE drill_id = ?").bind(drillId), (r: ReportRow | undefined) => (r ? reportFromRow(r) : null));

export const findReport = (db: D1Database, drillId: string): Promise<Report | null> => readOne(reportOf(db, drillId));

export function insertReport(db: D1Database, r: Report): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO drill_reports (drill_id, summary, strengths_json, improvements_json, ratings_json, version, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(r.drillId, r.summary, JSON.stringify(r.strengths), JSON.stringify(r.improvements), JSON.stringify(r.capabilityRatings), r.version, r.updatedAt, r.updatedBy);
}

export function updateReport(db: D1Database, r: Report): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE drill_reports SET summary = ?, strengths_json = ?, improvements_json = ?, ratings_json = ?, version = ?, updated_at = ?, updated_by = ?
       WHERE drill_id = ? AND version = ?`,
    )
    .bind(r.summary, JSON.stringify(r.strengths), JSON.stringify(r.improvements), JSON.stringify(r.capabilityRatings), r.version, r.updatedAt, r.updatedBy, r.drillId, r.version - 1);
}

export type ActionRow = {
  id: string;
  drill_id: string;
  drill_title: string;
  capability: string;
  issue: string;
  action: string;
  owner: string;
  organisation: string;
  due_date: string;
  status: ActionStatus;
  closed_at: string | null;
  note: string;
  version: number;
  created_at: string;
  updated_at: string;
};

export const actionFromRow = (r: ActionRow): StoredAction => ({
  id: r.id,
  drillId: r.drill_id,
  drillTitle: r.drill_title,
  capability: r.capability,
  issue: r.issue,
  action: r.action,
  owner: r.owner,
  organisation: r.organisation,
  dueDate: r.due_date,
  status: r.status,
  closedAt: r.closed_at,
  note: r.note,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const ACTION_SELECT = "SELECT a.*, d.title AS drill_title FROM corrective_actions a JOIN drills d ON d.id = a.drill_id";

/** A page of the actions of every drill (or one): open first, earliest due first. */
export async function pageActions(db: D1Database, q: { drillId?: string; openOnly?: boolean }, page: PageQuery): Promise<{ items: StoredAction[]; next: string | null }> {
  const { rows, next } = await readPage<ActionRow>(
    db,
    {
      select: "a.*, d.title AS drill_title",
      from: "corrective_actions a JOIN drills d ON d.id = a.drill_id",
      where: "(?1 IS NULL OR a.drill_id = ?1) AND (?2 = 0 OR a.status <> 'closed')",
      binds: [q.drillId ?? null, q.openOnly ? 1 : 0],
      keys: ["a.status = 'closed'", "a.due_date", "a.created_at", "a.id"],
    },
    page,
  );
  return { items: rows.map(actionFromRow), next };
}

/** One drill's actions (its report): open first, earliest due first. */
export async function listActions(db: D1Database, q: { drillId?: string; openOnly?: boolean }): Promise<StoredAction[]> {
  const { results } = await db
    .prepare(
      `${ACTION_SELECT} WHERE (?1 IS NULL OR a.drill_id = ?1) AND (?2 = 0 OR a.status <> 'closed')
       ORDER BY a.status = 'closed', a.due_date, a.created_at LIMIT 1000`,
    )
    .bind(q.drillId ?? null, q.openOnly ? 1 : 0)
    .all<ActionRow>();
  return results.map(actionFromRow);
}

export const actionById = (db: D1Database, id: string) =>
  rowRead(db.prepare(`${ACTION_SELECT} WHERE a.id = ?`).bind(id), (r: ActionRow | undefined) => (r ? actionFromRow(r) : null));

export const findAction = (db: D1Database, id: string): Promise<StoredAction | null> => readOne(actionById(db, id));

export function insertAction(db: D1Database, a: StoredAction): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO corrective_actions (id, drill_id, capability, issue, action, owner, organisation, due_date, status, closed_at, note, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(a.id, a.drillId, a.capability, a.issue, a.action, a.owner, a.organisation, a.dueDate, a.status, a.closedAt, a.note, a.version, a.createdAt, a.updatedAt);
}

export function updateAction(db: D1Database, a: StoredAction): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE corrective_actions SET capability = ?, issue = ?, action = ?, owner = ?, organisation = ?, due_date = ?, status = ?,
         closed_at = ?, note = ?, version = ?, updated_at = ?
       WHERE id = ? AND version = ?`,
    )
    .bind(a.capability, a.issue, a.action, a.owner, a.organisation, a.dueDate, a.status, a.closedAt, a.note, a.version, a.updatedAt, a.id, a.version - 1);
}
