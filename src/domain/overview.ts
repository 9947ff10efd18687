import type { OverviewRead } from "../db/overview";
import type { Overview, UnitGlance } from "../schema/overview";
import { attentionCounts, attentionQueue, type AttentionEntry } from "./attention";
import { isOverdue } from "./checklists";
import { statusWarnings } from "./hospital";
import { functionStatus, initialRelocation } from "./relocation";

/** The overview lists at most this many entries; the counts always cover all of them. */
export const ATTENTION_SHOWN = 200;

/**
 * The HQ's common operating picture from one read: the attention queue, every unit at a glance,
 * the water & sewer functions and the hospital's status, and the counts the incident's tabs carry.
 */
export function buildOverview(
  read: OverviewRead,
  ctx: { now: string; hospitalUnitId: string; waterUnitId: string },
): Overview {
  const { now } = ctx;
  const at = Date.parse(now);
  const participating = new Set(read.participating);
  const lastReport = new Map(read.reports.map((r) => [r.unitId, r]));
  const attention = attentionQueue(
    {
      onsetAt: read.incident.onsetAt,
      items: read.overdueItems,
      messages: read.messages,
      functions: read.functions,
      relocations: read.relocations,
      sites: read.sites,
      readiness: read.readiness,
      hospital: { unitId: ctx.hospitalUnitId, expected: participating.has(ctx.hospitalUnitId), status: read.hospitalStatus },
      drills: read.drills,
      actions: read.actions,
      reports: [...participating].map((unitId) => ({ unitId, lastAt: lastReport.get(unitId)?.lastAt ?? null })),
    },
    now,
    { ackMinutes: read.settings.liaisonAckMinutes, silentMinutes: read.incident.silentMinutes, fuelHoursRequired: read.settings.fuelHoursRequired },
  );

  const sites = new Map(read.sites.map((s) => [s.id, s]));
  const rows = new Map(read.relocations.map((r) => [r.functionId, r]));
  const functions = read.functions.map((fn) => {
    const row = rows.get(fn.id) ?? initialRelocation(read.incident.id, fn, read.incident.onsetAt);
    const s = functionStatus(fn, row, read.incident.onsetAt, sites.get(fn.primarySiteId), at);
    const site = row.siteId ? sites.get(row.siteId) : undefined;
    return {
      id: fn.id,
      unitId: fn.unitId,
      nameJa: fn.nameJa,
      nameEn: fn.nameEn,
      priority: fn.priority,
      state: row.state,
      siteId: row.siteId,
      siteNameJa: site?.nameJa ?? null,
      siteNameEn: site?.nameEn || site?.nameJa || null,
      working: s.working,
      overdueMinutes: s.overdueMinutes,
      deadlineAt: s.deadlineAt,
    };
  });

  const overdueByUnit = new Map<string, number>();
  for (const i of read.overdueItems) if (isOverdue(i, at)) overdueByUnit.set(i.unitId, (overdueByUnit.get(i.unitId) ?? 0) + 1);
  const tallies = new Map(read.tallies.map((t) => [t.unitId, t]));
  const byUnit = groupBy(attention, (e) => e.unitId);

  const units = read.units.map((u): UnitGlance => {
    const t = tallies.get(u.id);
    const own = functions.filter((f) => f.unitId === u.id);
    const entries = byUnit.get(u.id) ?? [];
    const report = lastReport.get(u.id);
    return {
      unitId: u.id,
      nameJa: u.nameJa,
      nameEn: u.nameEn,
      kind: u.kind,
      participating: participating.has(u.id),
      checklist: t
        ? { total: t.total, closed: t.done + t.notApplicable, blocked: t.blocked, inProgress: t.inProgress, overdue: overdueByUnit.get(u.id) ?? 0 }
        : null,
      lastReportAt: report?.lastAt ?? null,
      attention: entries.length,
      urgent: entries.filter((e) => e.rank === 0).length,
      functions:
        own.length === 0
          ? null
          : {
              total: own.length,
              working: own.filter((f) => f.working).length,
              late: own.filter((f) => f.overdueMinutes > 0).length,
              relocating: own.filter((f) => f.state === "relocating" || f.state === "returning").length,
            },
    };
  });

  const counts = attentionCounts(attention);
  const unacknowledged = read.messages.filter((m) => m.acknowledgedAt === null).length;
  return {
    incident: read.incident,
    asOf: now,
    seq: read.seq,
    settings: { ackMinutes: read.settings.liaisonAckMinutes, silentMinutes: read.incident.silentMinutes },
    attention: { ...counts, entries: attention.slice(0, ATTENTION_SHOWN) },
    tabs: {
      overview: { attention: counts.total, urgent: counts.urgent },
      checklists: { overdue: counts.byKind.overdue_item },
      relocation: { unacknowledged, late: counts.byKind.late_function },
      drills: { attention: attention.filter((e) => e.link.area === "drills").length },
    },
    units,
    // The water & sewer department's functions in detail; every unit's are counted on its card.
    functions: functions.filter((f) => f.unitId === ctx.waterUnitId),
    hospital: { status: read.hospitalStatus, warnings: statusWarnings(read.hospitalStatus, now) },
  };
}

function groupBy(entries: readonly AttentionEntry[], key: (e: AttentionEntry) => string): Map<string, AttentionEntry[]> {
  const m = new Map<string, AttentionEntry[]>();
  for (const e of entries) {
    const list = m.get(key(e));
    if (list) list.push(e);
    else m.set(key(e), [e]);
  }
  return m;
}
