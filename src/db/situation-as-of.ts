import type { Change } from "../schema/changes";
import type { ItemState } from "../schema/checklists";
import type { Category } from "../schema/drills";
import { STANDING } from "../schema/streams";
import { actionFromRow, type ActionRow } from "./drills-report";
import { changeFromRow, type ChangeRow } from "./changes";
import { UNDONE_TYPES } from "../domain/situation-as-of";
import { messageFromRow, type MessageRow } from "./liaison";
import { asJsonRows, MESSAGE_COLUMNS, parseRows } from "./overview";

/** The point a past picture is taken at: the incident's seq S and the time T of that seq (or the chosen time). */
export type PastPoint = { seq: number; at: string };

type CasualtyRow = { id: string; drill_id: string; expected: Category; current_category: Category | null };
const CASUALTY_COLUMNS = ["id", "drill_id", "expected", "current_category"] as const satisfies readonly (keyof CasualtyRow)[];

/** An item as the past picture needs it, whatever its state (the present read keeps only overdue ones). */
export type PastItem = {
  id: string;
  unitId: string;
  templateId: string;
  state: ItemState;
  targetMinutes: number | null;
  textJa: string;
  textEn: string;
  ownerId: string | null;
  sectionKey: string;
  version: number;
};

/**
 * Resolves the point: the latest seq at or before `time`, or the time of `seq`. Null when the
 * incident has no such seq (later than its latest, or before its first change).
 */
export async function resolvePastPoint(db: D1Database, incidentId: string, want: { seq: number } | { time: string }): Promise<PastPoint | null> {
  if ("seq" in want) {
    const r = await db.prepare("SELECT seq, at FROM change_log WHERE stream = ? AND seq = ?").bind(incidentId, want.seq).first<{ seq: number; at: string }>();
    return r ?? null;
  }
  const r = await db
    .prepare("SELECT MAX(seq) AS seq FROM change_log WHERE stream = ? AND at <= ?")
    .bind(incidentId, want.time)
    .first<{ seq: number | null }>();
  return r?.seq ? { seq: r.seq, at: want.time } : null;
}

/**
 * What a picture as of an earlier point needs beyond the present read, in ONE round trip: every
 * item, message, casualty and open-or-closed action as they are now (many rows, so as tuples in one
 * JSON cell each), the changes logged after the point that the picture undoes (the incident's after its seq, the standing data's after its time), each unit's last report
 * up to the point, and the units that had joined by then.
 */
export async function readPastRows(db: D1Database, incidentId: string, point: PastPoint) {
  const r = await db.batch([
    db
      .prepare(
        `SELECT json_group_array(json_array(id, unit_id, template_id, state, target_minutes, text_ja, text_en, owner_id, section_key, version)) AS rows
         FROM checklist_items WHERE incident_id = ?`,
      )
      .bind(incidentId),
    asJsonRows<MessageRow>(db, MESSAGE_COLUMNS, "SELECT * FROM liaison_messages WHERE incident_id = ? ORDER BY sent_at, rowid LIMIT 5000").bind(incidentId),
    asJsonRows<CasualtyRow>(
      db,
      CASUALTY_COLUMNS,
      "SELECT id, drill_id, expected, current_category FROM drill_casualties WHERE drill_id IN (SELECT id FROM drills WHERE incident_id = ?)",
    ).bind(incidentId),
    db.prepare(
      `SELECT a.*, COALESCE(a.drill_id, a.review_id) AS drill_id, COALESCE(d.title, rv.title) AS drill_title,
         COALESCE(d.unit_id, rv.unit_id) AS drill_unit_id
       FROM corrective_actions a LEFT JOIN drills d ON d.id = a.drill_id LEFT JOIN relocation_reviews rv ON rv.incident_id = a.review_id
       WHERE d.id IS NOT NULL OR rv.incident_id IS NOT NULL ORDER BY a.due_date LIMIT 2000`,
    ),
    db
      .prepare(
        `SELECT * FROM change_log WHERE ((stream = ?1 AND seq > ?2) OR (stream = ?3 AND at > ?4))
           AND entity_type IN (SELECT value FROM json_each(?5)) ORDER BY stream, seq LIMIT 20000`,
      )
      .bind(incidentId, point.seq, STANDING, point.at, JSON.stringify(UNDONE_TYPES)),
    db
      .prepare("SELECT u.id AS unit_id, (SELECT MAX(at) FROM change_log WHERE stream = ?1 AND actor_unit = u.id AND seq <= ?2) AS last_at FROM units u")
      .bind(incidentId, point.seq),
    db
      .prepare(
        `SELECT unit_id FROM checklist_activations WHERE incident_id = ?1 AND activated_at <= ?2
         UNION SELECT unit_id FROM drills WHERE incident_id = ?1 AND created_at <= ?2`,
      )
      .bind(incidentId, point.at),
  ]);
  const items = (JSON.parse((r[0]!.results[0] as { rows: string }).rows) as unknown[][]).map(
    (t): PastItem => ({
      id: t[0] as string,
      unitId: t[1] as string,
      templateId: t[2] as string,
      state: t[3] as ItemState,
      targetMinutes: t[4] as number | null,
      textJa: t[5] as string,
      textEn: t[6] as string,
      ownerId: t[7] as string | null,
      sectionKey: t[8] as string,
      version: t[9] as number,
    }),
  );
  return {
    items,
    messages: parseRows<MessageRow>(r[1]!, MESSAGE_COLUMNS).map(messageFromRow),
    casualties: parseRows<CasualtyRow>(r[2]!, CASUALTY_COLUMNS).map((c) => ({
      id: c.id,
      drillId: c.drill_id,
      expected: c.expected,
      current: c.current_category,
    })),
    actions: (r[3]!.results as (ActionRow & { drill_unit_id: string; review_id: string | null })[]).map((a) => ({
      ...actionFromRow(a),
      unitId: a.drill_unit_id,
      reviewId: a.review_id,
    })),
    /** Every change after the point, newest last within each stream. */
    changes: (r[4]!.results as ChangeRow[]).map(changeFromRow) as Change[],
    reports: (r[5]!.results as { unit_id: string; last_at: string | null }[])
      .filter((x) => x.last_at !== null)
      .map((x) => ({ unitId: x.unit_id, lastAt: x.last_at! })),
    participating: (r[6]!.results as { unit_id: string }[]).map((x) => x.unit_id),
  };
}

export type PastRows = Awaited<ReturnType<typeof readPastRows>>;
