import { deadlineAt } from "../domain/checklists";
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
 * Rows of a query as ONE JSON cell (an array of objects keyed by column): hundreds of rows cross
 * from the database as one value, which costs far less than as row objects. The objects have the
 * row types' keys, so the areas' own row mappers read them.
 */
function asJsonRows<Row>(db: D1Database, columns: readonly (keyof Row & string)[], from: string) {
  const pairs = columns.map((c) => `'${c}', ${c}`).join(", ");
  return db.prepare(`SELECT json_group_array(json_object(${pairs})) AS rows FROM (${from})`);
}
const parseRows = <Row>(r: D1Result) => JSON.parse((r.results[0] as { rows: string }).rows) as Row[];

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
const MESSAGE_COLUMNS = [
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
    db
      .prepare(
        `SELECT unit_id, COUNT(*) AS total, SUM(state = 'done') AS done, SUM(state = 'not_applicable') AS not_applicable,
           SUM(state = 'blocked') AS blocked, SUM(state = 'in_progress') AS in_progress
         FROM checklist_items WHERE incident_id = ? GROUP BY unit_id`,
      )
      .bind(incidentId),
    db
      .prepare(
        // Only items whose deadline (onset + target) has passed at `now`; the domain's isOverdue decides again.
        `SELECT json_group_array(json_array(id, unit_id, state, target_minutes, text_ja, text_en, owner_id, section_key, version)) AS tuples
         FROM checklist_items WHERE incident_id = ?1 AND state NOT IN ('done', 'not_applicable') AND target_minutes IS NOT NULL
           AND target_minutes < (julianday(?2) - julianday((SELECT onset_at FROM incidents WHERE id = ?1))) * 1440`,
      )
      .bind(incidentId, now),
    asJsonRows<FunctionRow>(db, FUNCTION_COLUMNS, "SELECT * FROM relocation_functions ORDER BY sort_order, id"),
    asJsonRows<RelocationRow>(db, RELOCATION_COLUMNS, "SELECT * FROM relocations WHERE incident_id = ?").bind(incidentId),
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
        `SELECT dc.drill_id, dc.expected, dc.current_category, COUNT(*) AS n FROM drill_casualties dc JOIN drills d ON d.id = dc.drill_id
         WHERE d.incident_id = ? AND d.status = 'running' GROUP BY dc.drill_id, dc.expected, dc.current_category`,
      )
      .bind(incidentId),
    db.prepare(
      `SELECT a.*, d.title AS drill_title, d.unit_id AS drill_unit_id FROM corrective_actions a JOIN drills d ON d.id = a.drill_id
       WHERE a.status <> 'closed' ORDER BY a.due_date LIMIT 1000`,
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
    tallies: rows<{ unit_id: string; total: number; done: number; not_applicable: number; blocked: number; in_progress: number }>(3).map(
      (t): UnitTally => ({ unitId: t.unit_id, total: t.total, done: t.done, notApplicable: t.not_applicable, blocked: t.blocked, inProgress: t.in_progress }),
    ),
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
    functions: parseRows<FunctionRow>(r[5]!).map(functionFromRow),
    relocations: parseRows<RelocationRow>(r[6]!).map(relocationFromRow),
    sites: rows<SiteRow>(7).map(siteFromRow),
    readiness: parseRows<ReadinessRow>(r[8]!).map(readinessFromRow),
    settings: settingsFromRow(rows<SettingsRow>(9)[0]!),
    messages: parseRows<MessageRow>(r[10]!).map(messageFromRow),
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
    actions: rows<ActionRow & { drill_unit_id: string }>(14).map((a) => ({ ...actionFromRow(a), unitId: a.drill_unit_id })),
    reports: rows<{ unit_id: string; last_at: string | null }>(15)
      .filter((x) => x.last_at !== null)
      .map((x) => ({ unitId: x.unit_id, lastAt: x.last_at! })),
    participating: rows<{ unit_id: string }>(16).map((x) => x.unit_id),
  };
}

export type OverviewRead = NonNullable<Awaited<ReturnType<typeof readOverview>>>;
