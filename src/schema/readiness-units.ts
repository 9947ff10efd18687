import { z } from "zod";

/** Readiness across units (平常時): the crisis manager's view between disasters. */
export const UnitReadiness = z.object({
  unitId: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  /** Peacetime verifications (平常時点検): all, overdue (never done included), never done. */
  checks: z.object({ total: z.number().int(), overdue: z.number().int(), neverVerified: z.number().int() }),
  /** The BCP checks never verified, by name. */
  neverVerified: z.array(z.object({ id: z.string(), textJa: z.string(), textEn: z.string() })),
  /** The unit's most recent ended drill; null: none on record. `accuracy` is null where the drill has no triage score. */
  lastDrill: z
    .object({ id: z.string(), kind: z.string(), title: z.string(), endedAt: z.string(), accuracy: z.number().nullable(), underTriageRate: z.number().nullable() })
    .nullable(),
  /** Corrective actions from the unit's drills not yet closed, and how many are past due. */
  actions: z.object({ open: z.number().int(), overdue: z.number().int() }),
});
export type UnitReadiness = z.infer<typeof UnitReadiness>;

export const ReadinessAcrossUnits = z.object({
  asOf: z.string(),
  /** The standing (peacetime) stream's seq this reflects. */
  seq: z.number().int(),
  units: z.array(UnitReadiness),
});
export type ReadinessAcrossUnits = z.infer<typeof ReadinessAcrossUnits>;
