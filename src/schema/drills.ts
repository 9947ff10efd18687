import { z } from "zod";
import { Id, Instant, Version } from "./common";
import { Casualty, CasualtyCard, Category, Override } from "./drills-casualty";
import { pageOf, pageQuery } from "./paging";

export * from "./drills-casualty";

export const DrillKind = z.enum(["triage", "fire"]);
export type DrillKind = z.infer<typeof DrillKind>;
/** 計画 → 実施中 → 終了 → 振り返り済み (and 中止). */
export const DrillStatus = z.enum(["planned", "running", "ended", "reviewed", "cancelled"]);
export type DrillStatus = z.infer<typeof DrillStatus>;
export const ParticipantRole = z.enum(["triage_officer", "zone_leader", "observer", "hq_liaison", "coordinator", "fire_warden"]);

export const Participant = z.strictObject({
  id: Id,
  name: z.string().trim().min(1).max(80),
  role: ParticipantRole,
  zoneId: Id.nullable().default(null),
});
export type Participant = z.infer<typeof Participant>;

export const Zone = z.strictObject({ id: Id, name: z.string().trim().min(1).max(60) });
export type Zone = z.infer<typeof Zone>;

/** Fire drill milestones, in the order they normally happen. */
export const MilestoneKey = z.enum(["alarm_raised", "first_response", "ward_evacuated", "fire_doors_closed", "report_to_hq"]);
export type MilestoneKey = z.infer<typeof MilestoneKey>;
export const MilestoneTarget = z.strictObject({ key: MilestoneKey, targetSeconds: z.number().int().min(0).max(86_400) });
export type MilestoneTarget = z.infer<typeof MilestoneTarget>;

export const Scenario = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  hazard: z.string(),
  casualtyCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable(),
  /** The unit whose editors (and admins) may change this scenario's answer key. */
  unitId: z.string(),
});
export type Scenario = z.infer<typeof Scenario>;
export const ScenarioWithCasualties = Scenario.extend({ casualties: z.array(Casualty) });
export type ScenarioWithCasualties = z.infer<typeof ScenarioWithCasualties>;

const Title = z.string().trim().min(1).max(200);
const ScenarioHead = {
  title: Title,
  description: z.string().trim().max(2000).default(""),
  hazard: z.enum(["earthquake", "tsunami", "flood", "fire", "other"]).default("tsunami"),
  /** The owning unit; the creator's own unit when left out (only admins may name another). */
  unitId: Id.optional(),
};
export const ScenarioCreate = z.strictObject({ ...ScenarioHead, casualties: z.array(CasualtyCard).min(1).max(2000) });
export type ScenarioCreate = z.infer<typeof ScenarioCreate>;
/** CSV arrives as text inside a JSON body: every write is JSON. */
export const ScenarioImport = z.strictObject({ ...ScenarioHead, csv: z.string().min(1).max(2_000_000) });
export const OverridePatch = z.strictObject({ version: Version, override: Override.nullable() });

export const Drill = z.object({
  id: z.string(),
  kind: DrillKind,
  title: z.string(),
  scheduledAt: z.string(),
  place: z.string(),
  objectives: z.array(z.string()),
  participants: z.array(Participant),
  zones: z.array(Zone),
  scenarioId: z.string().nullable(),
  scenarioTitle: z.string().nullable(),
  incidentId: z.string().nullable(),
  unitId: z.string(),
  status: DrillStatus,
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  casualtyCount: z.number().int(),
  milestoneTargets: z.array(MilestoneTarget),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
});
export type Drill = z.infer<typeof Drill>;

const Objectives = z.array(z.string().trim().min(1).max(300)).max(20);
const Participants = z.array(Participant).max(200);
const Zones = z.array(Zone).min(1).max(20);
const Targets = z.array(MilestoneTarget).max(MilestoneKey.options.length);

export const DrillCreate = z.strictObject({
  kind: DrillKind,
  title: Title,
  scheduledAt: Instant,
  place: z.string().trim().min(1).max(200),
  objectives: Objectives.default([]),
  participants: Participants.default([]),
  zones: Zones.optional(),
  scenarioId: Id.nullable().default(null),
  incidentId: Id.nullable().default(null),
  milestoneTargets: Targets.optional(),
});
export type DrillCreate = z.infer<typeof DrillCreate>;

export const DrillPatch = z
  .strictObject({
    version: Version,
    title: Title.optional(),
    scheduledAt: Instant.optional(),
    place: z.string().trim().min(1).max(200).optional(),
    objectives: Objectives.optional(),
    participants: Participants.optional(),
    zones: Zones.optional(),
    milestoneTargets: Targets.optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: "nothing to change", path: [] });
export type DrillPatch = z.infer<typeof DrillPatch>;

export const StatusChange = z.strictObject({
  version: Version,
  to: DrillStatus.exclude(["planned"]),
  reason: z.string().trim().min(1).max(500).optional(),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const DrillCasualty = Casualty.extend({
  drillId: z.string(),
  currentCategory: Category.nullable(),
  currentZoneId: z.string().nullable(),
  firstTaggedAt: z.string().nullable(),
  lastTaggedAt: z.string().nullable(),
  tagCount: z.number().int(),
  version: z.number().int(),
});
export type DrillCasualty = z.infer<typeof DrillCasualty>;

export const Tag = z.object({
  id: z.string(),
  drillId: z.string(),
  casualtyId: z.string(),
  tagNumber: z.string(),
  category: Category,
  zoneId: z.string(),
  officerId: z.string().nullable(),
  officerName: z.string(),
  taggedBy: z.string(),
  taggedAt: z.string(),
  previousCategory: Category.nullable(),
  previousZoneId: z.string().nullable(),
  /** When a disaster HQ console first had this tag (its delivery receipt); null until one has. */
  hqReceivedAt: z.string().nullable(),
});
export type Tag = z.infer<typeof Tag>;

export const TagCreate = z.strictObject({
  casualtyId: Id,
  category: Category,
  zoneId: Id,
  /** The triage officer holding this tablet, from the drill's participants. */
  officerId: Id.nullable().default(null),
});
export type TagCreate = z.infer<typeof TagCreate>;


export const Milestone = z.object({
  drillId: z.string(),
  key: MilestoneKey,
  targetSeconds: z.number().int(),
  reachedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type Milestone = z.infer<typeof Milestone>;
export const MilestoneRecord = z.strictObject({ key: MilestoneKey, at: Instant.optional() });

export const Counts = z.object({ red: z.number(), yellow: z.number(), green: z.number(), black: z.number() });
export type Counts = z.infer<typeof Counts>;
export const Board = z.object({
  drillId: z.string(),
  status: DrillStatus,
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  total: z.number().int(),
  untagged: z.number().int(),
  overall: Counts,
  zones: z.array(z.object({ zoneId: z.string(), counts: Counts })),
});
export type Board = z.infer<typeof Board>;
/** What the disaster HQ's screens have really had, from the live room's delivery receipts. */
const HqReach = {
  /** Tags no HQ console has had yet: information still on its way. */
  hqUnreceived: z.number().int(),
  /** HQ screens open on this drill's stream now; 0 means nothing can reach the HQ. */
  hqScreens: z.number().int(),
};
export const BoardView = Board.extend(HqReach);

export const DrillDetail = z.object({
  drill: Drill,
  casualties: z.array(DrillCasualty),
  milestones: z.array(Milestone),
  ...HqReach,
});
export type DrillDetail = z.infer<typeof DrillDetail>;

export const DrillListQuery = pageQuery({ default: 200, max: 500, keys: 4 }).extend({
  kind: DrillKind.optional(),
  incidentId: z.string().max(64).optional(),
  status: DrillStatus.optional(),
});

/** Tags per page of a drill's tag log, newest first. */
export const TagListQuery = pageQuery({ default: 100, max: 500, keys: 2 });
export const TagList = pageOf(Tag);

/** Scenarios per page, newest first. */
export const ScenarioListQuery = pageQuery({ default: 100, max: 500, keys: 2 });
