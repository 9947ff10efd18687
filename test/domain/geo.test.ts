import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BOUNDARY,
  bboxOf,
  depthBand,
  depthRank,
  hazardAt,
  INSIDE,
  multiPolygonContains,
  OUTSIDE,
  polygonContains,
  ringContains,
  type Ring,
} from "../../src/domain/geo";

const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

/** Winding number: an independent oracle for points off the boundary. */
function winding(ring: Ring, x: number, y: number): boolean {
  let wn = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    const side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
    if (y1 <= y && y2 > y && side > 0) wn++;
    else if (y1 > y && y2 <= y && side < 0) wn--;
  }
  return wn !== 0;
}

/** A simple (non-self-intersecting) star-shaped ring: vertices at sorted angles round a centre. */
const starRing = fc
  .array(fc.record({ angle: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), r: fc.double({ min: 0.1, max: 10, noNaN: true }) }), {
    minLength: 3,
    maxLength: 12,
  })
  .map((vs) => {
    const sorted = [...vs].sort((a, b) => a.angle - b.angle);
    const ring = sorted.map(({ angle, r }) => [144 + r * Math.cos(angle) * 0.01, 43 + r * Math.sin(angle) * 0.01]);
    return [...ring, ring[0]!] as Ring;
  })
  .filter((ring) => new Set(ring.slice(0, -1).map((p) => p.join())).size === ring.length - 1);

const point = fc.record({ x: fc.double({ min: 143.85, max: 144.15, noNaN: true }), y: fc.double({ min: 42.85, max: 43.15, noNaN: true }) });

/** Distance from a point to the ring's nearest edge, to skip points where rounding decides. */
function edgeDistance(ring: Ring, x: number, y: number): number {
  let best = Infinity;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    const dx = x2 - x1, dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)));
  }
  return best;
}

describe("ringContains", () => {
  it("tells inside, boundary and outside of a square", () => {
    const sq = rect(0, 0, 10, 10);
    expect(ringContains(sq, 5, 5)).toBe(INSIDE);
    expect(ringContains(sq, 10, 5)).toBe(BOUNDARY);
    expect(ringContains(sq, 0, 0)).toBe(BOUNDARY);
    expect(ringContains(sq, 11, 5)).toBe(OUTSIDE);
    expect(ringContains(sq, 5, -0.0001)).toBe(OUTSIDE);
  });

  it("handles a concave ring (a U shape) where a ray crosses it several times", () => {
    const u: Ring = [[0, 0], [9, 0], [9, 9], [6, 9], [6, 3], [3, 3], [3, 9], [0, 9], [0, 0]];
    expect(ringContains(u, 4.5, 6)).toBe(OUTSIDE); // inside the notch
    expect(ringContains(u, 1, 6)).toBe(INSIDE);
    expect(ringContains(u, 7.5, 6)).toBe(INSIDE);
    expect(ringContains(u, 4.5, 1)).toBe(INSIDE);
  });

  it("agrees with a rectangle's bounds for every integer point (boundary inclusive)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: -60, max: 100 }), fc.integer({ min: -60, max: 100 }), (x0, y0, w, h, x, y) => {
        const inBounds = x >= x0 && x <= x0 + w && y >= y0 && y <= y0 + h;
        expect(polygonContains([rect(x0, y0, x0 + w, y0 + h)], x, y)).toBe(inBounds);
      }),
    );
  });

  it("agrees with the winding number on star-shaped rings away from the edges", () => {
    fc.assert(
      fc.property(starRing, point, (ring, { x, y }) => {
        fc.pre(edgeDistance(ring, x, y) > 1e-9);
        expect(ringContains(ring, x, y) === INSIDE).toBe(winding(ring, x, y));
      }),
      { numRuns: 500 },
    );
  });

  it("does not depend on the ring's direction or starting vertex", () => {
    fc.assert(
      fc.property(starRing, point, fc.nat(), (ring, { x, y }, shift) => {
        const open = ring.slice(0, -1);
        const k = shift % open.length;
        const rotated = [...open.slice(k), ...open.slice(0, k)];
        const reversed = [...open].reverse();
        const expected = ringContains(ring, x, y);
        expect(ringContains([...rotated, rotated[0]!], x, y)).toBe(expected);
        expect(ringContains([...reversed, reversed[0]!], x, y)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("polygons with holes and multipolygons", () => {
  const withHole = [rect(0, 0, 10, 10), rect(3, 3, 6, 6)];

  it("excludes points inside a hole and keeps the hole's edge flooded", () => {
    expect(polygonContains(withHole, 4, 4)).toBe(false);
    expect(polygonContains(withHole, 1, 1)).toBe(true);
    expect(polygonContains(withHole, 3, 4)).toBe(true);
    expect(polygonContains(withHole, 12, 4)).toBe(false);
  });

  it("is inside exactly when inside the outer ring and not strictly inside any hole", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 12 }), fc.integer({ min: -2, max: 12 }), (x, y) => {
        const outer = x >= 0 && x <= 10 && y >= 0 && y <= 10;
        const hole = x > 3 && x < 6 && y > 3 && y < 6;
        expect(polygonContains(withHole, x, y)).toBe(outer && !hole);
      }),
    );
  });

  it("a multipolygon contains a point exactly when one of its polygons does", () => {
    fc.assert(
      fc.property(starRing, starRing, point, (a, b, { x, y }) => {
        expect(multiPolygonContains([[a], [b]], x, y)).toBe(polygonContains([a], x, y) || polygonContains([b], x, y));
      }),
      { numRuns: 300 },
    );
  });

  it("never finds a point outside the bounding box inside the polygon", () => {
    fc.assert(
      fc.property(starRing, point, (ring, { x, y }) => {
        const [x0, y0, x1, y1] = bboxOf([[ring]]);
        if (x < x0 || x > x1 || y < y0 || y > y1) expect(polygonContains([ring], x, y)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("depth classes", () => {
  it("reads the lower bound of A40-style labels, full-width digits included", () => {
    expect(depthRank("0.3m未満")).toBe(0);
    expect(depthRank("0.3m以上1.0m未満")).toBe(0.3);
    expect(depthRank("５．０ｍ以上１０．０ｍ未満")).toBe(5);
    expect(depthRank("20m以上")).toBe(20);
    expect(depthRank("2m～5m")).toBe(2);
    expect(depthRank("3")).toBe(3);
    expect(depthRank("不明")).toBeNull();
    expect(depthRank(null)).toBeNull();
  });

  it("bands depths as the hazard-map guideline colours them", () => {
    expect([null, 0, 0.29, 0.3, 0.5, 1, 2.9, 3, 5, 10, 25].map(depthBand)).toEqual([-1, 0, 0, 1, 2, 3, 3, 4, 5, 6, 7]);
  });

  it("gives a point the deepest class among the layers it lies in", () => {
    const shallow = { layerId: "a", depthClass: "0.3m以上1.0m未満", depthRank: 0.3, coordinates: [[rect(0, 0, 10, 10)]], bbox: bboxOf([[rect(0, 0, 10, 10)]]) };
    const deep = { layerId: "b", depthClass: "2.0m以上5.0m未満", depthRank: 2, coordinates: [[rect(4, 4, 6, 6)]], bbox: bboxOf([[rect(4, 4, 6, 6)]]) };
    const layers = [{ bbox: [0, 0, 30, 10] as [number, number, number, number] }];
    expect(hazardAt(5, 5, [shallow, deep], layers)).toEqual({ inInundation: true, depthClass: "2.0m以上5.0m未満", depthRank: 2, hazardLayerId: "b" });
    expect(hazardAt(1, 1, [shallow, deep], layers)).toMatchObject({ inInundation: true, hazardLayerId: "a" });
    expect(hazardAt(20, 1, [shallow, deep], layers)).toEqual({ inInundation: false, depthClass: null, depthRank: null, hazardLayerId: null });
  });

  it("calls a point no layer covers unassessed, never outside", () => {
    const layers = [{ bbox: [0, 0, 10, 10] as [number, number, number, number] }];
    expect(hazardAt(20, 1, [], layers).inInundation).toBeNull();
    expect(hazardAt(5, 5, [], []).inInundation).toBeNull();
    expect(hazardAt(5, 5, [], layers).inInundation).toBe(false);
  });
});
