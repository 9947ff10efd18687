import type { Change } from "../schema/changes";
import type { TimelineDiff, TimelineEntry } from "../schema/timeline";
import { formatJst } from "./checklists-output";

export type Diff = { field: string; before: unknown; after: unknown };

const SKIP = new Set(["version", "updatedAt", "createdAt", "id"]);

/** Fields whose value changed between a change's before and after images. */
export function diffOf(change: Pick<Change, "before" | "after">): Diff[] {
  const before = (change.before ?? {}) as Record<string, unknown>;
  const after = (change.after ?? {}) as Record<string, unknown>;
  if (typeof before !== "object" || typeof after !== "object") return [];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((f) => !SKIP.has(f) && JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

/** The changed thing's own name: its title, text or name (Japanese). */
export function subjectOf(change: Pick<Change, "before" | "after">): string {
  const img = (change.after ?? change.before ?? {}) as Record<string, unknown>;
  const name = img.title ?? img.label ?? img.name ?? img.nameJa ?? img.titleJa ?? img.textJa ?? img.body ?? "";
  return typeof name === "string" ? name : "";
}

/** Fields that hold the id of a unit, person, site or function. */
const isReference = (field: string) => /(Id|By)$/.test(field) && field !== "mutationId";

/** Every id a change refers to, so the caller can look their names up in one read. */
export function referencedIds(changes: readonly Pick<Change, "before" | "after" | "actor">[]): string[] {
  const ids = new Set<string>();
  for (const c of changes) {
    ids.add(c.actor.unitId);
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

export function readableDiffs(change: Pick<Change, "op" | "before" | "after">, names: ReadonlyMap<string, string>): TimelineDiff[] {
  if (change.op !== "update") return [];
  return diffOf(change).map((d) => ({ field: d.field, before: readable(d.field, d.before, names), after: readable(d.field, d.after, names) }));
}

export const toTimelineEntry = (c: Change, names: ReadonlyMap<string, string>): TimelineEntry => ({
  ...c,
  subject: subjectOf(c),
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
