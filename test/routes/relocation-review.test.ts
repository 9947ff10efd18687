import { describe, expect, it } from "vitest";
import type { Overview } from "../../src/schema/overview";
import type { ReviewBundle } from "../../src/schema/relocation-review";
import { countRows, openIncident, sendJson, signIn } from "../helpers";

const move = (id: string, fn: string) => `/api/incidents/${id}/relocation/${fn}/transitions`;

/** A relocation drill: one function moved and working at its alternate, one message acknowledged, then closed. */
async function reviewedDrill(title: string) {
  const hq = await signIn("hq");
  const water = await signIn("water");
  const incident = await openIncident(hq, { title, onsetAt: new Date(Date.now() - 30 * 60_000).toISOString() });
  expect((await sendJson(water, "POST", move(incident.id, "fn-supply"), { to: "relocating", version: 0, staffPresent: 4 })).status).toBe(200);
  const working = await sendJson(water, "POST", move(incident.id, "fn-supply"), { to: "operational_at_alternate", version: 1, staffPresent: 10, overrideReason: "携帯回線で代替" });
  expect(working.status).toBe(200);
  const sent = await sendJson(water, "POST", `/api/incidents/${incident.id}/liaison`, { kind: "report", priority: "high", toUnitId: "hq", body: "給水拠点を開設" });
  expect((await sendJson(hq, "POST", `/api/incidents/${incident.id}/liaison/${sent.body.data.id}/ack`, { version: 1 })).status).toBe(200);
  expect((await sendJson(hq, "PATCH", `/api/incidents/${incident.id}`, { version: 1, status: "closed" })).status).toBe(200);
  return { hq, water, id: incident.id };
}

const review = async (client: Awaited<ReturnType<typeof signIn>>, id: string) => (await (await client.get(`/api/relocation-reviews/${id}`)).json()) as ReviewBundle;

describe("relocation drill review", () => {
  it("takes the figures when the drill incident closes: time to operational against target, acknowledgement times", async () => {
    const { hq, id } = await reviewedDrill("上下水道部 移転訓練 第1回");
    const r = await review(hq, id);
    const supply = r.review.figures.functions.find((f) => f.functionId === "fn-supply")!;
    expect(supply.minutesToOperational).toBeGreaterThanOrEqual(29);
    expect(supply.met).toBe(supply.minutesToOperational! <= supply.targetMinutes);
    expect(r.review.figures.functions.find((f) => f.functionId === "fn-pipes")!.minutesToOperational).toBeNull();
    expect(r.review.figures.liaison).toHaveLength(1);
    expect(r.review.figures.liaison[0]!.minutesToAck).toBeGreaterThanOrEqual(0);
    expect(r.review.figures.headline).toMatchObject({ functionsTotal: r.review.figures.functions.length, unacknowledged: 0 });
    expect(r.trend.at(-1)).toMatchObject({ incidentId: id, current: true });
  });

  it("keeps every drill's figures so the next shows the trend", async () => {
    const first = await reviewedDrill("移転訓練 A");
    const second = await reviewedDrill("移転訓練 B");
    const r = await review(second.hq, second.id);
    const ids = r.trend.map((p) => p.incidentId);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(r.trend.filter((p) => p.current).map((p) => p.incidentId)).toEqual([second.id]);
  });

  it("chases corrective actions to closure after the incident closed, with the hospital's rules", async () => {
    const { water, id } = await reviewedDrill("移転訓練 改善");
    const added = await sendJson(water, "POST", `/api/relocation-reviews/${id}/actions`, {
      capability: "代替拠点の準備",
      issue: "給水車基地の端末が起動しない",
      action: "端末の月次起動点検を追加",
      owner: "上下水道部 鈴木",
      organisation: "上下水道部 総務課",
      dueDate: "2026-01-10",
    });
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ overdue: true, status: "open", drillId: id });
    expect(await countRows("change_log", "stream = 'standing' AND entity_id = ?", added.body.data.id)).toBe(1);
    expect((await review(water, id)).actions.map((a) => a.id)).toEqual([added.body.data.id]);
    const readiness = (await (await water.get("/api/readiness/units")).json()) as { units: { unitId: string; actions: { overdue: number }; lastDrill: { kind: string } | null }[] };
    const w = readiness.units.find((u) => u.unitId === "water")!;
    expect(w.lastDrill?.kind).toBe("relocation");
    expect(w.actions.overdue).toBeGreaterThanOrEqual(1);

    // The HQ's attention queue of the next incident chases it, linking to the reviewed drill's records.
    const hq = await signIn("hq");
    const live = await openIncident(hq, { title: "次の災害" });
    const queued = async () =>
      ((await (await hq.get(`/api/incidents/${live.id}/overview`)).json()) as Overview).attention.entries.find((e) => e.key === `overdue_action:${added.body.data.id}`);
    expect(await queued()).toMatchObject({
      kind: "overdue_action",
      unitId: "water",
      subject: "端末の月次起動点検を追加",
      detail: { drillTitle: "移転訓練 改善", fromReview: true },
      link: { area: "records", entityType: "relocation_review", incidentId: id },
    });

    const closed = await sendJson(water, "PATCH", `/api/relocation-reviews/${id}/actions/${added.body.data.id}`, { version: 1, status: "closed" });
    expect(closed.status).toBe(200);
    expect(closed.body.data).toMatchObject({ status: "closed", overdue: false });
    expect(closed.body.data.closedAt).not.toBeNull();
    expect(await queued()).toBeUndefined();
  });

  it("refuses other units, viewers, bad input and unknown reviews, writing nothing", async () => {
    const { id } = await reviewedDrill("移転訓練 権限");
    const before = await countRows("corrective_actions");
    const body = { capability: "x", issue: "x", action: "x", owner: "x", organisation: "x", dueDate: "2027-01-01" };
    for (const who of ["hospital", "viewer"]) expect((await (await signIn(who)).send("POST", `/api/relocation-reviews/${id}/actions`, body)).status).toBe(403);
    const water = await signIn("water");
    const bad = await sendJson(water, "POST", `/api/relocation-reviews/${id}/actions`, { ...body, dueDate: "2027-02-30", owner: "" });
    expect(bad.status).toBe(400);
    expect((await water.send("POST", "/api/relocation-reviews/nothing/actions", body)).status).toBe(404);
    expect(await countRows("corrective_actions")).toBe(before);
    // A drill incident in which nothing moved gets no review.
    const hq = await signIn("hq");
    const quiet = await openIncident(hq);
    await hq.send("PATCH", `/api/incidents/${quiet.id}`, { version: 1, status: "closed" });
    expect((await hq.get(`/api/relocation-reviews/${quiet.id}`)).status).toBe(404);
  });
});
