import { STANDING } from "../schema/streams";
import { readOne, rowsRead } from "./together";
import type { Category, Milestone, MilestoneKey, MilestoneTarget, Tag } from "../schema/drills";
import type { PageQuery } from "../schema/paging";
import { readPage } from "./paging";

type TagRow = {
  id: string;
  drill_id: string;
  casualty_id: string;
  tag_number: string;
  category: Category;
  zone_id: string;
  officer_id: string | null;
  officer_name: string;
  tagged_by: string;
  tagged_at: string;
  previous_category: Category | null;
  previous_zone_id: string | null;
};

const tagFromRow = (r: TagRow): Tag => ({
  id: r.id,
  drillId: r.drill_id,
  casualtyId: r.casualty_id,
  tagNumber: r.tag_number,
  category: r.category,
  zoneId: r.zone_id,
  officerId: r.officer_id,
  officerName: r.officer_name,
  taggedBy: r.tagged_by,
  taggedAt: r.tagged_at,
  previousCategory: r.previous_category,
  previousZoneId: r.previous_zone_id,
  hqReceivedAt: null,
});

/** A page of the drill's tags and re-tags, newest first. */
export async function listTags(db: D1Database, drillId: string, page: PageQuery): Promise<{ items: Tag[]; next: string | null }> {
  const { rows, next } = await readPage<TagRow>(
    db,
    { select: "*", from: "drill_tags", where: "drill_id = ?", binds: [drillId], keys: ["tagged_at DESC", "id DESC"] },
    page,
  );
  return { items: rows.map(tagFromRow), next };
}

/**
 * The tag row, with the casualty's category before it read inside the same transaction, so the
 * history stays exact when two tablets re-triage one casualty at once.
 */
export function insertTag(db: D1Database, t: Tag): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO drill_tags (id, drill_id, casualty_id, tag_number, category, zone_id, officer_id, officer_name, tagged_by, tagged_at,
         previous_category, previous_zone_id)
       SELECT ?, drill_id, id, tag_number, ?, ?, ?, ?, ?, ?, current_category, current_zone_id
       FROM drill_casualties WHERE id = ? AND drill_id = ?`,
    )
    .bind(t.id, t.category, t.zoneId, t.officerId, t.officerName, t.taggedBy, t.taggedAt, t.casualtyId, t.drillId);
}

/** Moves the casualty's current tag; changes no row unless the drill is still running (pair with exactlyOne). */
export function applyTag(db: D1Database, t: Tag): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE drill_casualties SET current_category = ?, current_zone_id = ?, first_tagged_at = COALESCE(first_tagged_at, ?),
         last_tagged_at = ?, tag_count = tag_count + 1, version = version + 1
       WHERE id = ? AND drill_id = ? AND EXISTS (SELECT 1 FROM drills WHERE id = ? AND status = 'running')`,
    )
    .bind(t.category, t.zoneId, t.taggedAt, t.taggedAt, t.casualtyId, t.drillId, t.drillId);
}

/** The seq of each of the drill's tags in its stream's change log, for matching delivery receipts. */
/** Each of the drill's tags with the sequence number its change has on the drill's stream. */
export const tagSeqs = (db: D1Database, drillId: string) =>
  rowsRead(
    db
      .prepare(
        `SELECT t.id, c.seq FROM drill_tags t JOIN drills d ON d.id = t.drill_id
         JOIN change_log c ON c.entity_type = 'drill_tag' AND c.entity_id = t.id AND c.stream = COALESCE(d.incident_id, ?2)
         WHERE t.drill_id = ?1`,
      )
      .bind(drillId, STANDING),
    (rows: Array<{ id: string; seq: number }>) => rows,
  );

/** The drill's milestones reached, as a reading of its targets (a drill's targets come with the drill). */
export const milestonesRead = (db: D1Database, drillId: string) =>
  rowsRead(
    db.prepare("SELECT key, reached_at, recorded_by FROM drill_milestones WHERE drill_id = ?").bind(drillId),
    (results: Array<{ key: MilestoneKey; reached_at: string; recorded_by: string }>) =>
      (targets: MilestoneTarget[]): Milestone[] => {
        const byKey = new Map(results.map((r) => [r.key, r]));
        return targets.map((t) => ({
          drillId,
          key: t.key,
          targetSeconds: t.targetSeconds,
          reachedAt: byKey.get(t.key)?.reached_at ?? null,
          recordedBy: byKey.get(t.key)?.recorded_by ?? null,
        }));
      },
  );

export const listMilestones = async (db: D1Database, drillId: string, targets: MilestoneTarget[]): Promise<Milestone[]> =>
  (await readOne(milestonesRead(db, drillId)))(targets);

/** Records (or corrects) when a milestone was reached; no row unless the drill is running. */
export function recordMilestone(db: D1Database, m: { drillId: string; key: MilestoneKey; at: string; by: string }): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR REPLACE INTO drill_milestones (drill_id, key, reached_at, recorded_by)
       SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM drills WHERE id = ?1 AND status = 'running')`,
    )
    .bind(m.drillId, m.key, m.at, m.by);
}
