import { describe, expect, it } from "vitest";
import { HAZARD_MAX_FEATURE_BYTES, parseHazardFeatures } from "../../src/domain/relocation-hazard";

const square = [[[144.38, 42.97], [144.39, 42.97], [144.39, 42.98], [144.38, 42.98], [144.38, 42.97]]];
const feature = (geometry: unknown, properties: unknown = { A40_003: "1.0m以上2.0m未満" }) => ({ type: "Feature", geometry, properties });

describe("parseHazardFeatures", () => {
  it("accepts Polygon and MultiPolygon features and stores both as MultiPolygon [lon, lat]", () => {
    const r = parseHazardFeatures(
      [feature({ type: "Polygon", coordinates: square }), feature({ type: "MultiPolygon", coordinates: [square.map((ring) => ring.map(([x, y]) => [x!, y!, 5]))] }, { A40_003: 2 })],
      "A40_003",
    );
    if (!r.ok) throw new Error(JSON.stringify(r.refusal.fields));
    expect(r.value.features).toHaveLength(2);
    expect(r.value.features[0]).toMatchObject({ depthClass: "1.0m以上2.0m未満", depthRank: 1, bbox: [144.38, 42.97, 144.39, 42.98] });
    expect(r.value.features[1]!.coordinates[0]![0]![0]).toEqual([144.38, 42.97]);
    expect(r.value.features[1]!.depthClass).toBe("2");
    expect(r.value.bbox).toEqual([144.38, 42.97, 144.39, 42.98]);
  });

  it("names the path of each bad feature: wrong type, out-of-range and unclosed rings, bad depth", () => {
    const r = parseHazardFeatures(
      [
        feature({ type: "Point", coordinates: [144, 43] }),
        feature({ type: "Polygon", coordinates: [[[144, 43], [144, 95], [145, 43], [144, 43]]] }),
        feature({ type: "Polygon", coordinates: [[[144, 43], [144.1, 43], [144.1, 43.1], [144, 43.1]]] }),
        feature({ type: "Polygon", coordinates: square }, { A40_003: { deep: true } }),
        { type: "Feature", geometry: null },
        "nonsense",
      ],
      "A40_003",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.fields.map((i) => i.path)).toEqual([
      "geojson.features.0.geometry.type",
      "geojson.features.1.geometry.coordinates.0.1",
      "geojson.features.2.geometry.coordinates.0",
      "geojson.features.3.properties.A40_003",
      "geojson.features.4.geometry",
      "geojson.features.5.type",
    ]);
    expect(r.refusal.fields[1]!.message).toContain("out of range");
  });

  it("stops after 20 issues so a wholly wrong file answers quickly", () => {
    const r = parseHazardFeatures(Array.from({ length: 500 }, () => ({ type: "Feature" })), "A40_003");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.fields).toHaveLength(20);
  });

  it("refuses a feature too large for one stored row", () => {
    const n = Math.ceil(HAZARD_MAX_FEATURE_BYTES / 30);
    const ring = Array.from({ length: n }, (_, i) => [144 + Math.cos((i / n) * 2 * Math.PI) * 0.01, 43 + Math.sin((i / n) * 2 * Math.PI) * 0.01]);
    ring.push(ring[0]!);
    const r = parseHazardFeatures([feature({ type: "Polygon", coordinates: [ring] })], "A40_003");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.fields[0]!.message).toContain("split features");
  });
});
