import type { Change } from "../schema/changes";
import type { TimelineQuery } from "../schema/timeline";
import { changeFromRow } from "./changes";

type ChangeRow = Parameters<typeof changeFromRow>[0];

function whereOf(stream: string, q: TimelineQuery): { clause: string; args: unknown[] } {
  const where = ["stream = ?"];
  const args: unknown[] = [stream];
  if (q.unitId) {
    where.push("(actor_unit = ? OR json_extract(after_json, '$.unitId') = ? OR json_extract(before_json, '$.unitId') = ?)");
    args.push(q.unitId, q.unitId, q.unitId);
  }
  if (q.entityType) where.push("entity_type = ?"), args.push(q.entityType);
  if (q.actorId) where.push("actor_id = ?"), args.push(q.actorId);
  if (q.from) where.push("at >= ?"), args.push(q.from);
  if (q.to) where.push("at <= ?"), args.push(q.to);
  for (const word of (q.q ?? "").split(/\s+/).filter(Boolean)) {
    where.push("instr(lower(COALESCE(after_json, '') || ' ' || COALESCE(before_json, '') || ' ' || actor_name), lower(?)) > 0");
    args.push(word);
  }
  return { clause: where.join(" AND "), args };
}

// The names (Japanese) of the units, people, sites and functions a page of changes can refer to:
// its actors' units and every text inside its before and after images. More than the references
// (the timeline looks a name up only for a reference field), but read in the page's own round trip.
const PAGE_NAMES = `ids(id) AS (
    SELECT actor_unit FROM page
    UNION SELECT j.value FROM page, json_tree(COALESCE(page.after_json, 'null')) j WHERE j.type = 'text'
    UNION SELECT j.value FROM page, json_tree(COALESCE(page.before_json, 'null')) j WHERE j.type = 'text')
  SELECT id, name_ja AS name FROM units WHERE id IN ids
  UNION ALL SELECT id, display_name FROM users WHERE id IN ids
  UNION ALL SELECT id, name_ja FROM sites WHERE id IN ids
  UNION ALL SELECT id, name_ja FROM relocation_functions WHERE id IN ids`;

/**
 * One page of matching changes, newest first, with the total, the filter facets and the names the
 * page refers to, in one round trip.
 */
export async function searchTimeline(db: D1Database, stream: string, q: TimelineQuery) {
  const { clause, args } = whereOf(stream, q);
  const page = `page AS (SELECT * FROM change_log WHERE ${clause} ORDER BY seq DESC LIMIT ? OFFSET ?)`;
  const [rows, count, types, actors, named] = await db.batch([
    db.prepare(`WITH ${page} SELECT * FROM page ORDER BY seq DESC`).bind(...args, q.limit, q.offset),
    db.prepare(`SELECT COUNT(*) AS n FROM change_log WHERE ${clause}`).bind(...args),
    db.prepare("SELECT DISTINCT entity_type FROM change_log WHERE stream = ? ORDER BY entity_type").bind(stream),
    db.prepare("SELECT actor_id, MAX(actor_name) AS actor_name, MAX(actor_unit) AS actor_unit FROM change_log WHERE stream = ? GROUP BY actor_id ORDER BY 2").bind(stream),
    db.prepare(`WITH ${page}, ${PAGE_NAMES}`).bind(...args, q.limit, q.offset),
  ]);
  const names = new Map<string, string>();
  for (const r of named!.results as { id: string; name: string }[]) if (!names.has(r.id)) names.set(r.id, r.name);
  return {
    items: (rows!.results as ChangeRow[]).map(changeFromRow) as Change[],
    total: (count!.results[0] as { n: number }).n,
    facets: {
      entityTypes: (types!.results as { entity_type: string }[]).map((t) => t.entity_type),
      actors: (actors!.results as { actor_id: string; actor_name: string; actor_unit: string }[]).map((a) => ({ id: a.actor_id, name: a.actor_name, unitId: a.actor_unit })),
    },
    names,
  };
}
