import { encodeCursor, decodeCursor, type PageQuery, type SortKey } from "../schema/paging";

/**
 * One page of a list, read by keyset: rows strictly after the cursor's sort key in the list's
 * order, one more than asked to know whether another page follows. The key expressions must be
 * non-null and, taken together, unique per row (end them with an id or rowid).
 */
export type Keyset = {
  /** Columns to answer, e.g. "*". */
  select: string;
  /** The table (and joins). */
  from: string;
  /** The list's own filter, with `?` parameters bound by `binds`. */
  where?: string;
  binds?: unknown[];
  /** The ordering expressions, most significant first; all ascending or all descending. */
  keys: string[];
  order: "asc" | "desc";
};

export type RowPage<Row> = { rows: Row[]; next: string | null };

export async function readPage<Row>(db: D1Database, q: Keyset, page: PageQuery): Promise<RowPage<Row>> {
  const { statement, read } = pageStatement<Row>(db, q, page);
  return read((await statement.all()).results);
}

/** The statement and how to read its rows, for a route that sends it in a batch with others. */
export function pageStatement<Row>(db: D1Database, q: Keyset, page: PageQuery) {
  const after = page.after === undefined ? null : decodeCursor(page.after);
  const named = q.keys.map((k, i) => `${k} AS _key${i}`).join(", ");
  const dir = q.order === "asc" ? "ASC" : "DESC";
  const beyond = after ? `(${q.keys.join(", ")}) ${q.order === "asc" ? ">" : "<"} (${q.keys.map(() => "?").join(", ")})` : "1";
  const sql = `SELECT ${q.select}, ${named} FROM ${q.from} WHERE (${q.where ?? "1"}) AND ${beyond} ORDER BY ${q.keys.map((k) => `${k} ${dir}`).join(", ")} LIMIT ?`;
  const statement = db.prepare(sql).bind(...(q.binds ?? []), ...(after ?? []), page.limit + 1);
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
