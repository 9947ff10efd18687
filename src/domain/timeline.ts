import type { Change } from "../schema/changes";
import type { LiaisonMessage } from "../schema/relocation-liaison";
import type { ReadinessKey } from "../schema/relocation";
import type { RelocationState } from "../schema/relocation-board";
import { bodyLine, KIND_JA } from "./liaison";
import { CHECK_LABEL_JA, STATE_LABEL_JA } from "./relocation";
import type { TimelineDiff, TimelineEntry } from "../schema/timeline";
import { formatJst } from "./checklists-output";

export type Diff = { field: string; before: unknown; after: unknown };

/**
 * Fields a chronology line does not restate: bookkeeping, the line's own label, and who/when of
 * this very change (the line's head already names the person, by name, and the time).
 */
const SKIP = new Set([
  ...["version", "updatedAt", "createdAt", "id", "label", "stateChangedAt", "updatedByName", "checkedAt", "checkedByName", "since"],
  // An incident's phase and posture histories: the line already shows the phase or posture before → after, at the change's time.
  ...["phases", "postures"],
]);
/** A person's id (updatedBy, acknowledgedBy …) never reads for people; their name field does. */
const isPersonId = (field: string) => /By$/.test(field);

type Image = Change["before"] | Change["after"];
/**
 * An image's fields by name: every entity's image is a record, save the list a new site's empty
 * checklist logs (its own line says it) and the nothing before a create or after a delete.
 */
const fieldsOf = (img: Image): Readonly<Record<string, unknown>> => (img === null || Array.isArray(img) ? {} : img);

/** Fields whose value changed between a change's before and after images. */
export function diffOf(change: Pick<Change, "before" | "after">): Diff[] {
  const before = fieldsOf(change.before);
  const after = fieldsOf(change.after);
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  // An id with its name beside it (ownerId / ownerName) is shown by the name.
  const named = (f: string) => f.endsWith("Id") && fields.has(`${f.slice(0, -2)}Name`);
  return [...fields]
    .filter((f) => !SKIP.has(f) && !isPersonId(f) && !named(f) && JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

export type Priority = "urgent" | "high";

/**
 * Words of the console's own around a subject's names, kept as values so each reader words them
 * in its language: the console from its catalogues, the CSV and printed record in Japanese.
 */
export type Phrase =
  | { kind: "report"; number: number }
  | { kind: "units"; units: string[]; itemCount: number }
  | { kind: "message"; from: string; to: string; messageKind: LiaisonMessage["kind"]; body: string }
  | { kind: "move"; fn: string; from: RelocationState; to: RelocationState; site: string | null }
  | { kind: "check"; site: string; key: ReadinessKey };

/** What a chronology line is about, named the way people name it: the tag, function, site or item. */
export type Subject = {
  /** Its name (Japanese), "" when the entity type alone says it (e.g. 病院状況) or a phrase says it. */
  ja: string;
  /** Its English name when it has one. */
  en: string | null;
  /** A triage tag's number: "No.7". */
  tagNumber: string | null;
  /** 至急 / 重要 of a liaison message. */
  priority: Priority | null;
  phrase: Phrase | null;
};

const plain = (ja: string | null | undefined, en?: string | null): Subject => ({ ja: ja ?? "", en: en || null, tagNumber: null, priority: null, phrase: null });
const phrased = (phrase: Phrase | null): Subject => ({ ...plain(""), phrase });

/**
 * The names in a line the server worded (moveLabel, checkLabel: "配水監視：…", "愛国浄水場：電源"):
 * the part before the first "：" is the function's or site's name as it was at the time.
 */
const namePart = (label: string) => label.split("：")[0] ?? label;
/** The site of a move line, "…（愛国浄水場）" after the two states (a site's name may hold brackets of its own). */
function moveSite(label: string, from: RelocationState, to: RelocationState): string | null {
  const rest = label.slice(namePart(label).length + 1);
  const states = `${STATE_LABEL_JA[from]} → ${STATE_LABEL_JA[to]}`;
  return rest.startsWith(`${states}（`) && rest.endsWith("）") ? rest.slice(states.length + 1, -1) : null;
}

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
      return phrased(units.length ? { kind: "units", units, itemCount: change.after?.itemCount ?? 0 } : null);
    }
    case "checklist_addition":
      return phrased(change.after ? { kind: "units", units: [unitName(change.after.unitId)], itemCount: change.after.itemCount } : null);
    case "site":
    case "function": {
      const img = change.after ?? change.before;
      return plain(img?.nameJa, img?.nameEn);
    }
    case "hazard_layer":
      return plain(change.after?.layer.name ?? change.before?.name);
    case "relocation":
      return plain(change.after?.label ?? "");
    case "relocation_move": {
      const m = change.after;
      return phrased(m && { kind: "move", fn: namePart(m.label), from: m.fromState, to: m.toState, site: moveSite(m.label, m.fromState, m.toState) });
    }
    case "readiness": {
      const c = change.after;
      return phrased(c && { kind: "check", site: namePart(c.label), key: c.key });
    }
    case "liaison_message": {
      const m = change.after ?? change.before;
      if (!m) return plain("");
      return {
        ...phrased({ kind: "message", from: unitName(m.fromUnitId), to: unitName(m.toUnitId), messageKind: m.kind, body: m.body }),
        priority: m.priority !== "normal" ? m.priority : null,
      };
    }
    case "relocation_review":
      return plain(change.after?.title);
    case "situation_report":
      return phrased(change.after ? { kind: "report", number: change.after.number } : null);
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

/** A phrase in Japanese, for the CSV and printed record. */
function phraseJa(p: Phrase): string {
  switch (p.kind) {
    case "report":
      return `第${p.number}報`;
    case "units":
      return `${p.units.join("・")}（${p.itemCount}項目）`;
    case "message":
      return `${p.from} → ${p.to} ［${KIND_JA[p.messageKind]}］${bodyLine(p.body)}`;
    case "move":
      return `${p.fn}：${STATE_LABEL_JA[p.from]} → ${STATE_LABEL_JA[p.to]}${p.site ? `（${p.site}）` : ""}`;
    case "check":
      return `${p.site}：${CHECK_LABEL_JA[p.key]}`;
  }
}

/** The subject as one line of Japanese text, for the search, its CSV and the printed record. */
export function subjectText(change: Change, unitName?: (id: string) => string): string {
  const s = subjectOf(change, unitName);
  const parts = [s.priority ? `【${PRIORITY_JA[s.priority]}】` : "", s.tagNumber ? `タッグ ${s.tagNumber}` : "", s.ja, s.phrase ? phraseJa(s.phrase) : ""];
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
export const isReference = (field: string) => /(Id|By)$/.test(field) && field !== "mutationId";

/** Every id a change refers to, so the caller can look their names up in one read. */
export function referencedIds(changes: readonly Change[]): string[] {
  const ids = new Set<string>();
  for (const c of changes) {
    ids.add(c.actor.unitId);
    if (c.entityType === "checklist_activation") for (const a of c.after?.activations ?? []) ids.add(a.unitId);
    for (const img of [c.before, c.after]) for (const [k, v] of Object.entries(fieldsOf(img))) if (isReference(k) && typeof v === "string") ids.add(v);
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
