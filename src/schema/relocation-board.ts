import { z } from "zod";
import { Id, Version } from "./common";

/** The function registry (standing) and the per-incident relocation board. */

export const RelocationState = z.enum(["at_primary", "relocating", "operational_at_alternate", "suspended", "returning"]);
export type RelocationState = z.infer<typeof RelocationState>;

export const BcpFunction = z.object({
  id: z.string(),
  unitId: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  description: z.string(),
  /** 1 is restored first. */
  priority: z.number().int(),
  /** Minutes after the onset by which the function must work again. */
  targetMinutes: z.number().int(),
  staffNeeded: z.number().int(),
  equipment: z.array(z.string()),
  primarySiteId: z.string(),
  /** Preferred first. */
  alternateSiteIds: z.array(z.string()),
  sortOrder: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type BcpFunction = z.infer<typeof BcpFunction>;

const Name = z.string().trim().min(1).max(200);
const Equipment = z.array(z.string().trim().min(1).max(100)).max(30);
const SiteIds = z.array(Id).max(5);

export const FunctionCreate = z.strictObject({
  unitId: Id.default("water"),
  nameJa: Name,
  nameEn: z.string().trim().max(200).default(""),
  description: z.string().trim().max(1000).default(""),
  priority: z.number().int().min(1).max(5),
  targetMinutes: z.number().int().min(1).max(60 * 24 * 60),
  staffNeeded: z.number().int().min(0).max(999),
  equipment: Equipment.default([]),
  primarySiteId: Id,
  alternateSiteIds: SiteIds.default([]),
  sortOrder: z.number().int().min(0).max(9999).default(100),
});
export type FunctionCreate = z.infer<typeof FunctionCreate>;

export const FunctionPatch = z
  .strictObject({
    version: Version,
    nameJa: Name.optional(),
    nameEn: z.string().trim().max(200).optional(),
    description: z.string().trim().max(1000).optional(),
    priority: z.number().int().min(1).max(5).optional(),
    targetMinutes: z.number().int().min(1).max(60 * 24 * 60).optional(),
    staffNeeded: z.number().int().min(0).max(999).optional(),
    equipment: Equipment.optional(),
    primarySiteId: Id.optional(),
    alternateSiteIds: SiteIds.optional(),
    sortOrder: z.number().int().min(0).max(9999).optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: "nothing to change", path: [] });
export type FunctionPatch = z.infer<typeof FunctionPatch>;

export const FunctionList = z.object({ items: z.array(BcpFunction) });

/** Where one function is in one incident. `version` 0: never moved, still at its primary site. */
export const Relocation = z.object({
  incidentId: z.string(),
  functionId: z.string(),
  state: RelocationState,
  siteId: z.string().nullable(),
  since: z.string(),
  operationalAt: z.string().nullable(),
  staffPresent: z.number().int(),
  overrideReason: z.string().nullable(),
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type Relocation = z.infer<typeof Relocation>;

export const RelocationMove = z.object({
  id: z.string(),
  incidentId: z.string(),
  functionId: z.string(),
  fromState: RelocationState,
  toState: RelocationState,
  siteId: z.string().nullable(),
  at: z.string(),
  byUser: z.string(),
  byName: z.string(),
  byUnit: z.string(),
  staffPresent: z.number().int(),
  note: z.string(),
  overrideReason: z.string().nullable(),
});
export type RelocationMove = z.infer<typeof RelocationMove>;

export const RelocationTransition = z.strictObject({
  to: RelocationState,
  /** The row version last seen; 0 while the function has never moved. */
  version: z.number().int().min(0),
  /** Where to: an alternate site when starting a relocation. */
  siteId: Id.optional(),
  staffPresent: z.number().int().min(0).max(999).optional(),
  note: z.string().trim().max(500).optional(),
  /** Why the function is declared working at a site whose critical checks failed. */
  overrideReason: z.string().trim().min(1).max(500).optional(),
});
export type RelocationTransition = z.infer<typeof RelocationTransition>;

export const RelocationPatch = z
  .strictObject({
    version: z.number().int().min(0),
    staffPresent: z.number().int().min(0).max(999).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: "nothing to change", path: [] });
export type RelocationPatch = z.infer<typeof RelocationPatch>;

export const BoardParam = z.object({ id: z.string().min(1).max(64), functionId: z.string().min(1).max(64) });

export const RelocationBoard = z.object({
  incidentId: z.string(),
  onsetAt: z.string(),
  functions: z.array(BcpFunction),
  rows: z.array(Relocation),
  moves: z.array(RelocationMove),
});
export type RelocationBoard = z.infer<typeof RelocationBoard>;
