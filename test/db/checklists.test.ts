import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { insertActivation, readChecklist } from "../../src/db/checklists";
import { findTemplate, insertTemplate, replaceTemplate } from "../../src/db/checklists-templates";
import { insertIncident } from "../../src/db/incidents";
import type { NewItem } from "../../src/domain/checklists-activation";
import { newIncident as buildIncident } from "../../src/domain/incidents";
import type { Template } from "../../src/schema/checklists";

const db = env.DB;

/** An incident row with the given onset, built by the domain's own constructor. */
async function newIncident(onsetAt: string) {
  const incident = buildIncident(
    { title: "地震", kind: "drill", hazard: "earthquake", onsetAt, phase: "initial" },
    { id: `inc-${crypto.randomUUID()}`, now: new Date().toISOString(), userId: "user-hq", unitId: "hq" },
  );
  await insertIncident(db, incident).run();
  return incident.id;
}

const newItems = (unitId: string, n: number): NewItem[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${unitId}-${i}-${crypto.randomUUID()}`,
    unitId,
    templateId: "municipal-bcp",
    itemKey: `k${i}`,
    sectionKey: `s${Math.floor(i / 100)}`,
    sectionTitleJa: "要素",
    sectionTitleEn: "Element",
    position: n - i,
    textJa: `項目 "${i}"`,
    textEn: `item ${i}`,
    targetMinutes: i % 2 === 0 ? 60 : null,
  }));

describe("checklist queries", () => {
  it("inserts a large activation across several statements and reads it back in unit and position order", async () => {
    const incidentId = await newIncident("2026-11-24T00:00:00.000Z");
    const items = [...newItems("water", 600), ...newItems("hq", 30)];
    const steps = insertActivation(db, {
      incidentId,
      activations: [
        { unitId: "water", templateId: "municipal-bcp", templateVersion: 1, itemCount: 600 },
        { unitId: "hq", templateId: "municipal-bcp", templateVersion: 1, itemCount: 30 },
      ],
      items,
      at: "2026-11-24T01:00:00.000Z",
      userId: "user-hq",
    });
    expect(steps.length).toBe(1 + Math.ceil(630 / 250));
    await db.batch(steps);

    const read = (await readChecklist(db, incidentId, null))!;
    expect(read.items).toHaveLength(630);
    // HQ sorts before water (units.sort_order); inside a unit, by position.
    expect(read.items[0]!.unitId).toBe("hq");
    const water = read.items.filter((i) => i.unitId === "water");
    expect(water.map((i) => i.position)).toEqual([...water.map((i) => i.position)].sort((a, b) => a - b));
    const first = water.find((i) => i.itemKey === "k0")!;
    expect(first).toMatchObject({ textJa: '項目 "0"', state: "todo", version: 1, deadlineAt: "2026-11-24T01:00:00.000Z", ownerName: null });
    expect(water.find((i) => i.itemKey === "k1")!.deadlineAt).toBeNull();
    expect((await readChecklist(db, incidentId, "hq"))!.items).toHaveLength(30);
  });

  it("answers null for an unknown incident", async () => {
    expect(await readChecklist(db, "none", null)).toBeNull();
  });

  it("stores a template's sections and items in order and replaces them only over the version seen", async () => {
    const t: Template = {
      id: `tpl-${crypto.randomUUID()}`,
      unitId: "water",
      titleJa: "試験",
      titleEn: "Test",
      sortOrder: 5,
      version: 1,
      updatedAt: "2026-11-24T00:00:00.000Z",
      updatedBy: "user-hq",
      sections: [
        { key: "b", titleJa: "二", titleEn: "Two", items: [{ key: "x", textJa: "X", textEn: "", targetMinutes: null, unitIds: null }] },
        { key: "a", titleJa: "一", titleEn: "One", items: [{ key: "z", textJa: "Z", textEn: "", targetMinutes: 30, unitIds: ["hq"] }, { key: "y", textJa: "Y", textEn: "", targetMinutes: null, unitIds: null }] },
      ],
    };
    await db.batch(insertTemplate(db, t));
    expect(await findTemplate(db, t.id)).toEqual(t);

    const next = { ...t, version: 2, sections: [t.sections[1]!] };
    const { head, rest } = replaceTemplate(db, next);
    await db.batch([head, ...rest]);
    expect(await findTemplate(db, t.id)).toEqual(next);

    // A second replace from version 1 finds no row to update.
    const stale = replaceTemplate(db, { ...t, version: 2 });
    expect((await stale.head.run()).meta.changes).toBe(0);
  });
});
