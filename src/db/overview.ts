import { deadlineAt } from "../domain/checklists";
import { tallies } from "../domain/situation-as-of";
import type { ChecklistItem, ItemState } from "../schema/checklists";
import type { Category } from "../schema/drills";
import type { Unit } from "../schema/session";
import { actionFromRow, type ActionRow } from "./drills-report";
import { statusFromRow, type StatusRow } from "./hospital";
import { incidentFromRow, type IncidentRow } from "./incidents";
import { messageFromRow, type MessageRow } from "./liaison";
import { functionFromRow, relocationFromRow, settingsFromRow, type FunctionRow, type RelocationRow, type SettingsRow } from "./relocation";
import { readinessFromRow, siteFromRow, type ReadinessRow, type SiteRow } from "./sites";

/** A checklist item past its deadline, as the overview needs it (the others only count). */
export type OverdueItem = Pick<ChecklistItem, "id" | "unitId" | "state" | "deadlineAt" | "textJa" | "textEn" | "ownerId" | "sectionKey" | "version">;
export type UnitTally = { unitId: string; total: number; done: number; notApplicable: number; blocked: number; inProgress: number };

/**
 * Rows of a query as ONE JSON cell (an array of positional tuples): hundreds of rows cross from
 * the database as one value without their column names repeated in every row, which costs far
 * less than as row objects. parseRows zips them back into the row types, so the areas' own row
 * mappers read them.
 */
export function asJsonRows<Row>(db: D1Database, columns: readonly (keyof Row & string)[], from: string) {
  return db.prepare(`SELECT json_group_array(json_array(${columns.join(", ")})) AS rows FROM (${from})`);
}
export function parseRows<Row>(r: D1Result, columns: readonly (keyof Row & string)[]): Row[] {
  const tuples = JSON.parse((r.results[0] as { rows: string }).rows) as unknown[][];
  return tuples.map((t) => Object.fromEntries(columns.map((c, i) => [c, t[i]])) as Row);
}

const FUNCTION_COLUMNS = [
  "id", "unit_id", "name_ja", "name_en", "description", "priority", "target_minutes", "staff_needed",
  "equipment", "primary_site_id", "alternate_site_ids", "sort_order", "version", "updated_at",
] as const satisfies readonly (keyof FunctionRow)[];
const RELOCATION_COLUMNS = [
  "incident_id", "function_id", "state", "site_id", "since", "operational_at", "staff_present", "override_reason", "note", "version",
  "updated_at", "updated_by_name",
] as const satisfies readonly (keyof RelocationRow)[];
const READINESS_COLUMNS = [
  "site_id", "check_key", "status", "critical", "value", "note", "checked_at", "checked_by_name", "version",
] as const satisfies readonly (keyof ReadinessRow)[];
export const MESSAGE_COLUMNS = [
  "id", "incident_id", "thread_id", "parent_id", "kind", "priority", "from_unit_id", "to_unit_id", "body", "function_id", "site_id",
  "sent_at", "sent_by", "sent_by_name", "acknowledged_at", "acknowledged_by", "acknowledged_by_name", "version",
] as const satisfies readonly (keyof MessageRow)[];

// Overdue items as one JSON array of tuples: one cell crosses from the database instead of many rows.
type OpenTuple = [string, string, ItemState, number | null, string, string, string | null, string, number];

/**
 * Everything the HQ overview reads, across every area, in ONE D1 round trip (one batch, one
 * transaction, so every part is as of the same seq).
 */
export async function readOverview(db: D1Database, incidentId: string, now: string) {
  const r = await db.batch([
    db.prepare("SELECT * FROM incidents WHERE id = ?").bind(incidentId),
    db.prepare("SELECT COALESCE(MAX(seq), 0) AS seq FROM change_log WHERE stream = ?").bind(incidentId),
    db.prepare("SELECT id, name_ja, name_en, kind FROM units ORDER BY sort_order, id"),
    // Kept counted by (unit, state) at write time (migration 0013's triggers): at most five rows a unit.
    db.prepare("SELECT unit_id, state, n FROM checklist_progress WHERE incident_id = ? AND n > 0").bind(incidentId),
    db
      .prepare(
        // Only items whose deadline (onset + target) has passed at `now`; the domain's isOverdue decides again.
        `SELECT json_group_array(json_array(id, unit_id, state, target_minutes, text_ja, text_en, owner_id, section_key, version)) AS tuples
         FROM checklist_items INDEXED BY checklist_items_open_by_target
         WHERE incident_id = ?1 AND state NOT IN ('done', 'not_applicable') AND target_minutes IS NOT NULL
           AND target_minutes < (julianday(?2) - julianday((SELECT onset_at FROM incidents WHERE id = ?1))) * 1440`,
      )
      .bind(incidentId, now),
    asJsonRows<FunctionRow>(db, FUNCTION_COLUMNS, "SELECT * FROM relocation_functions ORDER BY sort_order, id"),
    asJsonRows<RelocationRow>(db, RELOCATION_COLUMNS, "SELECT * FROM relocations WHERE incident_id = ?").bind(incidentId),
    // The facilities only (sites_facilities): the open-data shelters are hundreds and never in the picture.
    db.prepare("SELECT * FROM sites WHERE kind NOT IN ('evacuation_site', 'shelter')"),
    asJsonRows<ReadinessRow>(db, READINESS_COLUMNS, "SELECT * FROM site_readiness"),
    db.prepare("SELECT * FROM relocation_settings WHERE id = 1"),
    // Only what can still need attention: unacknowledged messages, requests, and the replies that answer them.
    asJsonRows<MessageRow>(
      db,
      MESSAGE_COLUMNS,
      `SELECT * FROM liaison_messages WHERE incident_id = ? AND (acknowledged_at IS NULL OR kind = 'request' OR parent_id IS NOT NULL)
       ORDER BY sent_at, rowid LIMIT 5000`,
    ).bind(incidentId),
    db.prepare("SELECT * FROM hospital_status WHERE incident_id = ?").bind(incidentId),
    db.prepare("SELECT id, title, unit_id, status, started_at FROM drills WHERE incident_id = ? AND status = 'running'").bind(incidentId),
    db
      .prepare(
        // Counted by (key, current tag): at most 20 rows per drill however many casualties it has.
        `SELECT drill_id, expected, current_category, COUNT(*) AS n FROM drill_casualties
         WHERE drill_id IN (SELECT id FROM drills WHERE incident_id = ? AND status = 'running') GROUP BY drill_id, expected, current_category`,
      )
      .bind(incidentId),
    // Open corrective actions of hospital drills and of relocation reviews alike.
    db.prepare(
      `SELECT a.*, COALESCE(a.drill_id, a.review_id) AS drill_id, COALESCE(d.title, rv.title) AS drill_title,
         COALESCE(d.unit_id, rv.unit_id) AS drill_unit_id
       FROM corrective_actions a LEFT JOIN drills d ON d.id = a.drill_id LEFT JOIN relocation_reviews rv ON rv.incident_id = a.review_id
       WHERE a.status <> 'closed' AND (d.id IS NOT NULL OR rv.incident_id IS NOT NULL) ORDER BY a.due_date LIMIT 1000`,
    ),
    // One index lookup per unit (change_log_by_actor_unit), not a scan of the whole log.
    db
      .prepare("SELECT u.id AS unit_id, (SELECT MAX(at) FROM change_log WHERE stream = ?1 AND actor_unit = u.id) AS last_at FROM units u")
      .bind(incidentId),
    db
      .prepare(
        `SELECT unit_id FROM checklist_activations WHERE incident_id = ?1
         UNION SELECT unit_id FROM drills WHERE incident_id = ?1`,
      )
      .bind(incidentId),
  ]);
  const rows = <T>(i: number) => r[i]!.results as T[];
  const incidentRow = rows<IncidentRow>(0)[0];
  if (!incidentRow) return null;
  const incident = incidentFromRow(incidentRow);
  const tuples = JSON.parse(rows<{ tuples: string }>(4)[0]!.tuples) as OpenTuple[];
  const casualties = rows<{ drill_id: string; expected: Category; current_category: Category | null; n: number }>(13);
  return {
    incident,
    seq: rows<{ seq: number }>(1)[0]!.seq,
    units: rows<{ id: string; name_ja: string; name_en: string; kind: Unit["kind"] }>(2).map(
      (u): Unit => ({ id: u.id, nameJa: u.name_ja, nameEn: u.name_en, kind: u.kind }),
    ),
    tallies: tallies(rows<{ unit_id: string; state: ItemState; n: number }>(3).map((c) => ({ unitId: c.unit_id, state: c.state, n: c.n }))),
    overdueItems: tuples.map(
      (t): OverdueItem => ({
        id: t[0],
        unitId: t[1],
        state: t[2],
        deadlineAt: deadlineAt(incident.onsetAt, t[3]),
        textJa: t[4],
        textEn: t[5],
        ownerId: t[6],
        sectionKey: t[7],
        version: t[8],
      }),
    ),
    functions: parseRows<FunctionRow>(r[5]!, FUNCTION_COLUMNS).map(functionFromRow),
    relocations: parseRows<RelocationRow>(r[6]!, RELOCATION_COLUMNS).map(relocationFromRow),
    sites: rows<SiteRow>(7).map(siteFromRow),
    readiness: parseRows<ReadinessRow>(r[8]!, READINESS_COLUMNS).map(readinessFromRow),
    settings: settingsFromRow(rows<SettingsRow>(9)[0]!),
    messages: parseRows<MessageRow>(r[10]!, MESSAGE_COLUMNS).map(messageFromRow),
    hospitalStatus: rows<StatusRow>(11).map(statusFromRow)[0] ?? null,
    drills: rows<{ id: string; title: string; unit_id: string; status: string; started_at: string | null }>(12).map((d) => ({
      id: d.id,
      title: d.title,
      unitId: d.unit_id,
      status: d.status,
      startedAt: d.started_at,
      casualties: casualties
        .filter((c) => c.drill_id === d.id)
        .flatMap((c) => Array.from({ length: c.n }, () => ({ expected: c.expected, current: c.current_category }))),
    })),
    actions: rows<ActionRow & { drill_unit_id: string; review_id: string | null }>(14).map((a) => ({
      ...actionFromRow(a),
      unitId: a.drill_unit_id,
      reviewId: a.review_id,
    })),
    reports: rows<{ unit_id: string; last_at: string | null }>(15)
      .filter((x) => x.last_at !== null)
      .map((x) => ({ unitId: x.unit_id, lastAt: x.last_at! })),
    participating: rows<{ unit_id: string }>(16).map((x) => x.unit_id),
  };
}

export type OverviewRead = NonNullable<Awaited<ReturnType<typeof readOverview>>>;
