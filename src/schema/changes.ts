import { z } from "zod";
import { ActivationResult, ChecklistItem, ItemsAdded, ReadinessItem, Template } from "./checklists";
import { CorrectiveAction, Report } from "./drills-report";
import { Casualty } from "./drills-casualty";
import { Drill, DrillCasualty, Milestone, Scenario, Tag } from "./drills";
import { HospitalStatus } from "./hospital";
import { Incident } from "./incidents";
import { HazardImportResult, HazardLayer, ReadinessCheck, RelocationSettings, Site } from "./relocation";
import { BcpFunction, Relocation, RelocationMove } from "./relocation-board";
import { LiaisonMessage } from "./relocation-liaison";
import { ReviewFigures } from "./relocation-review";
import { SituationReportHeading } from "./situation-reports";
import { Account } from "./users";
import { CHANGE_OPS, type EntityType } from "./streams";

export { CHANGE_OPS, ENTITY_TYPES, type EntityType, type OpOf } from "./streams";

export const Actor = z.object({ id: z.string(), name: z.string(), unitId: z.string() });

/** Labelled entries carry the line a timeline shows, worded once on the server. */
const labelled = <S extends z.ZodRawShape>(entity: z.ZodObject<S>) => entity.extend({ label: z.string() });

const envelope = {
  stream: z.string(),
  seq: z.number().int().min(1),
  at: z.string(),
  actor: Actor,
  entityId: z.string(),
  mutationId: z.string(),
};

/** A kind of change: its entity type, the operations logged on it, and what it carries as before and after. */
const kind = <K extends EntityType, B extends z.ZodType, A extends z.ZodType>(entityType: K, before: B, after: A) =>
  z.object({
    ...envelope,
    entityType: z.literal(entityType),
    op: z.enum(CHANGE_OPS[entityType]),
    // Either may be null: nothing before a create, nothing after a delete.
    before: before.nullable(),
    after: after.nullable(),
  });

/**
 * One change-log entry, discriminated on `entityType`: narrow on it to read `before`/`after`.
 * Summary entries of bulk writes (an activation, an addition, a hazard import) carry their result.
 */
export const Change = z.discriminatedUnion("entityType", [
  kind("incident", Incident, Incident),
  kind("user", Account, Account),
  kind("checklist_template", Template, Template),
  kind("checklist_activation", z.null(), ActivationResult),
  kind("checklist_addition", z.null(), ItemsAdded),
  kind("checklist_item", ChecklistItem, ChecklistItem),
  kind("readiness_item", ReadinessItem, ReadinessItem),
  kind("site", Site, Site),
  kind("readiness_checklist", z.null(), z.array(ReadinessCheck)),
  kind("readiness", ReadinessCheck, labelled(ReadinessCheck)),
  kind("hazard_layer", HazardLayer, HazardImportResult),
  kind("function", BcpFunction, BcpFunction),
  kind("relocation_settings", RelocationSettings, RelocationSettings),
  kind("relocation", Relocation, labelled(Relocation)),
  kind("relocation_move", z.null(), labelled(RelocationMove)),
  kind("liaison_message", LiaisonMessage, labelled(LiaisonMessage)),
  // The review itself is stored whole; the log carries its heading.
  kind("relocation_review", z.null(), z.object({ title: z.string(), headline: ReviewFigures.shape.headline })),
  kind("hospital_status", HospitalStatus, HospitalStatus),
  kind("situation_report", z.null(), SituationReportHeading),
  kind("scenario", z.null(), Scenario),
  kind("scenario_casualty", Casualty, Casualty),
  kind("drill", Drill, Drill),
  kind("drill_casualty", DrillCasualty, DrillCasualty),
  kind("drill_tag", z.null(), Tag),
  kind("drill_milestone", Milestone, Milestone),
  kind("drill_report", Report, Report),
  kind("corrective_action", CorrectiveAction.omit({ overdue: true }), CorrectiveAction),
]);
export type Change = z.infer<typeof Change>;
/** The change of one entity type, e.g. `ChangeOf<"drill_tag">["after"]` is a Tag or null. */
export type ChangeOf<K extends EntityType> = Extract<Change, { entityType: K }>;

// Every entity type has its member in the union (a new one must be added above too).
type Missing = Exclude<EntityType, Change["entityType"]>;
const everyKindListed: [Missing] extends [never] ? true : Missing = true;
void everyKindListed;

/**
 * The entry as it travels: the same fields, `before`/`after` left unchecked. Pages of the log
 * and live messages are read with it, so a reader need not hold every entity's schema (the
 * console's entry chunk stays small) and the API document keeps one plain Change shape; the
 * payloads were checked against `Change` where they were written.
 */
export const ChangeEnvelope = z.object({
  stream: z.string(),
  seq: z.number().int().min(1),
  at: z.string(),
  actor: Actor,
  entityType: z.string(),
  entityId: z.string(),
  op: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  mutationId: z.string(),
});

/**
 * The envelope as the API declares it, typed as the union: routes that answer changes read them
 * from the log, where only the write path (checked against `Change`) put them.
 */
export const ChangeOnWire = ChangeEnvelope as unknown as z.ZodType<Change>;

export const ChangesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const ChangePage = z.object({
  items: z.array(ChangeOnWire),
  latestSeq: z.number().int(),
  /** The `after` to ask for next, or null when the page reached the latest change. */
  nextAfter: z.number().int().nullable(),
});
export type ChangePage = z.infer<typeof ChangePage>;
