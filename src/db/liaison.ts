import type { LiaisonMessage } from "../schema/relocation-liaison";
import { readOne, rowRead } from "./together";
import type { PageQuery } from "../schema/paging";
import { readPage } from "./paging";

/** The liaison log (連絡・報告). */

export type MessageRow = {
  id: string;
  incident_id: string;
  thread_id: string;
  parent_id: string | null;
  kind: LiaisonMessage["kind"];
  priority: LiaisonMessage["priority"];
  from_unit_id: string;
  to_unit_id: string;
  body: string;
  function_id: string | null;
  site_id: string | null;
  sent_at: string;
  sent_by: string;
  sent_by_name: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  version: number;
};

export const messageFromRow = (r: MessageRow): LiaisonMessage => ({
  id: r.id,
  incidentId: r.incident_id,
  threadId: r.thread_id,
  parentId: r.parent_id,
  kind: r.kind,
  priority: r.priority,
  fromUnitId: r.from_unit_id,
  toUnitId: r.to_unit_id,
  body: r.body,
  functionId: r.function_id,
  siteId: r.site_id,
  sentAt: r.sent_at,
  sentBy: r.sent_by,
  sentByName: r.sent_by_name,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
  acknowledgedByName: r.acknowledged_by_name,
  version: r.version,
});

/** A page of an incident's messages in the order they were sent. */
export async function listMessages(db: D1Database, incidentId: string, page: PageQuery): Promise<{ items: LiaisonMessage[]; next: string | null }> {
  const { rows, next } = await readPage<MessageRow>(
    db,
    { select: "*", from: "liaison_messages", where: "incident_id = ?", binds: [incidentId], keys: ["sent_at", "rowid"] },
    page,
  );
  return { items: rows.map(messageFromRow), next };
}

export const messageById = (db: D1Database, incidentId: string, id: string) =>
  rowRead(db.prepare("SELECT * FROM liaison_messages WHERE incident_id = ? AND id = ?").bind(incidentId, id), (r: MessageRow | undefined) =>
    r ? messageFromRow(r) : null,
  );

export const findMessage = (db: D1Database, incidentId: string, id: string): Promise<LiaisonMessage | null> =>
  readOne(messageById(db, incidentId, id));

export function insertMessage(db: D1Database, m: LiaisonMessage): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO liaison_messages (id, incident_id, thread_id, parent_id, kind, priority, from_unit_id, to_unit_id, body, function_id, site_id,
         sent_at, sent_by, sent_by_name, acknowledged_at, acknowledged_by, acknowledged_by_name, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(m.id, m.incidentId, m.threadId, m.parentId, m.kind, m.priority, m.fromUnitId, m.toUnitId, m.body, m.functionId, m.siteId,
      m.sentAt, m.sentBy, m.sentByName, m.acknowledgedAt, m.acknowledgedBy, m.acknowledgedByName, m.version);
}

/** Acknowledges once, over the version seen. */
export function acknowledgeMessage(db: D1Database, m: LiaisonMessage): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE liaison_messages SET acknowledged_at = ?, acknowledged_by = ?, acknowledged_by_name = ?, version = ?
       WHERE id = ? AND version = ? AND acknowledged_at IS NULL`,
    )
    .bind(m.acknowledgedAt, m.acknowledgedBy, m.acknowledgedByName, m.version, m.id, m.version - 1);
}
