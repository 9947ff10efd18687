import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { Plugin } from "vite";

/*
 * The offline base map: Kushiro's coast from Natural Earth's 1:10m land polygons (the world-atlas
 * package), cut at build time to a box around the city and written as a small GeoJSON file beside
 * the console (precached with it). The relocation map draws it under everything, so with no tiles
 * the sites still stand on land and sea.
 */
export const COAST_FILE = "kushiro-coast.json";
/** West, south, east, north: wide enough that its edges stay off screen at the city's zooms. */
const BOX = [143.6, 42.6, 145.2, 43.4] as const;

type Ring = [number, number][];

/** Sutherland–Hodgman: the part of a ring inside the box (the box's edges close what was cut). */
export function clipRing(ring: Ring, [w, s, e, n]: readonly [number, number, number, number] = BOX): Ring {
  const edges: [(p: [number, number]) => boolean, (a: [number, number], b: [number, number]) => [number, number]][] = [
    [(p) => p[0] >= w, (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= e, (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= s, (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s]],
    [(p) => p[1] <= n, (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n]],
  ];
  let out = ring;
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
    if (out.length === 0) break;
  }
  return out;
}

const round = (v: number) => Math.round(v * 1e5) / 1e5;

export function kushiroCoast(): GeoJSON.FeatureCollection {
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve("world-atlas/land-10m.json"), "utf8"));
  const land = feature(topo, topo.objects.land) as unknown as GeoJSON.FeatureCollection | GeoJSON.Feature;
  const features = "features" in land ? land.features : [land];
  const polygons: GeoJSON.Position[][][] = [];
  for (const f of features) {
    const g = f.geometry;
    const list = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    for (const poly of list) {
      const rings = poly.map((r) => clipRing(r as Ring).map(([x, y]): [number, number] => [round(x), round(y)])).filter((r) => r.length >= 3);
      if (rings.length > 0 && poly[0] && clipRing(poly[0] as Ring).length >= 3) polygons.push(rings.map((r) => [...r, r[0]!]));
    }
  }
  return {
    type: "FeatureCollection",
    features: [{ type: "Feature", properties: { source: "Natural Earth 1:10m land (world-atlas)" }, geometry: { type: "MultiPolygon", coordinates: polygons } }],
  };
}

export function kushiroCoastAsset(): Plugin {
  return {
    name: "keizoku-kushiro-coast",
    apply: "build",
    generateBundle() {
      const coast = kushiroCoast();
      if (!(coast.features[0]!.geometry as GeoJSON.MultiPolygon).coordinates.length) this.error("no land found around Kushiro in world-atlas/land-10m.json");
      this.emitFile({ type: "asset", fileName: COAST_FILE, source: JSON.stringify(coast) });
    },
  };
}
