import type { BBox, HazardPolygon, MultiPolygon } from "../domain/geo";
import type { ImportedFeature } from "../domain/relocation-hazard";
import type { HazardLayer } from "../schema/relocation";
import { readOne, rowRead, rowsRead } from "./together";

/** Imported hazard layers and their polygons (one feature per row). */

type LayerRow = {
  id: string;
  name: string;
  hazard: HazardLayer["hazard"];
  source: string;
  depth_property: string;
  feature_count: number;
  bytes: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  illustrative: number;
  imported_at: string;
  imported_by_name: string;
};

const layerFromRow = (r: LayerRow): HazardLayer => ({
  id: r.id,
  name: r.name,
  hazard: r.hazard,
  source: r.source,
  depthProperty: r.depth_property,
  featureCount: r.feature_count,
  bytes: r.bytes,
  bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
  illustrative: r.illustrative === 1,
  importedAt: r.imported_at,
  importedByName: r.imported_by_name,
});

export const layersRead = (db: D1Database) =>
  rowsRead(db.prepare("SELECT * FROM hazard_layers ORDER BY imported_at DESC"), (rows: LayerRow[]) => rows.map(layerFromRow));

export const listLayers = (db: D1Database): Promise<HazardLayer[]> => readOne(layersRead(db));

export const layerById = (db: D1Database, id: string) =>
  rowRead(db.prepare("SELECT * FROM hazard_layers WHERE id = ?").bind(id), (r: LayerRow | undefined) => (r ? layerFromRow(r) : null));

export const findLayer = (db: D1Database, id: string): Promise<HazardLayer | null> => readOne(layerById(db, id));

export function insertLayer(db: D1Database, l: HazardLayer, importedBy: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO hazard_layers (id, name, hazard, source, depth_property, feature_count, bytes, min_lon, min_lat, max_lon, max_lat,
         illustrative, imported_at, imported_by, imported_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(l.id, l.name, l.hazard, l.source, l.depthProperty, l.featureCount, l.bytes, ...l.bbox, l.illustrative ? 1 : 0, l.importedAt, importedBy, l.importedByName);
}

// Keeps each bound JSON parameter under D1's 2 MB limit, and the statement count small.
const CHUNK_BYTES = 1_500_000;

/** The polygons of a layer as a few INSERT … SELECT FROM json_each statements. */
export function insertPolygons(db: D1Database, layerId: string, features: readonly ImportedFeature[]): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  let chunk: string[] = [];
  let size = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    statements.push(
      db
        .prepare(
          `INSERT INTO hazard_polygons (layer_id, idx, depth_class, depth_rank, min_lon, min_lat, max_lon, max_lat, coordinates)
           SELECT ?1, value ->> 'i', value ->> 'c', value ->> 'r', value ->> 'b0', value ->> 'b1', value ->> 'b2', value ->> 'b3', value -> 'g'
           FROM json_each(?2)`,
        )
        .bind(layerId, `[${chunk.join(",")}]`),
    );
    chunk = [];
    size = 0;
  };
  features.forEach((f, i) => {
    const row = JSON.stringify({ i, c: f.depthClass, r: f.depthRank, b0: f.bbox[0], b1: f.bbox[1], b2: f.bbox[2], b3: f.bbox[3], g: f.coordinates });
    if (size + row.length > CHUNK_BYTES) flush();
    chunk.push(row);
    size += row.length + 1;
  });
  flush();
  return statements;
}

export function deleteLayer(db: D1Database, id: string): D1PreparedStatement[] {
  return [db.prepare("DELETE FROM hazard_polygons WHERE layer_id = ?").bind(id), db.prepare("DELETE FROM hazard_layers WHERE id = ?").bind(id)];
}

type PolygonRow = {
  layer_id: string;
  idx: number;
  depth_class: string | null;
  depth_rank: number | null;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  coordinates: string;
};

const polygonFromRow = (r: PolygonRow): HazardPolygon => ({
  layerId: r.layer_id,
  depthClass: r.depth_class,
  depthRank: r.depth_rank,
  bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat] as BBox,
  coordinates: JSON.parse(r.coordinates) as MultiPolygon,
});

/** Every stored polygon, or those of one layer, or those whose box holds a point. */
/** Polygons of one layer, around one point, or all of them. */
export function polygonsRead(db: D1Database, filter: { layerId?: string; near?: { lon: number; lat: number } } = {}) {
  const stmt = filter.layerId
    ? db.prepare("SELECT * FROM hazard_polygons WHERE layer_id = ? ORDER BY idx").bind(filter.layerId)
    : filter.near
      ? db
          .prepare("SELECT * FROM hazard_polygons WHERE min_lon <= ?1 AND max_lon >= ?1 AND min_lat <= ?2 AND max_lat >= ?2")
          .bind(filter.near.lon, filter.near.lat)
      : db.prepare("SELECT * FROM hazard_polygons");
  return rowsRead(stmt, (rows: PolygonRow[]) => rows.map(polygonFromRow));
}

export const listPolygons = (db: D1Database, filter: { layerId?: string; near?: { lon: number; lat: number } } = {}): Promise<HazardPolygon[]> =>
  readOne(polygonsRead(db, filter));

/**
 * The polygons around where a site will be after a change: the new longitude and latitude where
 * the change gives them (null where it does not), the site's stored ones otherwise.
 */
export const polygonsNearSite = (db: D1Database, siteId: string, lon: number | null, lat: number | null) =>
  rowsRead(
    db
      .prepare(
        `WITH p(lon, lat) AS (SELECT COALESCE(?2, (SELECT lon FROM sites WHERE id = ?1)), COALESCE(?3, (SELECT lat FROM sites WHERE id = ?1)))
         SELECT h.* FROM hazard_polygons h, p WHERE h.min_lon <= p.lon AND h.max_lon >= p.lon AND h.min_lat <= p.lat AND h.max_lat >= p.lat`,
      )
      .bind(siteId, lon, lat),
    (rows: PolygonRow[]) => rows.map(polygonFromRow),
  );
