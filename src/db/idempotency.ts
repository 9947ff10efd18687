import { readOne, rowRead } from "./together";

export type StoredAnswer = { requestHash: string; status: number; body: string };

/** The first answer given under this person's key, if any. */
export const answerByKey = (db: D1Database, userId: string, key: string) =>
  rowRead<{ request_hash: string; status: number; body: string }, StoredAnswer | null>(
    db.prepare("SELECT request_hash, status, body FROM idempotency WHERE user_id = ? AND key = ?").bind(userId, key),
    (row) => (row ? { requestHash: row.request_hash, status: row.status, body: row.body } : null),
  );

export const findAnswer = (db: D1Database, userId: string, key: string): Promise<StoredAnswer | null> => readOne(answerByKey(db, userId, key));

/**
 * Stores the answer in the writing batch. `$.seq` is filled from the change log inside the
 * transaction, so the stored answer names the same sequence number the client was told.
 */
export function storeAnswer(
  db: D1Database,
  a: { userId: string; key: string; requestHash: string; status: number; body: unknown; stream: string; at: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO idempotency (user_id, key, request_hash, status, body, created_at)
       VALUES (?1, ?2, ?3, ?4, json_set(?5, '$.seq', (SELECT MAX(seq) FROM change_log WHERE stream = ?6)), ?7)`,
    )
    .bind(a.userId, a.key, a.requestHash, a.status, JSON.stringify(a.body), a.stream, a.at);
}
