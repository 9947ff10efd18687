import type { OverdueItem, OverviewRead, UnitTally } from "../db/overview";
import type { PastItem, PastPoint, PastRows } from "../db/situation-as-of";
import type { Change, EntityType } from "../schema/changes";
import type { ChecklistItem } from "../schema/checklists";
import type { Category } from "../schema/drills";
import { deadlineAt, isOverdue } from "./checklists";

/**
 * The changes the past picture undoes; every other type (templates, scenarios, reports, reviews,
 * accounts …) leaves it as it is, so the log read skips those rows.
 */
export const UNDONE_TYPES = [
  "incident",
  "checklist_item",
  "checklist_activation",
  "checklist_addition",
  "liaison_message",
  "relocation",
  "function",
  "site",
  "readiness",
  "readiness_checklist",
  "relocation_settings",
  "hospital_status",
  "drill",
  "drill_tag",
  "drill_casualty",
  "corrective_action",
] as const satisfies readonly EntityType[];

/**
 * The picture as it stood at an earlier point, from the present read and the changes logged since:
 * every change after the point is undone, newest first, by putting back what it logged as `before`
 * (an entity created since is removed). The change log keeps whole entities before and after, so
 * the result is what a read at that point would have returned. Changes that do not touch the
 * picture (templates, scenarios, reports, reviews, accounts …) are passed over.
 */
export function pictureAsOf(present: OverviewRead, past: PastRows, point: PastPoint): OverviewRead | null {
  let incident: OverviewRead["incident"] | null = present.incident;
  const items = new Map(past.items.map((i) => [i.id, i]));
  const messages = new Map(past.messages.map((m) => [m.id, m]));
  const relocations = new Map(present.relocations.map((r) => [r.functionId, r]));
  const functions = new Map(present.functions.map((f) => [f.id, f]));
  const sites = new Map(present.sites.map((s) => [s.id, s]));
  const readiness = new Map(present.readiness.map((c) => [`${c.siteId}:${c.key}`, c]));
  let settings = present.settings;
  let hospitalStatus = present.hospitalStatus;
  const drills = new Map<string, { id: string; title: string; unitId: string; status: string; startedAt: string | null } | null>(
    present.drills.map((d) => [d.id, { id: d.id, title: d.title, unitId: d.unitId, status: d.status, startedAt: d.startedAt }]),
  );
  const casualties = new Map(past.casualties.map((c) => [c.id, c]));
  const actions = new Map(past.actions.map((a) => [a.id, a]));

  // Both streams' changes, newest first: each entity ends at the `before` of its earliest change after the point.
  const undo = [...past.changes].sort((a, b) => (a.at === b.at ? b.seq - a.seq : b.at.localeCompare(a.at)));
  for (const ch of undo) {
    undoChange(ch);
  }
  if (!incident) return null;

  function put<K, V>(m: Map<K, V>, key: K, before: V | null) {
    if (before === null) m.delete(key);
    else m.set(key, before);
  }

  function undoChange(ch: Change) {
    switch (ch.entityType) {
      case "incident":
        if (ch.entityId === present.incident.id) incident = ch.before;
        return;
      case "checklist_item":
        return put(items, ch.entityId, ch.before && pastItem(ch.before));
      case "checklist_activation": {
        const activated = new Set((ch.after?.activations ?? []).map((a) => `${a.unitId}|${a.templateId}`));
        for (const [id, i] of items) if (activated.has(`${i.unitId}|${i.templateId}`)) items.delete(id);
        return;
      }
      case "checklist_addition":
        for (const id of ch.after?.itemIds ?? []) items.delete(id);
        return;
      case "liaison_message":
        return put(messages, ch.entityId, ch.before);
      case "relocation":
        return put(relocations, ch.entityId, ch.before);
      case "function":
        return put(functions, ch.entityId, ch.before);
      case "site":
        return put(sites, ch.entityId, ch.before);
      case "readiness":
        return put(readiness, ch.entityId, ch.before);
      case "readiness_checklist":
        for (const c of ch.after ?? []) readiness.delete(`${c.siteId}:${c.key}`);
        return;
      case "relocation_settings":
        if (ch.before) settings = ch.before;
        return;
      case "hospital_status":
        hospitalStatus = ch.before;
        return;
      case "drill":
        if (drills.has(ch.entityId) || ch.before?.incidentId === present.incident.id)
          drills.set(ch.entityId, ch.before && { id: ch.before.id, title: ch.before.title, unitId: ch.before.unitId, status: ch.before.status, startedAt: ch.before.startedAt });
        return;
      case "drill_tag": {
        const c = ch.after && casualties.get(ch.after.casualtyId);
        if (c) casualties.set(c.id, { ...c, current: ch.after!.previousCategory });
        return;
      }
      case "drill_casualty": {
        const c = casualties.get(ch.entityId);
        if (c && ch.before) casualties.set(c.id, { ...c, expected: ch.before.expected, current: ch.before.currentCategory });
        return;
      }
      case "corrective_action": {
        const now = actions.get(ch.entityId);
        if (!now) return;
        if (ch.before === null) actions.delete(ch.entityId);
        else actions.set(ch.entityId, { ...now, ...ch.before });
        return;
      }
      default:
        return;
    }
  }

  const onset = (incident as OverviewRead["incident"]).onsetAt;
  const at = Date.parse(point.at);
  const withDeadline = [...items.values()].map((i) => ({ ...i, deadlineAt: i.targetMinutes === null ? null : deadlineAt(onset, i.targetMinutes) }));
  const running = [...drills.values()].filter((d): d is NonNullable<typeof d> => d !== null && d.status === "running");
  return {
    ...present,
    incident,
    seq: point.seq,
    tallies: tallies(withDeadline),
    overdueItems: withDeadline.filter((i) => isOverdue(i, at)).map(({ templateId: _t, targetMinutes: _m, ...i }): OverdueItem => i),
    functions: [...functions.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id)),
    relocations: [...relocations.values()],
    sites: [...sites.values()],
    readiness: [...readiness.values()],
    settings,
    messages: [...messages.values()].sort((a, b) => a.sentAt.localeCompare(b.sentAt)),
    hospitalStatus,
    drills: running.map((d) => ({
      ...d,
      casualties: [...casualties.values()]
        .filter((c) => c.drillId === d.id)
        .map((c): { expected: Category; current: Category | null } => ({ expected: c.expected, current: c.current })),
    })),
    actions: [...actions.values()].filter((a) => a.status !== "closed"),
    reports: past.reports,
    participating: past.participating,
  };
}

const pastItem = (i: ChecklistItem): PastItem => ({
  id: i.id,
  unitId: i.unitId,
  templateId: i.templateId,
  state: i.state,
  targetMinutes: i.targetMinutes,
  textJa: i.textJa,
  textEn: i.textEn,
  ownerId: i.ownerId,
  sectionKey: i.sectionKey,
  version: i.version,
});

/** Each unit's checklist counted by state, from items or from counts per (unit, state). */
export function tallies(counts: readonly { unitId: string; state: PastItem["state"]; n?: number }[]): UnitTally[] {
  const byUnit = new Map<string, UnitTally>();
  for (const c of counts) {
    const n = c.n ?? 1;
    const t = byUnit.get(c.unitId) ?? { unitId: c.unitId, total: 0, done: 0, notApplicable: 0, blocked: 0, inProgress: 0 };
    t.total += n;
    if (c.state === "done") t.done += n;
    else if (c.state === "not_applicable") t.notApplicable += n;
    else if (c.state === "blocked") t.blocked += n;
    else if (c.state === "in_progress") t.inProgress += n;
    byUnit.set(c.unitId, t);
  }
  return [...byUnit.values()];
}
