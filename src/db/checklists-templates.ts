import { readTogether, statementsRead } from "./together";
import type { Template, TemplateSummary } from "../schema/checklists";

/* Checklist templates: their heads, sections and items, read whole and written whole. */

// Many rows go in as one JSON parameter read by json_each: D1 allows 100 bound parameters per
// statement, and one statement per item would make a 2,000-item activation a 2,000-step batch.
export const ROWS_PER_STATEMENT = 250;

type TemplateRow = {
  id: string;
  unit_id: string | null;
  title_ja: string;
  title_en: string;
  sort_order: number;
  version: number;
  updated_at: string;
  updated_by: string | null;
};
type SectionRow = { template_id: string; key: string; title_ja: string; title_en: string };
type TemplateItemRow = {
  template_id: string;
  key: string;
  section_key: string;
  text_ja: string;
  text_en: string;
  target_minutes: number | null;
  unit_ids: string | null;
};

const templateHead = (r: TemplateRow): Omit<Template, "sections"> => ({
  id: r.id,
  unitId: r.unit_id,
  titleJa: r.title_ja,
  titleEn: r.title_en,
  sortOrder: r.sort_order,
  version: r.version,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export async function listTemplates(db: D1Database): Promise<TemplateSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT t.*, (SELECT COUNT(*) FROM checklist_template_items i WHERE i.template_id = t.id) AS item_count
       FROM checklist_templates t ORDER BY t.sort_order, t.id`,
    )
    .all<TemplateRow & { item_count: number }>();
  return results.map((r) => ({ ...templateHead(r), itemCount: r.item_count }));
}

export function templateQueries(db: D1Database, ids: string[] | null) {
  const where = ids ? "WHERE template_id IN (SELECT value FROM json_each(?1))" : "";
  const bind = (s: D1PreparedStatement) => (ids ? s.bind(JSON.stringify(ids)) : s);
  return [
    bind(db.prepare(`SELECT * FROM checklist_templates ${ids ? "WHERE id IN (SELECT value FROM json_each(?1))" : ""} ORDER BY sort_order, id`)),
    bind(db.prepare(`SELECT template_id, key, title_ja, title_en FROM checklist_template_sections ${where} ORDER BY template_id, position`)),
    bind(
      db.prepare(
        `SELECT template_id, key, section_key, text_ja, text_en, target_minutes, unit_ids FROM checklist_template_items ${where}
         ORDER BY template_id, position`,
      ),
    ),
  ];
}

export function assembleTemplates(rows: D1Result[]): Template[] {
  const [heads, sections, items] = rows as [D1Result<TemplateRow>, D1Result<SectionRow>, D1Result<TemplateItemRow>];
  const byId = new Map<string, Template>(heads.results.map((r) => [r.id, { ...templateHead(r), sections: [] }]));
  const sectionOf = new Map<string, Template["sections"][number]>();
  for (const s of sections.results) {
    const section = { key: s.key, titleJa: s.title_ja, titleEn: s.title_en, items: [] };
    byId.get(s.template_id)?.sections.push(section);
    sectionOf.set(`${s.template_id}\u0000${s.key}`, section);
  }
  for (const i of items.results) {
    sectionOf.get(`${i.template_id}\u0000${i.section_key}`)?.items.push({
      key: i.key,
      textJa: i.text_ja,
      textEn: i.text_en,
      targetMinutes: i.target_minutes,
      unitIds: i.unit_ids === null ? null : (JSON.parse(i.unit_ids) as string[]),
    });
  }
  return [...byId.values()];
}

/** Whole templates (sections and items) in one round trip; every template when `ids` is null. */
export async function findTemplates(db: D1Database, ids: string[] | null): Promise<Template[]> {
  return assembleTemplates(await db.batch(templateQueries(db, ids)));
}

/** One whole template, to read with a route's other preconditions. */
export const templateById = (db: D1Database, id: string) =>
  statementsRead(templateQueries(db, [id]), (results) => assembleTemplates(results.map((rows) => ({ results: rows }) as D1Result))[0] ?? null);

export const findTemplate = async (db: D1Database, id: string): Promise<Template | null> => (await readTogether(db, [templateById(db, id)]))[0];

function templateContentSteps(db: D1Database, t: Template): D1PreparedStatement[] {
  const sections = t.sections.map((s, position) => ({ key: s.key, position, titleJa: s.titleJa, titleEn: s.titleEn }));
  const items = t.sections.flatMap((s) =>
    s.items.map((i, position) => ({
      key: i.key,
      sectionKey: s.key,
      position,
      textJa: i.textJa,
      textEn: i.textEn,
      targetMinutes: i.targetMinutes,
      unitIds: i.unitIds === null ? null : JSON.stringify(i.unitIds),
    })),
  );
  const steps = [
    db
      .prepare(
        `INSERT INTO checklist_template_sections (template_id, key, position, title_ja, title_en)
         SELECT ?1, json_extract(value, '$.key'), json_extract(value, '$.position'), json_extract(value, '$.titleJa'), json_extract(value, '$.titleEn')
         FROM json_each(?2)`,
      )
      .bind(t.id, JSON.stringify(sections)),
  ];
  for (let from = 0; from < items.length; from += ROWS_PER_STATEMENT) {
    steps.push(
      db
        .prepare(
          `INSERT INTO checklist_template_items (template_id, key, section_key, position, text_ja, text_en, target_minutes, unit_ids)
           SELECT ?1, json_extract(value, '$.key'), json_extract(value, '$.sectionKey'), json_extract(value, '$.position'),
                  json_extract(value, '$.textJa'), json_extract(value, '$.textEn'), json_extract(value, '$.targetMinutes'), value ->> '$.unitIds'
           FROM json_each(?2)`,
        )
        .bind(t.id, JSON.stringify(items.slice(from, from + ROWS_PER_STATEMENT))),
    );
  }
  return steps;
}

export function insertTemplate(db: D1Database, t: Template): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO checklist_templates (id, unit_id, title_ja, title_en, sort_order, version, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(t.id, t.unitId, t.titleJa, t.titleEn, t.sortOrder, t.version, t.updatedAt, t.updatedBy),
    ...templateContentSteps(db, t),
  ];
}

/** The head update that must hit exactly one row (the version seen), then the content replaced. */
export function replaceTemplate(db: D1Database, next: Template): { head: D1PreparedStatement; rest: D1PreparedStatement[] } {
  return {
    head: db
      .prepare(
        `UPDATE checklist_templates SET unit_id = ?, title_ja = ?, title_en = ?, sort_order = ?, version = ?, updated_at = ?, updated_by = ?
         WHERE id = ? AND version = ?`,
      )
      .bind(next.unitId, next.titleJa, next.titleEn, next.sortOrder, next.version, next.updatedAt, next.updatedBy, next.id, next.version - 1),
    rest: [
      db.prepare("DELETE FROM checklist_template_items WHERE template_id = ?").bind(next.id),
      db.prepare("DELETE FROM checklist_template_sections WHERE template_id = ?").bind(next.id),
      ...templateContentSteps(db, next),
    ],
  };
}
