import { deadlineAt } from "../domain/checklists";
import type { ReviewInput } from "../domain/relocation-review";
import type { StoredAction } from "../schema/drills-report";
import type { Incident } from "../schema/incidents";
import type { RelocationReview } from "../schema/relocation-review";
import { actionFromRow, type ActionRow } from "./drills-report";
import { messageFromRow, type MessageRow } from "./liaison";
import { functionFromRow, relocationFromRow, type FunctionRow, type RelocationRow } from "./relocation";
import { readinessFromRow, siteFromRow, type ReadinessRow, type SiteRow } from "./sites";
import { readPage } from "./paging";
import type { PageQuery } from "../schema/paging";

/** What a relocation drill's review is computed from, in one round trip. */
export async function loadReviewInput(db: D1Database, incident: Incident, unitId: string): Promise<Omit<ReviewInput, "endedAt">> {
  const r = await db.batch([
    db.prepare("SELECT * FROM relocation_functions WHERE unit_id = ? ORDER BY sort_order, id").bind(unitId),
    db.prepare("SELECT * FROM relocations WHERE incident_id = ?").bind(incident.id),
    db.prepare("SELECT * FROM sites WHERE kind NOT IN ('evacuation_site', 'shelter')"),
    db.prepare("SELECT * FROM site_readiness"),
    db
      .prepare(
        `SELECT id, text_ja, target_minutes, state, state_changed_at FROM checklist_items
         WHERE incident_id = ? AND unit_id = ? AND section_key = 'priority_business' ORDER BY position`,
      )
      .bind(incident.id, unitId),
    db.prepare("SELECT * FROM liaison_messages WHERE incident_id = ?1 AND (from_unit_id = ?2 OR to_unit_id = ?2) ORDER BY sent_at").bind(incident.id, unitId),
  ]);
  const rows = <T>(i: number) => r[i]!.results as T[];
  return {
    onsetAt: incident.onsetAt,
    unitId,
    functions: rows<FunctionRow>(0).map(functionFromRow),
    relocations: rows<RelocationRow>(1).map(relocationFromRow),
    sites: rows<SiteRow>(2).map(siteFromRow),
    readiness: rows<ReadinessRow>(3).map(readinessFromRow),
    business: rows<{ id: string; text_ja: string; target_minutes: number | null; state: string; state_changed_at: string }>(4).map((b) => ({
      id: b.id,
      textJa: b.text_ja,
      deadlineAt: deadlineAt(incident.onsetAt, b.target_minutes),
      state: b.state,
      stateChangedAt: b.state_changed_at,
    })),
    messages: rows<MessageRow>(5).map(messageFromRow),
  };
}

export const hasRelocations = async (db: D1Database, incidentId: string) =>
  (await db.prepare("SELECT 1 FROM relocations WHERE incident_id = ? LIMIT 1").bind(incidentId).first()) !== null;

export function insertReview(db: D1Database, r: RelocationReview): D1PreparedStatement {
  return db
    .prepare("INSERT INTO relocation_reviews (incident_id, unit_id, title, onset_at, ended_at, figures_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .bind(r.incidentId, r.unitId, r.title, r.onsetAt, r.endedAt, JSON.stringify(r.figures), r.createdAt);
}

type ReviewRow = { incident_id: string; unit_id: string; title: string; onset_at: string; ended_at: string; figures_json: string; created_at: string };
const reviewFromRow = (r: ReviewRow): RelocationReview => ({
  incidentId: r.incident_id,
  unitId: r.unit_id,
  title: r.title,
  onsetAt: r.onset_at,
  endedAt: r.ended_at,
  figures: JSON.parse(r.figures_json),
  createdAt: r.created_at,
});

// The review stands where the hospital's actions name their drill (drillId, drillTitle).
const REVIEW_ACTIONS = `SELECT a.id, a.review_id AS drill_id, rv.title AS drill_title, a.capability, a.issue, a.action, a.owner, a.organisation,
  a.due_date, a.status, a.closed_at, a.note, a.version, a.created_at, a.updated_at
  FROM corrective_actions a JOIN relocation_reviews rv ON rv.incident_id = a.review_id`;

/** The review, the department's reviews up to it (the trend), and its corrective actions, in one round trip. */
export async function readReview(db: D1Database, incidentId: string) {
  const [one, all, actions] = await db.batch([
    db.prepare("SELECT * FROM relocation_reviews WHERE incident_id = ?").bind(incidentId),
    db.prepare(
      `SELECT * FROM relocation_reviews WHERE unit_id = (SELECT unit_id FROM relocation_reviews WHERE incident_id = ?1)
         AND ended_at <= (SELECT ended_at FROM relocation_reviews WHERE incident_id = ?1) ORDER BY ended_at LIMIT 50`,
    ).bind(incidentId),
    db.prepare(`${REVIEW_ACTIONS} WHERE a.review_id = ? ORDER BY a.due_date`).bind(incidentId),
  ]);
  const row = (one!.results as ReviewRow[])[0];
  if (!row) return null;
  return {
    review: reviewFromRow(row),
    history: (all!.results as ReviewRow[]).map(reviewFromRow),
    actions: (actions!.results as ActionRow[]).map(actionFromRow),
  };
}

/** A page of reviews, newest first. */
export async function listReviews(db: D1Database, page: PageQuery): Promise<{ items: RelocationReview[]; next: string | null }> {
  const { rows, next } = await readPage<ReviewRow>(db, { select: "*", from: "relocation_reviews", keys: ["ended_at DESC", "incident_id DESC"] }, page);
  return { items: rows.map(reviewFromRow), next };
}

export async function findReviewAction(db: D1Database, reviewId: string, id: string): Promise<StoredAction | null> {
  const r = await db.prepare(`${REVIEW_ACTIONS} WHERE a.review_id = ? AND a.id = ?`).bind(reviewId, id).first<ActionRow>();
  return r ? actionFromRow(r) : null;
}

/** A review's corrective action: the hospital's columns, owned by the review instead of a drill. */
export function insertReviewAction(db: D1Database, a: StoredAction): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO corrective_actions (id, review_id, capability, issue, action, owner, organisation, due_date, status, closed_at, note, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(a.id, a.drillId, a.capability, a.issue, a.action, a.owner, a.organisation, a.dueDate, a.status, a.closedAt, a.note, a.version, a.createdAt, a.updatedAt);
}
