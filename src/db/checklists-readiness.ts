import { readOne, rowRead } from "./together";
import { verificationDueAt } from "../domain/checklists-readiness";
import type { ReadinessItem } from "../schema/checklists";
import { latestSeqOf, latestSeqQuery } from "./changes";

type ReadinessRow = {
  id: string;
  unit_id: string;
  element: ReadinessItem["element"];
  position: number;
  text_ja: string;
  text_en: string;
  interval_days: number;
  last_verified_at: string | null;
  last_verified_by: string | null;
  verifier_name: string | null;
  verification_note: string | null;
  version: number;
  updated_at: string;
};

const readinessFromRow = (r: ReadinessRow): ReadinessItem => ({
  id: r.id,
  unitId: r.unit_id,
  element: r.element,
  position: r.position,
  textJa: r.text_ja,
  textEn: r.text_en,
  intervalDays: r.interval_days,
  lastVerifiedAt: r.last_verified_at,
  lastVerifiedBy: r.last_verified_by,
  lastVerifiedByName: r.verifier_name,
  verificationNote: r.verification_note,
  dueAt: verificationDueAt(r.last_verified_at, r.interval_days),
  version: r.version,
  updatedAt: r.updated_at,
});

const SELECT = `SELECT r.*, u.display_name AS verifier_name FROM readiness_items r LEFT JOIN users u ON u.id = r.last_verified_by`;

/** Readiness checks (one unit's or all) and the standing stream's latest seq, in one round trip. */
export async function listReadiness(db: D1Database, unitId: string | null, stream: string) {
  const [items, seq] = await db.batch([
    db
      .prepare(`${SELECT} JOIN units un ON un.id = r.unit_id WHERE (?1 IS NULL OR r.unit_id = ?1) ORDER BY un.sort_order, r.unit_id, r.position, r.id`)
      .bind(unitId),
    latestSeqQuery(db, stream),
  ]);
  return { items: (items!.results as ReadinessRow[]).map(readinessFromRow), seq: latestSeqOf(seq!) };
}

export const readinessItemById = (db: D1Database, id: string) =>
  rowRead(db.prepare(`${SELECT} WHERE r.id = ?`).bind(id), (r: ReadinessRow | undefined) => (r ? readinessFromRow(r) : null));

export const findReadiness = (db: D1Database, id: string): Promise<ReadinessItem | null> => readOne(readinessItemById(db, id));

/** The position after the unit's last check, so a new check lists last. */
export const nextReadinessPosition = (db: D1Database, unitId: string) =>
  rowRead(db.prepare("SELECT COALESCE(MAX(position), 0) + 1 AS p FROM readiness_items WHERE unit_id = ?").bind(unitId), (r: { p: number } | undefined) => r?.p ?? 1);

export function insertReadiness(db: D1Database, r: ReadinessItem): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO readiness_items (id, unit_id, element, position, text_ja, text_en, interval_days, last_verified_at, last_verified_by,
                                    verification_note, version, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(r.id, r.unitId, r.element, r.position, r.textJa, r.textEn, r.intervalDays, r.lastVerifiedAt, r.lastVerifiedBy, r.verificationNote, r.version, r.updatedAt);
}

/** Writes `next` only over the version it was derived from; pair with exactlyOne. */
export function updateReadiness(db: D1Database, next: ReadinessItem): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE readiness_items SET element = ?, text_ja = ?, text_en = ?, interval_days = ?, last_verified_at = ?, last_verified_by = ?,
                                  verification_note = ?, version = ?, updated_at = ?
       WHERE id = ? AND version = ?`,
    )
    .bind(
      next.element,
      next.textJa,
      next.textEn,
      next.intervalDays,
      next.lastVerifiedAt,
      next.lastVerifiedBy,
      next.verificationNote,
      next.version,
      next.updatedAt,
      next.id,
      next.version - 1,
    );
}
