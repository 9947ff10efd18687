import { createRoute } from "@hono/zod-openapi";
import { deleteLayer, insertLayer, insertPolygons, layerById, layersRead, listLayers, polygonsRead } from "../db/relocation-hazard";
import { sitesRead, updateSiteHazards } from "../db/sites";
import { readTogether } from "../db/together";
import { type HazardPolygon, hazardAt } from "../domain/geo";
import { parseHazardFeatures } from "../domain/relocation-hazard";
import { mayImportHazard } from "../domain/relocation-rules";
import { accepted, forbidden, newApp, notFound, nowIso } from "../lib/app";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { STANDING } from "../schema/streams";
import { committed, ErrorEnvelope } from "../schema/common";
import {
  HazardFeatureCollection,
  HazardImportResult,
  type HazardLayer,
  HazardLayerImport,
  HazardLayerList,
  type Site,
  type SiteHazard,
} from "../schema/relocation";
import { IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";
import { errors, readErrors, writeErrors } from "./relocation-common";

const list = createRoute({
  method: "get",
  path: "/api/hazard-layers",
  tags: ["relocation"],
  summary: "Imported hazard layers (inundation areas)",
  responses: { 200: json(HazardLayerList, "Layers"), 401: errors[401] },
});

const create = createRoute({
  method: "post",
  path: "/api/hazard-layers",
  tags: ["relocation"],
  summary: "Import a GeoJSON hazard layer (e.g. 国土数値情報 A40 津波浸水想定) and recompute every site's inundation",
  request: { headers: idempotencyHeaders, body: jsonBody(HazardLayerImport) },
  responses: {
    201: json(committed(HazardImportResult), "Imported; `changed` lists the sites whose inundation changed"),
    ...writeErrors,
    413: json(ErrorEnvelope, "Larger than 5 MB (refused unread)"),
  },
});

const features = createRoute({
  method: "get",
  path: "/api/hazard-layers/{id}/features",
  tags: ["relocation"],
  summary: "A layer's polygons as GeoJSON MultiPolygons with their depth class",
  request: { params: IdParam },
  responses: { 200: json(HazardFeatureCollection, "Polygons"), ...readErrors },
});

const remove = createRoute({
  method: "delete",
  path: "/api/hazard-layers/{id}",
  tags: ["relocation"],
  summary: "Remove a layer and recompute every site's inundation from the remaining layers",
  request: { params: IdParam, headers: idempotencyHeaders },
  responses: { 200: json(committed(HazardImportResult), "Removed"), ...writeErrors },
});

/** Every site's inundation over the layers' polygons, and those that differ from what is stored. */
function recompute(sites: readonly Site[], polygons: readonly HazardPolygon[], layers: readonly Pick<HazardLayer, "bbox">[]) {
  const changed: SiteHazard[] = [];
  let inside = 0;
  for (const s of sites) {
    const h = hazardAt(s.lon, s.lat, polygons, layers);
    if (h.inInundation) inside++;
    if (h.inInundation !== s.inInundation || h.depthClass !== s.depthClass || h.hazardLayerId !== s.hazardLayerId) {
      changed.push({ siteId: s.id, ...h });
    }
  }
  return { changed, sitesInInundation: inside };
}

export const hazardRoutes = newApp()
  .openapi(list, async (c) => c.json({ items: await listLayers(c.env.DB) }, 200))
  .openapi(create, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    if (!mayImportHazard(user)) throw forbidden("Hazard layers are imported by the disaster HQ or the water department.");
    const input = c.req.valid("json");
    const parsed = accepted(parseHazardFeatures(input.geojson.features, input.depthProperty));
    const layer: HazardLayer = {
      id: crypto.randomUUID(),
      name: input.name,
      hazard: input.hazard,
      source: input.source,
      depthProperty: input.depthProperty,
      featureCount: parsed.features.length,
      bytes: new TextEncoder().encode(await c.req.text()).byteLength,
      bbox: parsed.bbox,
      illustrative: input.illustrative,
      importedAt: nowIso(),
      importedByName: user.displayName,
    };
    const added = parsed.features.map((f) => ({ ...f, layerId: layer.id }));
    const [sites, stored, layers] = await readPreconditions(c, [sitesRead(db), polygonsRead(db), layersRead(db)]);
    const result = { layer, ...recompute(sites, [...stored, ...added], [...layers, layer]) };
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [insertLayer(db, layer, user.id), ...insertPolygons(db, layer.id, parsed.features), ...updateSiteHazards(db, result.changed)],
      changes: [{ entityType: "hazard_layer", entityId: layer.id, op: "import", before: null, after: result }],
      data: result,
      status: 201,
    });
    return c.json(done, 201);
  })
  .openapi(features, async (c) => {
    const { id } = c.req.valid("param");
    const [layer, polygons] = await readTogether(c.env.DB, [layerById(c.env.DB, id), polygonsRead(c.env.DB, { layerId: id })]);
    if (!layer) throw notFound("hazard layer");
    return c.json(
      {
        type: "FeatureCollection" as const,
        features: polygons.map((p) => ({
          type: "Feature" as const,
          properties: { depthClass: p.depthClass, depthRank: p.depthRank },
          geometry: { type: "MultiPolygon" as const, coordinates: p.coordinates as number[][][][] },
        })),
      },
      200,
    );
  })
  .openapi(remove, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    if (!mayImportHazard(user)) throw forbidden("Hazard layers are removed by the disaster HQ or the water department.");
    const [layer, sites, stored, layers] = await readPreconditions(c, [layerById(db, c.req.valid("param").id), sitesRead(db), polygonsRead(db), layersRead(db)]);
    if (!layer) throw notFound("hazard layer");
    const result = { layer, ...recompute(sites, stored.filter((p) => p.layerId !== layer.id), layers.filter((l) => l.id !== layer.id)) };
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [...deleteLayer(db, layer.id), ...updateSiteHazards(db, result.changed)],
      changes: [{ entityType: "hazard_layer", entityId: layer.id, op: "delete", before: layer, after: result }],
      data: result,
    });
    return c.json(done, 200);
  });
