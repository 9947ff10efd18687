import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Drill, DrillCasualty, DrillDetail, Tag } from "../../src/schema/drills";
import { DrillModel } from "../../web/views/drills/model";
import { change, feedOf, settle } from "./wire";

// Only the fields the store and the board read; the server's own shapes are checked by the API tests.
const drill = (id: string, version = 1) => ({ id, version, kind: "triage", status: "running", startedAt: null, endedAt: null, zones: [{ id: "z1", name: "赤エリア" }], incidentId: "i1" }) as unknown as Drill;
const casualty = (id: string, drillId: string, version = 1, currentCategory: DrillCasualty["currentCategory"] = null) =>
  ({ id, drillId, version, currentCategory, currentZoneId: currentCategory ? "z1" : null, firstTaggedAt: null, lastTaggedAt: null, tagCount: 0 }) as unknown as DrillCasualty;
const tag = (casualtyId: string, drillId: string, category: Tag["category"], at: string) =>
  ({ id: `t-${casualtyId}-${at}`, drillId, casualtyId, category, zoneId: "z1", taggedAt: at }) as unknown as Tag;

let detail: DrillDetail;

beforeEach(() => {
  detail = { drill: drill("d1"), casualties: [casualty("c1", "d1"), casualty("c2", "d1")], milestones: [], hqUnreceived: 0, hqScreens: 1 };
  // The drill's detail as the server answers it; the board read only feeds the HQ figures.
  vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
    const path = new URL(String(input), "http://console.test").pathname;
    if (path === "/api/drills/d1") return Response.json(detail);
    if (path === "/api/drills/d1/board") return Response.json({ hqUnreceived: 0, hqScreens: 1 });
    return new Response("{}", { status: 404 });
  });
});

afterEach(() => vi.unstubAllGlobals());

describe("the drill store on the live model", () => {
  it("follows its own drill on the incident's stream: a neighbouring drill's rows pass by, a tag moves its casualty on the board", async () => {
    const { feed, push } = feedOf();
    const model = new DrillModel(detail.drill, detail);
    await model.attach(feed);
    push(change(1, "drill_casualty", "c9", casualty("c9", "d2", 2, "red")));
    push(change(2, "drill_tag", "t1", tag("c9", "d2", "red", "2026-12-01T01:00:00.000Z")));
    push(change(3, "drill", "d2", drill("d2", 5)));
    expect(model.casualties.map((c) => c.value.id)).toEqual(["c1", "c2"]);
    expect(model.board.value.untagged).toBe(2);
    expect(model.drill.value.id).toBe("d1");

    push(change(4, "drill_tag", "t2", tag("c2", "d1", "yellow", "2026-12-01T01:01:00.000Z")));
    expect(model.board.value.overall.yellow).toBe(1);
    expect(model.byId.get("c2")?.value.currentCategory).toBe("yellow");
    model.dispose();
  });

  it("never lets a replayed copy of the same version undo a tag this console applied", async () => {
    const { feed, push } = feedOf();
    const model = new DrillModel(detail.drill, detail);
    await model.attach(feed);
    model.applyTag(tag("c1", "d1", "red", "2026-12-01T01:00:00.000Z"));
    // The feed replays the recent log to a new screen: an older copy of c1, untagged, at the version held.
    push(change(7, "drill_casualty", "c1", casualty("c1", "d1", 1)));
    await settle();
    expect(model.byId.get("c1")?.value.currentCategory).toBe("red");
    // A newer copy (the server's, after an override) does replace it.
    push(change(8, "drill_casualty", "c1", casualty("c1", "d1", 3, "green")));
    expect(model.byId.get("c1")?.value.currentCategory).toBe("green");
    model.dispose();
  });
});
