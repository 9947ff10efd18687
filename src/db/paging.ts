import { decodeCursor, encodeCursor, type PageQuery, type SortKey } from "../schema/paging";

/**
 * One page of a list, read by keyset: the rows after the cursor's sort key in the list's order,
 * one more than asked to know whether another page follows. The key expressions must be non-null
 * and, taken together, unique per row (end them with an id or rowid).
 */
export type Keyset = {
  /** Columns to answer, e.g. "*". */
  select: string;
  /** The table (and joins). */
  from: string;
  /** The list's own filter, with `?` parameters bound by `binds`. */
  where?: string;
  binds?: unknown[];
  /** The ordering, most significant first: expressions, each ascending or ending in " DESC". */
  keys: string[];
};

export type RowPage<Row> = { rows: Row[]; next: string | null };

export async function readPage<Row>(db: D1Database, q: Keyset, page: PageQuery): Promise<RowPage<Row>> {
  const { statement, read } = pageStatement<Row>(db, q, page);
  return read((await statement.all()).results);
}

const orderOf = (key: string) => (key.endsWith(" DESC") ? { expr: key.slice(0, -5), desc: true } : { expr: key, desc: false });

/**
 * "After the key" for a mixed ordering: (a > x) OR (a = x AND b < y) OR …, each comparison in
 * its key's direction. Returns the clause and its parameters.
 */
function beyond(keys: string[], after: SortKey): { sql: string; binds: unknown[] } {
  const order = keys.map(orderOf);
  const terms: string[] = [];
  const binds: unknown[] = [];
  order.forEach((k, i) => {
    // Each expression in parentheses: `status = 'closed' > ?` would compare 'closed' first.
    const equal = order.slice(0, i).map((e) => `(${e.expr}) = ?`);
    terms.push(`(${[...equal, `(${k.expr}) ${k.desc ? "<" : ">"} ?`].join(" AND ")})`);
    binds.push(...after.slice(0, i + 1));
  });
  return { sql: `(${terms.join(" OR ")})`, binds };
}

/** The statement and how to read its rows, for a route that sends it in a batch with others. */
export function pageStatement<Row>(db: D1Database, q: Keyset, page: PageQuery) {
  const after = page.after === undefined ? null : decodeCursor(page.after);
  const order = q.keys.map(orderOf);
  const named = order.map((k, i) => `${k.expr} AS _key${i}`).join(", ");
  const past = after ? beyond(q.keys, after) : { sql: "1", binds: [] };
  const sql = `SELECT ${q.select}, ${named} FROM ${q.from} WHERE (${q.where ?? "1"}) AND ${past.sql}
    ORDER BY ${order.map((k) => `${k.expr}${k.desc ? " DESC" : ""}`).join(", ")} LIMIT ?`;
  const statement = db.prepare(sql).bind(...(q.binds ?? []), ...past.binds, page.limit + 1);
  const read = (found: unknown[]): RowPage<Row> => {
    const more = found.length > page.limit;
    const rows = (more ? found.slice(0, page.limit) : found) as Record<string, unknown>[];
    const last = rows.at(-1);
    const next = more && last ? encodeCursor(q.keys.map((_, i) => last[`_key${i}`] as SortKey[number])) : null;
    for (const r of rows) for (let i = 0; i < q.keys.length; i++) delete r[`_key${i}`];
    return { rows: rows as Row[], next };
  };
  return { statement, read };
}
