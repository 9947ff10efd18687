/**
 * Delivery receipts, kept by a stream's room in its own storage: for each unit, when a console
 * of that unit first had each change. A console acknowledges the highest seq it has applied; it
 * applies changes in order with no gap, so a unit's deliveries are always seqs 1..upTo, stored as
 * ranges (one row each time the unit's mark moves), never one row per change or per console.
 */

export type UnitDelivery = { unitId: string; upTo: number; at: string };

export class Deliveries {
  private marks: Map<string, number> | null = null;

  constructor(private readonly sql: SqlStorage) {
    sql.exec(
      `CREATE TABLE IF NOT EXISTS deliveries (
         unit_id TEXT NOT NULL, from_seq INTEGER NOT NULL, to_seq INTEGER NOT NULL, at TEXT NOT NULL,
         PRIMARY KEY (unit_id, to_seq)
       ) WITHOUT ROWID`,
    );
  }

  /** Highest seq any console of the unit has had (0 when none ever had one). */
  upTo(unitId: string): number {
    return this.loadMarks().get(unitId) ?? 0;
  }

  /**
   * Records that a console of the unit has applied every change up to `seq`, at `at`.
   * Returns the newly delivered range, or null when the unit already had them.
   */
  record(unitId: string, seq: number, at: string): { from: number; to: number } | null {
    const marks = this.loadMarks();
    const from = (marks.get(unitId) ?? 0) + 1;
    if (!Number.isInteger(seq) || seq < from) return null;
    this.sql.exec("INSERT INTO deliveries (unit_id, from_seq, to_seq, at) VALUES (?, ?, ?, ?)", unitId, from, seq, at);
    marks.set(unitId, seq);
    return { from, to: seq };
  }

  /** When the unit first had each of these seqs; absent from the map when it has not yet. */
  deliveredAt(unitId: string, seqs: readonly number[]): Record<number, string> {
    const out: Record<number, string> = {};
    if (seqs.length === 0) return out;
    const ranges = this.sql
      .exec<{ from_seq: number; to_seq: number; at: string }>(
        "SELECT from_seq, to_seq, at FROM deliveries WHERE unit_id = ? ORDER BY to_seq",
        unitId,
      )
      .toArray();
    for (const seq of seqs) {
      const r = ranges.find((x) => seq >= x.from_seq && seq <= x.to_seq);
      if (r) out[seq] = r.at;
    }
    return out;
  }

  // Read once after waking; kept in memory since only this object writes the table.
  private loadMarks(): Map<string, number> {
    if (!this.marks) {
      this.marks = new Map(
        this.sql
          .exec<{ unit_id: string; up_to: number }>("SELECT unit_id, MAX(to_seq) AS up_to FROM deliveries GROUP BY unit_id")
          .toArray()
          .map((r) => [r.unit_id, r.up_to]),
      );
    }
    return this.marks;
  }
}
