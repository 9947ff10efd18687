import type { Me } from "../schema/session";
import {
  type Board,
  type Category,
  type Counts,
  type Drill,
  type DrillCreate,
  type DrillPatch,
  type DrillStatus,
  type MilestoneTarget,
  type Zone,
} from "../schema/drills";
import { mayWriteForUnit } from "./access";
import { accept, type FieldIssue, type Refusal, refusal, refused, type Ruled } from "./refusal";

type Actor = Pick<Me, "role" | "unitId">;

/** Where each status may go. Ended drills become reviewed once the after-action report is done. */
const NEXT: Record<DrillStatus, DrillStatus[]> = {
  planned: ["running", "cancelled"],
  running: ["ended", "cancelled"],
  ended: ["reviewed"],
  reviewed: [],
  cancelled: [],
};

export const mayMoveTo = (from: DrillStatus, to: DrillStatus): boolean => NEXT[from].includes(to);


/** The drill after a status change, or why it cannot happen. Times are set by the move itself. */
export function transition(drill: Drill, to: DrillStatus, now: string, reason?: string): Ruled<Drill> {
  if (!mayMoveTo(drill.status, to)) {
    return refused(wrongState(drill, `a ${drill.status} drill cannot become ${to}`));
  }
  if (to === "cancelled" && !reason) return refused(breaksRule([{ path: "reason", message: "say why the drill is cancelled" }]));
  const next: Drill = { ...drill, status: to, version: drill.version + 1, updatedAt: now };
  if (to === "running") next.startedAt = now;
  if (to === "ended") next.endedAt = now;
  if (to === "reviewed") next.reviewedAt = now;
  if (to === "cancelled") {
    next.cancelledAt = now;
    next.cancelReason = reason ?? null;
  }
  return accept(next);
}

/** The hospital's editors (or an admin) run their own drills; anyone signed in may watch. */
export const mayManageDrill = (actor: Actor, drill: Pick<Drill, "unitId">): boolean => mayWriteForUnit(actor, drill.unitId);

/** The unit whose screens a tag must reach: the disaster HQ. Its receipts time the tag → HQ figure. */
export const HQ_UNIT = "hq";

export const DEFAULT_ZONES: Zone[] = [
  { id: "entrance", name: "正面玄関トリアージポスト" },
  { id: "er", name: "救急外来入口" },
  { id: "parking", name: "立体駐車場" },
];

/** Targets in seconds from the start, from the hospital's fire-safety plan defaults. */
export const DEFAULT_MILESTONE_TARGETS: MilestoneTarget[] = [
  { key: "alarm_raised", targetSeconds: 60 },
  { key: "first_response", targetSeconds: 180 },
  { key: "fire_doors_closed", targetSeconds: 300 },
  { key: "report_to_hq", targetSeconds: 420 },
  { key: "ward_evacuated", targetSeconds: 900 },
];

/** A drill rule broken, naming the fields (400, nothing written). */
export const breaksRule = (fields: FieldIssue[], message = "The request breaks a drill rule."): Refusal => refusal(400, "invalid_request", message, fields);

/** The drill is not in a state that allows this (409, with the drill as it is now). */
export const wrongState = (drill: Drill, message: string): Refusal =>
  refusal(409, "wrong_state", message, [{ path: "status", message: `the drill is ${drill.status}` }], drill);

/** Cross-field rules of a drill plan that zod alone cannot see. */
export function planProblems(p: {
  kind: Drill["kind"];
  participants?: Drill["participants"];
  zones?: Zone[];
  milestoneTargets?: MilestoneTarget[];
  scenarioId?: string | null;
}): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (p.kind === "triage" && p.scenarioId === null) problems.push({ path: "scenarioId", message: "a triage drill needs a scenario" });
  if (p.kind === "fire" && p.scenarioId) problems.push({ path: "scenarioId", message: "a fire drill has no casualty scenario" });
  const zoneIds = new Set((p.zones ?? []).map((z) => z.id));
  if (p.zones && zoneIds.size !== p.zones.length) problems.push({ path: "zones", message: "zone ids must be unique" });
  const seen = new Set<string>();
  (p.participants ?? []).forEach((person, i) => {
    if (seen.has(person.id)) problems.push({ path: `participants.${i}.id`, message: "participant ids must be unique" });
    seen.add(person.id);
    if (person.zoneId && p.zones && !zoneIds.has(person.zoneId)) {
      problems.push({ path: `participants.${i}.zoneId`, message: "no such zone in this drill" });
    }
  });
  const keys = new Set((p.milestoneTargets ?? []).map((m) => m.key));
  if (p.milestoneTargets && keys.size !== p.milestoneTargets.length) {
    problems.push({ path: "milestoneTargets", message: "each milestone once" });
  }
  return problems;
}

export function newDrill(
  input: DrillCreate,
  ctx: { id: string; now: string; userId: string; unitId: string; scenario: { title: string; casualtyCount: number } | null },
): Drill {
  return {
    id: ctx.id,
    kind: input.kind,
    title: input.title,
    scheduledAt: input.scheduledAt,
    place: input.place,
    objectives: input.objectives,
    participants: input.participants,
    zones: input.zones ?? DEFAULT_ZONES,
    scenarioId: input.scenarioId,
    scenarioTitle: ctx.scenario?.title ?? null,
    incidentId: input.incidentId,
    unitId: ctx.unitId,
    status: "planned",
    startedAt: null,
    endedAt: null,
    reviewedAt: null,
    cancelledAt: null,
    cancelReason: null,
    casualtyCount: ctx.scenario?.casualtyCount ?? 0,
    milestoneTargets: input.kind === "fire" ? (input.milestoneTargets ?? DEFAULT_MILESTONE_TARGETS) : [],
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.userId,
  };
}

export function patchDrill(current: Drill, patch: DrillPatch, now: string): Drill {
  const { version: _seen, ...changes } = patch;
  return { ...current, ...changes, version: current.version + 1, updatedAt: now };
}

export const emptyCounts = (): Counts => ({ red: 0, yellow: 0, green: 0, black: 0 });

/**
 * Live counts from each casualty's current tag. The server and every console derive the board
 * with this one function, so the numbers on the wall equal the server's.
 */
export function countBoard(
  drill: Pick<Drill, "id" | "status" | "startedAt" | "endedAt" | "zones">,
  casualties: Iterable<{ category: Category | null; zoneId: string | null }>,
): Board {
  const overall = emptyCounts();
  const byZone = new Map<string, Counts>(drill.zones.map((z) => [z.id, emptyCounts()]));
  let total = 0;
  let untagged = 0;
  for (const c of casualties) {
    total++;
    if (!c.category) {
      untagged++;
      continue;
    }
    overall[c.category]++;
    const zone = c.zoneId ?? "";
    if (!byZone.has(zone)) byZone.set(zone, emptyCounts());
    byZone.get(zone)![c.category]++;
  }
  return {
    drillId: drill.id,
    status: drill.status,
    startedAt: drill.startedAt,
    endedAt: drill.endedAt,
    total,
    untagged,
    overall,
    zones: [...byZone].map(([zoneId, counts]) => ({ zoneId, counts })),
  };
}

/** Why a tag cannot be taken (the drill's state, or the field it names); null when it can. */
export function tagRefusal(drill: Drill, t: { zoneId: string; officerId: string | null }): Refusal | null {
  if (drill.kind !== "triage") return wrongState(drill, "only triage drills take tags");
  if (drill.status !== "running") return wrongState(drill, `tags are taken only while the drill is running; it is ${drill.status}`);
  if (!drill.zones.some((z) => z.id === t.zoneId)) return breaksRule([{ path: "zoneId", message: "no such zone in this drill" }]);
  if (t.officerId && !drill.participants.some((p) => p.id === t.officerId)) {
    return breaksRule([{ path: "officerId", message: "no such participant in this drill" }]);
  }
  return null;
}
