import { readOne, rowRead, rowsRead } from "./together";
import type { Drill, DrillCasualty, DrillStatus } from "../schema/drills";
import type { DrillScore } from "../schema/drills-report";
import { type CardRow, cardFromRow } from "./drills-scenarios";
import { readPage } from "./paging";
import type { PageQuery } from "../schema/paging";

type DrillRow = {
  id: string;
  kind: Drill["kind"];
  title: string;
  scheduled_at: string;
  place: string;
  objectives_json: string;
  participants_json: string;
  zones_json: string;
  targets_json: string;
  scenario_id: string | null;
  scenario_title: string | null;
  incident_id: string | null;
  unit_id: string;
  status: DrillStatus;
  started_at: string | null;
  ended_at: string | null;
  reviewed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  casualty_count: number;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
};

const drillFromRow = (r: DrillRow): Drill => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  scheduledAt: r.scheduled_at,
  place: r.place,
  objectives: JSON.parse(r.objectives_json),
  participants: JSON.parse(r.participants_json),
  zones: JSON.parse(r.zones_json),
  milestoneTargets: JSON.parse(r.targets_json),
  scenarioId: r.scenario_id,
  scenarioTitle: r.scenario_title,
  incidentId: r.incident_id,
  unitId: r.unit_id,
  status: r.status,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  reviewedAt: r.reviewed_at,
  cancelledAt: r.cancelled_at,
  cancelReason: r.cancel_reason,
  casualtyCount: r.casualty_count,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  createdBy: r.created_by,
});

/** The columns in table order; an INSERT binds a drill's cells in this order. */
const DRILL_FIELDS = [
  "id", "kind", "title", "scheduled_at", "place", "objectives_json", "participants_json", "zones_json", "targets_json", "scenario_id",
  "scenario_title", "incident_id", "unit_id", "status", "started_at", "ended_at", "reviewed_at", "cancelled_at", "cancel_reason",
  "casualty_count", "version", "created_at", "updated_at", "created_by",
] as const satisfies readonly (keyof DrillRow)[];
const DRILL_COLUMNS = DRILL_FIELDS.join(", ");
/** What a drill's later writes may change (its origin, unit, scenario and count are fixed at creation). */
const CHANGEABLE = [
  "title", "scheduled_at", "place", "objectives_json", "participants_json", "zones_json", "targets_json", "status", "started_at",
  "ended_at", "reviewed_at", "cancelled_at", "cancel_reason", "version", "updated_at",
] as const satisfies readonly (keyof DrillRow)[];

/** A drill as its row's cells: the lists as JSON text. */
function cellsOf(d: Drill): DrillRow {
  const { objectives, participants, zones, milestoneTargets, scheduledAt, scenarioId, scenarioTitle, incidentId, unitId, startedAt, endedAt, reviewedAt, cancelledAt, cancelReason, casualtyCount, createdAt, updatedAt, createdBy, ...same } = d;
  return {
    ...same,
    scheduled_at: scheduledAt,
    objectives_json: JSON.stringify(objectives),
    participants_json: JSON.stringify(participants),
    zones_json: JSON.stringify(zones),
    targets_json: JSON.stringify(milestoneTargets),
    scenario_id: scenarioId,
    scenario_title: scenarioTitle,
    incident_id: incidentId,
    unit_id: unitId,
    started_at: startedAt,
    ended_at: endedAt,
    reviewed_at: reviewedAt,
    cancelled_at: cancelledAt,
    cancel_reason: cancelReason,
    casualty_count: casualtyCount,
    created_at: createdAt,
    updated_at: updatedAt,
    created_by: createdBy,
  };
}

/** A page of drills: running first, then planned by date, then the rest newest first. */
export async function listDrills(
  db: D1Database,
  q: { kind?: Drill["kind"]; incidentId?: string; status?: DrillStatus },
  page: PageQuery,
): Promise<{ items: Drill[]; next: string | null }> {
  const { rows, next } = await readPage<DrillRow>(
    db,
    {
      select: DRILL_COLUMNS,
      from: "drills",
      where: "(?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR incident_id = ?2) AND (?3 IS NULL OR status = ?3)",
      binds: [q.kind ?? null, q.incidentId ?? null, q.status ?? null],
      keys: [
        "CASE status WHEN 'running' THEN 0 WHEN 'planned' THEN 1 ELSE 2 END",
        // Planned drills soonest first; the others share '' here and go newest first below.
        "CASE WHEN status = 'planned' THEN scheduled_at ELSE '' END",
        "scheduled_at DESC",
        "id DESC",
      ],
    },
    page,
  );
  return { items: rows.map(drillFromRow), next };
}

export const drillById = (db: D1Database, id: string) =>
  rowRead(db.prepare(`SELECT ${DRILL_COLUMNS} FROM drills WHERE id = ?`).bind(id), (r: DrillRow | undefined) => (r ? drillFromRow(r) : null));

export const findDrill = (db: D1Database, id: string): Promise<Drill | null> => readOne(drillById(db, id));

/** The drill a corrective action came from. */
export const drillOfAction = (db: D1Database, actionId: string) =>
  rowRead(
    db.prepare(`SELECT ${DRILL_COLUMNS} FROM drills WHERE id = (SELECT drill_id FROM corrective_actions WHERE id = ?)`).bind(actionId),
    (r: DrillRow | undefined) => (r ? drillFromRow(r) : null),
  );

export function insertDrill(db: D1Database, d: Drill): D1PreparedStatement {
  const cells = cellsOf(d);
  return db
    .prepare(`INSERT INTO drills (${DRILL_COLUMNS}) VALUES (${DRILL_FIELDS.map(() => "?").join(", ")})`)
    .bind(...DRILL_FIELDS.map((f) => cells[f]));
}

/** Writes `next` only over the version it was derived from; pair with exactlyOne. */
export function updateDrill(db: D1Database, next: Drill): D1PreparedStatement {
  const cells = cellsOf(next);
  return db
    .prepare(`UPDATE drills SET ${CHANGEABLE.map((f) => `${f} = ?`).join(", ")} WHERE id = ? AND version = ?`)
    .bind(...CHANGEABLE.map((f) => cells[f]), next.id, next.version - 1);
}

/**
 * Ends the drill and stores its score, but only if no tag arrived after the score was taken:
 * the stored score then covers exactly the tags the drill ended with. Pair with exactlyOne.
 */
export function endDrill(db: D1Database, next: Drill, score: DrillScore): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE drills SET status = 'ended', ended_at = ?, score_json = ?, version = ?, updated_at = ?
       WHERE id = ? AND version = ? AND status = 'running' AND (SELECT COUNT(*) FROM drill_tags WHERE drill_id = ?) = ?`,
    )
    .bind(next.endedAt, JSON.stringify(score), next.version, next.updatedAt, next.id, next.version - 1, next.id, score.hq.tags);
}

/** Copies the scenario's cards into the drill in one statement, ids derived from the drill's. */
export function copyScenarioIntoDrill(db: D1Database, drillId: string, scenarioId: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO drill_casualties (id, drill_id, sort_order, tag_number, description, age, can_walk, breathing,
         breathing_after_airway, respiratory_rate, radial_pulse, capillary_refill_s, follows_commands, start_category, expected,
         override_category, override_reason)
       SELECT ?1 || '-c' || sort_order, ?1, sort_order, tag_number, description, age, can_walk, breathing, breathing_after_airway,
         respiratory_rate, radial_pulse, capillary_refill_s, follows_commands, start_category, expected, override_category, override_reason
       FROM scenario_casualties WHERE scenario_id = ?2`,
    )
    .bind(drillId, scenarioId);
}

type DrillCasualtyRow = CardRow & {
  drill_id: string;
  current_category: DrillCasualty["currentCategory"];
  current_zone_id: string | null;
  first_tagged_at: string | null;
  last_tagged_at: string | null;
  tag_count: number;
};

const drillCasualtyFromRow = (r: DrillCasualtyRow): DrillCasualty => ({
  ...cardFromRow(r),
  drillId: r.drill_id,
  currentCategory: r.current_category,
  currentZoneId: r.current_zone_id,
  firstTaggedAt: r.first_tagged_at,
  lastTaggedAt: r.last_tagged_at,
  tagCount: r.tag_count,
  version: r.version,
});

export const drillCasualties = (db: D1Database, drillId: string) =>
  rowsRead(db.prepare("SELECT * FROM drill_casualties WHERE drill_id = ? ORDER BY sort_order").bind(drillId), (rows: DrillCasualtyRow[]) =>
    rows.map(drillCasualtyFromRow),
  );

export const listDrillCasualties = (db: D1Database, drillId: string): Promise<DrillCasualty[]> => readOne(drillCasualties(db, drillId));

export const drillCasualtyById = (db: D1Database, id: string) =>
  rowRead(db.prepare("SELECT * FROM drill_casualties WHERE id = ?").bind(id), (r: DrillCasualtyRow | undefined) => (r ? drillCasualtyFromRow(r) : null));

export const findDrillCasualty = (db: D1Database, id: string): Promise<DrillCasualty | null> => readOne(drillCasualtyById(db, id));

export function updateDrillCasualtyOverride(db: D1Database, c: DrillCasualty): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE drill_casualties SET override_category = ?, override_reason = ?, expected = ?, version = ?
       WHERE id = ? AND version = ? AND EXISTS (SELECT 1 FROM drills WHERE id = drill_casualties.drill_id AND status = 'planned')`,
    )
    .bind(c.override?.category ?? null, c.override?.reason ?? null, c.expected, c.version, c.id, c.version - 1);
}
