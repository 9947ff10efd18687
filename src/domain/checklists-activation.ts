import { ADDED_SECTION, type Activation, type ActivationCreate, type Element, type ItemsAdd, type Template, type TemplateItem, type TemplateSection } from "../schema/checklists";
import { onsetRefusal } from "./checklists";
import { accept, type FieldIssue, invalidFields, refusal, refused, type Ruled } from "./refusal";

/** A template applies to every unit (unitId null) or to its own unit only. */
export const appliesTo = (template: Pick<Template, "unitId">, unitId: string) => template.unitId === null || template.unitId === unitId;

/** An item of a template applies to the units it names, or to every unit the template applies to. */
export const itemAppliesTo = (item: Pick<TemplateItem, "unitIds">, unitId: string) => item.unitIds === null || item.unitIds.includes(unitId);

/** A checklist item as first written: a copy of its template item, not yet worked. */
export type NewItem = {
  id: string;
  unitId: string;
  templateId: string;
  itemKey: string;
  sectionKey: string;
  sectionTitleJa: string;
  sectionTitleEn: string;
  position: number;
  textJa: string;
  textEn: string;
  targetMinutes: number | null;
};

export type ActivationPlan = {
  activations: Activation[];
  alreadyActive: { unitId: string; templateId: string }[];
  items: NewItem[];
};

/**
 * Which items to copy for an activation. Position orders a unit's items by template, section and
 * item, so a unit that activates another template later still reads in template order.
 */
export function planActivation(input: {
  request: ActivationCreate;
  incident: { onsetAt: string; status: string };
  now: string;
  templates: readonly Template[];
  units: ReadonlySet<string>;
  active: readonly { unitId: string; templateId: string }[];
  newId: () => string;
}): Ruled<ActivationPlan> {
  const { request, templates, units } = input;
  const problems: FieldIssue[] = [];
  const seenUnits = new Set<string>();
  request.unitIds.forEach((unitId, i) => {
    if (!units.has(unitId)) problems.push({ path: `unitIds.${i}`, message: `no unit ${unitId}` });
    else if (seenUnits.has(unitId)) problems.push({ path: `unitIds.${i}`, message: `${unitId} is named twice` });
    seenUnits.add(unitId);
  });
  const byId = new Map(templates.map((t) => [t.id, t]));
  request.templateIds?.forEach((id, i) => {
    const t = byId.get(id);
    if (!t) problems.push({ path: `templateIds.${i}`, message: `no template ${id}` });
    else if (!request.unitIds.some((u) => appliesTo(t, u))) {
      problems.push({ path: `templateIds.${i}`, message: `template ${id} is for unit ${t.unitId}, which is not chosen` });
    }
  });
  const refusedFirst = invalidFields(problems, "Some units or templates cannot be activated.") ?? onsetRefusal(input.incident.onsetAt, input.now);
  if (refusedFirst) return refused(refusedFirst);

  const wanted = request.templateIds ? new Set(request.templateIds) : null;
  const isActive = new Set(input.active.map((a) => `${a.unitId}\u0000${a.templateId}`));
  const ordered = [...templates].sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
  const plan: ActivationPlan = { activations: [], alreadyActive: [], items: [] };
  for (const unitId of request.unitIds) {
    ordered.forEach((template, ti) => {
      if (!appliesTo(template, unitId) || (wanted && !wanted.has(template.id))) return;
      if (isActive.has(`${unitId}\u0000${template.id}`)) {
        plan.alreadyActive.push({ unitId, templateId: template.id });
        return;
      }
      let itemCount = 0;
      template.sections.forEach((section, si) => {
        section.items.forEach((item, ii) => {
          if (!itemAppliesTo(item, unitId)) return;
          itemCount++;
          plan.items.push({
            id: input.newId(),
            unitId,
            templateId: template.id,
            itemKey: item.key,
            sectionKey: section.key,
            sectionTitleJa: section.titleJa,
            sectionTitleEn: section.titleEn,
            position: ti * 1_000_000 + si * 1_000 + ii,
            textJa: item.textJa,
            textEn: item.textEn,
            targetMinutes: item.targetMinutes,
          });
        });
      });
      plan.activations.push({ unitId, templateId: template.id, templateVersion: template.version, itemCount });
    });
  }
  if (plan.activations.length === 0) {
    return refused(refusal(409, "already_activated", "Every chosen checklist is already active for this incident.", [{ path: "unitIds", message: "already active" }]));
  }
  return accept(plan);
}

type SectionInput = Omit<TemplateSection, "items"> & { items: (Omit<TemplateItem, "key"> & { key?: string })[] };

/** Where added items sort: after every template's items (positions of template items stay below this). */
export const ADDED_POSITION_BASE = 1_000_000_000;
/** The template id recorded on items added during the incident: they come from no template. */
export const ADDED_TEMPLATE = "added";

export const SECTION_TITLES: Record<Element | typeof ADDED_SECTION, { ja: string; en: string }> = {
  succession: { ja: "首長不在時の代行順位と職員の参集体制", en: "Succession order and staff call-in" },
  alternate_site: { ja: "本庁舎が使用できない場合の代替庁舎", en: "Alternate building" },
  power_water_food: { ja: "電気・水・食料等の確保", en: "Power, water and food" },
  communications: { ja: "災害時にもつながる多様な通信手段", en: "Communications that work in a disaster" },
  data_backup: { ja: "重要な行政データのバックアップ", en: "Backup of important administrative data" },
  priority_business: { ja: "非常時優先業務の整理", en: "Prioritised emergency business" },
  added: { ja: "臨時追加項目", en: "Added during the incident" },
};

/**
 * Items a unit adds to its checklist during an incident (a task the plan did not foresee).
 * The same rules as activation: an open incident whose onset has passed, and a real unit.
 */
export function planAddition(input: {
  request: ItemsAdd;
  incident: { onsetAt: string; status: string };
  now: string;
  unitKnown: boolean;
  firstPosition: number;
  newId: () => string;
}): Ruled<NewItem[]> {
  const refusedFirst =
    invalidFields(input.unitKnown ? [] : [{ path: "unitId", message: `no unit ${input.request.unitId}` }], "No such unit.") ?? onsetRefusal(input.incident.onsetAt, input.now);
  if (refusedFirst) return refused(refusedFirst);
  return accept(input.request.items.map((item, i) => {
    const id = input.newId();
    const title = SECTION_TITLES[item.sectionKey];
    return {
      id,
      unitId: input.request.unitId,
      templateId: ADDED_TEMPLATE,
      itemKey: id,
      sectionKey: item.sectionKey,
      sectionTitleJa: title.ja,
      sectionTitleEn: title.en,
      position: input.firstPosition + i,
      textJa: item.textJa,
      textEn: item.textEn,
      targetMinutes: item.targetMinutes,
    };
  }));
}

/** Fills in the keys a template edit left out, so each item can be followed across versions. */
export function withItemKeys<T extends { sections: SectionInput[] }>(t: T, newKey: () => string): Omit<T, "sections"> & { sections: TemplateSection[] } {
  const used = new Set(t.sections.flatMap((s) => s.items.map((i) => i.key).filter((k): k is string => !!k)));
  return {
    ...t,
    sections: t.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => {
        if (i.key) return { ...i, key: i.key };
        let key = newKey();
        while (used.has(key)) key = newKey();
        used.add(key);
        return { ...i, key };
      }),
    })),
  };
}
