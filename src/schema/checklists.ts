import { z } from "zod";
import { Id, Version } from "./common";
import { pageQuery } from "./paging";

/** The Cabinet Office's six essential elements of a municipal BCP, in the guide's order. */
export const ELEMENTS = ["succession", "alternate_site", "power_water_food", "communications", "data_backup", "priority_business"] as const;
export const Element = z.enum(ELEMENTS);
export type Element = z.infer<typeof Element>;

/** 未着手 / 対応中 / 完了 / 支障あり / 対象外 */
export const ItemState = z.enum(["todo", "in_progress", "done", "blocked", "not_applicable"]);
export type ItemState = z.infer<typeof ItemState>;

/** Target start counted from the onset, in minutes: up to a year (prioritised business beyond that is planning, not response). */
export const TargetMinutes = z.number().int().min(1).max(525_600);

const Text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const OptionalEnglish = (max: number) => z.string().trim().max(max).default("");

// ---------------------------------------------------------------------------------------------
// Templates (standing stream)

export const TemplateItemInput = z.strictObject({
  /** Stable key of the item across template versions; given by the server when omitted. */
  key: Id.optional(),
  textJa: Text(300),
  textEn: OptionalEnglish(300),
  targetMinutes: TargetMinutes.nullable().default(null),
  /** The units this item applies to; null: every unit the template applies to. */
  unitIds: z.array(Id).min(1).max(100).nullable().default(null),
});

export const TemplateSectionInput = z.strictObject({
  key: Id,
  titleJa: Text(120),
  titleEn: OptionalEnglish(120),
  items: z.array(TemplateItemInput).min(1, "a section needs at least one item").max(500),
});

const normalised = (s: string) => s.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

const templateFields = {
  titleJa: Text(120),
  titleEn: OptionalEnglish(120),
  /** null: the template applies to every unit. */
  unitId: Id.nullable(),
  sortOrder: z.number().int().min(0).max(1000).default(50),
  sections: z.array(TemplateSectionInput).min(1, "a template needs at least one section").max(40),
};

type SectionsLike = { sections: { key: string; items: { key?: string; textJa: string }[] }[] };

/** A template's whole content, before and after, goes into one change-log row: keep it well under D1's row size. */
export const MAX_TEMPLATE_ITEMS = 1000;

/** Duplicate sections or items are refused with the path of the second occurrence. */
function noDuplicates(t: SectionsLike, ctx: z.RefinementCtx) {
  const count = t.sections.reduce((n, s) => n + s.items.length, 0);
  if (count > MAX_TEMPLATE_ITEMS) {
    ctx.addIssue({ code: "custom", path: ["sections"], message: `at most ${MAX_TEMPLATE_ITEMS} items in one template (got ${count})` });
  }
  const sectionKeys = new Map<string, number>();
  const itemKeys = new Map<string, string>();
  const texts = new Map<string, string>();
  t.sections.forEach((s, si) => {
    const first = sectionKeys.get(s.key);
    if (first !== undefined) {
      ctx.addIssue({ code: "custom", path: ["sections", si, "key"], message: `duplicate section key (same as sections.${first}.key)` });
    } else sectionKeys.set(s.key, si);
    s.items.forEach((item, ii) => {
      const here = `sections.${si}.items.${ii}`;
      if (item.key) {
        const seen = itemKeys.get(item.key);
        if (seen) ctx.addIssue({ code: "custom", path: ["sections", si, "items", ii, "key"], message: `duplicate item key (same as ${seen}.key)` });
        else itemKeys.set(item.key, here);
      }
      const text = normalised(item.textJa);
      const seen = texts.get(text);
      if (seen) ctx.addIssue({ code: "custom", path: ["sections", si, "items", ii, "textJa"], message: `duplicate item (same as ${seen}.textJa)` });
      else if (text) texts.set(text, here);
    });
  });
}

export const TemplateCreate = z.strictObject(templateFields).superRefine(noDuplicates);
export type TemplateCreate = z.infer<typeof TemplateCreate>;

export const TemplatePut = z.strictObject({ version: Version, ...templateFields }).superRefine(noDuplicates);
export type TemplatePut = z.infer<typeof TemplatePut>;

export const TemplateItem = z.object({
  key: z.string(),
  textJa: z.string(),
  textEn: z.string(),
  targetMinutes: z.number().int().nullable(),
  /** The units this item applies to (e.g. the mayor's succession order: the HQ only); null: every unit. */
  unitIds: z.array(z.string()).nullable(),
});
export type TemplateItem = z.infer<typeof TemplateItem>;

export const TemplateSection = z.object({
  key: z.string(),
  titleJa: z.string(),
  titleEn: z.string(),
  items: z.array(TemplateItem),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

export const Template = z.object({
  id: z.string(),
  unitId: z.string().nullable(),
  titleJa: z.string(),
  titleEn: z.string(),
  sortOrder: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  sections: z.array(TemplateSection),
});
export type Template = z.infer<typeof Template>;

export const TemplateSummary = Template.omit({ sections: true }).extend({ itemCount: z.number().int() });
export type TemplateSummary = z.infer<typeof TemplateSummary>;
export const TemplateList = z.object({ items: z.array(TemplateSummary) });

// ---------------------------------------------------------------------------------------------
// Activation and items (the incident's stream)

export const ActivationCreate = z.strictObject({
  unitIds: z.array(Id).min(1, "choose at least one unit").max(100),
  /** Only these templates; by default every template that applies to each chosen unit. */
  templateIds: z.array(Id).min(1).max(200).optional(),
});
export type ActivationCreate = z.infer<typeof ActivationCreate>;

/** Items added to one unit's checklist during an incident, beyond its templates (臨時追加項目). */
export const ADDED_SECTION = "added";
export const ItemsAdd = z
  .strictObject({
    unitId: Id,
    items: z
      .array(
        z.strictObject({
          /** One of the six elements, or the section of items added during the incident. */
          sectionKey: z.enum([...ELEMENTS, ADDED_SECTION]).default(ADDED_SECTION),
          textJa: Text(300),
          textEn: OptionalEnglish(300),
          targetMinutes: TargetMinutes.nullable().default(null),
        }),
      )
      .min(1, "add at least one item")
      .max(500),
  })
  .superRefine((body, ctx) => {
    const seen = new Map<string, number>();
    body.items.forEach((item, i) => {
      const text = normalised(item.textJa);
      const first = seen.get(text);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["items", i, "textJa"], message: `duplicate item (same as items.${first}.textJa)` });
      else seen.set(text, i);
    });
  });
export type ItemsAdd = z.infer<typeof ItemsAdd>;

export const ItemsAdded = z.object({
  incidentId: z.string(),
  unitId: z.string(),
  itemCount: z.number().int(),
  itemIds: z.array(z.string()),
});
export type ItemsAdded = z.infer<typeof ItemsAdded>;

export const Activation = z.object({
  unitId: z.string(),
  templateId: z.string(),
  templateVersion: z.number().int(),
  itemCount: z.number().int(),
});
export type Activation = z.infer<typeof Activation>;

export const ActivationResult = z.object({
  incidentId: z.string(),
  activations: z.array(Activation),
  /** Unit–template pairs that were already active for this incident and were left as they are. */
  alreadyActive: z.array(Activation.pick({ unitId: true, templateId: true })),
  itemCount: z.number().int(),
});
export type ActivationResult = z.infer<typeof ActivationResult>;

export const ChecklistItem = z.object({
  id: z.string(),
  incidentId: z.string(),
  unitId: z.string(),
  templateId: z.string(),
  itemKey: z.string(),
  sectionKey: z.string(),
  sectionTitleJa: z.string(),
  sectionTitleEn: z.string(),
  position: z.number().int(),
  textJa: z.string(),
  textEn: z.string(),
  targetMinutes: z.number().int().nullable(),
  /** Incident onset + target; null when the item has no target. */
  deadlineAt: z.string().nullable(),
  state: ItemState,
  reason: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  note: z.string().nullable(),
  stateChangedAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  version: z.number().int(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ItemPatch = z
  .strictObject({
    version: Version,
    state: ItemState.optional(),
    /** Why the item is blocked or not applicable. */
    reason: z.string().trim().max(500).nullable().optional(),
    ownerId: Id.nullable().optional(),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: "nothing to change", path: [] });
export type ItemPatch = z.infer<typeof ItemPatch>;

export const Progress = z.object({
  total: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  blocked: z.number().int(),
  notApplicable: z.number().int(),
  overdue: z.number().int(),
});
export type Progress = z.infer<typeof Progress>;

export const SectionProgress = Progress.extend({ key: z.string(), titleJa: z.string(), titleEn: z.string() });
export type SectionProgress = z.infer<typeof SectionProgress>;

export const UnitProgress = Progress.extend({ unitId: z.string(), sections: z.array(SectionProgress) });
export type UnitProgress = z.infer<typeof UnitProgress>;

export const ChecklistView = z.object({
  incidentId: z.string(),
  onsetAt: z.string(),
  incidentStatus: z.string(),
  /** Server time the view was read at; overdue counts are as of this instant. */
  asOf: z.string(),
  /** The stream's latest change-log sequence number the view includes. */
  seq: z.number().int(),
  units: z.array(UnitProgress),
  items: z.array(ChecklistItem),
});
export type ChecklistView = z.infer<typeof ChecklistView>;

export const ViewQuery = z.object({ unitId: Id.optional() });

export const Person = z.object({ id: z.string(), displayName: z.string(), unitId: z.string() });
export const PeopleList = z.object({ items: z.array(Person) });

// ---------------------------------------------------------------------------------------------
// Peacetime readiness (standing stream)

export const ReadinessItem = z.object({
  id: z.string(),
  unitId: z.string(),
  element: Element,
  position: z.number().int(),
  textJa: z.string(),
  textEn: z.string(),
  intervalDays: z.number().int(),
  lastVerifiedAt: z.string().nullable(),
  lastVerifiedBy: z.string().nullable(),
  lastVerifiedByName: z.string().nullable(),
  verificationNote: z.string().nullable(),
  /** lastVerifiedAt + interval; null when never verified (overdue from the start). */
  dueAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ReadinessItem = z.infer<typeof ReadinessItem>;

const IntervalDays = z.number().int().min(1).max(3650);

export const ReadinessCreate = z.strictObject({
  unitId: Id,
  element: Element,
  textJa: Text(300),
  textEn: OptionalEnglish(300),
  intervalDays: IntervalDays,
});
export type ReadinessCreate = z.infer<typeof ReadinessCreate>;

export const ReadinessPatch = z
  .strictObject({
    version: Version,
    element: Element.optional(),
    textJa: Text(300).optional(),
    textEn: z.string().trim().max(300).optional(),
    intervalDays: IntervalDays.optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: "nothing to change", path: [] });
export type ReadinessPatch = z.infer<typeof ReadinessPatch>;

export const Verification = z.strictObject({
  version: Version,
  note: z.string().trim().max(1000).nullable().optional(),
});
export type Verification = z.infer<typeof Verification>;

export const ReadinessUnit = z.object({
  unitId: z.string(),
  total: z.number().int(),
  overdue: z.number().int(),
  neverVerified: z.number().int(),
});
export type ReadinessUnit = z.infer<typeof ReadinessUnit>;

export const ReadinessView = z.object({
  asOf: z.string(),
  seq: z.number().int(),
  units: z.array(ReadinessUnit),
  items: z.array(ReadinessItem),
});
export type ReadinessView = z.infer<typeof ReadinessView>;

export const ReadinessQuery = z.object({ unitId: Id.optional() });

/** Changes per page of one item's history, oldest first. */
export const ItemHistoryQuery = pageQuery({ default: 100, max: 500, keys: 2 });
