import { describe, expect, it } from "vitest";
import type { ActivationResult, ChecklistItem, ChecklistView, Template, TemplateSummary } from "../../src/schema/checklists";
import { type Client, countRows, openIncident, signIn } from "../helpers";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

async function activate(client: Client, incidentId: string, body: unknown) {
  return client.send("POST", `/api/incidents/${incidentId}/checklists/activations`, body);
}

async function viewOf(client: Client, incidentId: string, query = ""): Promise<ChecklistView> {
  const res = await client.get(`/api/incidents/${incidentId}/checklists${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ChecklistView;
}

async function templateCounts(client: Client): Promise<Map<string, TemplateSummary>> {
  const list = (await (await client.get("/api/checklists/templates")).json()) as { items: TemplateSummary[] };
  return new Map(list.items.map((t) => [t.id, t]));
}

/** An incident two hours old with the HQ's and the water department's checklists active. */
async function activeIncident(hq: Client, onsetAt = hoursAgo(2)) {
  const incident = await openIncident(hq, { onsetAt });
  const res = await activate(hq, incident.id, { unitIds: ["hq", "water"] });
  expect(res.status).toBe(201);
  return { incident, view: await viewOf(hq, incident.id) };
}

const itemOf = (view: ChecklistView, unitId: string, pred: (i: ChecklistItem) => boolean = () => true) =>
  view.items.find((i) => i.unitId === unitId && pred(i))!;

describe("activation", () => {
  it("copies the six elements and each unit's own templates in one write with one summary change", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: hoursAgo(1) });
    const changesBefore = await countRows("change_log", "stream = ?", incident.id);
    const res = await activate(hq, incident.id, { unitIds: ["hq", "water"] });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { data: ActivationResult; seq: number };

    const t = await templateCounts(hq);
    // The six-element template's HQ-only items (the mayor's succession order …) are not copied to the water department.
    const municipal = (await (await hq.get("/api/checklists/templates/municipal-bcp")).json()) as Template;
    const forWater = municipal.sections.flatMap((s) => s.items).filter((i) => i.unitIds === null || i.unitIds.includes("water")).length;
    expect(forWater).toBeLessThan(t.get("municipal-bcp")!.itemCount);
    const expected = t.get("municipal-bcp")!.itemCount + forWater + t.get("priority-hq")!.itemCount + t.get("water-bcp")!.itemCount + t.get("priority-water")!.itemCount;
    expect(body.data.itemCount).toBe(expected);
    expect(body.data.activations.map((a) => `${a.unitId}/${a.templateId}`)).toEqual([
      "hq/municipal-bcp",
      "hq/priority-hq",
      "water/municipal-bcp",
      "water/water-bcp",
      "water/priority-water",
    ]);
    expect(await countRows("checklist_items", "incident_id = ?", incident.id)).toBe(expected);
    expect(await countRows("change_log", "stream = ?", incident.id)).toBe(changesBefore + 1);
    expect(body.seq).toBe(changesBefore + 1);
  });

  it("gives each item a deadline of onset plus target and lists the HQ before the water department", async () => {
    const hq = await signIn("hq");
    const onsetAt = "2026-11-24T09:00:00+09:00";
    const { view } = await activeIncident(hq, onsetAt);
    expect(view.units.map((u) => u.unitId)).toEqual(["hq", "water"]);
    const hqHead = itemOf(view, "hq", (i) => i.itemKey === "pb-hq");
    expect(hqHead.targetMinutes).toBe(180);
    expect(hqHead.deadlineAt).toBe("2026-11-24T03:00:00.000Z");
    const day3 = itemOf(view, "water", (i) => i.itemKey === "supply-3l");
    expect(day3.deadlineAt).toBe("2026-11-27T00:00:00.000Z");
    expect(view.units[0]!.sections.map((s) => s.key)).toEqual(["succession", "alternate_site", "power_water_food", "communications", "data_backup", "priority_business"]);
  });

  it("answers the view in one D1 round trip after the session and says so in Server-Timing", async () => {
    const hq = await signIn("hq");
    const { incident } = await activeIncident(hq);
    const res = await hq.get(`/api/incidents/${incident.id}/checklists`);
    expect(res.headers.get("Server-Timing")).toMatch(/^app;dur=\d+\.\d, d1;dur=\d+\.\d;desc="2 round trips, 2 queries"$/);
  });

  it("lets a unit editor activate only their own unit, and a viewer nothing", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: hoursAgo(1) });
    const water = await signIn("water");
    const res = await activate(water, incident.id, { unitIds: ["water", "hq"] });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path)).toEqual(["unitIds.1"]);
    expect((await activate(await signIn("viewer"), incident.id, { unitIds: ["hq"] })).status).toBe(403);
    expect(await countRows("checklist_items", "incident_id = ?", incident.id)).toBe(0);
    expect((await activate(water, incident.id, { unitIds: ["water"] })).status).toBe(201);
  });

  it("refuses an onset in the future with 422 and writes nothing", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: new Date(Date.now() + 86_400_000).toISOString() });
    const before = await countRows("change_log", "stream = ?", incident.id);
    const res = await activate(hq, incident.id, { unitIds: ["hq"] });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; fields: { path: string }[] } };
    expect(body.error.code).toBe("onset_in_future");
    expect(body.error.fields[0]!.path).toBe("incident.onsetAt");
    expect(await countRows("checklist_items", "incident_id = ?", incident.id)).toBe(0);
    expect(await countRows("change_log", "stream = ?", incident.id)).toBe(before);
  });

  it("names unknown units and templates by path and writes nothing", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: hoursAgo(1) });
    const res = await activate(hq, incident.id, { unitIds: ["hq", "atlantis"], templateIds: ["municipal-bcp", "hospital-bcp", "nope"] });
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    expect(fields).toEqual(["unitIds.1", "templateIds.1", "templateIds.2"]);
    expect((await activate(hq, incident.id, { unitIds: [] })).status).toBe(400);
    expect(await countRows("checklist_items", "incident_id = ?", incident.id)).toBe(0);
  });

  it("skips what is already active, and answers 409 when everything is", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: hoursAgo(1) });
    expect((await activate(hq, incident.id, { unitIds: ["hq"], templateIds: ["municipal-bcp"] })).status).toBe(201);
    const more = await activate(hq, incident.id, { unitIds: ["hq"] });
    expect(more.status).toBe(201);
    const data = ((await more.json()) as { data: ActivationResult }).data;
    expect(data.activations.map((a) => a.templateId)).toEqual(["priority-hq"]);
    expect(data.alreadyActive).toEqual([{ unitId: "hq", templateId: "municipal-bcp" }]);
    const again = await activate(hq, incident.id, { unitIds: ["hq"] });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("already_activated");
  });

  it("lets only one of two simultaneous activations of the same checklist commit", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: hoursAgo(1) });
    const body = { unitIds: ["hospital"], templateIds: ["hospital-bcp"] };
    const answers = await Promise.all([activate(hq, incident.id, body), activate(hq, incident.id, body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const t = await templateCounts(hq);
    expect(await countRows("checklist_items", "incident_id = ?", incident.id)).toBe(t.get("hospital-bcp")!.itemCount);
  });

  it("answers 404 for an unknown incident", async () => {
    const hq = await signIn("hq");
    expect((await activate(hq, "no-such-incident", { unitIds: ["hq"] })).status).toBe(404);
    expect((await hq.get("/api/incidents/no-such-incident/checklists")).status).toBe(404);
  });
});

describe("working items", () => {
  const patchItem = (client: Client, id: string, body: unknown, key?: string) => client.send("PATCH", `/api/checklists/items/${id}`, body, key);

  it("lets the water editor tick a water item, which then appears in the incident's change log", async () => {
    const hq = await signIn("hq");
    const { incident, view } = await activeIncident(hq);
    const water = await signIn("water");
    const target = itemOf(view, "water");
    const res = await patchItem(water, target.id, { version: 1, state: "done", note: "確認済み" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: ChecklistItem; seq: number };
    expect(body.data).toMatchObject({ state: "done", note: "確認済み", version: 2, updatedBy: "user-water" });
    const changes = (await (await hq.get(`/api/incidents/${incident.id}/changes?after=${body.seq - 1}`)).json()) as { items: { entityId: string; after: ChecklistItem }[] };
    expect(changes.items[0]!.entityId).toBe(target.id);
    expect(changes.items[0]!.after.state).toBe("done");
    const history = (await (await hq.get(`/api/checklists/items/${target.id}/history`)).json()) as { items: { at: string }[] };
    expect(history.items).toHaveLength(1);
  });

  it("refuses another unit's item with 403 and a viewer's change, writing nothing", async () => {
    const hq = await signIn("hq");
    const { view } = await activeIncident(hq);
    const hqItem = itemOf(view, "hq");
    const wrongUnit = await patchItem(await signIn("water"), hqItem.id, { version: 1, state: "done" });
    expect(wrongUnit.status).toBe(403);
    expect(((await wrongUnit.json()) as { error: { fields: { path: string; message: string }[] } }).error.fields).toEqual([
      { path: "id", message: "the item belongs to unit hq" },
    ]);
    expect((await patchItem(await signIn("viewer"), hqItem.id, { version: 1, state: "done" })).status).toBe(403);
    expect(await countRows("checklist_items", "id = ? AND version = 1", hqItem.id)).toBe(1);
  });

  it("gives the second of two editors a 409 with the item as it is now", async () => {
    const hq = await signIn("hq");
    const { view } = await activeIncident(hq);
    const water = await signIn("water");
    const target = itemOf(view, "water");
    expect((await patchItem(hq, target.id, { version: 1, state: "in_progress" })).status).toBe(200);
    const second = await patchItem(water, target.id, { version: 1, state: "done" });
    expect(second.status).toBe(409);
    const body = (await second.json()) as { error: { code: string; current: ChecklistItem } };
    expect(body.error.code).toBe("stale_version");
    expect(body.error.current).toMatchObject({ id: target.id, state: "in_progress", version: 2 });
  });

  it("requires a reason for blocked and not applicable, with the field path, writing nothing", async () => {
    const hq = await signIn("hq");
    const { incident, view } = await activeIncident(hq);
    const target = itemOf(view, "hq");
    const before = await countRows("change_log", "stream = ?", incident.id);
    for (const state of ["blocked", "not_applicable"]) {
      const res = await patchItem(hq, target.id, { version: 1, state });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe("reason");
    }
    expect(await countRows("change_log", "stream = ?", incident.id)).toBe(before);
    const ok = await patchItem(hq, target.id, { version: 1, state: "blocked", reason: "庁舎が停電し端末が使えない" });
    expect(((await ok.json()) as { data: ChecklistItem }).data.reason).toBe("庁舎が停電し端末が使えない");
  });

  it("answers 404 for an unknown item, 422 for a transition the rules forbid, 400 for an unknown owner", async () => {
    const hq = await signIn("hq");
    const { view } = await activeIncident(hq);
    const target = itemOf(view, "hq");
    const unknown = await patchItem(hq, "no-such-item", { version: 1, state: "done" });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe("id");
    expect((await patchItem(hq, target.id, { version: 1, state: "done" })).status).toBe(200);
    const jump = await patchItem(hq, target.id, { version: 2, state: "blocked", reason: "x" });
    expect(jump.status).toBe(422);
    const owner = await patchItem(hq, target.id, { version: 2, ownerId: "user-nobody" });
    expect(owner.status).toBe(400);
    expect(((await owner.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe("ownerId");
    expect((await patchItem(hq, target.id, { version: 2, state: "finished" })).status).toBe(400);
    expect(await countRows("checklist_items", "id = ? AND version = 2", target.id)).toBe(1);
  });

  it("names the owner in the view so 'mine' can be filtered", async () => {
    const hq = await signIn("hq");
    const { incident, view } = await activeIncident(hq);
    const target = itemOf(view, "water");
    expect((await patchItem(hq, target.id, { version: 1, ownerId: "user-water" })).status).toBe(200);
    const after = await viewOf(hq, incident.id, "?unitId=water");
    expect(after.items.every((i) => i.unitId === "water")).toBe(true);
    expect(after.items.find((i) => i.id === target.id)).toMatchObject({ ownerId: "user-water", ownerName: "water user" });
    const people = (await (await hq.get("/api/checklists/people?unitId=water")).json()) as { items: { id: string }[] };
    expect(people.items.map((p) => p.id)).toEqual(["user-water"]);
  });

  it("counts items past their deadline as overdue until they are done", async () => {
    const hq = await signIn("hq");
    const { incident, view } = await activeIncident(hq, hoursAgo(4));
    const overdue = view.items.filter((i) => i.targetMinutes !== null && i.targetMinutes < 240);
    const hqUnit = view.units.find((u) => u.unitId === "hq")!;
    expect(hqUnit.overdue).toBe(overdue.filter((i) => i.unitId === "hq").length);
    expect(hqUnit.overdue).toBeGreaterThan(0);
    const first = overdue.find((i) => i.unitId === "hq")!;
    await patchItem(hq, first.id, { version: 1, state: "done" });
    const after = await viewOf(hq, incident.id);
    expect(after.units.find((u) => u.unitId === "hq")!.overdue).toBe(hqUnit.overdue - 1);
    expect(after.units.find((u) => u.unitId === "hq")!.done).toBe(1);
  });

  it("replays a retried write instead of applying it twice", async () => {
    const hq = await signIn("hq");
    const { incident, view } = await activeIncident(hq);
    const target = itemOf(view, "hq");
    const key = `retry-${crypto.randomUUID()}`;
    const first = await patchItem(hq, target.id, { version: 1, state: "in_progress" }, key);
    const before = await countRows("change_log", "stream = ?", incident.id);
    const again = await patchItem(hq, target.id, { version: 1, state: "in_progress" }, key);
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replay")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await countRows("change_log", "stream = ?", incident.id)).toBe(before);
  });

  it("keeps a closed incident's checklist as a record", async () => {
    const hq = await signIn("hq");
    const { incident, view } = await activeIncident(hq);
    expect((await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, status: "closed" })).status).toBe(200);
    const res = await patchItem(hq, itemOf(view, "hq").id, { version: 1, state: "done" });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("incident_closed");
  });
});

describe("CSV export", () => {
  it("exports a unit's checklist as UTF-8 with BOM, with the as-of time and sequence number", async () => {
    const hq = await signIn("hq");
    const { incident, view } = await activeIncident(hq);
    const res = await hq.get(`/api/incidents/${incident.id}/checklists.csv?unitId=water`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="checklist-.+-water-\d{12}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(new RegExp(`^時点（JST）: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,更新番号: ${view.seq}$`));
    expect(lines[1]!.startsWith("部署,要素,項目,状態")).toBe(true);
    expect(lines).toHaveLength(2 + view.items.filter((i) => i.unitId === "water").length);
    expect(lines[2]!.startsWith("上下水道部,")).toBe(true);
  });
});
