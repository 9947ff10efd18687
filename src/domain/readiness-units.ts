import type { EndedDrill } from "../db/readiness-units";
import type { ReadinessItem } from "../schema/checklists";
import type { StoredAction } from "../schema/drills-report";
import type { UnitReadiness } from "../schema/readiness-units";
import type { Unit } from "../schema/session";
import { readinessByUnit } from "./checklists-readiness";
import { isOverdue } from "./drills-report";

/**
 * Per unit: overdue and never-done peacetime checks, the last drill with its score, and open
 * corrective actions. Units with the most to do lead, so what needs the crisis manager is on top.
 */
export function readinessAcrossUnits(
  input: { units: readonly Unit[]; items: readonly ReadinessItem[]; drills: readonly EndedDrill[]; actions: readonly (StoredAction & { unitId: string })[] },
  now: string,
): UnitReadiness[] {
  const checks = new Map(readinessByUnit(input.items, now).map((u) => [u.unitId, u]));
  const drills = new Map(input.drills.map((d) => [d.unitId, d]));
  const rows = input.units.map((u): UnitReadiness => {
    const c = checks.get(u.id);
    const d = drills.get(u.id);
    const score = d?.scoreJson ? (JSON.parse(d.scoreJson) as { accuracy?: number | null; underTriageRate?: number | null }) : null;
    const own = input.actions.filter((a) => a.unitId === u.id);
    return {
      unitId: u.id,
      nameJa: u.nameJa,
      nameEn: u.nameEn,
      checks: { total: c?.total ?? 0, overdue: c?.overdue ?? 0, neverVerified: c?.neverVerified ?? 0 },
      neverVerified: input.items.filter((i) => i.unitId === u.id && i.lastVerifiedAt === null).map((i) => ({ id: i.id, textJa: i.textJa, textEn: i.textEn })),
      lastDrill: d
        ? { id: d.id, kind: d.kind, title: d.title, endedAt: d.endedAt, accuracy: score?.accuracy ?? null, underTriageRate: score?.underTriageRate ?? null }
        : null,
      actions: { open: own.length, overdue: own.filter((a) => isOverdue(a, now)).length },
    };
  });
  const weight = (r: UnitReadiness) => r.actions.overdue * 3 + r.checks.neverVerified * 2 + r.checks.overdue;
  return rows.sort((a, b) => weight(b) - weight(a));
}
