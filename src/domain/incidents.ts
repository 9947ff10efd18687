import type { Incident, IncidentCreate, IncidentPatch } from "../schema/incidents";

export function newIncident(input: IncidentCreate, ctx: { id: string; now: string; userId: string; unitId: string }): Incident {
  return {
    id: ctx.id,
    title: input.title,
    kind: input.kind,
    hazard: input.hazard,
    onsetAt: input.onsetAt,
    phase: input.phase,
    status: "open",
    leadUnitId: ctx.unitId,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.userId,
  };
}

/** The incident after a patch; the caller has already checked that `patch.version` is current. */
export function patchIncident(current: Incident, patch: IncidentPatch, now: string): Incident {
  const { version: _seen, ...changes } = patch;
  return { ...current, ...changes, version: current.version + 1, updatedAt: now };
}
