import { refusalOf, valueOf } from "./refusal-of";
import { describe, expect, it } from "vitest";
import { ADDED_TEMPLATE, appliesTo, planActivation, planAddition, withItemKeys } from "../../src/domain/checklists-activation";
import { checklistRows, formatJst } from "../../src/domain/checklists-output";
import { isVerificationOverdue, readinessAttentionOrder, readinessByUnit, verificationDueAt, verify } from "../../src/domain/checklists-readiness";
import type { ReadinessItem, Template } from "../../src/schema/checklists";

const template = (id: string, unitId: string | null, sortOrder: number, items: number): Template => ({
  id,
  unitId,
  titleJa: id,
  titleEn: id,
  sortOrder,
  version: 3,
  updatedAt: "2026-04-01T00:00:00.000Z",
  updatedBy: null,
  sections: [
    {
      key: "s",
      titleJa: "要素",
      titleEn: "Element",
      items: Array.from({ length: items }, (_, n) => ({ key: `k${n}`, textJa: `項目${n}`, textEn: `item ${n}`, targetMinutes: n === 0 ? 180 : null, unitIds: null })),
    },
  ],
});

const templates = [template("water-bcp", "water", 2, 2), template("municipal-bcp", null, 1, 3), template("priority-hq", "hq", 10, 1)];
let n = 0;
const base = {
  incident: { onsetAt: "2026-11-24T09:00:00+09:00", status: "open" },
  now: "2026-11-24T01:00:00.000Z",
  templates,
  units: new Set(["hq", "water", "hospital"]),
  active: [] as { unitId: string; templateId: string }[],
  newId: () => `id${n++}`,
};


describe("activation plan", () => {
  it("copies every applicable template for each chosen unit, shared ones first", () => {
    const plan = valueOf(planActivation({ ...base, request: { unitIds: ["hq", "water"] } }));
    expect(plan.activations).toEqual([
      { unitId: "hq", templateId: "municipal-bcp", templateVersion: 3, itemCount: 3 },
      { unitId: "hq", templateId: "priority-hq", templateVersion: 3, itemCount: 1 },
      { unitId: "water", templateId: "municipal-bcp", templateVersion: 3, itemCount: 3 },
      { unitId: "water", templateId: "water-bcp", templateVersion: 3, itemCount: 2 },
    ]);
    expect(plan.items).toHaveLength(9);
    const water = plan.items.filter((i) => i.unitId === "water");
    expect(water.map((i) => i.templateId)).toEqual(["municipal-bcp", "municipal-bcp", "municipal-bcp", "water-bcp", "water-bcp"]);
    expect(new Set(water.map((i) => i.position)).size).toBe(5);
    expect(water[0]).toMatchObject({ itemKey: "k0", textJa: "項目0", targetMinutes: 180, sectionKey: "s" });
  });

  it("copies an item only to the units it names", () => {
    const [municipal] = templates.filter((t) => t.id === "municipal-bcp");
    const hqOnly = { ...municipal!, sections: [{ ...municipal!.sections[0]!, items: municipal!.sections[0]!.items.map((i, k) => (k === 0 ? { ...i, unitIds: ["hq"] } : i)) }] };
    const plan = valueOf(planActivation({ ...base, templates: [hqOnly], request: { unitIds: ["hq", "hospital"] } }));
    expect(plan.items.filter((i) => i.itemKey === "k0").map((i) => i.unitId)).toEqual(["hq"]);
    expect(plan.activations).toEqual([
      { unitId: "hq", templateId: "municipal-bcp", templateVersion: 3, itemCount: 3 },
      { unitId: "hospital", templateId: "municipal-bcp", templateVersion: 3, itemCount: 2 },
    ]);
  });

  it("activates only the named templates when asked", () => {
    const plan = valueOf(planActivation({ ...base, request: { unitIds: ["hq", "water"], templateIds: ["municipal-bcp"] } }));
    expect(plan.activations.map((a) => `${a.unitId}/${a.templateId}`)).toEqual(["hq/municipal-bcp", "water/municipal-bcp"]);
  });

  it("leaves checklists already active as they are and reports them", () => {
    const plan = valueOf(planActivation({ ...base, active: [{ unitId: "hq", templateId: "municipal-bcp" }], request: { unitIds: ["hq"] } }));
    expect(plan.activations.map((a) => a.templateId)).toEqual(["priority-hq"]);
    expect(plan.alreadyActive).toEqual([{ unitId: "hq", templateId: "municipal-bcp" }]);
  });

  it("answers 409 when everything chosen is already active", () => {
    const active = [
      { unitId: "hq", templateId: "municipal-bcp" },
      { unitId: "hq", templateId: "priority-hq" },
    ];
    expect(refusalOf(planActivation({ ...base, active, request: { unitIds: ["hq"] } })).code).toBe("already_activated");
  });

  it("names each unknown unit, repeated unit, unknown template and template for another unit", () => {
    const e = refusalOf(planActivation({ ...base, request: { unitIds: ["hq", "nowhere", "hq"], templateIds: ["water-bcp", "missing"] } }));
    expect(e.status).toBe(400);
    expect(e.fields.map((f) => f.path)).toEqual(["unitIds.1", "unitIds.2", "templateIds.0", "templateIds.1"]);
  });

  it("refuses an incident whose onset is in the future", () => {
    const e = refusalOf(planActivation({ ...base, incident: { onsetAt: "2026-12-01T09:00:00+09:00", status: "open" }, request: { unitIds: ["hq"] } }));
    expect(e).toMatchObject({ status: 422, code: "onset_in_future" });
  });

  it("applies shared templates to every unit and unit templates to their own unit only", () => {
    expect(appliesTo({ unitId: null }, "audit")).toBe(true);
    expect(appliesTo({ unitId: "water" }, "water")).toBe(true);
    expect(appliesTo({ unitId: "water" }, "hq")).toBe(false);
  });

  it("gives missing item keys fresh ones that clash with none given", () => {
    const keys = ["a", "b"];
    const item = (key?: string) => ({ ...(key ? { key } : {}), textJa: `項目${key}`, textEn: "", targetMinutes: null, unitIds: null });
    const t = withItemKeys({ sections: [{ key: "s", titleJa: "要素", titleEn: "", items: [item("a"), item(), item()] }] }, () => keys.shift() ?? "c");
    expect(t.sections[0]!.items.map((i) => i.key)).toEqual(["a", "b", "c"]);
  });
});

describe("items added during an incident", () => {
  const request = { unitId: "water", items: [{ sectionKey: "communications" as const, textJa: "無線中継車の手配", textEn: "", targetMinutes: 60 }, { sectionKey: "added" as const, textJa: "臨時", textEn: "", targetMinutes: null }] };
  const input = { request, incident: base.incident, now: base.now, unitKnown: true, firstPosition: 1_000_000_005, newId: () => `a${n++}` };

  it("numbers the items on from the unit's last added one, titled by their element", () => {
    const items = valueOf(planAddition(input));
    expect(items.map((i) => i.position)).toEqual([1_000_000_005, 1_000_000_006]);
    expect(items[0]).toMatchObject({ templateId: ADDED_TEMPLATE, sectionTitleJa: "災害時にもつながる多様な通信手段", targetMinutes: 60, unitId: "water" });
    expect(items[1]!.sectionTitleJa).toBe("臨時追加項目");
    expect(items[0]!.itemKey).toBe(items[0]!.id);
  });

  it("follows the activation rules: unknown unit, onset in the future", () => {
    expect(refusalOf(planAddition({ ...input, unitKnown: false })).fields[0]!.path).toBe("unitId");
    expect(refusalOf(planAddition({ ...input, now: "2026-11-23T00:00:00.000Z" })).code).toBe("onset_in_future");
  });
});

describe("peacetime readiness", () => {
  const check = (over: Partial<ReadinessItem> = {}): ReadinessItem => ({
    id: "r",
    unitId: "hq",
    element: "communications",
    position: 1,
    textJa: "衛星携帯電話の通話試験",
    textEn: "Satellite phone test",
    intervalDays: 30,
    lastVerifiedAt: "2026-10-01T00:00:00.000Z",
    lastVerifiedBy: null,
    lastVerifiedByName: null,
    verificationNote: null,
    dueAt: "2026-10-31T00:00:00.000Z",
    version: 1,
    updatedAt: "2026-10-01T00:00:00.000Z",
    ...over,
  });

  it("is due the interval after the last verification, and overdue from then", () => {
    expect(verificationDueAt("2026-10-01T00:00:00.000Z", 30)).toBe("2026-10-31T00:00:00.000Z");
    expect(isVerificationOverdue(check(), "2026-10-30T23:59:59.999Z")).toBe(false);
    expect(isVerificationOverdue(check(), "2026-10-31T00:00:00.000Z")).toBe(true);
  });

  it("counts a check never verified as overdue", () => {
    expect(isVerificationOverdue(check({ lastVerifiedAt: null, dueAt: null }), "2026-01-01T00:00:00.000Z")).toBe(true);
  });

  it("restarts the interval when verified and records who did it", () => {
    const v = verify(check(), { version: 1, note: "通話良好" }, { now: "2026-11-24T00:00:00.000Z", userId: "user-hq", userName: "本部" });
    expect(v).toMatchObject({ lastVerifiedAt: "2026-11-24T00:00:00.000Z", dueAt: "2026-12-24T00:00:00.000Z", lastVerifiedByName: "本部", version: 2 });
  });

  it("summarises per unit and lists never-verified checks first, then the longest late", () => {
    const now = "2026-11-24T00:00:00.000Z";
    const list = [
      check({ id: "fine", dueAt: "2026-12-01T00:00:00.000Z", lastVerifiedAt: "2026-11-01T00:00:00.000Z" }),
      check({ id: "late", position: 2 }),
      check({ id: "never", lastVerifiedAt: null, dueAt: null, unitId: "water", position: 3 }),
    ];
    expect(readinessByUnit(list, now)).toEqual([
      { unitId: "hq", total: 2, overdue: 1, neverVerified: 0 },
      { unitId: "water", total: 1, overdue: 1, neverVerified: 1 },
    ]);
    expect([...list].sort(readinessAttentionOrder(now)).map((i) => i.id)).toEqual(["never", "late", "fine"]);
  });
});

describe("CSV and Japan time", () => {
  it("formats instants in JST", () => {
    expect(formatJst("2026-11-24T15:30:00.000Z")).toBe("2026-11-25 00:30");
    expect(formatJst(null)).toBe("");
  });

  it("writes one row per item with its deadline in JST and the overdue mark", () => {
    const rows = checklistRows(
      [
        {
          id: "i",
          incidentId: "inc",
          unitId: "water",
          templateId: "t",
          itemKey: "k",
          sectionKey: "s",
          sectionTitleJa: "応急給水",
          sectionTitleEn: "Water",
          position: 0,
          textJa: "給水開始",
          textEn: "Start",
          targetMinutes: 180,
          deadlineAt: "2026-11-24T03:00:00.000Z",
          state: "blocked",
          reason: "給水車故障",
          ownerId: null,
          ownerName: null,
          note: null,
          stateChangedAt: "2026-11-24T01:00:00.000Z",
          updatedAt: "2026-11-24T01:00:00.000Z",
          updatedBy: null,
          version: 2,
        },
      ],
      (id) => (id === "water" ? "上下水道部" : id),
      "2026-11-24T04:00:00.000Z",
    );
    expect(rows[1]).toEqual(["上下水道部", "応急給水", "給水開始", "支障あり", 180, "2026-11-24 12:00", "超過", null, "給水車故障", null, "2026-11-24 10:00", 2]);
  });
});
