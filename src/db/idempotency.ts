import { readOne, rowRead } from "./together";

export type StoredAnswer = { requestHash: string; status: number; body: string };

/**
 * Marks an answer's data as a situation report stored in the same batch. Its content is the bulk
 * of the answer (the whole picture), so the idempotency record keeps the report without it and a
 * replay puts back the stored report's content: the same answer, its content written once. A
 * symbol, so the answer itself (JSON) never carries the mark.
 */
const STORED_REPORT = Symbol("stored situation report");
type Marked = { [STORED_REPORT]?: true; content?: unknown };

export function answeredByStoredReport<T extends { incidentId: string; number: number; content: unknown }>(report: T): T {
  return Object.assign(report, { [STORED_REPORT]: true as const });
}

// The record of a report's answer says so (`contentIn`); the replay reads the content back in place.
const ANSWER_BODY = `CASE json_extract(body, '$.contentIn') WHEN 'situation_reports' THEN json_remove(json_set(body, '$.data.content', json((
    SELECT content_json FROM situation_reports
    WHERE incident_id = json_extract(body, '$.data.incidentId') AND number = json_extract(body, '$.data.number')))), '$.contentIn')
  ELSE body END`;

/** The first answer given under this person's key, if any. */
export const answerByKey = (db: D1Database, userId: string, key: string) =>
  rowRead<{ request_hash: string; status: number; body: string }, StoredAnswer | null>(
    db.prepare(`SELECT request_hash, status, ${ANSWER_BODY} AS body FROM idempotency WHERE user_id = ? AND key = ?`).bind(userId, key),
    (row) => (row ? { requestHash: row.request_hash, status: row.status, body: row.body } : null),
  );

export const findAnswer = (db: D1Database, userId: string, key: string): Promise<StoredAnswer | null> => readOne(answerByKey(db, userId, key));

/** What the record keeps: the answer, or a stored report's answer without its content. */
function recorded(body: { data: unknown; seq: number }) {
  const data = body.data as Marked | null;
  if (!data || typeof data !== "object" || !data[STORED_REPORT]) return body;
  // `content: null` keeps the key where the replay puts the content back, so the order is the same.
  return { data: { ...data, content: null }, seq: body.seq, contentIn: "situation_reports" };
}

/**
 * Stores the answer in the writing batch. `$.seq` is filled from the change log inside the
 * transaction, so the stored answer names the same sequence number the client was told.
 */
export function storeAnswer(
  db: D1Database,
  a: { userId: string; key: string; requestHash: string; status: number; body: { data: unknown; seq: number }; stream: string; at: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO idempotency (user_id, key, request_hash, status, body, created_at)
       VALUES (?1, ?2, ?3, ?4, json_set(?5, '$.seq', (SELECT MAX(seq) FROM change_log WHERE stream = ?6)), ?7)`,
    )
    .bind(a.userId, a.key, a.requestHash, a.status, JSON.stringify(recorded(a.body)), a.stream, a.at);
}
