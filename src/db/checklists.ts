import { deadlineAt } from "../domain/checklists";
import type { NewItem } from "../domain/checklists-activation";
import type { Activation, ChecklistItem } from "../schema/checklists";
import type { Change } from "../schema/changes";
import { changeFromRow, latestSeqOf, latestSeqQuery } from "./changes";
import { assembleTemplates, ROWS_PER_STATEMENT, templateQueries } from "./checklists-templates";
import type { PageQuery } from "../schema/paging";
import { readPage } from "./paging";
import { rowRead, statementsRead } from "./together";

/* Activated checklists: an activation's rows, the items as units work them, and who can own one. Templates: checklists-templates.ts. */

// ---------------------------------------------------------------------------------------------
// Activation

/** Everything an activation decides on, in one round trip: templates, the units, what is already active. */
/** What an activation is planned from: every template, the units, and what is already active in the incident. */
export const activationContext = (db: D1Database, incidentId: string) =>
  statementsRead(
    [
      ...templateQueries(db, null),
      db.prepare("SELECT id FROM units"),
      db.prepare("SELECT unit_id, template_id FROM checklist_activations WHERE incident_id = ?").bind(incidentId),
    ],
    (results) => ({
      templates: assembleTemplates(results.slice(0, 3).map((rows) => ({ results: rows }) as D1Result)),
      units: new Set((results[3] as { id: string }[]).map((r) => r.id)),
      active: (results[4] as { unit_id: string; template_id: string }[]).map((r) => ({ unitId: r.unit_id, templateId: r.template_id })),
    }),
  );

export function insertActivation(
  db: D1Database,
  a: { incidentId: string; activations: Activation[]; items: NewItem[]; at: string; userId: string },
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO checklist_activations (incident_id, unit_id, template_id, template_version, item_count, activated_at, activated_by)
         SELECT ?1, json_extract(value, '$.unitId'), json_extract(value, '$.templateId'), json_extract(value, '$.templateVersion'),
                json_extract(value, '$.itemCount'), ?2, ?3
         FROM json_each(?4)`,
      )
      .bind(a.incidentId, a.at, a.userId, JSON.stringify(a.activations)),
    ...insertItems(db, a),
  ];
}

/** New, not yet worked items, a few hundred per statement. */
export function insertItems(db: D1Database, a: { incidentId: string; items: NewItem[]; at: string; userId: string }): D1PreparedStatement[] {
  const steps: D1PreparedStatement[] = [];
  for (let from = 0; from < a.items.length; from += ROWS_PER_STATEMENT) {
    steps.push(
      db
        .prepare(
          `INSERT INTO checklist_items (id, incident_id, unit_id, template_id, item_key, section_key, section_title_ja, section_title_en,
                                        position, text_ja, text_en, target_minutes, state, state_changed_at, updated_at, updated_by, version)
           SELECT json_extract(value, '$.id'), ?1, json_extract(value, '$.unitId'), json_extract(value, '$.templateId'),
                  json_extract(value, '$.itemKey'), json_extract(value, '$.sectionKey'), json_extract(value, '$.sectionTitleJa'),
                  json_extract(value, '$.sectionTitleEn'), json_extract(value, '$.position'), json_extract(value, '$.textJa'),
                  json_extract(value, '$.textEn'), json_extract(value, '$.targetMinutes'), 'todo', ?2, ?2, ?3, 1
           FROM json_each(?4)`,
        )
        .bind(a.incidentId, a.at, a.userId, JSON.stringify(a.items.slice(from, from + ROWS_PER_STATEMENT))),
    );
  }
  return steps;
}

/** The position after the unit's last added item (added items list after the template items). */
/** Where the unit's next added item goes in the incident: after its last added one, from `base`. */
export const nextAddedPosition = (db: D1Database, incidentId: string, unitId: string, base: number) =>
  rowRead(
    db.prepare("SELECT MAX(position) AS p FROM checklist_items WHERE incident_id = ? AND unit_id = ? AND position >= ?").bind(incidentId, unitId, base),
    (r: { p: number | null } | undefined) => (r?.p === null || r?.p === undefined ? base : r.p + 1),
  );

// ---------------------------------------------------------------------------------------------
// Items

type ItemRow = {
  id: string;
  incident_id: string;
  unit_id: string;
  template_id: string;
  item_key: string;
  section_key: string;
  section_title_ja: string;
  section_title_en: string;
  position: number;
  text_ja: string;
  text_en: string;
  target_minutes: number | null;
  state: ChecklistItem["state"];
  reason: string | null;
  owner_id: string | null;
  owner_name: string | null;
  note: string | null;
  state_changed_at: string;
  updated_at: string;
  updated_by: string | null;
  version: number;
};

const itemFromRow = (r: ItemRow, onsetAt: string): ChecklistItem => ({
  id: r.id,
  incidentId: r.incident_id,
  unitId: r.unit_id,
  templateId: r.template_id,
  itemKey: r.item_key,
  sectionKey: r.section_key,
  sectionTitleJa: r.section_title_ja,
  sectionTitleEn: r.section_title_en,
  position: r.position,
  textJa: r.text_ja,
  textEn: r.text_en,
  targetMinutes: r.target_minutes,
  deadlineAt: deadlineAt(onsetAt, r.target_minutes),
  state: r.state,
  reason: r.reason,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  note: r.note,
  stateChangedAt: r.state_changed_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  version: r.version,
});

const ITEM_COLUMNS = "ci.*, u.display_name AS owner_name";

type IncidentHead = { id: string; onset_at: string; status: string };

// The view's columns, in the order of each tuple in the aggregated JSON below.
const VIEW_TUPLE = `json_array(ci.id, ci.unit_id, ci.template_id, ci.item_key, ci.section_key, ci.section_title_ja, ci.section_title_en,
  ci.position, ci.text_ja, ci.text_en, ci.target_minutes, ci.state, ci.reason, ci.owner_id, u.display_name, ci.note,
  ci.state_changed_at, ci.updated_at, ci.updated_by, ci.version, un.sort_order)`;
type ViewTuple = [
  string, string, string, string, string, string, string, number, string, string, number | null,
  ChecklistItem["state"], string | null, string | null, string | null, string | null, string, string, string | null, number, number,
];

/**
 * The whole checklist view in ONE round trip: the incident's onset, its items with owner names,
 * and the stream's latest seq, read in one transaction. Items come back as one JSON array of
 * tuples: one cell crosses from the database instead of thousands of row objects.
 */
export async function readChecklist(db: D1Database, incidentId: string, unitId: string | null) {
  const [incident, items, seq] = await db.batch([
    db.prepare("SELECT id, onset_at, status FROM incidents WHERE id = ?").bind(incidentId),
    db
      .prepare(
        `SELECT json_group_array(${VIEW_TUPLE}) AS tuples FROM checklist_items ci
         JOIN units un ON un.id = ci.unit_id
         LEFT JOIN users u ON u.id = ci.owner_id
         WHERE ci.incident_id = ?1 AND (?2 IS NULL OR ci.unit_id = ?2)`,
      )
      .bind(incidentId, unitId),
    latestSeqQuery(db, incidentId),
  ]);
  const head = (incident!.results as IncidentHead[])[0];
  if (!head) return null;
  const tuples = JSON.parse((items!.results[0] as { tuples: string }).tuples) as ViewTuple[];
  // Unit order (units.sort_order), then template order within the unit.
  tuples.sort((a, b) => a[20] - b[20] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[7] - b[7]);
  return {
    incident: { id: head.id, onsetAt: head.onset_at, status: head.status },
    items: tuples.map((t): ChecklistItem => ({
      id: t[0],
      incidentId,
      unitId: t[1],
      templateId: t[2],
      itemKey: t[3],
      sectionKey: t[4],
      sectionTitleJa: t[5],
      sectionTitleEn: t[6],
      position: t[7],
      textJa: t[8],
      textEn: t[9],
      targetMinutes: t[10],
      deadlineAt: deadlineAt(head.onset_at, t[10]),
      state: t[11],
      reason: t[12],
      ownerId: t[13],
      ownerName: t[14],
      note: t[15],
      stateChangedAt: t[16],
      updatedAt: t[17],
      updatedBy: t[18],
      version: t[19],
    })),
    seq: latestSeqOf(seq!),
  };
}

/** One item with the incident it belongs to (its onset makes the deadline). */
export async function findItem(db: D1Database, id: string) {
  const r = await db
    .prepare(
      `SELECT ${ITEM_COLUMNS}, i.onset_at AS incident_onset_at, i.status AS incident_status
       FROM checklist_items ci JOIN incidents i ON i.id = ci.incident_id LEFT JOIN users u ON u.id = ci.owner_id
       WHERE ci.id = ?`,
    )
    .bind(id)
    .first<ItemRow & { incident_onset_at: string; incident_status: string }>();
  if (!r) return null;
  return { item: itemFromRow(r, r.incident_onset_at), incident: { id: r.incident_id, onsetAt: r.incident_onset_at, status: r.incident_status } };
}

/** Writes `next` only over the version it was derived from; pair with exactlyOne. */
export function updateItem(db: D1Database, next: ChecklistItem): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE checklist_items SET state = ?, reason = ?, owner_id = ?, note = ?, state_changed_at = ?, updated_at = ?, updated_by = ?, version = ?
       WHERE id = ? AND version = ?`,
    )
    .bind(next.state, next.reason, next.ownerId, next.note, next.stateChangedAt, next.updatedAt, next.updatedBy, next.version, next.id, next.version - 1);
}

/** A page of one item's changes, oldest first: the time of each change and who made it. */
export async function itemHistory(db: D1Database, itemId: string, page: PageQuery): Promise<{ items: Change[]; next: string | null }> {
  // An item lives in one incident's stream, so (at, seq) orders its changes without ties.
  const { rows, next } = await readPage<Parameters<typeof changeFromRow>[0]>(
    db,
    { select: "*", from: "change_log", where: "entity_type = 'checklist_item' AND entity_id = ?", binds: [itemId], keys: ["at", "seq"] },
    page,
  );
  return { items: rows.map(changeFromRow), next };
}

// ---------------------------------------------------------------------------------------------
// People who can own an item

type PersonRow = { id: string; display_name: string; unit_id: string };
const personFromRow = (r: PersonRow) => ({ id: r.id, displayName: r.display_name, unitId: r.unit_id });

export async function findPerson(db: D1Database, id: string) {
  const r = await db.prepare("SELECT id, display_name, unit_id FROM users WHERE id = ?").bind(id).first<PersonRow>();
  return r ? personFromRow(r) : null;
}

export async function listPeople(db: D1Database, unitId: string | null) {
  const { results } = await db
    .prepare("SELECT id, display_name, unit_id FROM users WHERE role != 'viewer' AND (?1 IS NULL OR unit_id = ?1) ORDER BY unit_id, display_name")
    .bind(unitId)
    .all<PersonRow>();
  return results.map(personFromRow);
}

export async function unitNames(db: D1Database): Promise<Map<string, string>> {
  const { results } = await db.prepare("SELECT id, name_ja FROM units").all<{ id: string; name_ja: string }>();
  return new Map(results.map((r) => [r.id, r.name_ja]));
}
