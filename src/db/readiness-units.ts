import type { Unit } from "../schema/session";
import { actionFromRow, type ActionRow } from "./drills-report";

export type EndedDrill = { id: string; unitId: string; kind: string; title: string; endedAt: string; scoreJson: string | null };

/** Units, every unit's latest ended drill (oldest first, so the last per unit is its latest), and the open corrective actions with their unit, in one round trip. */
export async function readUnitsDrillsActions(db: D1Database) {
  const [units, drills, actions] = await db.batch([
    db.prepare("SELECT id, name_ja, name_en, kind FROM units ORDER BY sort_order, id"),
    // A unit's drills: the hospital's (scored) and the water department's relocation drills (reviewed).
    db.prepare(
      `SELECT id, unit_id, kind, title, ended_at, score_json FROM drills d
       WHERE ended_at IS NOT NULL AND ended_at = (SELECT MAX(ended_at) FROM drills WHERE unit_id = d.unit_id AND ended_at IS NOT NULL)
       UNION ALL
       SELECT incident_id, unit_id, 'relocation', title, ended_at, NULL FROM relocation_reviews r
       WHERE ended_at = (SELECT MAX(ended_at) FROM relocation_reviews WHERE unit_id = r.unit_id)
       ORDER BY ended_at`,
    ),
    db.prepare(
      `SELECT a.*, COALESCE(d.title, rv.title) AS drill_title, COALESCE(d.unit_id, rv.unit_id) AS drill_unit_id FROM corrective_actions a
       LEFT JOIN drills d ON d.id = a.drill_id LEFT JOIN relocation_reviews rv ON rv.incident_id = a.review_id
       WHERE a.status <> 'closed'`,
    ),
  ]);
  return {
    units: (units!.results as { id: string; name_ja: string; name_en: string; kind: Unit["kind"] }[]).map(
      (u): Unit => ({ id: u.id, nameJa: u.name_ja, nameEn: u.name_en, kind: u.kind }),
    ),
    drills: (drills!.results as { id: string; unit_id: string; kind: string; title: string; ended_at: string; score_json: string | null }[]).map(
      (d): EndedDrill => ({ id: d.id, unitId: d.unit_id, kind: d.kind, title: d.title, endedAt: d.ended_at, scoreJson: d.score_json }),
    ),
    actions: (actions!.results as (ActionRow & { drill_unit_id: string })[]).map((a) => ({ ...actionFromRow(a), unitId: a.drill_unit_id })),
  };
}
