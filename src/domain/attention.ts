import type { ChecklistItem } from "../schema/checklists";
import type { Category } from "../schema/drills";
import type { StoredAction } from "../schema/drills-report";
import type { HospitalStatus } from "../schema/hospital";
import type { ReadinessCheck, Site } from "../schema/relocation";
import type { BcpFunction, Relocation } from "../schema/relocation-board";
import type { LiaisonMessage } from "../schema/relocation-liaison";
import { isOverdue as itemOverdue } from "./checklists";
import { isOverdue as actionOverdue } from "./drills-report";
import { statusWarnings } from "./hospital";
import { isFlagged } from "./liaison";
import { failedCriticalChecks, functionStatus, initialRelocation } from "./relocation";
import { outcomeOf } from "./scoring";

/**
 * The HQ's attention queue (要対応): one list, across every area, of what needs a decision now.
 * Each entry says what (kind + subject), why (detail), since when, whose (the unit that must act),
 * where to look (link) and, where it fits, the action the HQ can take from the list itself.
 */

export type AttentionKind =
  | "message" // an urgent/high message not acknowledged, or a normal one past its acknowledgement time
  | "request" // a request (要請) not yet answered
  | "overdue_item" // prioritised business (非常時優先業務) past its deadline
  | "late_function" // a relocated function past its target and not working
  | "readiness_failed" // a critical check failed at an alternate site
  | "hospital" // the hospital's status falls short (lifelines, supplies, capacity) or is not reported
  | "under_triage" // a running drill has casualties tagged less urgent than they are
  | "overdue_action" // a corrective action past its due date (a hospital drill's or a relocation review's)
  | "silent_unit"; // a unit that has not reported for the configured time

export type AttentionAction = "acknowledge" | "answer" | "assign";

/** 0 至急 (at the top at once), 1 high, 2 normal, 3 follow-up. */
export type AttentionRank = 0 | 1 | 2 | 3;

export type AttentionLink = {
  area: "checklists" | "relocation" | "drills" | "records";
  entityType: string;
  entityId: string;
  /** The incident the link opens when it is not this one (a past drill's review). */
  incidentId?: string;
};

export type AttentionEntry = {
  /** Stable across reads: kind and the entity it is about. */
  key: string;
  kind: AttentionKind;
  rank: AttentionRank;
  /** The unit that must act. */
  unitId: string;
  /** Since when this has needed attention (ISO). */
  since: string;
  /** The entity's own words (message body, item text, function name …). */
  subject: string;
  subjectEn: string;
  /** The figures behind "why", worded by the reader's language. */
  detail: Record<string, string | number | boolean | null>;
  link: AttentionLink;
  action: AttentionAction | null;
  /** The version the action must carry (acknowledge), when there is one. */
  version: number | null;
};

export type AttentionSettings = {
  /** A normal-priority message unacknowledged for this long joins the queue. */
  ackMinutes: number;
  /** A unit that has not reported for this long joins the queue. */
  silentMinutes: number;
  /** Generator fuel an alternate site must hold. */
  fuelHoursRequired: number;
};

export type AttentionInput = {
  onsetAt: string;
  items: readonly Pick<ChecklistItem, "id" | "unitId" | "state" | "deadlineAt" | "textJa" | "textEn" | "ownerId" | "sectionKey" | "version">[];
  messages: readonly LiaisonMessage[];
  functions: readonly BcpFunction[];
  relocations: readonly Relocation[];
  sites: readonly Pick<Site, "id" | "nameJa" | "nameEn" | "status" | "unitId" | "inInundation">[];
  readiness: readonly ReadinessCheck[];
  hospital: { unitId: string; expected: boolean; status: HospitalStatus | null };
  drills: readonly {
    id: string;
    title: string;
    unitId: string;
    status: string;
    startedAt: string | null;
    casualties: readonly { expected: Category; current: Category | null }[];
  }[];
  /** Open corrective actions; `reviewId` names the relocation review (a past drill incident) an action comes from. */
  actions: readonly (Pick<StoredAction, "id" | "drillId" | "drillTitle" | "issue" | "action" | "owner" | "dueDate" | "status" | "version"> & {
    unitId: string;
    reviewId: string | null;
  })[];
  /** Units expected to report in this incident, with the time of their last change (null: none yet). */
  reports: readonly { unitId: string; lastAt: string | null }[];
};

const MINUTE = 60_000;
const KIND_ORDER: Record<AttentionKind, number> = {
  message: 0,
  request: 1,
  late_function: 2,
  readiness_failed: 3,
  hospital: 4,
  under_triage: 5,
  overdue_item: 6,
  silent_unit: 7,
  overdue_action: 8,
};

/**
 * A 至急 report nobody has acknowledged is a unit asking the top for a decision now: it leads the
 * most urgent rank the moment it arrives, ahead of older conditions of the same rank.
 */
const asksNow = (e: AttentionEntry) => (e.rank === 0 && e.kind === "message" ? 0 : 1);

/** Most urgent first; within a rank, an urgent unanswered report first, then the longest waiting. */
export function byUrgency(a: AttentionEntry, b: AttentionEntry): number {
  return (
    a.rank - b.rank ||
    asksNow(a) - asksNow(b) ||
    a.since.localeCompare(b.since) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.key.localeCompare(b.key)
  );
}

export function attentionQueue(input: AttentionInput, now: string, settings: AttentionSettings): AttentionEntry[] {
  const at = Date.parse(now);
  return [
    ...messageEntries(input.messages, at, settings.ackMinutes),
    ...itemEntries(input.items, at),
    ...functionEntries(input, at),
    ...readinessEntries(input, settings.fuelHoursRequired),
    ...hospitalEntries(input.hospital, input.onsetAt, now),
    ...drillEntries(input.drills),
    ...actionEntries(input.actions, now),
    ...silentEntries(input.reports, input.onsetAt, at, settings.silentMinutes),
  ].sort(byUrgency);
}

/** A request is answered once the unit it was sent to replies in its thread. */
function answered(messages: readonly LiaisonMessage[]): Set<string> {
  const done = new Set<string>();
  const byId = new Map(messages.map((m) => [m.id, m]));
  for (const m of messages) {
    const parent = m.parentId ? byId.get(m.parentId) : undefined;
    if (parent && m.fromUnitId === parent.toUnitId) done.add(parent.id);
  }
  return done;
}

function messageEntries(messages: readonly LiaisonMessage[], now: number, ackMinutes: number): AttentionEntry[] {
  const replied = answered(messages);
  const out: AttentionEntry[] = [];
  for (const m of messages) {
    const unacknowledged = m.acknowledgedAt === null;
    const flagged = isFlagged(m, now, ackMinutes);
    const openRequest = m.kind === "request" && !replied.has(m.id);
    // An urgent or high message is the HQ's business the moment it arrives, not after a timeout.
    const needsAck = unacknowledged && (m.priority !== "normal" || flagged);
    if (!needsAck && !openRequest) continue;
    const rank: AttentionRank = unacknowledged && m.priority === "urgent" ? 0 : needsAck || m.priority === "urgent" ? 1 : 2;
    out.push({
      key: `${m.kind === "request" ? "request" : "message"}:${m.id}`,
      kind: m.kind === "request" ? "request" : "message",
      rank,
      unitId: m.toUnitId,
      since: m.sentAt,
      subject: m.body,
      subjectEn: m.body,
      detail: {
        messageKind: m.kind,
        priority: m.priority,
        fromUnitId: m.fromUnitId,
        sentByName: m.sentByName,
        acknowledged: !unacknowledged,
        overdueForAck: flagged,
      },
      link: { area: "relocation", entityType: "liaison_message", entityId: m.id },
      action: unacknowledged ? "acknowledge" : "answer",
      version: m.version,
    });
  }
  return out;
}

function itemEntries(items: AttentionInput["items"], now: number): AttentionEntry[] {
  return items
    .filter((i) => itemOverdue(i, now))
    .map((i) => ({
      key: `overdue_item:${i.id}`,
      kind: "overdue_item" as const,
      rank: 1 as const,
      unitId: i.unitId,
      since: i.deadlineAt!,
      subject: i.textJa,
      subjectEn: i.textEn,
      detail: { state: i.state, overdueMinutes: Math.floor((now - Date.parse(i.deadlineAt!)) / MINUTE), owned: i.ownerId !== null },
      link: { area: "checklists" as const, entityType: "checklist_item", entityId: i.id },
      // Nobody owns it: the HQ's decision is whom to give it to.
      action: i.ownerId === null ? ("assign" as const) : null,
      version: i.version,
    }));
}

function functionEntries(input: AttentionInput, now: number): AttentionEntry[] {
  const rows = new Map(input.relocations.map((r) => [r.functionId, r]));
  const sites = new Map(input.sites.map((s) => [s.id, s]));
  const out: AttentionEntry[] = [];
  for (const fn of input.functions) {
    const row = rows.get(fn.id) ?? initialRelocation("", fn, input.onsetAt);
    const status = functionStatus(fn, row, input.onsetAt, sites.get(fn.primarySiteId), now);
    if (status.working || status.overdueMinutes <= 0) continue;
    out.push({
      key: `late_function:${fn.id}`,
      kind: "late_function",
      rank: fn.priority === 1 ? 0 : 1,
      unitId: fn.unitId,
      since: status.deadlineAt,
      subject: fn.nameJa,
      subjectEn: fn.nameEn || fn.nameJa,
      detail: { state: row.state, overdueMinutes: status.overdueMinutes, targetMinutes: fn.targetMinutes, priority: fn.priority },
      link: { area: "relocation", entityType: "relocation", entityId: fn.id },
      action: null,
      version: null,
    });
  }
  return out;
}

function readinessEntries(input: AttentionInput, fuelHoursRequired: number): AttentionEntry[] {
  const alternates = new Set(input.functions.flatMap((f) => f.alternateSiteIds));
  // A site a function is moving to or working at now is an emergency; a spare one is a fix to plan.
  const inUse = new Set(
    input.relocations.filter((r) => r.state === "relocating" || r.state === "operational_at_alternate").map((r) => r.siteId),
  );
  const checks = new Map<string, ReadinessCheck[]>();
  for (const c of input.readiness) {
    const list = checks.get(c.siteId);
    if (list) list.push(c);
    else checks.set(c.siteId, [c]);
  }
  const out: AttentionEntry[] = [];
  for (const site of input.sites) {
    if (!alternates.has(site.id)) continue;
    const own = checks.get(site.id) ?? [];
    const failed = failedCriticalChecks(own, fuelHoursRequired);
    if (failed.length === 0) continue;
    const since = own
      .filter((c) => failed.includes(c.key))
      .map((c) => c.checkedAt ?? input.onsetAt)
      .sort()[0]!;
    const owner = input.functions.find((f) => f.alternateSiteIds.includes(site.id))?.unitId;
    out.push({
      key: `readiness_failed:${site.id}`,
      kind: "readiness_failed",
      rank: inUse.has(site.id) ? 1 : 2,
      unitId: site.unitId ?? owner ?? "",
      since,
      subject: site.nameJa,
      subjectEn: site.nameEn || site.nameJa,
      detail: { failed: failed.join(","), inUse: inUse.has(site.id) },
      link: { area: "relocation", entityType: "site", entityId: site.id },
      action: null,
      version: null,
    });
  }
  return out;
}

const LIFELINE_FIELDS = new Set(["power", "waterSupply"]);

function hospitalEntries(h: AttentionInput["hospital"], onsetAt: string, now: string): AttentionEntry[] {
  const link = { area: "drills" as const, entityType: "hospital_status", entityId: h.unitId };
  if (!h.status) {
    // Unknown is not "fine": the HQ is told the hospital has not reported.
    if (!h.expected) return [];
    return [
      {
        key: "hospital:unreported",
        kind: "hospital",
        rank: 2,
        unitId: h.unitId,
        since: onsetAt,
        subject: "",
        subjectEn: "",
        detail: { field: "unreported" },
        link,
        action: null,
        version: null,
      },
    ];
  }
  return statusWarnings(h.status, now).map((w) => ({
    key: `hospital:${w.field}`,
    kind: "hospital" as const,
    rank: LIFELINE_FIELDS.has(w.field) ? (0 as const) : (1 as const),
    unitId: h.unitId,
    since: h.status!.updatedAt,
    subject: "",
    subjectEn: "",
    detail: { field: w.field, value: w.field === "updatedAt" ? h.status!.updatedAt : ((h.status as Record<string, unknown>)[w.field] as number | string | null) },
    link,
    action: null,
    version: null,
  }));
}

function drillEntries(drills: AttentionInput["drills"]): AttentionEntry[] {
  const out: AttentionEntry[] = [];
  for (const d of drills) {
    if (d.status !== "running") continue;
    const tagged = d.casualties.filter((c) => c.current !== null);
    const under = tagged.filter((c) => outcomeOf(c.expected, c.current) === "under").length;
    if (under === 0) continue;
    out.push({
      key: `under_triage:${d.id}`,
      kind: "under_triage",
      rank: 1,
      unitId: d.unitId,
      since: d.startedAt ?? "",
      subject: d.title,
      subjectEn: d.title,
      detail: { under, tagged: tagged.length, total: d.casualties.length },
      link: { area: "drills", entityType: "drill", entityId: d.id },
      action: null,
      version: null,
    });
  }
  return out;
}

function actionEntries(actions: AttentionInput["actions"], now: string): AttentionEntry[] {
  return actions
    .filter((a) => actionOverdue(a, now))
    .map((a) => ({
      key: `overdue_action:${a.id}`,
      kind: "overdue_action" as const,
      rank: 3 as const,
      unitId: a.unitId,
      // Due at the end of its JST day: overdue from the next JST midnight.
      since: new Date(Date.parse(`${a.dueDate}T00:00:00+09:00`) + 24 * 60 * MINUTE).toISOString(),
      subject: a.action,
      subjectEn: a.action,
      detail: { owner: a.owner, dueDate: a.dueDate, drillTitle: a.drillTitle, issue: a.issue, fromReview: a.reviewId !== null },
      // A review's actions stand in the records of the drill incident it reviews.
      link:
        a.reviewId === null
          ? { area: "drills" as const, entityType: "corrective_action", entityId: a.drillId }
          : { area: "records" as const, entityType: "relocation_review", entityId: a.reviewId, incidentId: a.reviewId },
      action: null,
      version: a.version,
    }));
}

function silentEntries(reports: AttentionInput["reports"], onsetAt: string, now: number, silentMinutes: number): AttentionEntry[] {
  const out: AttentionEntry[] = [];
  for (const r of reports) {
    const since = r.lastAt ?? onsetAt;
    const silentFor = Math.floor((now - Date.parse(since)) / MINUTE);
    if (silentFor < silentMinutes) continue;
    out.push({
      key: `silent_unit:${r.unitId}`,
      kind: "silent_unit",
      rank: 2,
      unitId: r.unitId,
      since,
      subject: "",
      subjectEn: "",
      detail: { silentMinutes: silentFor, neverReported: r.lastAt === null },
      link: { area: "checklists", entityType: "unit", entityId: r.unitId },
      action: null,
      version: null,
    });
  }
  return out;
}

/** Counts per kind and per rank, for tab badges and the page title. */
export function attentionCounts(entries: readonly AttentionEntry[]) {
  const byKind = Object.fromEntries(Object.keys(KIND_ORDER).map((k) => [k, 0])) as Record<AttentionKind, number>;
  let urgent = 0;
  for (const e of entries) {
    byKind[e.kind]++;
    if (e.rank === 0) urgent++;
  }
  return { total: entries.length, urgent, byKind };
}
