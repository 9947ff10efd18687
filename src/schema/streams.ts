// Zod-free on purpose: the console's entry chunk imports these at runtime.

/** The stream of peacetime data that belongs to no incident (templates, sites, registries, readiness). */
export const STANDING = "standing";

/** The room every console's incident list listens to. Incident ids cannot contain '~'. */
export const DIRECTORY = "~directory";

/** A change-log stream: an incident id, or STANDING. */
export type Stream = string;

/** The stream a record's changes go to: its incident's, or the standing stream when it belongs to none. */
export const streamOf = (owner: { incidentId: string | null }): Stream => owner.incidentId ?? STANDING;

/** Where a stream's catch-up and live addresses hang: /api/standing/… or /api/incidents/:id/…. */
export const streamBase = (stream: Stream): string => (stream === STANDING ? "/api/standing" : `/api/incidents/${encodeURIComponent(stream)}`);

/**
 * Every kind of entity the change log records, each with the operations logged on it. The
 * payload schemas of each kind live in changes.ts; this list stays zod-free for the console.
 */
export const CHANGE_OPS = {
  incident: ["create", "update"],
  user: ["create", "update", "enable", "disable", "password_reset", "password_change"],
  checklist_template: ["create", "update"],
  checklist_activation: ["activate"],
  checklist_addition: ["create"],
  checklist_item: ["update"],
  readiness_item: ["create", "update", "verify"],
  site: ["create", "update"],
  readiness_checklist: ["create"],
  readiness: ["update"],
  hazard_layer: ["import", "delete"],
  function: ["create", "update"],
  relocation_settings: ["update"],
  relocation: ["transition", "update"],
  relocation_move: ["create"],
  liaison_message: ["create", "acknowledge"],
  relocation_review: ["create"],
  hospital_status: ["create", "update"],
  situation_report: ["create"],
  scenario: ["create"],
  scenario_casualty: ["override"],
  drill: ["create", "update", "start", "end", "reviewed", "cancelled"],
  drill_casualty: ["override"],
  drill_tag: ["tag", "retag"],
  drill_milestone: ["record"],
  drill_report: ["update"],
  corrective_action: ["create", "update"],
} as const satisfies Record<string, readonly [string, ...string[]]>;

export type EntityType = keyof typeof CHANGE_OPS;
export type OpOf<K extends EntityType> = (typeof CHANGE_OPS)[K][number];
export const ENTITY_TYPES = Object.keys(CHANGE_OPS) as EntityType[];
