import { DEFAULT_SILENT_MINUTES, type Incident, type IncidentCreate, type IncidentPatch } from "../schema/incidents";

export function newIncident(input: IncidentCreate, ctx: { id: string; now: string; userId: string; unitId: string }): Incident {
  // An incident opened at 発災 began then; one opened at any other phase began when it was opened.
  const beganAt = input.phase === "initial" ? input.onsetAt : ctx.now;
  return {
    id: ctx.id,
    title: input.title,
    kind: input.kind,
    hazard: input.hazard,
    onsetAt: input.onsetAt,
    phase: input.phase,
    phases: [{ phase: input.phase, beganAt }],
    posture: input.posture ?? null,
    postures: input.posture ? [{ posture: input.posture, since: ctx.now }] : [],
    status: "open",
    closedAt: null,
    leadUnitId: ctx.unitId,
    silentMinutes: DEFAULT_SILENT_MINUTES,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.userId,
  };
}

/**
 * The incident after a patch; the caller has already checked that `patch.version` is current.
 * A new phase or posture is appended to its history with the time of the change; closing stamps it.
 */
export function patchIncident(current: Incident, patch: IncidentPatch, now: string): Incident {
  const { version: _seen, phase, posture, status, ...fields } = patch;
  const next: Incident = { ...current, ...fields, version: current.version + 1, updatedAt: now };
  if (phase && phase !== current.phase) {
    next.phase = phase;
    next.phases = [...current.phases, { phase, beganAt: now }];
  }
  if (posture && posture !== current.posture) {
    next.posture = posture;
    next.postures = [...current.postures, { posture, since: now }];
  }
  if (status === "closed" && current.status !== "closed") {
    next.status = "closed";
    next.closedAt = now;
  }
  return next;
}

/** When each phase last began, for reports: 警戒 10:02, 発災 10:15 … (null: never entered). */
export function phaseStarts(incident: Pick<Incident, "phases">): Record<Incident["phase"], string | null> {
  const starts: Record<Incident["phase"], string | null> = { warning: null, initial: null, emergency: null, recovery: null };
  for (const p of incident.phases) starts[p.phase] = p.beganAt;
  return starts;
}
