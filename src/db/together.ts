/**
 * Single-row reads that can go to D1 together: each names its statement and how to read the row
 * it finds (or its absence). A route reads all its preconditions in one batch, one round trip.
 */
export type RowRead<T> = { statement: D1PreparedStatement; read: (row: Record<string, unknown> | undefined) => T };

export function rowRead<R, T>(statement: D1PreparedStatement, read: (row: R | undefined) => T): RowRead<T> {
  return { statement, read: read as RowRead<T>["read"] };
}

/** One read on its own. */
export async function readOne<T>(r: RowRead<T>): Promise<T> {
  return r.read((await r.statement.first<Record<string, unknown>>()) ?? undefined);
}

type Answer<R> = R extends RowRead<infer V> ? V : null;
type Answers<T extends readonly (RowRead<unknown> | null)[]> = { [K in keyof T]: Answer<T[K]> };

/** Every read in one batch; a `null` read (a precondition that does not apply) answers null. */
export async function readTogether<const T extends readonly (RowRead<unknown> | null)[]>(db: D1Database, reads: T): Promise<Answers<T>> {
  const asked = reads.filter((r): r is RowRead<unknown> => r !== null);
  const results = asked.length ? await db.batch(asked.map((r) => r.statement)) : [];
  let i = 0;
  return reads.map((r) => (r === null ? null : r.read(results[i++]!.results[0] as Record<string, unknown> | undefined))) as Answers<T>;
}
