import { describe, expect, it } from "vitest";
import { clientWith, openIncident, signIn } from "../helpers";

type Page = {
  items: { seq: number; entityType: string; actor: { id: string }; subject: string; diffs: { field: string; before: string; after: string }[] }[];
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
