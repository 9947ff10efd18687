import { describe, expect, it } from "vitest";
import type { ChecklistView, ItemsAdded } from "../../src/schema/checklists";
import { type Client, countRows, openIncident, signIn } from "../helpers";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const add = (client: Client, incidentId: string, body: unknown) => client.send("POST", `/api/incidents/${incidentId}/checklists/items`, body);
const viewOf = async (client: Client, incidentId: string) =>
  (await (await client.get(`/api/incidents/${incidentId}/checklists`)).json()) as ChecklistView;
type Fields = { error: { code: string; fields: { path: string }[] } };

describe("items added during an incident", () => {
  it("adds items to the unit's checklist after its template items, with deadlines from the onset, in one change", async () => {
    const hq = await signIn("hq");
    const onsetAt = "2026-11-24T09:00:00+09:00";
    const incident = await openIncident(hq, { onsetAt });
    expect((await hq.send("POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds: ["water"], templateIds: ["water-bcp"] })).status).toBe(201);
    const before = await countRows("change_log", "stream = ?", incident.id);

    const water = await signIn("water");
    const res = await add(water, incident.id, {
      unitId: "water",
      items: [
        { sectionKey: "priority_business", textJa: "釧路川左岸の仮設給水所を設置", targetMinutes: 180 },
        { textJa: "自衛隊給水車の受入れ調整" },
      ],
    });
    expect(res.status).toBe(201);
    const added = ((await res.json()) as { data: ItemsAdded }).data;
    expect(added.itemCount).toBe(2);
    expect(await countRows("change_log", "stream = ?", incident.id)).toBe(before + 1);

    const again = await add(water, incident.id, { unitId: "water", items: [{ textJa: "臨時の水質検査" }] });
    expect(again.status).toBe(201);

    const view = await viewOf(water, incident.id);
    const last = view.items.slice(-3);
    expect(last.map((i) => i.textJa)).toEqual(["釧路川左岸の仮設給水所を設置", "自衛隊給水車の受入れ調整", "臨時の水質検査"]);
    expect(last[0]).toMatchObject({ sectionKey: "priority_business", sectionTitleJa: "非常時優先業務の整理", deadlineAt: "2026-11-24T03:00:00.000Z", state: "todo" });
    expect(last[1]).toMatchObject({ sectionKey: "added", sectionTitleJa: "臨時追加項目", deadlineAt: null });
    expect(view.units[0]!.total).toBe(view.items.length);
  });

  it("keeps a unit editor to their own unit and names the field", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: hoursAgo(1) });
    const res = await add(await signIn("water"), incident.id, { unitId: "hq", items: [{ textJa: "本部の項目" }] });
    expect(res.status).toBe(403);
    expect(((await res.json()) as Fields).error.fields[0]!.path).toBe("unitId");
    expect((await add(await signIn("viewer"), incident.id, { unitId: "hq", items: [{ textJa: "本部の項目" }] })).status).toBe(403);
    expect(await countRows("checklist_items", "incident_id = ?", incident.id)).toBe(0);
  });

  it("refuses duplicate or empty items, an unknown unit and an onset in the future, writing nothing", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: hoursAgo(1) });
    let res = await add(hq, incident.id, { unitId: "hq", items: [{ textJa: "伝令の指名" }, { textJa: " 伝令の指名 " }, { textJa: "" }] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Fields).error.fields.map((f) => f.path).sort()).toEqual(["items.1.textJa", "items.2.textJa"]);
    res = await add(hq, incident.id, { unitId: "atlantis", items: [{ textJa: "x" }] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Fields).error.fields[0]!.path).toBe("unitId");
    res = await add(hq, incident.id, { unitId: "hq", items: [{ sectionKey: "weather", textJa: "x" }] });
    expect(res.status).toBe(400);

    const future = await openIncident(hq, { onsetAt: new Date(Date.now() + 86_400_000).toISOString() });
    res = await add(hq, future.id, { unitId: "hq", items: [{ textJa: "x", targetMinutes: 60 }] });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Fields).error.code).toBe("onset_in_future");
    expect(await countRows("checklist_items", "incident_id IN (?, ?)", incident.id, future.id)).toBe(0);
  });

  it("refuses additions to a closed incident", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: hoursAgo(1) });
    await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, status: "closed" });
    const res = await add(hq, incident.id, { unitId: "hq", items: [{ textJa: "x" }] });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Fields).error.code).toBe("incident_closed");
  });
});
