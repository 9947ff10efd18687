import type { Me } from "../schema/session";
import type { ChecklistItem, ItemPatch, ItemState, Progress, SectionProgress, UnitProgress } from "../schema/checklists";
import { accept, invalidFields, type Refusal, refusal, refused, type Ruled } from "./refusal";

/** Templates are the city's plan: administrators edit them; units work their copies. */
export const mayEditTemplates = (actor: Pick<Me, "role">) => actor.role === "admin";

/** The target starts the Cabinet Office guide uses, in minutes from the onset. Any other duration is allowed too. */
export const TARGET_PRESETS = [
  { minutes: 180, ja: "3時間以内", en: "within 3 h" },
  { minutes: 1_440, ja: "1日以内", en: "within 1 day" },
  { minutes: 4_320, ja: "3日以内", en: "within 3 days" },
  { minutes: 10_080, ja: "1週間以内", en: "within 1 week" },
  { minutes: 20_160, ja: "2週間以内", en: "within 2 weeks" },
  { minutes: 43_200, ja: "1か月以内", en: "within 1 month" },
] as const;

/** An onset this far ahead of the server clock is still accepted: a "now" typed on a slow device. */
export const ONSET_CLOCK_SKEW_MS = 5 * 60_000;

const ms = (iso: string | number) => (typeof iso === "number" ? iso : Date.parse(iso));

/** Deadline = onset + target. Pure instant arithmetic: JST has no daylight saving, so no calendar rules apply. */
export function deadlineAt(onsetAt: string, targetMinutes: number | null): string | null {
  if (targetMinutes === null) return null;
  return new Date(ms(onsetAt) + targetMinutes * 60_000).toISOString();
}

/**
 * Deadlines count from an onset that has happened. An onset in the future (a mistyped date, or a
 * drill scheduled for later) would give deadlines nobody can be late for yet, so activation is refused.
 */
export function onsetRefusal(onsetAt: string, now: string | number): Refusal | null {
  if (ms(onsetAt) > ms(now) + ONSET_CLOCK_SKEW_MS) {
    return refusal(
      422,
      "onset_in_future",
      "The incident's onset is in the future; deadlines are counted from an onset that has happened. Correct the onset or activate when it starts.",
      [{ path: "incident.onsetAt", message: `onset ${onsetAt} is after now` }],
    );
  }
  return null;
}

/** States that need no more work: neither counts as overdue. */
export const isClosed = (state: ItemState) => state === "done" || state === "not_applicable";

/** Overdue = it has a deadline, the deadline has passed, and it is not done (or not applicable). */
export function isOverdue(item: Pick<ChecklistItem, "state" | "deadlineAt">, now: string | number): boolean {
  return item.deadlineAt !== null && ms(now) > ms(item.deadlineAt) && !isClosed(item.state);
}

/** Which state may follow which. A done item is reopened through todo / in progress, never straight to blocked. */
export const TRANSITIONS: Record<ItemState, readonly ItemState[]> = {
  todo: ["in_progress", "done", "blocked", "not_applicable"],
  in_progress: ["todo", "done", "blocked", "not_applicable"],
  blocked: ["todo", "in_progress", "done", "not_applicable"],
  done: ["todo", "in_progress"],
  not_applicable: ["todo", "in_progress"],
};

export const needsReason = (state: ItemState) => state === "blocked" || state === "not_applicable";

/**
 * The item after a patch; the caller has checked the version and that `ownerName` belongs to
 * `patch.ownerId`. Blocked and not-applicable keep a reason; other states carry none.
 */
export function applyItemPatch(
  current: ChecklistItem,
  patch: ItemPatch,
  ctx: { now: string; userId: string; ownerName?: string | null },
): Ruled<ChecklistItem> {
  const state = patch.state ?? current.state;
  const stateChanged = state !== current.state;
  if (stateChanged && !TRANSITIONS[current.state].includes(state)) {
    return refused(refusal(
      422,
      "invalid_transition",
      `An item that is ${current.state} cannot become ${state}.`,
      [{ path: "state", message: `allowed from ${current.state}: ${TRANSITIONS[current.state].join(", ")}` }],
      current,
    ));
  }
  let reason: string | null;
  if (needsReason(state)) {
    reason = patch.reason !== undefined ? patch.reason || null : stateChanged ? null : current.reason;
    if (!reason) {
      return refused(refusal(400, "reason_required", "Say why the item is blocked or not applicable.", [
        { path: "reason", message: `required when the state is ${state}` },
      ]));
    }
  } else {
    if (patch.reason) {
      return refused(invalidFields([{ path: "reason", message: `not used when the state is ${state}` }], "A reason is kept only for blocked or not-applicable items.")!);
    }
    reason = null;
  }
  const ownerChanged = patch.ownerId !== undefined && patch.ownerId !== current.ownerId;
  return accept({
    ...current,
    state,
    reason,
    ownerId: patch.ownerId !== undefined ? patch.ownerId : current.ownerId,
    ownerName: ownerChanged ? (patch.ownerId === null ? null : (ctx.ownerName ?? null)) : current.ownerName,
    note: patch.note !== undefined ? patch.note || null : current.note,
    stateChangedAt: stateChanged ? ctx.now : current.stateChangedAt,
    updatedAt: ctx.now,
    updatedBy: ctx.userId,
    version: current.version + 1,
  });
}

const emptyProgress = (): Progress => ({ total: 0, done: 0, inProgress: 0, blocked: 0, notApplicable: 0, overdue: 0 });

function count(p: Progress, item: ChecklistItem, now: number) {
  if (item.state === "not_applicable") {
    p.notApplicable++;
    return;
  }
  // Not-applicable items leave the total: "done / total" is over the work that applies.
  p.total++;
  if (item.state === "done") p.done++;
  else if (item.state === "in_progress") p.inProgress++;
  else if (item.state === "blocked") p.blocked++;
  if (isOverdue(item, now)) p.overdue++;
}

/** Progress per unit and per element (section), in the items' order. */
export function progressByUnit(items: readonly ChecklistItem[], now: string | number): UnitProgress[] {
  const at = ms(now);
  const units = new Map<string, { progress: UnitProgress; sections: Map<string, SectionProgress> }>();
  for (const item of items) {
    let unit = units.get(item.unitId);
    if (!unit) {
      unit = { progress: { unitId: item.unitId, ...emptyProgress(), sections: [] }, sections: new Map() };
      units.set(item.unitId, unit);
    }
    let section = unit.sections.get(item.sectionKey);
    if (!section) {
      section = { key: item.sectionKey, titleJa: item.sectionTitleJa, titleEn: item.sectionTitleEn, ...emptyProgress() };
      unit.sections.set(item.sectionKey, section);
      unit.progress.sections.push(section);
    }
    count(unit.progress, item, at);
    count(section, item, at);
  }
  return [...units.values()].map((u) => u.progress);
}

/**
 * What the HQ reads first: overdue (longest overdue first), then blocked, then the nearest
 * deadlines, then items without a deadline; done and not-applicable last. Ties keep template order.
 */
export function attentionOrder(now: string | number) {
  const at = ms(now);
  const rank = (i: ChecklistItem) => (isOverdue(i, at) ? 0 : i.state === "blocked" ? 1 : isClosed(i.state) ? 3 : 2);
  return (a: ChecklistItem, b: ChecklistItem): number => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    const da = a.deadlineAt === null ? Infinity : ms(a.deadlineAt);
    const db = b.deadlineAt === null ? Infinity : ms(b.deadlineAt);
    if (da !== db) return da < db ? -1 : 1;
    return a.position - b.position;
  };
}

export type ItemFilter = "all" | "overdue" | "blocked" | "mine";

export function matchesFilter(item: ChecklistItem, filter: ItemFilter, me: { id: string }, now: string | number): boolean {
  switch (filter) {
    case "overdue":
      return isOverdue(item, now);
    case "blocked":
      return item.state === "blocked";
    case "mine":
      return item.ownerId === me.id;
    default:
      return true;
  }
}
