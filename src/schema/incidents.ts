import { z } from "zod";
import { Instant, Version } from "./common";

export const IncidentKind = z.enum(["real", "drill"]);
export const Hazard = z.enum(["earthquake", "tsunami", "flood", "fire", "other"]);
/** 初動期 / 応急対策期 / 復旧期 */
export const Phase = z.enum(["initial", "emergency", "recovery"]);
export const IncidentStatus = z.enum(["open", "closed"]);

export const Incident = z.object({
  id: z.string(),
  title: z.string(),
  kind: IncidentKind,
  hazard: Hazard,
  onsetAt: z.string(),
  phase: Phase,
  status: IncidentStatus,
  leadUnitId: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
});
export type Incident = z.infer<typeof Incident>;

const Title = z.string().trim().min(1).max(200);

export const IncidentCreate = z.strictObject({
  title: Title,
  kind: IncidentKind,
  hazard: Hazard,
  onsetAt: Instant,
  phase: Phase.default("initial"),
});
export type IncidentCreate = z.infer<typeof IncidentCreate>;

export const IncidentPatch = z
  .strictObject({
    version: Version,
    title: Title.optional(),
    hazard: Hazard.optional(),
    onsetAt: Instant.optional(),
    phase: Phase.optional(),
    status: IncidentStatus.optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: "nothing to change", path: [] });
export type IncidentPatch = z.infer<typeof IncidentPatch>;

export const IncidentList = z.object({ items: z.array(Incident) });
