/**
 * Reads that can go to D1 together: each names its statements and how to read the rows they find
 * (or their absence). A route reads all its preconditions in one batch, one round trip.
 */
export type RowRead<T> = { statements: D1PreparedStatement[]; read: (results: Record<string, unknown>[][]) => T };

/** A read of at most one row. */
export function rowRead<R, T>(statement: D1PreparedStatement, read: (row: R | undefined) => T): RowRead<T> {
  return { statements: [statement], read: ([rows]) => read(rows![0] as R | undefined) };
}

/** A read of every row the statement finds. */
export function rowsRead<R, T>(statement: D1PreparedStatement, read: (rows: R[]) => T): RowRead<T> {
  return { statements: [statement], read: ([rows]) => read(rows as R[]) };
}

/** A read made of several statements (an entity with its parts), answered from all their rows. */
export function statementsRead<T>(statements: D1PreparedStatement[], read: (results: Record<string, unknown>[][]) => T): RowRead<T> {
  return { statements, read };
}

/** One single-statement read on its own (a read of several statements goes through readTogether). */
export async function readOne<T>(r: RowRead<T>): Promise<T> {
  if (r.statements.length !== 1) throw new Error("readOne takes a read of one statement");
  return r.read([(await r.statements[0]!.all<Record<string, unknown>>()).results]);
}

type Answer<R> = R extends RowRead<infer V> ? V : null;
export type Answers<T extends readonly (RowRead<unknown> | null)[]> = { [K in keyof T]: Answer<T[K]> };

/** Every read in one batch; a `null` read (a precondition that does not apply) answers null. */
export async function readTogether<const T extends readonly (RowRead<unknown> | null)[]>(db: D1Database, reads: T): Promise<Answers<T>> {
  const asked = reads.filter((r): r is RowRead<unknown> => r !== null);
  const results = asked.length ? await db.batch(asked.flatMap((r) => r.statements)) : [];
  let i = 0;
  return reads.map((r) => {
    if (r === null) return null;
    const mine = results.slice(i, (i += r.statements.length)).map((x) => x.results as Record<string, unknown>[]);
    return r.read(mine);
  }) as Answers<T>;
}
