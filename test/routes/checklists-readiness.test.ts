import { describe, expect, it } from "vitest";
import type { ReadinessItem, ReadinessView } from "../../src/schema/checklists";
import { type Client, countRows, signIn } from "../helpers";

const readiness = async (client: Client, unitId: string) =>
  (await (await client.get(`/api/checklists/readiness?unitId=${unitId}`)).json()) as ReadinessView;

describe("peacetime readiness", () => {
  it("lists each unit's checks with interval and last verified; never-verified checks are overdue", async () => {
    const view = await readiness(await signIn("viewer"), "water");
    const phone = view.items.find((i) => i.id === "water-satellite-phone")!;
    expect(phone).toMatchObject({ unitId: "water", element: "communications", intervalDays: 30, lastVerifiedAt: null, dueAt: null });
    expect(view.items.find((i) => i.id === "water-backup-restore")!.intervalDays).toBe(90);
    expect(view.units).toEqual([{ unitId: "water", total: view.items.length, overdue: view.items.length, neverVerified: view.items.length }]);
  });

  it("records a verification by the unit's editor, restarting the interval, on the standing stream", async () => {
    const water = await signIn("water");
    const before = await countRows("change_log", "stream = 'standing' AND entity_id = 'water-satellite-phone'");
    const current = (await readiness(water, "water")).items.find((i) => i.id === "water-satellite-phone")!;
    const res = await water.send("POST", "/api/checklists/readiness/water-satellite-phone/verifications", { version: current.version, note: "通話良好" });
    expect(res.status).toBe(200);
    const item = ((await res.json()) as { data: ReadinessItem }).data;
    expect(item.lastVerifiedByName).toBe("water user");
    expect(Date.parse(item.dueAt!) - Date.parse(item.lastVerifiedAt!)).toBe(30 * 86_400_000);
    const after = await readiness(water, "water");
    expect(after.units[0]!.overdue).toBe(after.units[0]!.total - 1);
    expect(await countRows("change_log", "stream = 'standing' AND entity_id = 'water-satellite-phone'")).toBe(before + 1);
  });

  it("refuses another unit's check (403), a stale version (409) and an unknown check (404)", async () => {
    const water = await signIn("water");
    expect((await water.send("POST", "/api/checklists/readiness/hq-satellite-phone/verifications", { version: 1 })).status).toBe(403);
    const hq = await signIn("hq");
    expect((await hq.send("POST", "/api/checklists/readiness/hq-radio-test/verifications", { version: 1 })).status).toBe(200);
    const stale = await hq.send("POST", "/api/checklists/readiness/hq-radio-test/verifications", { version: 1 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { current: ReadinessItem } }).error.current.version).toBe(2);
    expect((await hq.send("POST", "/api/checklists/readiness/nothing/verifications", { version: 1 })).status).toBe(404);
  });

  it("adds and re-words checks for a unit, refusing empty wording and other units", async () => {
    const hospital = await signIn("hospital");
    const res = await hospital.send("POST", "/api/checklists/readiness", { unitId: "hospital", element: "power_water_food", textJa: "受水槽の残量計の校正", intervalDays: 365 });
    expect(res.status).toBe(201);
    const item = ((await res.json()) as { data: ReadinessItem }).data;
    const patched = await hospital.send("PATCH", `/api/checklists/readiness/${item.id}`, { version: 1, intervalDays: 180 });
    expect(((await patched.json()) as { data: ReadinessItem }).data).toMatchObject({ intervalDays: 180, version: 2 });

    const count = await countRows("readiness_items", "unit_id = 'hospital'");
    const empty = await hospital.send("POST", "/api/checklists/readiness", { unitId: "hospital", element: "communications", textJa: " ", intervalDays: 30 });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe("textJa");
    expect((await hospital.send("POST", "/api/checklists/readiness", { unitId: "water", element: "communications", textJa: "x", intervalDays: 30 })).status).toBe(403);
    expect((await hospital.send("POST", "/api/checklists/readiness", { unitId: "hospital", element: "weather", textJa: "x", intervalDays: 30 })).status).toBe(400);
    expect(await countRows("readiness_items", "unit_id = 'hospital'")).toBe(count);
  });

  it("exports a unit's readiness as CSV with a byte-order mark", async () => {
    const res = await (await signIn("viewer")).get("/api/checklists/readiness.csv?unitId=hospital");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(3));
    const lines = text.trimEnd().split("\r\n");
    expect(lines[1]!.startsWith("部署,要素,確認項目,確認間隔（日）")).toBe(true);
    expect(lines.slice(2).every((l) => l.startsWith("市立釧路総合病院,"))).toBe(true);
  });
});
