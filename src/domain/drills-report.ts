import type { Drill } from "../schema/drills";
import type { ActionCreate, ActionPatch, CorrectiveAction, Report, ReportPatch, StoredAction } from "../schema/drills-report";

const JST_OFFSET_MS = 9 * 3_600_000;

/** The calendar date in Japan at an instant: due dates are JST dates. */
export const jstDate = (iso: string): string => new Date(Date.parse(iso) + JST_OFFSET_MS).toISOString().slice(0, 10);

/** Overdue once the JST day after the due date has begun, unless closed. */
export const isOverdue = (a: Pick<StoredAction, "status" | "dueDate">, now: string): boolean => a.status !== "closed" && a.dueDate < jstDate(now);

/** With `overdue` computed, overdue first, then earliest due, closed last. */
export function withOverdue(actions: StoredAction[], now: string): CorrectiveAction[] {
  const rank = (a: CorrectiveAction) => (a.overdue ? 0 : a.status === "closed" ? 2 : 1);
  return actions
    .map((a) => ({ ...a, overdue: isOverdue(a, now) }))
    .sort((a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate));
}

export function newAction(drill: Pick<Drill, "id" | "title">, input: ActionCreate, ctx: { id: string; now: string }): StoredAction {
  return { id: ctx.id, drillId: drill.id, drillTitle: drill.title, ...input, status: "open", closedAt: null, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
}

/** Closing stamps the closure; reopening clears it. */
export function patchAction(current: StoredAction, patch: ActionPatch, now: string): StoredAction {
  const { version: _seen, ...changes } = patch;
  const next = { ...current, ...changes, version: current.version + 1, updatedAt: now };
  if (changes.status === "closed" && current.status !== "closed") next.closedAt = now;
  if (changes.status && changes.status !== "closed") next.closedAt = null;
  return next;
}

/** Reports open when the drill ends, empty except for the drill's own facts shown beside them. */
export const emptyReport = (drillId: string, now: string): Report => ({
  drillId,
  summary: "",
  strengths: [],
  improvements: [],
  capabilityRatings: [],
  version: 1,
  updatedAt: now,
  updatedBy: null,
});

export function patchReport(current: Report, patch: ReportPatch, ctx: { now: string; userId: string }): Report {
  const { version: _seen, ...changes } = patch;
  return { ...current, ...changes, version: current.version + 1, updatedAt: ctx.now, updatedBy: ctx.userId };
}

/** The report may be written once the drill has ended; after review it is final. */
export const reportWritable = (status: Drill["status"]) => status === "ended";
/** Corrective actions are tracked from the end of the drill until each is closed, for months. */
export const actionsWritable = (status: Drill["status"]) => status === "ended" || status === "reviewed";
