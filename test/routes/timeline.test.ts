import { describe, expect, it } from "vitest";
import { clientWith, openIncident, sendJson, signIn } from "../helpers";

type Page = {
  items: { seq: number; entityType: string; entityId: string; actor: { id: string }; subject: string; diffs: { field: string; before: string; after: string }[] }[];
  total: number;
  facets: { entityTypes: string[]; actors: { id: string }[] };
};

async function busyIncident() {
  const hq = await signIn("hq");
  const water = await signIn("water");
  const incident = await openIncident(hq, { title: "検索用の訓練" });
  await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, posture: "emergency" });
  const moved = await water.send("POST", `/api/incidents/${incident.id}/relocation/fn-supply/transitions`, { to: "relocating", version: 0, staffPresent: 3 });
  expect(moved.status).toBe(200);
  const sent = await water.send("POST", `/api/incidents/${incident.id}/liaison`, { kind: "report", priority: "urgent", toUnitId: "hq", body: "配水池の水位低下" });
  expect(sent.status).toBe(201);
  return { hq, water, incident };
}

const search = async (client: Awaited<ReturnType<typeof signIn>>, id: string, query = "") =>
  (await (await client.get(`/api/incidents/${id}/timeline?${query}`)).json()) as Page;

describe("timeline search", () => {
  it("filters the change log on the server by unit, entity type, actor, words and time, newest first", async () => {
    const { hq, incident } = await busyIncident();
    const all = await search(hq, incident.id);
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.items.map((i) => i.seq)).toEqual(Array.from({ length: all.total }, (_, k) => all.total - k));
    expect(all.facets.entityTypes).toEqual(expect.arrayContaining(["incident", "liaison_message", "relocation"]));
    const seqs = (p: Page) => p.items.map((i) => i.seq);
    const byWater = all.items.filter((i) => i.actor.id === "user-water");
    expect(byWater.length).toBeGreaterThanOrEqual(2);

    expect(seqs(await search(hq, incident.id, "unitId=water"))).toEqual(seqs({ ...all, items: byWater }));
    expect(seqs(await search(hq, incident.id, "actorId=user-water"))).toEqual(seqs({ ...all, items: byWater }));
    expect(seqs(await search(hq, incident.id, "entityType=incident"))).toEqual(seqs({ ...all, items: all.items.filter((i) => i.entityType === "incident") }));
    expect((await search(hq, incident.id, `q=${encodeURIComponent("水位")}`)).items.map((i) => i.subject)).toEqual([expect.stringContaining("配水池の水位低下")]);
    expect((await search(hq, incident.id, "from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z")).total).toBe(0);
    const paged = await search(hq, incident.id, "limit=2&offset=2");
    expect(seqs(paged)).toEqual(seqs(all).slice(2, 4));
    expect(paged.total).toBe(all.total);
  });

  it("says before → after by name, not by id", async () => {
    const { hq, incident } = await busyIncident();
    const posture = (await search(hq, incident.id, "entityType=incident")).items.find((i) => i.diffs.some((d) => d.field === "posture"))!;
    expect(posture.diffs.find((d) => d.field === "posture")).toEqual({ field: "posture", before: "—", after: "emergency" });
    const move = (await search(hq, incident.id, "entityType=relocation")).items[0]!;
    const byName = JSON.stringify(move.diffs);
    expect(byName).not.toContain("user-water");
    // The one who updated the row is named (if the row records it), never left as an id.
    for (const d of move.diffs.filter((x) => /(Id|By)$/.test(x.field))) expect(d.after).not.toMatch(/^user-|^fn-/);
  });

  it("names what each line is about: the function moved, the tag with its number and colour, the liaison message with its priority and sender → addressee", async () => {
    const { hq, water, incident } = await busyIncident();
    const hospital = await signIn("hospital");
    const drill = await sendJson<{ data: { id: string; version: number } }>(hospital, "POST", "/api/drills", {
      kind: "triage",
      title: "受入れ訓練",
      scheduledAt: "2026-12-05T09:30:00+09:00",
      place: "正面玄関前",
      scenarioId: "seed-tsunami-kushiro",
      incidentId: incident.id,
    });
    await sendJson(hospital, "POST", `/api/drills/${drill.body.data.id}/status`, { version: drill.body.data.version, to: "running" });
    const { casualties } = (await (await hospital.get(`/api/drills/${drill.body.data.id}`)).json()) as { casualties: { id: string; tagNumber: string }[] };
    const tag = (category: string) =>
      sendJson(hospital, "POST", `/api/drills/${drill.body.data.id}/tags`, { casualtyId: casualties[0]!.id, category, zoneId: "entrance" });
    expect((await tag("yellow")).status).toBe(201);
    expect((await tag("red")).status).toBe(201);
    const message = (await search(hq, incident.id, "entityType=liaison_message")).items[0]!;
    await sendJson(hq, "POST", `/api/incidents/${incident.id}/liaison/${message.entityId}/ack`, { version: 1 });

    const all = await search(hq, incident.id);
    const subjects = (type: string) => all.items.filter((i) => i.entityType === type).map((i) => i.subject);
    expect(subjects("relocation")).toEqual([expect.stringContaining("応急給水")]);
    expect(subjects("drill_tag")).toEqual([`タッグ ${casualties[0]!.tagNumber} 黄 → 赤（hospital user）`, `タッグ ${casualties[0]!.tagNumber} 黄（hospital user）`]);
    expect(subjects("liaison_message")).toEqual(Array(2).fill(expect.stringMatching(/^【至急】 上下水道部 → 災害対策本部.*［報告］配水池の水位低下$/)));
    // The acknowledgement says when and by whom by name; no user id anywhere in what a person reads.
    const ack = all.items.find((i) => i.entityType === "liaison_message" && i.diffs.length > 0)!;
    expect(ack.diffs.map((d) => d.field).sort()).toEqual(["acknowledgedAt", "acknowledgedByName"]);
    expect(JSON.stringify(all.items.map((i) => [i.subject, i.diffs]))).not.toMatch(/user-(hq|water|hospital)/);
    void water;
  });

  it("exports the same search as CSV with names", async () => {
    const { hq, incident } = await busyIncident();
    const res = await hq.get(`/api/incidents/${incident.id}/timeline.csv?unitId=water`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = new TextDecoder().decode(await res.arrayBuffer()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("番号,日時（JST）,部署,担当者,対象種別,操作,対象,項目,変更前,変更後");
    expect(lines.slice(1).every((l) => /^\d+,\d{4}-\d\d-\d\d \d\d:\d\d,上下水道部,water user,/.test(l))).toBe(true);
  });

  it("answers 401 without a session, 404 for an unknown incident and 400 for a bad filter", async () => {
    const { hq, incident } = await busyIncident();
    expect((await clientWith("keizoku_session=nonsense").get(`/api/incidents/${incident.id}/timeline`)).status).toBe(401);
    expect((await hq.get("/api/incidents/nope/timeline")).status).toBe(404);
    const bad = await hq.get(`/api/incidents/${incident.id}/timeline?from=yesterday&limit=9999`);
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path).sort();
    expect(fields).toEqual(["from", "limit"]);
  });
});
