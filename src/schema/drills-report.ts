import { z } from "zod";
import { Version } from "./common";
import { Category, MilestoneKey } from "./drills";
import { pageQuery } from "./paging";

export const Outcome = z.enum(["correct", "over", "under", "untagged"]);
export type Outcome = z.infer<typeof Outcome>;

const CategoryCounts = z.object({ red: z.number(), yellow: z.number(), green: z.number(), black: z.number() });

export const CasualtyScore = z.object({
  casualtyId: z.string(),
  tagNumber: z.string(),
  startCategory: Category,
  expected: Category,
  overrideReason: z.string().nullable(),
  firstCategory: Category.nullable(),
  assigned: Category.nullable(),
  outcome: Outcome,
  timeToFirstTagMs: z.number().nullable(),
  tagCount: z.number().int(),
  officerId: z.string().nullable(),
  officerName: z.string().nullable(),
});
export type CasualtyScore = z.infer<typeof CasualtyScore>;

export const OfficerScore = z.object({
  officerKey: z.string(),
  name: z.string(),
  tags: z.number().int(),
  assessed: z.number().int(),
  correct: z.number().int(),
  over: z.number().int(),
  under: z.number().int(),
  accuracy: z.number().nullable(),
  /** Median gap between this officer's consecutive tags (not time from the start): their pace. */
  medianIntervalMs: z.number().nullable(),
});
export type OfficerScore = z.infer<typeof OfficerScore>;

export const TrendPoint = z.object({
  drillId: z.string(),
  title: z.string(),
  endedAt: z.string(),
  accuracy: z.number().nullable(),
  underTriageRate: z.number().nullable(),
  timeToAllMs: z.number().nullable(),
  current: z.boolean(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const MilestoneScore = z.object({
  key: MilestoneKey,
  targetSeconds: z.number().int(),
  elapsedSeconds: z.number().nullable(),
  met: z.boolean().nullable(),
});
export type MilestoneScore = z.infer<typeof MilestoneScore>;

export const DrillScore = z.object({
  drillId: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  total: z.number().int(),
  tagged: z.number().int(),
  untagged: z.number().int(),
  correct: z.number().int(),
  over: z.number().int(),
  under: z.number().int(),
  /** Shares of the tagged casualties: accuracy + over + under = 1. Null while none is tagged. */
  accuracy: z.number().nullable(),
  /** Tagged / all casualties of the scenario. */
  coverage: z.number().nullable(),
  overTriageRate: z.number().nullable(),
  underTriageRate: z.number().nullable(),
  timeToAllMs: z.number().nullable(),
  medianTimeToTagMs: z.number().nullable(),
  overridden: z.number().int(),
  /** Rows are the expected category; columns the assigned one; `untagged` the cards nobody tagged. */
  matrix: z.array(z.object({ expected: Category, assigned: CategoryCounts, untagged: z.number().int() })),
  casualties: z.array(CasualtyScore),
  officers: z.array(OfficerScore),
  hq: z.object({
    tags: z.number().int(),
    received: z.number().int(),
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
    maxMs: z.number().nullable(),
  }),
  milestones: z.array(MilestoneScore),
  trend: z.array(TrendPoint),
});
export type DrillScore = z.infer<typeof DrillScore>;

/** HSEEP capability ratings: Performed without challenges / with Some / with Major challenges / Unable. */
export const Rating = z.enum(["P", "S", "M", "U"]);
export type Rating = z.infer<typeof Rating>;

const Text = z.string().trim().min(1).max(1000);
export const Improvement = z.strictObject({ capability: z.string().trim().min(1).max(100), observation: Text, analysis: z.string().trim().max(2000).default("") });
export const CapabilityRating = z.strictObject({ capability: z.string().trim().min(1).max(100), rating: Rating, note: z.string().trim().max(1000).default("") });

export const Report = z.object({
  drillId: z.string(),
  summary: z.string(),
  strengths: z.array(z.string()),
  improvements: z.array(Improvement),
  capabilityRatings: z.array(CapabilityRating),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Report = z.infer<typeof Report>;

export const ReportPatch = z.strictObject({
  version: Version,
  summary: z.string().trim().max(5000).optional(),
  strengths: z.array(Text).max(50).optional(),
  improvements: z.array(Improvement).max(50).optional(),
  capabilityRatings: z.array(CapabilityRating).max(30).optional(),
});
export type ReportPatch = z.infer<typeof ReportPatch>;

export const ActionStatus = z.enum(["open", "in_progress", "closed"]);
export type ActionStatus = z.infer<typeof ActionStatus>;
const DateOnly = z.iso.date();

export const CorrectiveAction = z.object({
  id: z.string(),
  drillId: z.string(),
  drillTitle: z.string(),
  capability: z.string(),
  issue: z.string(),
  action: z.string(),
  owner: z.string(),
  organisation: z.string(),
  dueDate: z.string(),
  status: ActionStatus,
  closedAt: z.string().nullable(),
  note: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Past its due date (JST) and not closed. Computed when read. */
  overdue: z.boolean(),
});
export type CorrectiveAction = z.infer<typeof CorrectiveAction>;
/** An action as stored; `overdue` depends on when it is read. */
export type StoredAction = Omit<CorrectiveAction, "overdue">;

export const ActionCreate = z.strictObject({
  capability: z.string().trim().min(1).max(100),
  issue: Text,
  action: Text,
  owner: z.string().trim().min(1).max(100),
  organisation: z.string().trim().min(1).max(100),
  dueDate: DateOnly,
  note: z.string().trim().max(1000).default(""),
});
export type ActionCreate = z.infer<typeof ActionCreate>;

export const ActionPatch = z
  .strictObject({
    version: Version,
    capability: z.string().trim().min(1).max(100).optional(),
    issue: Text.optional(),
    action: Text.optional(),
    owner: z.string().trim().min(1).max(100).optional(),
    organisation: z.string().trim().min(1).max(100).optional(),
    dueDate: DateOnly.optional(),
    status: ActionStatus.optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: "nothing to change", path: [] });
export type ActionPatch = z.infer<typeof ActionPatch>;

export const ActionListQuery = pageQuery({ default: 200, max: 1000, keys: 4 }).extend({
  drillId: z.string().max(64).optional(),
  open: z.enum(["1", "0"]).optional(),
});
