import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { insertLayer, insertPolygons, listPolygons, deleteLayer } from "../../src/db/relocation-hazard";
import { findRelocation, saveRelocation } from "../../src/db/relocation";
import { sitesById, updateSiteHazards } from "../../src/db/sites";
import { readOne } from "../../src/db/together";
import { bboxOf } from "../../src/domain/geo";
import { initialRelocation } from "../../src/domain/relocation";
import { openIncident, signIn } from "../helpers";

describe("hazard polygon storage", () => {
  it("splits a large layer into several statements and reads every polygon back intact", async () => {
    const db = env.DB;
    // ~120 features of ~20 kB: more than one 1.5 MB chunk.
    const features = Array.from({ length: 120 }, (_, k) => {
      const ring = Array.from({ length: 600 }, (_, i) => [144.3 + k * 0.001 + Math.cos(i / 95.5) * 0.0004, 42.98 + Math.sin(i / 95.5) * 0.0004]);
      ring.push(ring[0]!);
      const coordinates = [[ring]];
      return { depthClass: k % 2 ? "0.3m以上1.0m未満" : null, depthRank: k % 2 ? 0.3 : null, bbox: bboxOf(coordinates), coordinates };
    });
    const statements = insertPolygons(db, "layer-big", features);
    expect(statements.length).toBeGreaterThan(1);
    await db.batch([
      insertLayer(db, { id: "layer-big", name: "big", hazard: "tsunami", source: "", depthProperty: "A40_003", featureCount: 120, bytes: 1, bbox: [144.3, 42.97, 144.5, 42.99], illustrative: false, importedAt: "2026-11-24T00:00:00.000Z", importedByName: "t" }, "user-hq"),
      ...statements,
    ]);
    const back = await listPolygons(db, { layerId: "layer-big" });
    expect(back).toHaveLength(120);
    expect(back[7]).toEqual({ layerId: "layer-big", ...features[7] });
    expect(back[8]!.depthClass).toBeNull();
    const near = await listPolygons(db, { near: { lon: features[3]!.bbox[0] + 0.0001, lat: 42.98 } });
    expect(near.map((p) => p.bbox)).toContainEqual(features[3]!.bbox);
    await db.batch(deleteLayer(db, "layer-big"));
    expect(await listPolygons(db, { layerId: "layer-big" })).toEqual([]);
  });

  it("writes computed inundation for many sites in one statement", async () => {
    const db = env.DB;
    await db.batch(updateSiteHazards(db, [
      { siteId: "moo", inInundation: true, depthClass: "2.0m以上5.0m未満", depthRank: 2, hazardLayerId: "l1" },
      { siteId: "hospital", inInundation: false, depthClass: null, depthRank: null, hazardLayerId: null },
    ]));
    const sites = await readOne(sitesById(db, ["moo", "hospital"]));
    expect(sites.get("moo")).toMatchObject({ inInundation: true, depthClass: "2.0m以上5.0m未満", depthRank: 2, version: 1 });
    expect(sites.get("hospital")).toMatchObject({ inInundation: false, depthClass: null });
    await db.batch(updateSiteHazards(db, [{ siteId: "moo", inInundation: false, depthClass: null, depthRank: null, hazardLayerId: null }]));
  });
});

describe("relocation rows", () => {
  it("creates the row on the first move and changes nothing when another first move lost the race", async () => {
    const db = env.DB;
    const incident = await openIncident(await signIn("hq"));
    const fn = { id: "fn-supply", primarySiteId: "water-hq" } as Parameters<typeof initialRelocation>[1];
    const first = { ...initialRelocation(incident.id, fn, "2026-11-24T00:00:00.000Z"), state: "relocating" as const, siteId: "midori-base", version: 1, updatedAt: "2026-11-24T00:10:00.000Z", updatedByName: "a" };
    const [won] = await db.batch([saveRelocation(db, first, "user-water")]);
    expect(won!.meta.changes).toBe(1);
    const [lost] = await db.batch([saveRelocation(db, { ...first, state: "suspended" }, "user-water")]);
    expect(lost!.meta.changes).toBe(0);
    expect(await findRelocation(db, incident.id, "fn-supply")).toMatchObject({ state: "relocating", version: 1 });
    const [stale] = await db.batch([saveRelocation(db, { ...first, version: 3 }, "user-water")]);
    expect(stale!.meta.changes).toBe(0);
  });
});
