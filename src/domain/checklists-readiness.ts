import type { ReadinessCreate, ReadinessItem, ReadinessPatch, ReadinessUnit, Verification } from "../schema/checklists";

const DAY_MS = 86_400_000;
const ms = (iso: string | number) => (typeof iso === "number" ? iso : Date.parse(iso));

/** When the next verification is due: last verified + interval. Never verified → no due date (overdue already). */
export function verificationDueAt(lastVerifiedAt: string | null, intervalDays: number): string | null {
  return lastVerifiedAt === null ? null : new Date(ms(lastVerifiedAt) + intervalDays * DAY_MS).toISOString();
}

/** Overdue = never verified, or the interval since the last verification has run out. */
export function isVerificationOverdue(item: Pick<ReadinessItem, "lastVerifiedAt" | "intervalDays">, now: string | number): boolean {
  const due = verificationDueAt(item.lastVerifiedAt, item.intervalDays);
  return due === null || ms(now) >= ms(due);
}

/** Per unit: how many checks there are, how many are overdue, and how many were never done. */
export function readinessByUnit(items: readonly ReadinessItem[], now: string | number): ReadinessUnit[] {
  const units = new Map<string, ReadinessUnit>();
  for (const item of items) {
    let u = units.get(item.unitId);
    if (!u) units.set(item.unitId, (u = { unitId: item.unitId, total: 0, overdue: 0, neverVerified: 0 }));
    u.total++;
    if (isVerificationOverdue(item, now)) u.overdue++;
    if (item.lastVerifiedAt === null) u.neverVerified++;
  }
  return [...units.values()];
}

/** Overdue first (never verified before late ones, then the longest late), then by due date. */
export function readinessAttentionOrder(now: string | number) {
  const at = ms(now);
  const dueMs = (i: ReadinessItem) => (i.dueAt === null ? -Infinity : ms(i.dueAt));
  return (a: ReadinessItem, b: ReadinessItem) => {
    const oa = isVerificationOverdue(a, at) ? 0 : 1;
    const ob = isVerificationOverdue(b, at) ? 0 : 1;
    if (oa !== ob) return oa - ob;
    const d = dueMs(a) - dueMs(b);
    if (d !== 0 && !Number.isNaN(d)) return d < 0 ? -1 : 1;
    return a.position - b.position;
  };
}

export function newReadinessItem(input: ReadinessCreate, ctx: { id: string; now: string; position: number }): ReadinessItem {
  return {
    id: ctx.id,
    unitId: input.unitId,
    element: input.element,
    position: ctx.position,
    textJa: input.textJa,
    textEn: input.textEn,
    intervalDays: input.intervalDays,
    lastVerifiedAt: null,
    lastVerifiedBy: null,
    lastVerifiedByName: null,
    verificationNote: null,
    dueAt: null,
    version: 1,
    updatedAt: ctx.now,
  };
}

export function patchReadinessItem(current: ReadinessItem, patch: ReadinessPatch, now: string): ReadinessItem {
  const { version: _seen, ...changes } = patch;
  const next = { ...current, ...changes, version: current.version + 1, updatedAt: now };
  return { ...next, dueAt: verificationDueAt(next.lastVerifiedAt, next.intervalDays) };
}

/** Recording a verification restarts the interval from now. */
export function verify(current: ReadinessItem, v: Verification, ctx: { now: string; userId: string; userName: string }): ReadinessItem {
  return {
    ...current,
    lastVerifiedAt: ctx.now,
    lastVerifiedBy: ctx.userId,
    lastVerifiedByName: ctx.userName,
    verificationNote: v.note || null,
    dueAt: verificationDueAt(ctx.now, current.intervalDays),
    version: current.version + 1,
    updatedAt: ctx.now,
  };
}
