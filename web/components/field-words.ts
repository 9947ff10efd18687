import { formatJst, has, localized, t } from "../i18n";

/*
 * A changed field and its value as people say them, wherever the console shows a change: the
 * chronology and the outbox (what waits to be sent, what clashed with someone else's change).
 */

/** Where an enum value's words live: "phase.initial", "relocation.state.relocating", a site's "relocation.siteStatus.degraded". */
const SPECIAL_VALUE_KEYS: Record<string, Record<string, string>> = {
  readiness: { status: "relocation.readiness" },
  site: { status: "relocation.siteStatus" },
  function: { priority: "relocation.priority" },
  corrective_action: { status: "review.status" },
  review_action: { status: "review.status" },
};
const valueKeys = (entityType: string | undefined, field: string, v: string) => {
  const special = entityType && SPECIAL_VALUE_KEYS[entityType]?.[field];
  return special ? [`${special}.${v}`] : ["", "relocation.", "drills."].map((p) => `${p}${field}.${v}`);
};

export const fieldLabel = (field: string): string => (has(`field.${field}`) ? t(`field.${field}`) : field);

/** A value as people read it: instants in JST with their day, enum values by their label, yes/no. */
export function fieldValue(field: string, v: unknown, entityType?: string): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") {
    if (/^\d{4}-\d\d-\d\dT/.test(v)) return formatJst(v, { short: true });
    const key = valueKeys(entityType, field, v).find(has);
    return key ? t(key) : v;
  }
  if (typeof v === "boolean") return t(v ? "timeline.yes" : "timeline.no");
  if (typeof v === "number") return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.map((x) => fieldValue(field, x, entityType)).join("、");
  // A list of records (a history): each entry's values in words, oldest first.
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === "object" ? Object.entries(x).map(([k, y]) => fieldValue(k, y, entityType)).join(" ") : fieldValue(field, x, entityType))).join(" → ");
  return JSON.stringify(v);
}

/** The thing a write to the API changes, by the path it goes to (most specific first). */
const SUBJECTS: [RegExp, string][] = [
  [/^\/api\/incidents\/[^/]+\/relocation\/[^/]+/, "relocation"],
  [/^\/api\/incidents\/[^/]+\/hospital-status$/, "hospital_status"],
  [/^\/api\/incidents\/[^/]+\/liaison/, "liaison_message"],
  [/^\/api\/incidents\/[^/]+\/situation-reports$/, "situation_report"],
  [/^\/api\/incidents\/[^/]+\/checklists\/activations$/, "checklist_activation"],
  [/^\/api\/incidents\/[^/]+\/checklists\/items$/, "checklist_addition"],
  [/^\/api\/incidents(\/[^/]+)?$/, "incident"],
  [/^\/api\/checklists\/items\//, "checklist_item"],
  [/^\/api\/checklists\/readiness/, "readiness_item"],
  [/^\/api\/checklists\/templates/, "checklist_template"],
  [/^\/api\/sites\/[^/]+\/readiness\//, "readiness"],
  [/^\/api\/sites\//, "site"],
  [/^\/api\/relocation\/functions/, "function"],
  [/^\/api\/relocation\/settings$/, "relocation_settings"],
  [/^\/api\/relocation-reviews\/[^/]+\/actions/, "review_action"],
  [/^\/api\/corrective-actions\//, "corrective_action"],
  [/^\/api\/drills\/[^/]+\/casualties\//, "drill_casualty"],
  [/^\/api\/drills\/[^/]+\/report$/, "drill_report"],
  [/^\/api\/drills\/[^/]+\/tags$/, "drill_tag"],
  [/^\/api\/drills\/[^/]+\/milestones$/, "drill_milestone"],
  [/^\/api\/drills\/[^/]+\/actions$/, "corrective_action"],
  [/^\/api\/drills/, "drill"],
  [/^\/api\/scenarios\/[^/]+\/casualties\//, "scenario_casualty"],
  [/^\/api\/scenarios/, "scenario"],
  [/^\/api\/hazard-layers/, "hazard_layer"],
];

export function subjectType(path: string): string | null {
  const bare = path.split("?")[0]!;
  return SUBJECTS.find(([re]) => re.test(bare))?.[1] ?? null;
}

/** 「災害・訓練「釧路市総合防災訓練」」: the kind of thing, and its own name when the server's copy has one. */
export function writeSubject(path: string, current?: unknown): string {
  const type = subjectType(path);
  const kind = type && has(`entity.${type}`) ? t(`entity.${type}`) : t("write.subject.unknown");
  const img = (current ?? {}) as Record<string, unknown>;
  const ja = [img.title, img.nameJa, img.titleJa, img.textJa].find((v): v is string => typeof v === "string" && v !== "");
  const en = [img.titleEn, img.nameEn, img.textEn].find((v): v is string => typeof v === "string");
  return ja ? `${kind}「${localized(ja, en)}」` : kind;
}
