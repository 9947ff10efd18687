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

/** An open checklist item as the overview needs it (closed items only count). */
export type OpenItem = Pick<ChecklistItem, "id" | "unitId" | "state" | "deadlineAt" | "textJa" | "textEn" | "ownerId" | "sectionKey" | "version">;
export type UnitTally = { unitId: string; total: number; done: number; notApplicable: number; blocked: number; inProgress: number };

// Open items as one JSON array of tuples: one cell crosses from the database instead of thousands of rows.
type OpenTuple = [string, string, ItemState, number | null, string, string, string | null, string, number];

/**
 * Everything the HQ overview reads, across every area, in ONE D1 round trip (one batch, one
 * transaction, so every part is as of the same seq).
 */
export async function readOverview(db: D1Database, incidentId: string) {
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
        `SELECT json_group_array(json_array(id, unit_id, state, target_minutes, text_ja, text_en, owner_id, section_key, version)) AS tuples
         FROM checklist_items WHERE incident_id = ? AND state NOT IN ('done', 'not_applicable')`,
      )
      .bind(incidentId),
    db.prepare("SELECT * FROM relocation_functions ORDER BY sort_order, id"),
    db.prepare("SELECT * FROM relocations WHERE incident_id = ?").bind(incidentId),
    db.prepare("SELECT * FROM sites WHERE kind NOT IN ('evacuation_site', 'shelter')"),
    db.prepare("SELECT * FROM site_readiness"),
    db.prepare("SELECT * FROM relocation_settings WHERE id = 1"),
    // Only what can still need attention: unacknowledged messages, requests, and the replies that answer them.
    db
      .prepare(
        `SELECT * FROM liaison_messages WHERE incident_id = ? AND (acknowledged_at IS NULL OR kind = 'request' OR parent_id IS NOT NULL)
         ORDER BY sent_at, rowid LIMIT 5000`,
      )
      .bind(incidentId),
    db.prepare("SELECT * FROM hospital_status WHERE incident_id = ?").bind(incidentId),
    db.prepare("SELECT id, title, unit_id, status, started_at FROM drills WHERE incident_id = ? AND status = 'running'").bind(incidentId),
    db
      .prepare(
        `SELECT dc.drill_id, dc.expected, dc.current_category FROM drill_casualties dc JOIN drills d ON d.id = dc.drill_id
         WHERE d.incident_id = ? AND d.status = 'running'`,
      )
      .bind(incidentId),
    db.prepare(
      `SELECT a.*, d.title AS drill_title, d.unit_id AS drill_unit_id FROM corrective_actions a JOIN drills d ON d.id = a.drill_id
       WHERE a.status <> 'closed' ORDER BY a.due_date LIMIT 1000`,
    ),
    db.prepare("SELECT actor_unit, MAX(at) AS last_at, COUNT(*) AS changes FROM change_log WHERE stream = ? GROUP BY actor_unit").bind(incidentId),
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
  const casualties = rows<{ drill_id: string; expected: Category; current_category: Category | null }>(13);
  return {
    incident,
    seq: rows<{ seq: number }>(1)[0]!.seq,
    units: rows<{ id: string; name_ja: string; name_en: string; kind: Unit["kind"] }>(2).map(
      (u): Unit => ({ id: u.id, nameJa: u.name_ja, nameEn: u.name_en, kind: u.kind }),
    ),
    tallies: rows<{ unit_id: string; total: number; done: number; not_applicable: number; blocked: number; in_progress: number }>(3).map(
      (t): UnitTally => ({ unitId: t.unit_id, total: t.total, done: t.done, notApplicable: t.not_applicable, blocked: t.blocked, inProgress: t.in_progress }),
    ),
    openItems: tuples.map(
      (t): OpenItem => ({
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
    functions: rows<FunctionRow>(5).map(functionFromRow),
    relocations: rows<RelocationRow>(6).map(relocationFromRow),
    sites: rows<SiteRow>(7).map(siteFromRow),
    readiness: rows<ReadinessRow>(8).map(readinessFromRow),
    settings: settingsFromRow(rows<SettingsRow>(9)[0]!),
    messages: rows<MessageRow>(10).map(messageFromRow),
    hospitalStatus: rows<StatusRow>(11).map(statusFromRow)[0] ?? null,
    drills: rows<{ id: string; title: string; unit_id: string; status: string; started_at: string | null }>(12).map((d) => ({
      id: d.id,
      title: d.title,
      unitId: d.unit_id,
      status: d.status,
      startedAt: d.started_at,
      casualties: casualties.filter((c) => c.drill_id === d.id).map((c) => ({ expected: c.expected, current: c.current_category })),
    })),
    actions: rows<ActionRow & { drill_unit_id: string }>(14).map((a) => ({ ...actionFromRow(a), unitId: a.drill_unit_id })),
    reports: rows<{ actor_unit: string; last_at: string; changes: number }>(15).map((x) => ({ unitId: x.actor_unit, lastAt: x.last_at, changes: x.changes })),
    participating: rows<{ unit_id: string }>(16).map((x) => x.unit_id),
  };
}

export type OverviewRead = NonNullable<Awaited<ReturnType<typeof readOverview>>>;
