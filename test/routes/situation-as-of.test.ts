import { describe, expect, it } from "vitest";
import type { SituationReport } from "../../src/schema/situation-reports";
import { countRows, openIncident, sendJson, signIn } from "../helpers";

type Refusal = { error: { code: string; fields?: { path: string }[] } };
const reports = (id: string) => `/api/incidents/${id}/situation-reports`;

/** What a report says, without the figures that count minutes up to its own time. */
const said = (r: SituationReport) => ({
  seq: r.seq,
  posture: r.content.posture,
  phase: r.content.overview.phase,
  units: r.content.units,
  overdueBusiness: r.content.overdueBusiness.map((b) => [b.itemId, b.state]),
  water: r.content.water.functions.map((f) => [f.id, f.state, f.siteId, f.working]),
  hospital: r.content.hospital.status,
  openRequests: r.content.openRequests.map((e) => e.key),
  attention: r.content.attention.entries.map((e) => [e.key, e.rank, e.action]),
  total: r.content.attention.total,
});

describe("situation reports as of an earlier point", () => {
  it("rebuilds the situation at an earlier seq or time from the change log, the same as a report produced then", async () => {
    const hq = await signIn("hq");
    const water = await signIn("water");
    const incident = await openIncident(hq, { onsetAt: new Date(Date.now() - 3 * 3_600_000).toISOString() });
    expect((await hq.send("POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds: ["hq", "water"] })).status).toBe(201);
    const urgent = await sendJson(water, "POST", `/api/incidents/${incident.id}/liaison`, { kind: "report", priority: "urgent", toUnitId: "hq", body: "上下水道部庁舎1階が浸水" });
    expect(urgent.status).toBe(201);
    expect((await water.send("POST", `/api/incidents/${incident.id}/relocation/fn-supply/transitions`, { to: "relocating", version: 0, staffPresent: 4 })).status).toBe(200);

    // 第1報, produced at the time.
    const first = await sendJson<{ data: SituationReport }>(hq, "POST", reports(incident.id), { summary: "沿岸部に津波警報" });
    expect(first.status).toBe(201);
    const then = first.body.data;
    expect(then.content.attention.entries[0]!.key).toBe(`message:${urgent.body.data.id}`);

    // Everything moves on: acknowledged, an overdue item done, a new request, a posture, the function working, items added.
    expect((await hq.send("POST", `/api/incidents/${incident.id}/liaison/${urgent.body.data.id}/ack`, { version: 1 })).status).toBe(200);
    const view = (await (await hq.get(`/api/incidents/${incident.id}/checklists`)).json()) as { items: { id: string; version: number; unitId: string }[] };
    const overdue = then.content.overdueBusiness.find((b) => b.unitId === "hq") ?? then.content.overdueBusiness[0]!;
    const item = view.items.find((i) => i.id === overdue.itemId)!;
    expect((await hq.send("PATCH", `/api/checklists/items/${item.id}`, { version: item.version, state: "done" })).status).toBe(200);
    expect((await water.send("POST", `/api/incidents/${incident.id}/liaison`, { kind: "request", priority: "high", toUnitId: "hq", body: "給水車2台の派遣を要請" })).status).toBe(201);
    expect((await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: incident.version, posture: "emergency" })).status).toBe(200);
    expect(
      (await water.send("POST", `/api/incidents/${incident.id}/relocation/fn-supply/transitions`, { to: "operational_at_alternate", version: 1, staffPresent: 10, overrideReason: "携帯回線で代替" })).status,
    ).toBe(200);
    expect(
      (await hq.send("POST", `/api/incidents/${incident.id}/checklists/items`, { unitId: "fire", items: [{ sectionKey: "communications", textJa: "無線の確認", textEn: "Radio check", targetMinutes: 30 }] })).status,
    ).toBe(201);
    const now = await sendJson<{ data: SituationReport }>(hq, "POST", reports(incident.id), {});
    expect(said(now.body.data)).not.toEqual(said(then));

    // 第3報 as of 第1報's seq, and 第4報 as of its time: both say what 第1報 said.
    const atSeq = await sendJson<{ data: SituationReport }>(hq, "POST", reports(incident.id), { atSeq: then.seq, summary: "沿岸部に津波警報" });
    expect(atSeq.status).toBe(201);
    expect(atSeq.body.data).toMatchObject({ number: 3, seq: then.seq, producedBy: { unitId: "hq" } });
    expect(said(atSeq.body.data)).toEqual(said(then));
    expect(atSeq.body.data.content.overview.summary).toBe("沿岸部に津波警報");
    const atTime = await sendJson<{ data: SituationReport }>(hq, "POST", reports(incident.id), { atTime: then.asOf });
    expect(atTime.status).toBe(201);
    expect(atTime.body.data).toMatchObject({ number: 4, seq: then.seq, asOf: then.asOf });
    expect(said(atTime.body.data)).toEqual(said(then));

    // Reopened exactly as produced, however much changes later.
    expect((await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: incident.version + 1, phase: "recovery" })).status).toBe(200);
    expect(await (await hq.get(`${reports(incident.id)}/3`)).json()).toEqual(atSeq.body.data);
  });

  it("refuses a point the log does not have, or two points at once, writing nothing", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const before = await countRows("change_log", "stream = ?", incident.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ atSeq: 9999 }, "atSeq"],
      [{ atTime: new Date(Date.now() + 3_600_000).toISOString() }, "atTime"],
      [{ atTime: "2000-01-01T00:00:00.000Z" }, "atTime"],
      [{ atSeq: 1, asOfSeq: 1 }, "atSeq"],
    ];
    for (const [body, path] of cases) {
      const res = await sendJson<Refusal>(hq, "POST", reports(incident.id), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields?.map((f) => f.path)).toContain(path);
    }
    expect(await countRows("situation_reports", "incident_id = ?", incident.id)).toBe(0);
    expect(await countRows("change_log", "stream = ?", incident.id)).toBe(before);
  });
});
