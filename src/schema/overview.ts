import { z } from "zod";
import { HospitalStatus, StatusWarning } from "./hospital";
import { Incident } from "./incidents";
import { RelocationState } from "./relocation-board";
import { Unit } from "./session";

/** The HQ overview (common operating picture): one read across every area, as of `seq`. */

export const AttentionEntry = z.object({
  key: z.string(),
  kind: z.enum(["message", "request", "overdue_item", "late_function", "readiness_failed", "hospital", "under_triage", "overdue_action", "silent_unit"]),
  rank: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  unitId: z.string(),
  since: z.string(),
  subject: z.string(),
  subjectEn: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  link: z.object({
    area: z.enum(["checklists", "relocation", "drills", "records"]),
    entityType: z.string(),
    entityId: z.string(),
    /** The incident the link opens when it is not this one (a past drill's review). */
    incidentId: z.string().optional(),
  }),
  action: z.enum(["acknowledge", "answer", "assign"]).nullable(),
  version: z.number().int().nullable(),
});

export const UnitGlance = z.object({
  unitId: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  kind: Unit.shape.kind,
  /** Has a checklist or a drill in this incident: expected to report. */
  participating: z.boolean(),
  checklist: z
    .object({ total: z.number().int(), closed: z.number().int(), inProgress: z.number().int(), blocked: z.number().int(), overdue: z.number().int() })
    .nullable(),
  /** The unit's last change in this incident's log; null: none yet. */
  lastReportAt: z.string().nullable(),
  attention: z.number().int(),
  urgent: z.number().int(),
  functions: z.object({ total: z.number().int(), working: z.number().int(), late: z.number().int(), relocating: z.number().int() }).nullable(),
});
export type UnitGlance = z.infer<typeof UnitGlance>;

export const FunctionGlance = z.object({
  id: z.string(),
  unitId: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  priority: z.number().int(),
  state: RelocationState,
  siteId: z.string().nullable(),
  siteNameJa: z.string().nullable(),
  siteNameEn: z.string().nullable(),
  working: z.boolean(),
  overdueMinutes: z.number().int(),
  deadlineAt: z.string(),
});
export type FunctionGlance = z.infer<typeof FunctionGlance>;

export const Overview = z.object({
  incident: Incident,
  asOf: z.string(),
  /** The change-log seq this picture reflects. */
  seq: z.number().int(),
  settings: z.object({ ackMinutes: z.number().int(), silentMinutes: z.number().int() }),
  attention: z.object({
    total: z.number().int(),
    urgent: z.number().int(),
    byKind: z.record(z.string(), z.number().int()),
    /** Most urgent first; at most 200, the counts cover all. */
    entries: z.array(AttentionEntry),
  }),
  tabs: z.object({
    overview: z.object({ attention: z.number().int(), urgent: z.number().int() }),
    checklists: z.object({ overdue: z.number().int() }),
    relocation: z.object({ unacknowledged: z.number().int(), late: z.number().int() }),
    drills: z.object({ attention: z.number().int() }),
  }),
  units: z.array(UnitGlance),
  functions: z.array(FunctionGlance),
  hospital: z.object({ status: HospitalStatus.nullable(), warnings: z.array(StatusWarning) }),
});
export type Overview = z.infer<typeof Overview>;
