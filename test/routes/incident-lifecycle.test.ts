import { describe, expect, it } from "vitest";
import { clientWith, countRows, openIncident, sendJson, signIn } from "../helpers";

type Incident = {
  id: string;
  version: number;
  phase: string;
  phases: { phase: string; beganAt: string }[];
  posture: string | null;
  postures: { posture: string; since: string }[];
  status: string;
  closedAt: string | null;
};
type Refusal = { error: { code: string; message: string } };

const patch = (id: string) => `/api/incidents/${id}`;

describe("incident lifecycle", () => {
  it("records each phase and each 配備体制 with the time it began, in the change log", async () => {
    const hq = await signIn("hq");
    const opened = (await sendJson<{ data: Incident }>(hq, "POST", "/api/incidents", {
      title: "大雨警戒",
      kind: "real",
      hazard: "flood",
      onsetAt: "2026-11-24T09:00:00+09:00",
      phase: "warning",
      posture: "attention",
    })).body.data;
    expect(opened.phases).toHaveLength(1);
    expect(opened.phases[0]!.phase).toBe("warning");
    expect(opened.postures.map((p) => p.posture)).toEqual(["attention"]);

    const first = await sendJson<{ data: Incident }>(hq, "PATCH", patch(opened.id), { version: 1, phase: "initial", posture: "emergency" });
    expect(first.status).toBe(200);
    const next = first.body.data;
    expect(next.phases.map((p) => p.phase)).toEqual(["warning", "initial"]);
    expect(next.postures.map((p) => p.posture)).toEqual(["attention", "emergency"]);
    expect(Date.parse(next.phases[1]!.beganAt)).toBeGreaterThanOrEqual(Date.parse(opened.phases[0]!.beganAt));

    const log = (await (await hq.get(`/api/incidents/${opened.id}/changes`)).json()) as { items: { entityType: string; before: Incident; after: Incident }[] };
    const last = log.items.at(-1)!;
    expect(last.entityType).toBe("incident");
    expect(last.before.posture).toBe("attention");
    expect(last.after.posture).toBe("emergency");
    expect(last.after.phase).toBe("initial");
  });

  it("refuses a posture outside 注意配備 / 警戒配備 / 非常配備 and reopening, writing nothing", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const before = await countRows("change_log", "stream = ?", incident.id);
    const bad = await sendJson<{ error: { fields: { path: string }[] } }>(hq, "PATCH", patch(incident.id), { version: 1, posture: "level3", status: "open" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path).sort()).toEqual(["posture", "status"]);
    expect(await countRows("change_log", "stream = ?", incident.id)).toBe(before);
  });

  it("lets no viewer, and no other unit, close an incident", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    for (const who of ["viewer", "water"]) {
      const res = await (await signIn(who)).send("PATCH", patch(incident.id), { version: 1, status: "closed" });
      expect(res.status).toBe(403);
    }
    expect(await countRows("incidents", "id = ? AND status = 'open'", incident.id)).toBe(1);
  });

  it("refuses every write to a closed incident with 409 incident_closed, and writes nothing", async () => {
    const hq = await signIn("hq");
    const water = await signIn("water");
    const hospital = await signIn("hospital");
    const incident = await openIncident(hq);
    const closed = await sendJson<{ data: Incident }>(hq, "PATCH", patch(incident.id), { version: 1, status: "closed" });
    expect(closed.status).toBe(200);
    expect(closed.body.data.status).toBe("closed");
    expect(closed.body.data.closedAt).not.toBeNull();
    const logged = await countRows("change_log", "stream = ?", incident.id);

    const attempts: [typeof hq, string, string, unknown][] = [
      [hq, "PATCH", patch(incident.id), { version: 2, phase: "recovery" }],
      [hq, "PATCH", patch(incident.id), { version: 2, title: "再開" }],
      [hq, "POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds: ["hq"] }],
      [water, "POST", `/api/incidents/${incident.id}/liaison`, { kind: "report", priority: "normal", toUnitId: "hq", body: "報告" }],
      [water, "POST", `/api/incidents/${incident.id}/relocation/fn-supply/transitions`, { to: "relocating", version: 0 }],
      [hospital, "POST", "/api/drills", { kind: "fire", title: "火災訓練", scheduledAt: "2026-11-24T10:00:00+09:00", place: "本館", incidentId: incident.id }],
    ];
    for (const [client, method, path, body] of attempts) {
      const res = await sendJson<Refusal>(client, method, path, body);
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({ path, status: 409, code: "incident_closed" });
      expect(res.body.error.message).toMatch(/closed/);
    }
    expect(await countRows("change_log", "stream = ?", incident.id)).toBe(logged);
    expect(await countRows("drills", "incident_id = ?", incident.id)).toBe(0);
    expect(await countRows("incidents", "id = ? AND version = 2", incident.id)).toBe(1);
    // Still readable, as a record.
    expect((await hq.get(`/api/incidents/${incident.id}`)).status).toBe(200);
  });
});

describe("incident archive", () => {
  it("finds closed incidents by title words, hazard and onset date (JST), and never an open one", async () => {
    const hq = await signIn("hq");
    const flood = await openIncident(hq, { title: "釧路川 氾濫 警戒 2026", hazard: "flood", onsetAt: "2026-08-10T23:30:00+09:00" });
    const quake = await openIncident(hq, { title: "釧路沖 地震 2026", hazard: "earthquake", onsetAt: "2026-08-11T00:30:00+09:00" });
    const stillOpen = await openIncident(hq, { title: "釧路川 氾濫 対応中", hazard: "flood", onsetAt: "2026-08-10T12:00:00+09:00" });
    for (const i of [flood, quake]) expect((await hq.send("PATCH", patch(i.id), { version: 1, status: "closed" })).status).toBe(200);

    const search = async (query: string) =>
      ((await (await hq.get(`/api/archive/incidents?${query}`)).json()) as { items: { id: string }[]; total: number }).items.map((i) => i.id);
    expect(await search("q=氾濫")).toContain(flood.id);
    expect(await search("q=氾濫")).not.toContain(stillOpen.id);
    expect(await search("q=釧路 2026&hazard=earthquake")).toEqual([quake.id]);
    // 23:30 JST on 10 August is still the 10th in Japan, though the 10th in UTC too; 00:30 JST on the 11th is the 10th in UTC.
    const tenth = await search("from=2026-08-10&to=2026-08-10");
    expect(tenth).toContain(flood.id);
    expect(tenth).not.toContain(quake.id);
    expect(await search("from=2026-08-11&to=2026-08-11")).toContain(quake.id);
  });

  it("answers 401 without a session and 400 for a malformed date", async () => {
    expect((await clientWith("keizoku_session=nonsense").get("/api/archive/incidents")).status).toBe(401);
    const hq = await signIn("hq");
    const res = await hq.get("/api/archive/incidents?from=yesterday");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe("from");
  });
});
