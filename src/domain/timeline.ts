import type { Change } from "../schema/changes";
import type { TimelineDiff, TimelineEntry } from "../schema/timeline";
import { formatJst } from "./checklists-output";

export type Diff = { field: string; before: unknown; after: unknown };

/**
 * Fields a chronology line does not restate: bookkeeping, the line's own label, and who/when of
 * this very change (the line's head already names the person, by name, and the time).
 */
const SKIP = new Set(["version", "updatedAt", "createdAt", "id", "label", "stateChangedAt", "updatedByName", "checkedAt", "checkedByName", "since"]);
/** A person's id (updatedBy, acknowledgedBy …) never reads for people; their name field does. */
const isPersonId = (field: string) => /By$/.test(field);

/** Fields whose value changed between a change's before and after images. */
export function diffOf(change: Pick<Change, "before" | "after">): Diff[] {
  const before = (change.before ?? {}) as Record<string, unknown>;
  const after = (change.after ?? {}) as Record<string, unknown>;
  if (typeof before !== "object" || typeof after !== "object") return [];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  // An id with its name beside it (ownerId / ownerName) is shown by the name.
  const named = (f: string) => f.endsWith("Id") && fields.has(`${f.slice(0, -2)}Name`);
  return [...fields]
    .filter((f) => !SKIP.has(f) && !isPersonId(f) && !named(f) && JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

export type Priority = "urgent" | "high";

/** What a chronology line is about, named the way people name it: the tag, function, site or item. */
export type Subject = {
  /** Its name (Japanese), "" when the entity type alone says it (e.g. 病院状況). */
  ja: string;
  /** Its English name when it has one. */
  en: string | null;
  /** A triage tag's number: "No.7". */
  tagNumber: string | null;
  /** 至急 / 重要 of a liaison message. */
  priority: Priority | null;
};

const plain = (ja: string | null | undefined, en?: string | null): Subject => ({ ja: ja ?? "", en: en || null, tagNumber: null, priority: null });

/** The subject of one change; `unitName` turns a unit id into its name (an activation names its units). */
export function subjectOf(change: Change, unitName: (id: string) => string = (id) => id): Subject {
  switch (change.entityType) {
    case "incident":
      return plain((change.after ?? change.before)?.title);
    case "user":
      return plain((change.after ?? change.before)?.displayName);
    case "checklist_template":
    case "checklist_item":
    case "readiness_item": {
      const img = change.after ?? change.before;
      if (!img) return plain("");
      return "titleJa" in img ? plain(img.titleJa, img.titleEn) : plain(img.textJa, img.textEn);
    }
    case "checklist_activation": {
      const units = [...new Set((change.after?.activations ?? []).map((a) => a.unitId))].map(unitName);
      return plain(units.length ? `${units.join("・")}（${change.after?.itemCount ?? 0}項目）` : "");
    }
    case "checklist_addition":
      return plain(change.after ? `${unitName(change.after.unitId)}（${change.after.itemCount}項目）` : "");
    case "site":
    case "function": {
      const img = change.after ?? change.before;
      return plain(img?.nameJa, img?.nameEn);
    }
    case "hazard_layer":
      return plain(change.after?.layer.name ?? change.before?.name);
    case "relocation":
    case "readiness":
    case "relocation_move":
      return plain(change.after && "label" in change.after ? change.after.label : "");
    case "liaison_message": {
      const m = change.after ?? change.before;
      const label = change.after?.label ?? "";
      return { ...plain(m ? `${unitName(m.fromUnitId)} → ${unitName(m.toUnitId)} ${label}` : label), priority: m && m.priority !== "normal" ? m.priority : null };
    }
    case "relocation_review":
      return plain(change.after?.title);
    case "situation_report":
      return plain(change.after ? `第${change.after.number}報` : "");
    case "scenario":
    case "drill":
      return plain((change.after ?? change.before)?.title);
    case "scenario_casualty":
    case "drill_casualty":
    case "drill_tag": {
      const img = change.after ?? change.before;
      return { ...plain(""), tagNumber: img ? img.tagNumber : null };
    }
    case "drill_milestone":
    case "drill_report":
    case "hospital_status":
    case "relocation_settings":
    case "readiness_checklist":
      return plain("");
    case "corrective_action":
      return plain((change.after ?? change.before)?.action);
  }
}

const PRIORITY_JA: Record<Priority, string> = { urgent: "至急", high: "重要" };
const CATEGORY_JA: Record<string, string> = { red: "赤", yellow: "黄", green: "緑", black: "黒" };

/** The subject as one line of Japanese text, for the search, its CSV and the printed record. */
export function subjectText(change: Change, unitName?: (id: string) => string): string {
  const s = subjectOf(change, unitName);
  const parts = [s.priority ? `【${PRIORITY_JA[s.priority]}】` : "", s.tagNumber ? `タッグ ${s.tagNumber}` : "", s.ja];
  if (change.entityType === "drill_tag" && change.after) {
    const t = change.after;
    const category = `${t.previousCategory ? `${CATEGORY_JA[t.previousCategory]} → ` : ""}${CATEGORY_JA[t.category]}`;
    parts.push(`${category}（${t.officerName}）`);
  }
  return parts.filter(Boolean).join(" ");
}

/**
 * The changes a chronology shows: a write that logs a labelled line beside the raw entity (a move
 * beside its function's new state, a new site beside its empty checklist) shows once, by the label.
 */
export function chronologyOf<C extends Pick<Change, "entityType" | "mutationId">>(changes: readonly C[]): C[] {
  const moved = new Set(changes.filter((c) => c.entityType === "relocation_move").map((c) => c.mutationId));
  const sited = new Set(changes.filter((c) => c.entityType === "site").map((c) => c.mutationId));
  return changes.filter(
    (c) => !(c.entityType === "relocation" && moved.has(c.mutationId)) && !(c.entityType === "readiness_checklist" && sited.has(c.mutationId)),
  );
}

/** Fields that hold the id of a unit, person, site or function. */
const isReference = (field: string) => /(Id|By)$/.test(field) && field !== "mutationId";

/** Every id a change refers to, so the caller can look their names up in one read. */
export function referencedIds(changes: readonly Change[]): string[] {
  const ids = new Set<string>();
  for (const c of changes) {
    ids.add(c.actor.unitId);
    if (c.entityType === "checklist_activation") for (const a of c.after?.activations ?? []) ids.add(a.unitId);
    for (const img of [c.before, c.after]) {
      if (!img || typeof img !== "object") continue;
      for (const [k, v] of Object.entries(img as Record<string, unknown>)) if (isReference(k) && typeof v === "string") ids.add(v);
    }
  }
  return [...ids];
}

/** A value as people read it: an id by its name, an instant in JST, a list or record compactly. */
export function readable(field: string, v: unknown, names: ReadonlyMap<string, string>): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") {
    if (isReference(field)) return names.get(v) ?? v;
    if (/^\d{4}-\d\d-\d\dT/.test(v)) return formatJst(v);
    return v;
  }
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  // A history such as phases [{phase, beganAt}]: each entry's values, oldest first.
  if (Array.isArray(v)) return v.length === 0 ? "—" : v.map((e) => (e && typeof e === "object" ? Object.entries(e).map(([k, x]) => readable(k, x, names)).join(" ") : readable(field, e, names))).join(" → ");
  return JSON.stringify(v);
}

/** A change shows before → after when it changed something that was there (an update, a move, an acknowledgement). */
export const showsDiffs = (change: Pick<Change, "before" | "after">): boolean => change.before !== null && change.after !== null;

export function readableDiffs(change: Pick<Change, "op" | "before" | "after">, names: ReadonlyMap<string, string>): TimelineDiff[] {
  if (!showsDiffs(change)) return [];
  return diffOf(change).map((d) => ({ field: d.field, before: readable(d.field, d.before, names), after: readable(d.field, d.after, names) }));
}

export const toTimelineEntry = (c: Change, names: ReadonlyMap<string, string>): TimelineEntry => ({
  ...c,
  subject: subjectText(c, (id) => names.get(id) ?? id),
  diffs: readableDiffs(c, names),
});

/** The search result as CSV rows: one row per changed field (one per change without fields). */
export function timelineRows(entries: readonly TimelineEntry[], names: ReadonlyMap<string, string>): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [["番号", "日時（JST）", "部署", "担当者", "対象種別", "操作", "対象", "項目", "変更前", "変更後"]];
  for (const e of entries) {
    const head = [e.seq, formatJst(e.at), names.get(e.actor.unitId) ?? e.actor.unitId, e.actor.name, e.entityType, e.op, e.subject];
    if (e.diffs.length === 0) rows.push([...head, "", "", ""]);
    for (const d of e.diffs) rows.push([...head, d.field, d.before, d.after]);
  }
  return rows;
}
