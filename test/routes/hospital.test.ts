import { beforeAll, describe, expect, it } from "vitest";
import { type Client, countRows, openIncident, signIn, sendJson as send } from "../helpers";

let hospital: Client;
let water: Client;
let viewer: Client;
beforeAll(async () => {
  [hospital, water, viewer] = await Promise.all([signIn("hospital"), signIn("water"), signIn("viewer")]);
});


const figures = (over: Record<string, unknown> = {}) => ({
  version: null,
  beds: { icu: 2, general: 41, pediatric: 5, maternity: 3, isolation: 1, operatingRooms: 2 },
  generatorFuelHours: 48,
  waterDays: 2.5,
  foodDays: 3,
  medicineDays: 5,
  triageTagStock: 180,
  surgeCapacity: 60,
  power: "generator",
  waterSupply: "tank",
  ...over,
});

describe("hospital status board", () => {
  it("starts empty, takes a first report, flags what falls short, worst first", async () => {
    const incident = await openIncident(hospital, { kind: "real" });
    const empty = (await (await viewer.get(`/api/incidents/${incident.id}/hospital-status`)).json()) as any;
    expect(empty).toEqual({ status: null, warnings: [] });
    const r = await send(hospital, "PUT", `/api/incidents/${incident.id}/hospital-status`, figures());
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ version: 1, beds: { general: 41 }, updatedBy: "hospital user" });
    const view = (await (await viewer.get(`/api/incidents/${incident.id}/hospital-status`)).json()) as any;
    expect(view.warnings.map((w: any) => w.field)).toEqual(["generatorFuelHours", "waterDays"]);
  });

  it("keeps every update as history in the incident's change log", async () => {
    const incident = await openIncident(hospital);
    await send(hospital, "PUT", `/api/incidents/${incident.id}/hospital-status`, figures());
    await send(hospital, "PUT", `/api/incidents/${incident.id}/hospital-status`, figures({ version: 1, generatorFuelHours: 40 }));
    const h = (await (await viewer.get(`/api/incidents/${incident.id}/hospital-status/history`)).json()) as any;
    expect(h.items.map((i: any) => i.status.generatorFuelHours)).toEqual([40, 48]);
    expect(await countRows("change_log", "stream = ? AND entity_type = 'hospital_status'", incident.id)).toBe(2);
  });

  it("refuses a stale or second first report, bad figures and other units, writing nothing", async () => {
    const incident = await openIncident(hospital);
    await send(hospital, "PUT", `/api/incidents/${incident.id}/hospital-status`, figures());
    const before = await countRows("change_log", "stream = ?", incident.id);
    const again = await send(hospital, "PUT", `/api/incidents/${incident.id}/hospital-status`, figures());
    expect(again.status).toBe(409);
    expect(again.body.error.current.version).toBe(1);
    const bad = await send(hospital, "PUT", `/api/incidents/${incident.id}/hospital-status`, figures({ version: 1, waterDays: -1, beds: { icu: 1.5 } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.path).sort()).toEqual(["beds.icu", "waterDays"]);
    expect((await send(water, "PUT", `/api/incidents/${incident.id}/hospital-status`, figures({ version: 1 }))).status).toBe(403);
    expect(await countRows("change_log", "stream = ?", incident.id)).toBe(before);
  });
});
