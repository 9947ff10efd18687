/**
 * Geometry for inundation layers: point-in-polygon (holes and multipolygons), bounding boxes,
 * depth classes, and validation of an imported GeoJSON layer. Pure; coordinates are [lon, lat].
 */

export type Position = readonly number[];
export type Ring = readonly Position[];
export type Polygon = readonly Ring[];
export type MultiPolygon = readonly Polygon[];
/** [minLon, minLat, maxLon, maxLat] */
export type BBox = [number, number, number, number];

export const INSIDE = 1;
export const BOUNDARY = 0;
export const OUTSIDE = -1;

/** Where a point lies against one ring: inside, on its boundary, or outside (even-odd ray casting). */
export function ringContains(ring: Ring, lon: number, lat: number): -1 | 0 | 1 {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!, yi = ring[i]![1]!;
    const xj = ring[j]![0]!, yj = ring[j]![1]!;
    if (onSegment(xi, yi, xj, yj, lon, lat)) return BOUNDARY;
    if (yi > lat !== yj > lat) {
      const x = xi + ((lat - yi) * (xj - xi)) / (yj - yi);
      if (x > lon) inside = !inside;
    }
  }
  return inside ? INSIDE : OUTSIDE;
}

function onSegment(x1: number, y1: number, x2: number, y2: number, x: number, y: number): boolean {
  if (x < Math.min(x1, x2) || x > Math.max(x1, x2) || y < Math.min(y1, y2) || y > Math.max(y1, y2)) return false;
  return (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) === 0;
}

/**
 * Inside the outer ring and not strictly inside a hole. Boundaries count as inside: a site on
 * the edge of a flooded area is treated as flooded.
 */
export function polygonContains(polygon: Polygon, lon: number, lat: number): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || ringContains(outer, lon, lat) === OUTSIDE) return false;
  return !holes.some((hole) => ringContains(hole, lon, lat) === INSIDE);
}

export function multiPolygonContains(polygons: MultiPolygon, lon: number, lat: number): boolean {
  return polygons.some((p) => polygonContains(p, lon, lat));
}

export function bboxOf(polygons: MultiPolygon): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) for (const ring of polygon) for (const p of ring) extend(box, p[0]!, p[1]!);
  return box;
}

function extend(box: BBox, lon: number, lat: number) {
  if (lon < box[0]) box[0] = lon;
  if (lat < box[1]) box[1] = lat;
  if (lon > box[2]) box[2] = lon;
  if (lat > box[3]) box[3] = lat;
}

export function unionBBox(boxes: BBox[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    extend(box, b[0], b[1]);
    extend(box, b[2], b[3]);
  }
  return box;
}

export const bboxContains = (b: BBox, lon: number, lat: number) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

/**
 * The lower bound in metres of a depth class label, for ordering and colour: "0.3m以上1.0m未満" → 0.3,
 * "0.3m未満" → 0, "10m～20m" → 10. A bare number (a class code) is taken as it is. Unreadable → null.
 */
export function depthRank(label: string | null): number | null {
  if (label === null) return null;
  const s = label.normalize("NFKC").replace(/\s+/g, "");
  const atLeast = s.match(/(\d+(?:\.\d+)?)m?以上/);
  if (atLeast) return Number(atLeast[1]);
  if (/^[^\d]*\d+(?:\.\d+)?m?未満$/.test(s)) return 0;
  const first = s.match(/\d+(?:\.\d+)?/);
  return first ? Number(first[0]) : null;
}

/** The depth bands of the national hazard-map guideline (浸水深の色分け), lower bounds in metres. */
export const DEPTH_BANDS = [0, 0.3, 0.5, 1, 3, 5, 10, 20] as const;

/** Index into DEPTH_BANDS, or -1 when the depth is unknown. */
export function depthBand(rank: number | null): number {
  if (rank === null) return -1;
  let band = 0;
  DEPTH_BANDS.forEach((lower, i) => {
    if (rank >= lower) band = i;
  });
  return band;
}

export type HazardPolygon = {
  layerId: string;
  depthClass: string | null;
  depthRank: number | null;
  bbox: BBox;
  coordinates: MultiPolygon;
};

export type PointHazard = {
  /** null: no layer covers the point, so nothing is known (未判定). */
  inInundation: boolean | null;
  depthClass: string | null;
  depthRank: number | null;
  hazardLayerId: string | null;
};

/**
 * A point's inundation over every polygon of every layer: the deepest class it lies in. Outside
 * every polygon it is outside only where a layer covers it (the layer's extent holds the point);
 * elsewhere no layer says anything, and the point is unassessed.
 */
export function hazardAt(lon: number, lat: number, polygons: readonly HazardPolygon[], layers: readonly { bbox: BBox }[]): PointHazard {
  let best: HazardPolygon | null = null;
  for (const p of polygons) {
    if (!bboxContains(p.bbox, lon, lat) || !multiPolygonContains(p.coordinates, lon, lat)) continue;
    if (!best || (p.depthRank ?? -1) > (best.depthRank ?? -1)) best = p;
  }
  return best
    ? { inInundation: true, depthClass: best.depthClass, depthRank: best.depthRank, hazardLayerId: best.layerId }
    : { inInundation: layers.some((l) => bboxContains(l.bbox, lon, lat)) ? false : null, depthClass: null, depthRank: null, hazardLayerId: null };
}
