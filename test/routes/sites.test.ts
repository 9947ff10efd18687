import { describe, expect, it } from "vitest";
import { countRows, signIn } from "../helpers";
import { type ErrorBody, json, lastChange, site } from "../fixtures/relocation/helpers";

type SiteList = { items: { id: string; kind: string; source: string; nameJa: string }[]; attribution: string };

describe("sites", () => {
  it("lists Kushiro's facilities and the GSI shelters with their attribution", async () => {
    const viewer = await signIn("viewer");
    const all = await json<SiteList>(await viewer.get("/api/sites"), 200);
    expect(all.attribution).toBe("出典：国土地理院「指定緊急避難場所・指定避難所データ」");
    expect(all.items.filter((s) => s.source === "gsi")).toHaveLength(344);
    const facilities = await json<SiteList>(await viewer.get("/api/sites?scope=facilities"), 200);
    expect(facilities.items.every((s) => s.source === "city")).toBe(true);
    expect(facilities.items.map((s) => s.id)).toEqual(expect.arrayContaining(["city-hall", "bousai", "water-hq", "hospital", "moo"]));
    expect(await site(viewer, "water-hq")).toMatchObject({ status: "operational", inInundation: null });
    expect((await viewer.get("/api/sites/nowhere")).status).toBe(404);
  });

  it("lets the water department mark its building unusable, over the version it saw", async () => {
    const water = await signIn("water");
    const before = await site(water, "water-hq");
    const res = await json<{ data: { status: string; version: number }; seq: number }>(
      await water.send("PATCH", "/api/sites/water-hq", { version: before.version, status: "unusable", statusNote: "1階浸水" }),
      200,
    );
    expect(res.data).toMatchObject({ status: "unusable", version: before.version + 1 });
    expect(await lastChange("standing")).toMatchObject({ entity_type: "site", entity_id: "water-hq", op: "update" });

    const stale = await json<ErrorBody>(await water.send("PATCH", "/api/sites/water-hq", { version: before.version, status: "degraded" }), 409);
    expect(stale.error).toMatchObject({ code: "stale_version", current: { status: "unusable", version: before.version + 1 } });
    await json(await water.send("PATCH", "/api/sites/water-hq", { version: before.version + 1, status: "operational" }), 200);
  });

  it("refuses out-of-range coordinates with field paths and writes nothing", async () => {
    const water = await signIn("water");
    const before = await countRows("sites");
    const res = await json<ErrorBody>(await water.send("POST", "/api/sites", { nameJa: "仮設拠点", kind: "alternate_site", lat: 142.98, lon: 44.38, unitId: "water" }), 400);
    expect(res.error.fields!.map((f) => f.path)).toEqual(["lat"]);
    const both = await json<ErrorBody>(await water.send("POST", "/api/sites", { nameJa: "仮設拠点", kind: "alternate_site", lat: -91, lon: 181, unitId: "water" }), 400);
    expect(both.error.fields!.map((f) => f.path).sort()).toEqual(["lat", "lon"]);
    const shelter = await json<ErrorBody>(await water.send("POST", "/api/sites", { nameJa: "避難所", kind: "shelter", lat: 43, lon: 144, unitId: "water" }), 400);
    expect(shelter.error.fields!.map((f) => f.path)).toEqual(["kind"]);
    expect(await countRows("sites")).toBe(before);
  });

  it("registers a site with a fresh readiness checklist; other units and viewers may not", async () => {
    const water = await signIn("water");
    const created = await json<{ data: { id: string; version: number } }>(
      await water.send("POST", "/api/sites", { nameJa: "上下水道部 仮設本部（武佐）", kind: "alternate_site", lat: 43.0, lon: 144.41, unitId: "water" }),
      201,
    );
    expect(await countRows("site_readiness", "site_id = ? AND status = 'unchecked'", created.data.id)).toBe(8);
    const sites = await countRows("sites");
    expect((await (await signIn("hospital")).send("POST", "/api/sites", { nameJa: "x", kind: "office", lat: 43, lon: 144, unitId: "water" })).status).toBe(403);
    expect((await (await signIn("viewer")).send("POST", "/api/sites", { nameJa: "x", kind: "office", lat: 43, lon: 144, unitId: "hq" })).status).toBe(403);
    expect((await (await signIn("hq")).send("POST", "/api/sites", { nameJa: "x", kind: "office", lat: 43, lon: 144, unitId: "nobody" })).status).toBe(422);
    expect((await water.send("PATCH", "/api/sites/hospital", { version: 1, status: "degraded" })).status).toBe(403);
    // Open-data shelters are kept by admins.
    expect((await water.send("PATCH", "/api/sites/gsi-E0120600010201", { version: 1, status: "degraded" })).status).toBe(403);
    expect(await countRows("sites")).toBe(sites);
  });
});

describe("alternate-site readiness", () => {
  type Check = { key: string; status: string; critical: boolean; value: number | null; version: number; checkedByName: string | null };

  it("records a check at an alternate site of the water department's functions", async () => {
    const water = await signIn("water");
    const { items } = await json<{ items: (Check & { siteId: string })[] }>(await water.get("/api/readiness"), 200);
    const power = items.find((c) => c.siteId === "bousai" && c.key === "power")!;
    expect(power.critical).toBe(true);
    // 防災庁舎 belongs to the HQ, but water functions move there, so water staff check it on arrival.
    const res = await json<{ data: Check }>(
      await water.send("PUT", "/api/sites/bousai/readiness/power", { version: power.version, status: "failed", note: "非常用発電機 起動せず" }),
      200,
    );
    expect(res.data).toMatchObject({ status: "failed", version: power.version + 1, checkedByName: "water user" });
    const stale = await json<ErrorBody>(await water.send("PUT", "/api/sites/bousai/readiness/power", { version: power.version, status: "ok" }), 409);
    expect(stale.error.code).toBe("stale_version");
    await json(await water.send("PUT", "/api/sites/bousai/readiness/power", { version: power.version + 1, status: "ok" }), 200);
  });

  it("refuses a stranger, an unknown check and a shelter", async () => {
    const hospital = await signIn("hospital");
    expect((await hospital.send("PUT", "/api/sites/aikoku-wtp/readiness/fuel", { version: 1, status: "ok", value: 72 })).status).toBe(403);
    const water = await signIn("water");
    expect((await water.send("PUT", "/api/sites/aikoku-wtp/readiness/coffee", { version: 1, status: "ok" })).status).toBe(400);
    expect((await water.send("PUT", "/api/sites/gsi-E0120600010201/readiness/power", { version: 1, status: "ok" })).status).toBe(404);
  });
});
