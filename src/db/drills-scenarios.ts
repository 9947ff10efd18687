import { readOne, rowRead, rowsRead } from "./together";
import type { Casualty, Category, Scenario } from "../schema/drills";
import { readPage } from "./paging";
import type { PageQuery } from "../schema/paging";

/** Card columns shared by scenario_casualties and drill_casualties. */
export type CardRow = {
  id: string;
  sort_order: number;
  tag_number: string;
  description: string;
  age: number | null;
  can_walk: number;
  breathing: number;
  breathing_after_airway: number | null;
  respiratory_rate: number | null;
  radial_pulse: number | null;
  capillary_refill_s: number | null;
  follows_commands: number | null;
  start_category: Category;
  expected: Category;
  override_category: Category | null;
  override_reason: string | null;
  version: number;
};

const bool = (v: number | null) => (v === null ? null : v === 1);
const bit = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

export const cardFromRow = (r: CardRow): Casualty => ({
  id: r.id,
  sortOrder: r.sort_order,
  tagNumber: r.tag_number,
  description: r.description,
  age: r.age,
  canWalk: r.can_walk === 1,
  breathing: r.breathing === 1,
  breathingAfterAirway: bool(r.breathing_after_airway),
  respiratoryRate: r.respiratory_rate,
  radialPulse: bool(r.radial_pulse),
  capillaryRefillSeconds: r.capillary_refill_s,
  followsCommands: bool(r.follows_commands),
  override: r.override_category ? { category: r.override_category, reason: r.override_reason ?? "" } : null,
  startCategory: r.start_category,
  expected: r.expected,
});

type ScenarioRow = {
  id: string;
  title: string;
  description: string;
  hazard: string;
  casualty_count: number;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  unit_id: string;
};

const scenarioFromRow = (r: ScenarioRow): Scenario => ({
  id: r.id,
  title: r.title,
  description: r.description,
  hazard: r.hazard,
  casualtyCount: r.casualty_count,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  createdBy: r.created_by,
  unitId: r.unit_id,
});

/** A page of scenarios, newest first. */
export async function listScenarios(db: D1Database, page: PageQuery): Promise<{ items: Scenario[]; next: string | null }> {
  const { rows, next } = await readPage<ScenarioRow>(db, { select: "*", from: "scenarios", keys: ["created_at DESC", "id DESC"] }, page);
  return { items: rows.map(scenarioFromRow), next };
}

export const scenarioById = (db: D1Database, id: string) =>
  rowRead(db.prepare("SELECT * FROM scenarios WHERE id = ?").bind(id), (r: ScenarioRow | undefined) => (r ? scenarioFromRow(r) : null));

export const scenarioCasualties = (db: D1Database, scenarioId: string) =>
  rowsRead(db.prepare("SELECT * FROM scenario_casualties WHERE scenario_id = ? ORDER BY sort_order").bind(scenarioId), (rows: CardRow[]) =>
    rows.map((r): Casualty & { version: number } => ({ ...cardFromRow(r), version: r.version })),
  );

export const listScenarioCasualties = (db: D1Database, scenarioId: string) => readOne(scenarioCasualties(db, scenarioId));

export const scenarioCasualty = (db: D1Database, scenarioId: string, id: string) =>
  rowRead(db.prepare("SELECT * FROM scenario_casualties WHERE scenario_id = ? AND id = ?").bind(scenarioId, id), (r: CardRow | undefined) =>
    r ? { ...cardFromRow(r), version: r.version } : null,
  );

export const findScenarioCasualty = (db: D1Database, scenarioId: string, id: string) => readOne(scenarioCasualty(db, scenarioId, id));

export function insertScenario(db: D1Database, s: Scenario): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO scenarios (id, title, description, hazard, casualty_count, version, created_at, updated_at, created_by, unit_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(s.id, s.title, s.description, s.hazard, s.casualtyCount, s.version, s.createdAt, s.updatedAt, s.createdBy, s.unitId);
}

const CARD_COLUMNS = `id, scenario_id, sort_order, tag_number, description, age, can_walk, breathing, breathing_after_airway,
  respiratory_rate, radial_pulse, capillary_refill_s, follows_commands, start_category, expected, override_category, override_reason`;
// D1 allows 100 bound parameters per statement: 5 cards of 17 columns each.
const CARDS_PER_INSERT = 5;

export function insertScenarioCasualties(db: D1Database, scenarioId: string, cards: Casualty[]): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < cards.length; i += CARDS_PER_INSERT) {
    const chunk = cards.slice(i, i + CARDS_PER_INSERT);
    const values = chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ");
    const args = chunk.flatMap((c) => [
      c.id,
      scenarioId,
      c.sortOrder,
      c.tagNumber,
      c.description,
      c.age,
      c.canWalk ? 1 : 0,
      c.breathing ? 1 : 0,
      bit(c.breathingAfterAirway),
      c.respiratoryRate,
      bit(c.radialPulse),
      c.capillaryRefillSeconds,
      bit(c.followsCommands),
      c.startCategory,
      c.expected,
      c.override?.category ?? null,
      c.override?.reason ?? null,
    ]);
    statements.push(db.prepare(`INSERT INTO scenario_casualties (${CARD_COLUMNS}) VALUES ${values}`).bind(...args));
  }
  return statements;
}

/** Sets or clears a card's override over the version last seen; `expected` follows. */
export function updateScenarioOverride(
  db: D1Database,
  c: { id: string; scenarioId: string; version: number; override: Casualty["override"]; expected: Category },
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE scenario_casualties SET override_category = ?, override_reason = ?, expected = ?, version = version + 1
       WHERE id = ? AND scenario_id = ? AND version = ?`,
    )
    .bind(c.override?.category ?? null, c.override?.reason ?? null, c.expected, c.id, c.scenarioId, c.version);
}

export function touchScenario(db: D1Database, id: string, now: string): D1PreparedStatement {
  return db.prepare("UPDATE scenarios SET version = version + 1, updated_at = ? WHERE id = ?").bind(now, id);
}
