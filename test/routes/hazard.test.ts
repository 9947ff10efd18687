import { afterEach, describe, expect, it } from "vitest";
import { SELF } from "cloudflare:test";
import { HAZARD_MAX_BYTES } from "../../src/domain/relocation-hazard";
import { type Client, countRows, ORIGIN, signIn } from "../helpers";
import { clearLayers, type ErrorBody, importBody, json, lastChange, site, waterfrontLayer } from "../fixtures/relocation/helpers";

type ImportResult = { data: { layer: { id: string; featureCount: number; bbox: number[] }; sitesInInundation: number; changed: { siteId: string; depthClass: string | null }[] }; seq: number };

afterEach(async () => clearLayers(await signIn("hq")));

/** A body sent exactly as given (the size is what is under test). */
const sendText = (client: Client, path: string, text: string) =>
  SELF.fetch(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { Cookie: client.cookie, Origin: ORIGIN, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
    body: text,
  });

describe("hazard layer import", () => {
  it("stores an A40 layer and flags the water & sewer building with its depth class", async () => {
    const water = await signIn("water");
    // No layer yet: the building the tsunami flooded in 2011 is unassessed, not "outside".
    expect((await site(water, "water-hq")).inInundation).toBeNull();
    expect((await site(water, "moo")).inInundation).toBeNull();
    const { data } = await json<ImportResult>(await water.send("POST", "/api/hazard-layers", importBody()), 201);
    expect(data.layer).toMatchObject({ featureCount: 3, bbox: [144.36, 42.97, 144.405, 42.99] });
    expect(data.changed).toContainEqual(expect.objectContaining({ siteId: "water-hq", depthClass: "1.0m以上2.0m未満" }));

    expect(await site(water, "water-hq")).toMatchObject({ inInundation: true, depthClass: "1.0m以上2.0m未満" });
    expect(await site(water, "city-hall")).toMatchObject({ inInundation: true, depthClass: "0.3m以上1.0m未満" });
    expect(await site(water, "moo")).toMatchObject({ inInundation: true, depthClass: "1.0m以上2.0m未満" });
    expect(await site(water, "hospital")).toMatchObject({ inInundation: false, depthClass: null });
    expect(await site(water, "aikoku-wtp")).toMatchObject({ inInundation: null });
    // A site beyond the layer's extent is still unassessed: the layer says nothing about it.
    const all = await json<{ items: { lon: number; lat: number; inInundation: boolean | null }[] }>(await water.get("/api/sites"), 200);
    const [w, s, e, n] = data.layer.bbox as [number, number, number, number];
    const beyond = all.items.filter((x) => x.lon < w || x.lon > e || x.lat < s || x.lat > n);
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond.every((x) => x.inInundation === null)).toBe(true);
    // The GSI shelters are flagged too: some of them lie on the waterfront.
    expect(data.sitesInInundation).toBeGreaterThan(5);
    expect(await countRows("hazard_polygons", "layer_id = ?", data.layer.id)).toBe(3);
    expect(await lastChange("standing")).toMatchObject({ entity_type: "hazard_layer", entity_id: data.layer.id, op: "import" });

    const features = await json<{ features: { properties: { depthClass: string }; geometry: { type: string } }[] }>(
      await water.get(`/api/hazard-layers/${data.layer.id}/features`),
      200,
    );
    expect(features.features.map((f) => [f.geometry.type, f.properties.depthClass])).toEqual([
      ["MultiPolygon", "0.3m以上1.0m未満"],
      ["MultiPolygon", "1.0m以上2.0m未満"],
      ["MultiPolygon", "2.0m以上5.0m未満"],
    ]);
  });

  it("unflags the sites when the layer is removed", async () => {
    const hq = await signIn("hq");
    const { data } = await json<ImportResult>(await hq.send("POST", "/api/hazard-layers", importBody()), 201);
    const removed = await json<ImportResult>(await hq.send("DELETE", `/api/hazard-layers/${data.layer.id}`), 200);
    expect(removed.data.sitesInInundation).toBe(0);
    expect(await site(hq, "water-hq")).toMatchObject({ inInundation: null, depthClass: null });
    expect(await countRows("hazard_polygons", "layer_id = ?", data.layer.id)).toBe(0);
  });

  it("refuses malformed GeoJSON with field paths and stores nothing", async () => {
    const water = await signIn("water");
    const layers = await countRows("hazard_layers");
    const polygons = await countRows("hazard_polygons");
    const log = await countRows("change_log", "stream = 'standing'");
    const bad = waterfrontLayer();
    bad.features.push({ type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: [[144, 43], [145, 43]] } });
    bad.features.push({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [[[43, 144], [43.1, 144], [43.1, 144.1], [43, 144]]] } });

    const res = await json<ErrorBody>(await water.send("POST", "/api/hazard-layers", importBody(bad)), 400);
    expect(res.error.code).toBe("invalid_geojson");
    expect(res.error.fields!.map((f) => f.path)).toEqual(["geojson.features.3.geometry.type", "geojson.features.4.geometry.coordinates.0.0"]);

    const notCollection = await json<ErrorBody>(await water.send("POST", "/api/hazard-layers", importBody({ type: "Feature", features: [] })), 400);
    expect(notCollection.error.fields!.map((f) => f.path)).toEqual(expect.arrayContaining(["geojson.type"]));

    expect(await countRows("hazard_layers")).toBe(layers);
    expect(await countRows("hazard_polygons")).toBe(polygons);
    expect(await countRows("change_log", "stream = 'standing'")).toBe(log);
    expect((await site(water, "water-hq")).inInundation).toBeNull();
  });

  it("imports a hazard layer of exactly 5 MB and refuses one a byte larger before storing anything", async () => {
    const water = await signIn("water");
    const layers = await countRows("hazard_layers");
    const layer = JSON.stringify(importBody());
    // JSON allows whitespace after the value: the same small layer, padded to the size under test.
    const padded = (size: number) => layer + " ".repeat(size - new TextEncoder().encode(layer).byteLength);

    const over = await sendText(water, "/api/hazard-layers", padded(HAZARD_MAX_BYTES + 1));
    expect(over.status).toBe(413);
    expect(((await over.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "too_large", message: expect.stringContaining("5 MB") });
    expect(await countRows("hazard_layers")).toBe(layers);

    const exact = await sendText(water, "/api/hazard-layers", padded(HAZARD_MAX_BYTES));
    expect(exact.status, await exact.clone().text()).toBe(201);
    expect(await countRows("hazard_layers")).toBe(layers + 1);
  });

  it("lets only the disaster HQ and the water department import", async () => {
    const layers = await countRows("hazard_layers");
    expect((await (await signIn("hospital")).send("POST", "/api/hazard-layers", importBody())).status).toBe(403);
    expect((await (await signIn("viewer")).send("POST", "/api/hazard-layers", importBody())).status).toBe(403);
    expect(await countRows("hazard_layers")).toBe(layers);
  });

  it("computes a new site's inundation from the stored layers", async () => {
    const water = await signIn("water");
    await json(await water.send("POST", "/api/hazard-layers", importBody()), 201);
    const created = await json<{ data: { id: string; inInundation: boolean; depthClass: string } }>(
      await water.send("POST", "/api/sites", { nameJa: "臨時資材置場", kind: "depot", lat: 42.9725, lon: 144.39, unitId: "water" }),
      201,
    );
    expect(created.data).toMatchObject({ inInundation: true, depthClass: "2.0m以上5.0m未満" });
  });
});
