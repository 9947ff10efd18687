import { mayWriteForUnit } from "./access";
import type { LiaisonMessage, LiaisonPriority } from "../schema/relocation-liaison";
import type { Me } from "../schema/session";

/** Rules of the liaison log: who sends for which unit, where replies go, what is overdue for acknowledgement. */

type Actor = Pick<Me, "role" | "unitId">;

export type Addressing =
  | { ok: true; fromUnitId: string; toUnitId: string; threadId: string | null }
  | { ok: false; status: 403 | 422; code: string; message: string; path: string };

/**
 * The sending and receiving units: the sender's own unit unless an admin names another; a reply
 * goes back to the other side of the message it answers and joins its thread.
 */
export function addressMessage(
  actor: Actor,
  input: { fromUnitId?: string; toUnitId?: string },
  parent: Pick<LiaisonMessage, "fromUnitId" | "toUnitId" | "threadId"> | null,
): Addressing {
  if (actor.role === "viewer") return { ok: false, status: 403, code: "forbidden", message: "Viewers cannot send messages.", path: "fromUnitId" };
  const fromUnitId = input.fromUnitId ?? actor.unitId;
  if (!mayWriteForUnit(actor, fromUnitId)) {
    return { ok: false, status: 403, code: "forbidden", message: "You may send only for your own unit.", path: "fromUnitId" };
  }
  const toUnitId = input.toUnitId ?? (parent ? (fromUnitId === parent.fromUnitId ? parent.toUnitId : parent.fromUnitId) : undefined);
  if (!toUnitId) return { ok: false, status: 422, code: "recipient_required", message: "Name the receiving unit.", path: "toUnitId" };
  if (toUnitId === fromUnitId) {
    return { ok: false, status: 422, code: "same_unit", message: "A message goes to another unit.", path: "toUnitId" };
  }
  return { ok: true, fromUnitId, toUnitId, threadId: parent?.threadId ?? null };
}

/** The receiving unit's editors (and admins) acknowledge. */
export const mayAcknowledge = (actor: Actor, msg: Pick<LiaisonMessage, "toUnitId">) => mayWriteForUnit(actor, msg.toUnitId);

export const ackDueAt = (msg: Pick<LiaisonMessage, "sentAt">, ackMinutes: number) =>
  new Date(Date.parse(msg.sentAt) + ackMinutes * 60_000).toISOString();

/** Unacknowledged for longer than the configured minutes. */
export function isFlagged(msg: Pick<LiaisonMessage, "sentAt" | "acknowledgedAt">, now: number, ackMinutes: number): boolean {
  return msg.acknowledgedAt === null && now - Date.parse(msg.sentAt) >= ackMinutes * 60_000;
}

const PRIORITY_ORDER: Record<LiaisonPriority, number> = { urgent: 0, high: 1, normal: 2 };

/**
 * The flagged messages a unit must see: those addressed to it, or every flagged message for the
 * disaster HQ (the top sees all). Most urgent first, then oldest first.
 */
export function flaggedFor<M extends Pick<LiaisonMessage, "sentAt" | "acknowledgedAt" | "toUnitId" | "priority">>(
  messages: readonly M[],
  viewerUnitId: string | "all",
  now: number,
  ackMinutes: number,
): M[] {
  return messages
    .filter((m) => isFlagged(m, now, ackMinutes) && (viewerUnitId === "all" || viewerUnitId === "hq" || m.toUnitId === viewerUnitId))
    .sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.sentAt.localeCompare(b.sentAt));
}

export const KIND_JA = { report: "報告", order: "指示", request: "要請" } as const;

/** A message's body as one chronology line shows it: its first 60 characters. */
export const bodyLine = (body: string) => (body.length > 60 ? `${body.slice(0, 60)}…` : body);

/** One line for the chronology (クロノロジー): "［報告］上下水道部庁舎1階が浸水…". */
export const messageLabel = (m: Pick<LiaisonMessage, "kind" | "body">) => `［${KIND_JA[m.kind]}］${bodyLine(m.body)}`;
