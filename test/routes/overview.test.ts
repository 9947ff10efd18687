import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Overview } from "../../src/schema/overview";
import { openIncident, rewriteChangeLog, sendJson, signIn } from "../helpers";

const overviewOf = async (client: Awaited<ReturnType<typeof signIn>>, id: string, query = "") => {
  const res = await client.get(`/api/incidents/${id}/overview${query}`);
  expect(res.status).toBe(200);
  return { body: (await res.json()) as Overview, timing: res.headers.get("Server-Timing") ?? "" };
};

describe("HQ overview", () => {
  it("shows every unit, and an urgent message from the water HQ at the top of the queue at once, with the seq it reflects", async () => {
    const hq = await signIn("hq");
    const water = await signIn("water");
    // Onset two hours ago, so the 1-hour prioritised business is overdue.
    const incident = await openIncident(hq, { onsetAt: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    expect((await hq.send("POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds: ["hq", "water"] })).status).toBe(201);
    const sent = await sendJson(water, "POST", `/api/incidents/${incident.id}/liaison`, {
      kind: "report",
      priority: "urgent",
      toUnitId: "hq",
      body: "上下水道部庁舎1階が浸水。本部を愛国浄水場へ移転開始",
    });
    expect(sent.status).toBe(201);

    const { body, timing } = await overviewOf(hq, incident.id);
    expect(body.seq).toBe(sent.body.seq);
    expect(body.units).toHaveLength(20);
    expect(body.attention.entries[0]).toMatchObject({ kind: "message", rank: 0, unitId: "hq", action: "acknowledge", subject: sent.body.data.body });
    expect(body.attention.urgent).toBeGreaterThanOrEqual(1);
    expect(body.tabs.relocation.unacknowledged).toBe(1);
    const waterUnit = body.units.find((u) => u.unitId === "water")!;
    expect(waterUnit).toMatchObject({ participating: true });
    expect(waterUnit.lastReportAt).not.toBeNull();
    expect(waterUnit.checklist!.total).toBeGreaterThan(0);
    expect(waterUnit.functions!.total).toBeGreaterThan(0);
    expect(body.units.find((u) => u.unitId === "audit")).toMatchObject({ participating: false, checklist: null, lastReportAt: null });
    expect(body.tabs.checklists.overdue).toBe(body.units.reduce((n, u) => n + (u.checklist?.overdue ?? 0), 0));
    expect(body.tabs.checklists.overdue).toBeGreaterThan(0);
    // The whole read is one D1 round trip after the session, and the header says so.
    expect(timing).toMatch(/d1;dur=[\d.]+;desc="2 round trips, \d+ quer/);

    // Acknowledged, it leaves the queue; the picture says the later seq.
    const ack = await sendJson(hq, "POST", `/api/incidents/${incident.id}/liaison/${sent.body.data.id}/ack`, { version: 1 });
    expect(ack.status).toBe(200);
    const after = (await overviewOf(hq, incident.id)).body;
    expect(after.seq).toBe(ack.body.seq);
    expect(after.attention.entries.find((e) => e.key === `message:${sent.body.data.id}`)).toBeUndefined();
    expect(after.tabs.relocation.unacknowledged).toBe(0);
  });

  it("names a participating unit that has not reported within the configured time, and the hospital that has not reported its status", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { onsetAt: new Date(Date.now() - 3 * 3_600_000).toISOString() });
    expect((await hq.send("POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds: ["hospital", "fire"] })).status).toBe(201);
    // The activation was logged as the HQ's change; age it as if it happened at the onset.
    await rewriteChangeLog(env.DB.prepare("UPDATE change_log SET at = ? WHERE stream = ?").bind(new Date(Date.now() - 3 * 3_600_000).toISOString(), incident.id));

    // The incident's stored threshold: 60 minutes unless the HQ changes it.
    const { body } = await overviewOf(hq, incident.id);
    expect(body.settings.silentMinutes).toBe(60);
    const keys = body.attention.entries.map((e) => e.key);
    expect(keys).toContain("silent_unit:fire");
    expect(keys).toContain("silent_unit:hospital");
    expect(keys).toContain("hospital:unreported");
    expect(body.attention.entries.find((e) => e.key === "silent_unit:fire")).toMatchObject({ detail: { neverReported: true } });

    // Another unit may not change it; a threshold out of range is refused; nothing changes.
    const water = await signIn("water");
    expect((await water.send("PATCH", `/api/incidents/${incident.id}`, { version: incident.version, silentMinutes: 600 })).status).toBe(403);
    const tooShort = await sendJson(hq, "PATCH", `/api/incidents/${incident.id}`, { version: incident.version, silentMinutes: 1 });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.fields[0].path).toBe("silentMinutes");

    // The HQ sets 10 hours: the silent units leave the queue, and the change is in the log.
    const set = await sendJson(hq, "PATCH", `/api/incidents/${incident.id}`, { version: incident.version, silentMinutes: 600 });
    expect(set.status).toBe(200);
    expect(set.body.data.silentMinutes).toBe(600);
    const longer = (await overviewOf(hq, incident.id)).body;
    expect(longer.settings.silentMinutes).toBe(600);
    expect(longer.attention.entries.map((e) => e.kind)).not.toContain("silent_unit");
    const log = (await (await hq.get(`/api/incidents/${incident.id}/changes?after=0&limit=100`)).json()) as { items: { seq: number }[] };
    const logged = log.items.find((ch: { seq: number }) => ch.seq === set.body.seq);
    expect(logged).toMatchObject({ entityType: "incident", op: "update", before: { silentMinutes: 60 }, after: { silentMinutes: 600 }, actor: { unitId: "hq" } });
  });

  it("answers 404 for an unknown incident and 401 without sign-in", async () => {
    const hq = await signIn("hq");
    expect((await hq.get("/api/incidents/nope/overview")).status).toBe(404);
    const { SELF } = await import("cloudflare:test");
    expect((await SELF.fetch("https://keizoku.test/api/incidents/nope/overview")).status).toBe(401);
  });
});
