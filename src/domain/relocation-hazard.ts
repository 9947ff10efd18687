import { type BBox, bboxOf, depthRank, type MultiPolygon, unionBBox } from "./geo";
import { accept, type FieldIssue, refusal, refused, type Ruled } from "./refusal";

/** Validation of an imported hazard layer (GeoJSON FeatureCollection of Polygon / MultiPolygon). */

export const HAZARD_MAX_BYTES = 5 * 1024 * 1024;
/** D1 caps a row at 2 MB; one feature is one row. */
export const HAZARD_MAX_FEATURE_BYTES = 1_800_000;
const MAX_ISSUES = 20;

export type ImportedFeature = {
  depthClass: string | null;
  depthRank: number | null;
  bbox: BBox;
  coordinates: MultiPolygon;
};

export type HazardParse = Ruled<{ features: ImportedFeature[]; bbox: BBox }>;

class TooManyIssues extends Error {}

/**
 * Checks every feature and position, collecting up to 20 issues with their paths
 * ("geojson.features.3.geometry.coordinates.0.5"). Positions are kept as [lon, lat].
 */
export function parseHazardFeatures(features: readonly unknown[], depthProperty: string): HazardParse {
  const issues: FieldIssue[] = [];
  const fail = (path: string, message: string) => {
    issues.push({ path: `geojson.features.${path}`, message });
    if (issues.length >= MAX_ISSUES) throw new TooManyIssues();
  };
  const out: ImportedFeature[] = [];
  try {
    features.forEach((f, i) => {
      const feature = readFeature(f, `${i}`, depthProperty, fail);
      if (feature) out.push(feature);
    });
  } catch (e) {
    if (!(e instanceof TooManyIssues)) throw e;
  }
  if (issues.length > 0) return refused(refusal(400, "invalid_geojson", "The GeoJSON layer is not valid; nothing was stored.", issues));
  return accept({ features: out, bbox: unionBBox(out.map((f) => f.bbox)) });
}

type Fail = (path: string, message: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function readFeature(f: unknown, path: string, depthProperty: string, fail: Fail): ImportedFeature | null {
  if (!isObject(f) || f.type !== "Feature") {
    fail(`${path}.type`, "each item must be a GeoJSON Feature");
    return null;
  }
  const g = f.geometry;
  if (!isObject(g)) {
    fail(`${path}.geometry`, "the feature has no geometry");
    return null;
  }
  let coordinates: MultiPolygon | null = null;
  if (g.type === "Polygon") {
    const polygon = readPolygon(g.coordinates, `${path}.geometry.coordinates`, fail);
    coordinates = polygon && [polygon];
  } else if (g.type === "MultiPolygon") {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
      fail(`${path}.geometry.coordinates`, "a MultiPolygon needs at least one polygon");
      return null;
    }
    const polygons = g.coordinates.map((p, k) => readPolygon(p, `${path}.geometry.coordinates.${k}`, fail));
    coordinates = polygons.every((p) => p !== null) ? (polygons as MultiPolygon) : null;
  } else {
    fail(`${path}.geometry.type`, `geometry type ${JSON.stringify(g.type)} is not accepted; use Polygon or MultiPolygon`);
    return null;
  }
  if (!coordinates) return null;
  const raw = isObject(f.properties) ? f.properties[depthProperty] : undefined;
  if (raw !== undefined && raw !== null && typeof raw !== "string" && typeof raw !== "number") {
    fail(`${path}.properties.${depthProperty}`, "the depth class must be text or a number");
    return null;
  }
  const depthClass = raw === undefined || raw === null || String(raw).trim() === "" ? null : String(raw).trim().slice(0, 64);
  const size = JSON.stringify(coordinates).length;
  if (size > HAZARD_MAX_FEATURE_BYTES) {
    fail(`${path}.geometry`, `this feature is ${size} bytes; split features larger than ${HAZARD_MAX_FEATURE_BYTES} bytes`);
    return null;
  }
  return { depthClass, depthRank: depthRank(depthClass), bbox: bboxOf(coordinates), coordinates };
}

function readPolygon(value: unknown, path: string, fail: Fail): number[][][] | null {
  if (!Array.isArray(value) || value.length === 0) {
    fail(path, "a polygon is a list of rings: the outer ring, then any holes");
    return null;
  }
  const rings = value.map((ring, r) => readRing(ring, `${path}.${r}`, fail));
  return rings.every((r) => r !== null) ? (rings as number[][][]) : null;
}

function readRing(value: unknown, path: string, fail: Fail): number[][] | null {
  if (!Array.isArray(value) || value.length < 4) {
    fail(path, "a ring needs at least 4 positions (closed: the last repeats the first)");
    return null;
  }
  const ring: number[][] = [];
  for (let k = 0; k < value.length; k++) {
    const p = value[k];
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      fail(`${path}.${k}`, "a position is [longitude, latitude] in numbers");
      return null;
    }
    const [lon, lat] = p as [number, number];
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      fail(`${path}.${k}`, `[${lon}, ${lat}] is out of range: longitude −180…180, latitude −90…90 (is the order [lon, lat]?)`);
      return null;
    }
    ring.push([lon, lat]);
  }
  const first = ring[0]!, last = ring.at(-1)!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    fail(path, "the ring is not closed: its last position must repeat the first");
    return null;
  }
  return ring;
}
