import type { Change, ChangePage } from "../schema/changes";
import type { Stream } from "../schema/streams";

export type ChangeRow = {
  stream: string;
  seq: number;
  at: string;
  actor_id: string;
  actor_name: string;
  actor_unit: string;
  entity_type: string;
  entity_id: string;
  op: string;
  before_json: string | null;
  after_json: string | null;
  mutation_id: string;
};

const parseJson = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

// Rows were written only through the write path, whose entries are checked against the Change union.
export const changeFromRow = (r: ChangeRow): Change => ({
  stream: r.stream,
  seq: r.seq,
  at: r.at,
  actor: { id: r.actor_id, name: r.actor_name, unitId: r.actor_unit },
  entityType: r.entity_type,
  entityId: r.entity_id,
  op: r.op,
  before: parseJson(r.before_json),
  after: parseJson(r.after_json),
  mutationId: r.mutation_id,
}) as Change;

/** A stream's latest seq (0 before its first change), as a statement to batch with a read. */
export const latestSeqQuery = (db: D1Database, stream: Stream): D1PreparedStatement =>
  db.prepare("SELECT COALESCE(MAX(seq), 0) AS seq FROM change_log WHERE stream = ?").bind(stream);

/** Reads the answer of a batched latestSeqQuery. */
export const latestSeqOf = (result: D1Result): number => (result.results[0] as { seq: number }).seq;

export async function latestSeq(db: D1Database, stream: Stream): Promise<number> {
  return (await latestSeqQuery(db, stream).first<{ seq: number }>())?.seq ?? 0;
}

/** One page of a stream's changes after `after`, in order, in one round trip. */
export async function listChanges(db: D1Database, stream: Stream, after: number, limit: number): Promise<ChangePage> {
  const [page, latest] = await db.batch([
    db
      .prepare("SELECT * FROM change_log WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?")
      .bind(stream, after, limit),
    latestSeqQuery(db, stream),
  ]);
  const items = (page!.results as ChangeRow[]).map(changeFromRow);
  const latestSeq = latestSeqOf(latest!);
  const last = items.at(-1)?.seq ?? after;
  return { items, latestSeq, nextAfter: last < latestSeq ? last : null };
}

/** A change before the log numbers it (each kind keeps its own before/after). */
export type ChangeEntry = Change extends infer C ? (C extends Change ? Omit<C, "seq"> : never) : never;

/** Appends a change with the next gap-free sequence number of its stream; answers that number. */
export function appendChange(db: D1Database, e: ChangeEntry): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO change_log (stream, seq, at, actor_id, actor_name, actor_unit, entity_type, entity_id, op, before_json, after_json, mutation_id)
       SELECT ?1, COALESCE(MAX(seq), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 FROM change_log WHERE stream = ?1
       RETURNING seq`,
    )
    .bind(
      e.stream,
      e.at,
      e.actor.id,
      e.actor.name,
      e.actor.unitId,
      e.entityType,
      e.entityId,
      e.op,
      e.before === null ? null : JSON.stringify(e.before),
      e.after === null ? null : JSON.stringify(e.after),
      e.mutationId,
    );
}

/** Aborts the batch unless the statement just before it changed exactly one row. */
export function expectOneRowChanged(db: D1Database): D1PreparedStatement {
  return db.prepare("INSERT OR REPLACE INTO write_guard (id, ok) VALUES (1, changes())");
}

export const isStaleWrite = (err: unknown): boolean => String(err).includes("stale_write");

/** A row named something that is not there: D1 enforces foreign keys. */
export const isMissingReference = (err: unknown): boolean => String(err).includes("FOREIGN KEY constraint failed");
