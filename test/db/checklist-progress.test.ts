import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Overview } from "../../src/schema/overview";
import { openIncident, sendJson, signIn } from "../helpers";

const db = env.DB;

type Count = { unit_id: string; state: string; n: number };
const byKey = (rows: Count[]) => Object.fromEntries(rows.map((r) => [`${r.unit_id}|${r.state}`, r.n]));

/** The items counted now, one by one: the truth the kept counts must equal. */
async function counted(incidentId: string) {
  const { results } = await db
    .prepare("SELECT unit_id, state, COUNT(*) AS n FROM checklist_items WHERE incident_id = ? GROUP BY unit_id, state")
    .bind(incidentId)
    .all<Count>();
  return byKey(results);
}

async function kept(incidentId: string) {
  const { results } = await db.prepare("SELECT unit_id, state, n FROM checklist_progress WHERE incident_id = ? AND n > 0").bind(incidentId).all<Count>();
  return byKey(results);
}

describe("checklist progress kept at write time", () => {
  it("equals the items counted one by one after activations, additions, state changes and statements outside the API, and the overview shows it", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    const id = incident.id;
    expect((await hq.send("POST", `/api/incidents/${id}/checklists/activations`, { unitIds: ["hq", "water", "hospital"] })).status).toBe(201);
    const added = await sendJson(hq, "POST", `/api/incidents/${id}/checklists/items`, {
      unitId: "hq",
      items: Array.from({ length: 5 }, (_, n) => ({ sectionKey: "communications", textJa: `追加 ${n}`, textEn: `Added ${n}`, targetMinutes: 60 })),
    });
    expect(added.status).toBe(201);
    expect(await kept(id)).toEqual(await counted(id));

    // Every state, and back again: each change moves one item from one count to another.
    const view = (await (await hq.get(`/api/incidents/${id}/checklists`)).json()) as { items: { id: string; version: number }[] };
    const steps = [
      { state: "in_progress" },
      { state: "done" },
      { state: "blocked", reason: "停電" },
      { state: "not_applicable", reason: "対象外" },
    ];
    for (let i = 0; i < 24; i++) {
      const item = view.items[(i * 5) % view.items.length]!;
      const res = await sendJson(hq, "PATCH", `/api/checklists/items/${item.id}`, { version: item.version, ...steps[i % steps.length] });
      expect(res.status).toBe(200);
      item.version = res.body.data.version;
    }
    const reopened = view.items[0]!;
    expect((await hq.send("PATCH", `/api/checklists/items/${reopened.id}`, { version: reopened.version, state: "todo" })).status).toBe(200);
    expect(await kept(id)).toEqual(await counted(id));

    // Whatever statement changes an item (not only this API's), the count follows in the same transaction.
    const some = view.items.slice(30, 33).map((i) => i.id);
    await db.batch([
      db.prepare("DELETE FROM checklist_items WHERE id = ?").bind(some[0]),
      db.prepare("UPDATE checklist_items SET unit_id = 'fire' WHERE id = ?").bind(some[1]),
      db.prepare("UPDATE checklist_items SET state = 'blocked', note = 'x' WHERE id = ?").bind(some[2]),
    ]);
    const truth = await counted(id);
    expect(await kept(id)).toEqual(truth);

    // The overview's unit cards carry exactly those counts.
    const overview = (await (await hq.get(`/api/incidents/${id}/overview`)).json()) as Overview;
    const shown = Object.fromEntries(overview.units.filter((u) => u.checklist).map((u) => [u.unitId, u.checklist!]));
    const units = [...new Set(Object.keys(truth).map((k) => k.split("|")[0]!))];
    expect(Object.keys(shown).sort()).toEqual(units.sort());
    for (const unit of units) {
      const n = (state: string) => truth[`${unit}|${state}`] ?? 0;
      expect(shown[unit]).toMatchObject({
        total: ["todo", "in_progress", "done", "blocked", "not_applicable"].reduce((sum, s) => sum + n(s), 0),
        closed: n("done") + n("not_applicable"),
        blocked: n("blocked"),
        inProgress: n("in_progress"),
      });
    }
  });
});
