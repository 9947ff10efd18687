import { describe, expect, it } from "vitest";
import type { ReadinessAcrossUnits } from "../../src/schema/readiness-units";
import { clientWith, openIncident, sendJson, signIn } from "../helpers";

async function endedDrillWithLateAction(incidentId?: string) {
  const hospital = await signIn("hospital");
  const created = await sendJson(hospital, "POST", "/api/drills", {
    kind: "triage",
    title: "第3回トリアージ訓練",
    scheduledAt: "2026-11-20T10:00:00+09:00",
    place: "正面玄関",
    scenarioId: "seed-tsunami-kushiro",
    ...(incidentId ? { incidentId } : {}),
  });
  expect(created.status).toBe(201);
  const id = created.body.data.id as string;
  await sendJson(hospital, "POST", `/api/drills/${id}/status`, { version: 1, to: "running" });
  await sendJson(hospital, "POST", `/api/drills/${id}/tags`, { casualtyId: `${id}-c0`, category: "green", zoneId: "entrance" });
  expect((await sendJson(hospital, "POST", `/api/drills/${id}/status`, { version: 2, to: "ended" })).status).toBe(200);
  const action = await sendJson(hospital, "POST", `/api/drills/${id}/actions`, {
    capability: "トリアージ",
    issue: "赤タッグの見落とし",
    action: "START法の再研修",
    owner: "看護部 佐藤",
    organisation: "市立釧路総合病院",
    dueDate: "2026-01-15",
  });
  expect(action.status).toBe(201);
  return { hospital, drillId: id, action: action.body.data as { id: string; version: number } };
}

const across = async () => (await (await (await signIn("viewer")).get("/api/readiness/units")).json()) as ReadinessAcrossUnits;

describe("readiness across units (平常時)", () => {
  it("shows per unit the overdue and never-verified checks, the last drill with its score, and open corrective actions", async () => {
    const { drillId } = await endedDrillWithLateAction();
    const water = await signIn("water");
    const before = (await across()).units.find((u) => u.unitId === "water")!;
    expect(before.checks.neverVerified).toBe(before.checks.total);
    expect(before.neverVerified.map((i) => i.id)).toContain("water-satellite-phone");
    const phone = await sendJson(water, "POST", "/api/checklists/readiness/water-satellite-phone/verifications", { version: 1, note: "通話良好" });
    expect(phone.status).toBe(200);

    const view = await across();
    expect(view.units).toHaveLength(20);
    const w = view.units.find((u) => u.unitId === "water")!;
    expect(w.checks).toEqual({ total: before.checks.total, overdue: before.checks.total - 1, neverVerified: before.checks.total - 1 });
    expect(w.neverVerified.map((i) => i.id)).not.toContain("water-satellite-phone");
    const h = view.units.find((u) => u.unitId === "hospital")!;
    expect(h.lastDrill).toMatchObject({ id: drillId, kind: "triage", title: "第3回トリアージ訓練" });
    expect(h.lastDrill!.accuracy).toBeTypeOf("number");
    expect(h.actions).toEqual({ open: 1, overdue: 1 });
    // The unit with an overdue corrective action leads.
    expect(view.units[0]!.unitId).toBe("hospital");
  });

  it("keeps a drill's corrective actions open to updates after its incident closes", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const { hospital, action } = await endedDrillWithLateAction(incident.id);
    expect((await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, status: "closed" })).status).toBe(200);
    const closed = await sendJson(hospital, "PATCH", `/api/corrective-actions/${action.id}`, { version: action.version, status: "closed" });
    expect(closed.status).toBe(200);
    expect(closed.body.data.status).toBe("closed");
  });

  it("answers 401 without a session", async () => {
    expect((await clientWith("keizoku_session=nonsense").get("/api/readiness/units")).status).toBe(401);
  });
});
