import type { Category, Drill, MilestoneKey } from "../schema/drills";
import type { ScoringInput } from "../domain/scoring";
import { readTogether, statementsRead } from "./together";

type ScoreCasualtyRow = { id: string; tag_number: string; start_category: Category; expected: Category; override_reason: string | null; override_category: Category | null };
type ScoreTagRow = {
  id: string;
  casualty_id: string;
  category: Category;
  officer_id: string | null;
  officer_name: string;
  tagged_by: string;
  tagged_at: string;
};
type TrendRow = { id: string; title: string; ended_at: string; accuracy: number | null; under_rate: number | null; time_to_all: number | null };

export type ScoringLoad = Omit<ScoringInput, "drill" | "tags"> & { tags: Array<ScoringInput["tags"][number] & { id: string }> };

/**
 * Everything scoring reads, in one D1 round trip that can carry the drill's own read: the key,
 * every tag, the milestones reached and the summaries of up to ten earlier drills of the same kind
 * ended before `before` (without it, before the drill ended, or started, or was planned).
 * When each tag reached the HQ is not in D1: the live room's delivery receipts hold it.
 */
export const scoringRead = (db: D1Database, drillId: string, before: string | null) =>
  statementsRead(
    [
      db
        .prepare("SELECT id, tag_number, start_category, expected, override_category, override_reason FROM drill_casualties WHERE drill_id = ? ORDER BY sort_order")
        .bind(drillId),
      db
        .prepare(
          `SELECT id, casualty_id, category, officer_id, officer_name, tagged_by, tagged_at
           FROM drill_tags WHERE drill_id = ? ORDER BY tagged_at, id`,
        )
        .bind(drillId),
      db.prepare("SELECT key, reached_at FROM drill_milestones WHERE drill_id = ?").bind(drillId),
      // Only three figures of each stored score are needed; SQLite picks them out of the JSON.
      db
        .prepare(
          `WITH this AS (SELECT kind, COALESCE(?2, ended_at, started_at, scheduled_at) AS before FROM drills WHERE id = ?1)
           SELECT id, title, ended_at, json_extract(score_json, '$.accuracy') AS accuracy,
             json_extract(score_json, '$.underTriageRate') AS under_rate, json_extract(score_json, '$.timeToAllMs') AS time_to_all
           FROM drills, this
           WHERE drills.kind = this.kind AND id <> ?1 AND status IN ('ended', 'reviewed') AND ended_at < this.before AND score_json IS NOT NULL
           ORDER BY ended_at DESC LIMIT 10`,
        )
        .bind(drillId, before),
    ],
    ([casualties, tags, milestones, trend]): ScoringLoad => ({
    casualties: (casualties as ScoreCasualtyRow[]).map((r) => ({
      id: r.id,
      tagNumber: r.tag_number,
      startCategory: r.start_category,
      expected: r.expected,
      overrideReason: r.override_category ? (r.override_reason ?? "") : null,
    })),
    tags: (tags as ScoreTagRow[]).map((r) => ({
      id: r.id,
      casualtyId: r.casualty_id,
      category: r.category,
      officerId: r.officer_id,
      officerName: r.officer_name,
      taggedBy: r.tagged_by,
      taggedAt: r.tagged_at,
      hqReceivedAt: null,
    })),
    milestones: (milestones as Array<{ key: MilestoneKey; reached_at: string }>).map((r) => ({ key: r.key, reachedAt: r.reached_at })),
    previous: (trend as TrendRow[]).reverse().map((r) => ({
      drillId: r.id,
      title: r.title,
      endedAt: r.ended_at,
      accuracy: r.accuracy,
      underTriageRate: r.under_rate,
      timeToAllMs: r.time_to_all,
    })),
    }),
  );

export const loadScoringInput = async (db: D1Database, drill: Drill, before: string): Promise<ScoringLoad> =>
  (await readTogether(db, [scoringRead(db, drill.id, before)]))[0];
