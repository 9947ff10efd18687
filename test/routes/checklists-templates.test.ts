import { describe, expect, it } from "vitest";
import type { ChecklistView, Template } from "../../src/schema/checklists";
import { type Client, countRows, openIncident, signIn } from "../helpers";

const getTemplate = async (client: Client, id: string) => (await (await client.get(`/api/checklists/templates/${id}`)).json()) as Template;

/** A template body as an admin would send it back, from what the server answered. */
const bodyOf = (t: Template) => ({
  version: t.version,
  titleJa: t.titleJa,
  titleEn: t.titleEn,
  unitId: t.unitId,
  sortOrder: t.sortOrder,
  sections: structuredClone(t.sections),
});

type Fields = { error: { code: string; fields: { path: string; message: string }[] } };

describe("shipped templates", () => {
  it("build the municipal checklist on the six essential elements, with concrete items under each", async () => {
    const t = await getTemplate(await signIn("viewer"), "municipal-bcp");
    expect(t.unitId).toBeNull();
    expect(t.sections.map((s) => s.key)).toEqual(["succession", "alternate_site", "power_water_food", "communications", "data_backup", "priority_business"]);
    for (const s of t.sections) expect(s.items.length).toBeGreaterThanOrEqual(4);
    const texts = t.sections.flatMap((s) => s.items.map((i) => i.textJa)).join("\n");
    for (const word of ["72時間", "衛星携帯電話", "防災行政無線", "災害時優先電話", "遠隔地バックアップ", "復元"]) expect(texts).toContain(word);
  });

  it("give the water department the 3 / 20 / 100 / 250 L targets by day 3 / 10 / 21 / 28", async () => {
    const t = await getTemplate(await signIn("viewer"), "water-bcp");
    expect(t.unitId).toBe("water");
    expect(t.sections.map((s) => s.key)).toEqual(["hq_command", "contacts", "records", "plants_pumps", "pipes", "water_supply"]);
    const supply = t.sections.find((s) => s.key === "water_supply")!.items;
    const targets = ["3L", "20L", "100L", "250L"].map((l) => supply.find((i) => i.textJa.includes(`1人1日${l}`))!.targetMinutes);
    expect(targets).toEqual([3, 10, 21, 28].map((day) => day * 1440));
  });

  it("give the hospital its generator load, fuel, triage tags, DMAT and surge space", async () => {
    const t = await getTemplate(await signIn("viewer"), "hospital-bcp");
    const texts = t.sections.flatMap((s) => s.items.map((i) => i.textJa)).join("\n");
    for (const word of ["約6割", "約3日分", "トリアージタグ", "DMAT", "臨時"]) expect(texts).toContain(word);
  });

  it("list prioritised emergency business per unit with target starts", async () => {
    const hq = await signIn("hq");
    const list = (await (await hq.get("/api/checklists/templates")).json()) as { items: { id: string; unitId: string | null; itemCount: number }[] };
    const priority = list.items.filter((t) => t.id.startsWith("priority-"));
    expect(priority.map((t) => t.unitId)).toEqual(expect.arrayContaining(["hq", "water", "hospital", "general"]));
    const t = await getTemplate(hq, "priority-general");
    expect(t.sections[0]!.items.every((i) => i.targetMinutes !== null)).toBe(true);
    expect((await hq.get("/api/checklists/templates/nope")).status).toBe(404);
  });
});

describe("items that apply to some units only", () => {
  it("copies the mayor's order of succession to the HQ's checklist only, never to the hospital's", async () => {
    const hq = await signIn("hq");
    const municipal = await getTemplate(hq, "municipal-bcp");
    const succession = municipal.sections.flatMap((s) => s.items).find((i) => i.key === "succession-order")!;
    expect(succession.unitIds).toEqual(["hq"]);
    const incident = await openIncident(hq, { onsetAt: new Date(Date.now() - 3_600_000).toISOString() });
    expect((await hq.send("POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds: ["hq", "hospital"], templateIds: ["municipal-bcp"] })).status).toBe(201);
    const copies = async (unitId: string) =>
      countRows("checklist_items", "incident_id = ? AND unit_id = ? AND item_key = 'succession-order'", incident.id, unitId);
    expect(await copies("hq")).toBe(1);
    expect(await copies("hospital")).toBe(0);
    // Items for every unit still reach the hospital.
    expect(await countRows("checklist_items", "incident_id = ? AND unit_id = 'hospital' AND item_key = 'power-generator'", incident.id)).toBe(1);
  });
});

describe("editing templates", () => {
  it("lets an admin replace a template over its version; incidents already activated keep their copy", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: new Date(Date.now() - 3_600_000).toISOString() });
    await hq.send("POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds: ["welfare"], templateIds: ["priority-welfare"] });
    const t = await getTemplate(hq, "priority-welfare");
    const body = bodyOf(t);
    body.sections[0]!.items[0]!.textJa = "避難行動要支援者名簿に基づく安否確認";
    body.sections[0]!.items.push({ key: "new-one", textJa: "在宅酸素療法患者への電源確保の支援", textEn: "", targetMinutes: 1440, unitIds: null });
    const res = await hq.send("PUT", "/api/checklists/templates/priority-welfare", body);
    expect(res.status).toBe(200);
    const saved = ((await res.json()) as { data: Template }).data;
    expect(saved.version).toBe(t.version + 1);
    expect(saved.sections[0]!.items).toHaveLength(t.sections[0]!.items.length + 1);
    expect((await getTemplate(hq, "priority-welfare")).sections[0]!.items[0]!.textJa).toBe("避難行動要支援者名簿に基づく安否確認");

    const view = (await (await hq.get(`/api/incidents/${incident.id}/checklists`)).json()) as ChecklistView;
    expect(view.items).toHaveLength(t.sections[0]!.items.length);
    expect(view.items[0]!.textJa).toBe(t.sections[0]!.items[0]!.textJa);
  });

  it("refuses duplicate and empty items with their field paths, writing nothing", async () => {
    const hq = await signIn("hq");
    const t = await getTemplate(hq, "priority-urban");
    const changes = await countRows("change_log", "stream = 'standing'");
    const dup = bodyOf(t);
    dup.sections[0]!.items.push({ ...dup.sections[0]!.items[0]!, key: "another" });
    let res = await hq.send("PUT", "/api/checklists/templates/priority-urban", dup);
    expect(res.status).toBe(400);
    let body = (await res.json()) as Fields;
    expect(body.error.fields.map((f) => f.path)).toEqual([`sections.0.items.${dup.sections[0]!.items.length - 1}.textJa`]);

    const empty = bodyOf(t);
    empty.sections[0]!.items[1]!.textJa = "   ";
    res = await hq.send("PUT", "/api/checklists/templates/priority-urban", empty);
    expect(res.status).toBe(400);
    body = (await res.json()) as Fields;
    expect(body.error.fields.map((f) => f.path)).toContain("sections.0.items.1.textJa");

    const sameKey = bodyOf(t);
    sameKey.sections[0]!.items[1]!.key = sameKey.sections[0]!.items[0]!.key;
    res = await hq.send("PUT", "/api/checklists/templates/priority-urban", sameKey);
    expect(((await res.json()) as Fields).error.fields.map((f) => f.path)).toEqual(["sections.0.items.1.key"]);

    const noItems = { ...bodyOf(t), sections: [{ key: "x", titleJa: "空", titleEn: "", items: [] }] };
    res = await hq.send("PUT", "/api/checklists/templates/priority-urban", noItems);
    expect(((await res.json()) as Fields).error.fields.map((f) => f.path)).toEqual(["sections.0.items"]);

    const huge = { ...bodyOf(t), sections: [0, 1, 2].map((n) => ({ key: `s${n}`, titleJa: `要素${n}`, titleEn: "", items: Array.from({ length: 400 }, (_, i) => ({ textJa: `項目${n}-${i}` })) })) };
    res = await hq.send("PUT", "/api/checklists/templates/priority-urban", huge);
    expect(((await res.json()) as Fields).error.fields.map((f) => f.path)).toEqual(["sections"]);

    expect((await getTemplate(hq, "priority-urban")).version).toBe(t.version);
    expect(await countRows("change_log", "stream = 'standing'")).toBe(changes);
  });

  it("answers a stale version with 409 and the template as it is now", async () => {
    const hq = await signIn("hq");
    const t = await getTemplate(hq, "priority-citizens");
    expect((await hq.send("PUT", "/api/checklists/templates/priority-citizens", { ...bodyOf(t), titleEn: "Citizens" })).status).toBe(200);
    const res = await hq.send("PUT", "/api/checklists/templates/priority-citizens", { ...bodyOf(t), titleEn: "Other" });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { current: Template } }).error.current).toMatchObject({ version: t.version + 1, titleEn: "Citizens" });
  });

  it("keeps templates to administrators", async () => {
    const water = await signIn("water");
    const t = await getTemplate(water, "water-bcp");
    expect((await water.send("PUT", "/api/checklists/templates/water-bcp", bodyOf(t))).status).toBe(403);
    expect((await (await signIn("viewer")).send("POST", "/api/checklists/templates", { ...bodyOf(t), version: undefined })).status).toBe(403);
  });

  it("adds a template for a unit, keying items the admin left unkeyed; an unknown unit is a 400", async () => {
    const hq = await signIn("hq");
    const input = {
      titleJa: "非常時優先業務（教育委員会）",
      unitId: "education",
      sections: [{ key: "priority_business", titleJa: "非常時優先業務の整理", items: [{ textJa: "児童生徒の安否確認", targetMinutes: 180 }, { textJa: "学校避難所の開設支援", targetMinutes: 180 }] }],
    };
    const res = await hq.send("POST", "/api/checklists/templates", input);
    expect(res.status).toBe(201);
    const t = ((await res.json()) as { data: Template }).data;
    expect(t.sections[0]!.items.map((i) => i.key).every((k) => k.length > 0)).toBe(true);
    expect((await getTemplate(hq, t.id)).sections[0]!.items.map((i) => i.textJa)).toEqual(["児童生徒の安否確認", "学校避難所の開設支援"]);

    const bad = await hq.send("POST", "/api/checklists/templates", { ...input, unitId: "atlantis" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Fields).error.fields[0]!.path).toBe("unitId");
  });
});
