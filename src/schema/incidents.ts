import { z } from "zod";
import { Instant, Version } from "./common";
import { pageOf, pageQuery } from "./paging";

export const IncidentKind = z.enum(["real", "drill"]);
export const Hazard = z.enum(["earthquake", "tsunami", "flood", "fire", "other"]);
/** 警戒 / 発災 / 応急 / 復旧, as the HQ names the stages of an incident. */
export const Phase = z.enum(["warning", "initial", "emergency", "recovery"]);
export type Phase = z.infer<typeof Phase>;
/** 配備体制: 注意配備 (information gathering) / 警戒配備 (warning HQ) / 非常配備 (disaster HQ). */
export const Posture = z.enum(["attention", "warning", "emergency"]);
export type Posture = z.infer<typeof Posture>;
export const IncidentStatus = z.enum(["open", "closed"]);

export const PhaseEntry = z.object({ phase: Phase, beganAt: z.string() });
export const PostureEntry = z.object({ posture: Posture, since: z.string() });

export const Incident = z.object({
  id: z.string(),
  title: z.string(),
  kind: IncidentKind,
  hazard: Hazard,
  onsetAt: z.string(),
  phase: Phase,
  /** Every phase the incident entered, oldest first, with when it began. */
  phases: z.array(PhaseEntry),
  /** Null until the HQ declares a posture. */
  posture: Posture.nullable(),
  postures: z.array(PostureEntry),
  status: IncidentStatus,
  closedAt: z.string().nullable(),
  leadUnitId: z.string(),
  /** A participating unit silent for this many minutes joins the HQ's attention queue (要対応). */
  silentMinutes: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
});
export type Incident = z.infer<typeof Incident>;

const Title = z.string().trim().min(1).max(200);
/** From 5 minutes to a day. */
export const SilentMinutes = z.number().int().min(5).max(1440);
export const DEFAULT_SILENT_MINUTES = 60;

export const IncidentCreate = z.strictObject({
  title: Title,
  kind: IncidentKind,
  hazard: Hazard,
  onsetAt: Instant,
  phase: Phase.default("initial"),
  posture: Posture.optional(),
});
export type IncidentCreate = z.infer<typeof IncidentCreate>;

export const IncidentPatch = z
  .strictObject({
    version: Version,
    title: Title.optional(),
    hazard: Hazard.optional(),
    onsetAt: Instant.optional(),
    phase: Phase.optional(),
    posture: Posture.optional(),
    silentMinutes: SilentMinutes.optional(),
    /** Closing is final: a closed incident is kept read-only in the archive. */
    status: z.literal("closed").optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: "nothing to change", path: [] });
export type IncidentPatch = z.infer<typeof IncidentPatch>;

/** Incidents per page: open first, then newest onset first. */
export const IncidentListQuery = pageQuery({ default: 100, max: 500, keys: 3 });
export const IncidentList = pageOf(Incident);

export const ArchiveQuery = z.object({
  q: z.string().trim().max(200).optional(),
  hazard: Hazard.optional(),
  /** JST calendar dates bounding the onset, inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ArchiveQuery = z.infer<typeof ArchiveQuery>;

export const ArchivePage = z.object({ items: z.array(Incident), total: z.number().int() });
export type ArchivePage = z.infer<typeof ArchivePage>;
