import { effect } from "@preact/signals";
import { describe, expect, it } from "vitest";
import type { AttentionEntry } from "../../src/domain/attention";
import type { Overview } from "../../src/schema/overview";
import { OverviewModel } from "../../web/views/overview/model";
import { openIncident, sendJson, signIn, type Client } from "../helpers";

const reader = (client: Client) => async (path: string) => (await client.get(path)).json() as Promise<Overview>;

async function incidentWithChecklists(hq: Client, unitIds: string[]) {
  const incident = await openIncident(hq, { onsetAt: new Date(Date.now() - 2 * 3_600_000).toISOString() });
  expect((await hq.send("POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds })).status).toBe(201);
  return incident;
}

describe("overview store", () => {
  it("re-renders only the unit card that shows a changed item: one unit's signal changes, the other cards' do not", async () => {
    const hq = await signIn("hq");
    const incident = await incidentWithChecklists(hq, ["hq", "water", "general"]);
    const model = new OverviewModel(incident.id, reader(hq));
    await model.refresh();
    expect(model.unitIds.value).toHaveLength(20);

    // What each card reads is its own unit's signal: count how often each would render.
    const renders = new Map<string, number>();
    const stops = model.unitIds.value.map((id) =>
      effect(() => {
        void model.unit(id)!.value;
        renders.set(id, (renders.get(id) ?? 0) + 1);
      }),
    );
    let functionPanelRenders = 0;
    stops.push(effect(() => void (model.functions.value, functionPanelRenders++)));

    const view = await (await hq.get(`/api/incidents/${incident.id}/checklists?unitId=general`)).json<{ items: { id: string; version: number }[] }>();
    const item = view.items[0]!;
    const done = await sendJson(hq, "PATCH", `/api/checklists/items/${item.id}`, { version: item.version, state: "done" });
    expect(done.status).toBe(200);
    await model.refresh();

    expect(model.seq.value).toBe(done.body.seq);
    expect(renders.get("general")).toBe(2);
    for (const [id, n] of renders) if (id !== "general" && id !== "hq") expect(n, id).toBe(1);
    // The HQ's card changes too: its last report is this write (the HQ made it).
    expect(renders.get("hq")).toBe(2);
    expect(functionPanelRenders).toBe(1);
    for (const stop of stops) stop();
  });

  it("hands newly arrived entries to the alerts, not those of the first picture, and ignores an older picture", async () => {
    const hq = await signIn("hq");
    const water = await signIn("water");
    const incident = await incidentWithChecklists(hq, ["water"]);
    const model = new OverviewModel(incident.id, reader(hq));
    const arrived: AttentionEntry[][] = [];
    model.onArrival((fresh) => arrived.push(fresh));
    await model.refresh();
    expect(arrived).toEqual([]);
    const before = await (await hq.get(`/api/incidents/${incident.id}/overview`)).json<Overview>();

    const sent = await sendJson(water, "POST", `/api/incidents/${incident.id}/liaison`, { kind: "report", priority: "urgent", toUnitId: "hq", body: "配水池の水位が急低下" });
    await model.refresh();
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.map((e) => e.key)).toEqual([`message:${sent.body.data.id}`]);
    expect(model.entryKeys.value[0]).toBe(`message:${sent.body.data.id}`);

    // A picture from before the message (a slow response overtaken by a later one) changes nothing.
    expect(model.apply(before)).toEqual([]);
    expect(model.entryKeys.value[0]).toBe(`message:${sent.body.data.id}`);
    expect(model.seq.value).toBe(sent.body.seq);
  });
});
