import { createRoute } from "@hono/zod-openapi";
import { layersRead, polygonsNearSite, polygonsRead } from "../db/relocation-hazard";
import { unitById } from "../db/people";
import { functionsRead } from "../db/relocation";
import { findReadiness, findSite, insertReadiness, insertSite, listReadiness, pageSites, readinessCheckOf, siteById, updateReadiness, updateSite } from "../db/sites";
import { hazardAt } from "../domain/geo";
import { mayCheckReadiness, mayEditSite, newReadinessChecklist } from "../domain/relocation-rules";
import { checkLabel } from "../domain/relocation";
import { forbidden, newApp, notFound, nowIso, staleVersion } from "../lib/app";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { STANDING } from "../schema/streams";
import { committed } from "../schema/common";
import {
  GSI_SHELTER_ATTRIBUTION,
  ReadinessCheck,
  ReadinessList,
  ReadinessParam,
  ReadinessUpdate,
  Site,
  SiteCreate,
  SiteList,
  SitePatch,
  SitesQuery,
} from "../schema/relocation";
import { IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";
import { errors, readErrors, unprocessable, writeErrors } from "./relocation-common";

const list = createRoute({
  method: "get",
  path: "/api/sites",
  tags: ["relocation"],
  summary: "Sites: offices, plants, pump stations, alternate sites, hospital, and the GSI evacuation sites and shelters, a page at a time (`next` asks for the rest)",
  request: { query: SitesQuery },
  responses: { 200: json(SiteList, "Sites, with the attribution the open-data shelters require"), 400: errors[400], 401: errors[401] },
});

const create = createRoute({
  method: "post",
  path: "/api/sites",
  tags: ["relocation"],
  summary: "Register a facility; its inundation is computed from the stored hazard layers",
  request: { headers: idempotencyHeaders, body: jsonBody(SiteCreate) },
  responses: { 201: json(committed(Site), "Registered"), ...writeErrors },
});

const read = createRoute({
  method: "get",
  path: "/api/sites/{id}",
  tags: ["relocation"],
  summary: "One site",
  request: { params: IdParam },
  responses: { 200: json(Site, "The site"), ...readErrors },
});

const patch = createRoute({
  method: "patch",
  path: "/api/sites/{id}",
  tags: ["relocation"],
  summary: "Change a site's operating status, names, address or position, over the version last seen",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(SitePatch) },
  responses: { 200: json(committed(Site), "Changed"), ...writeErrors },
});

const readiness = createRoute({
  method: "get",
  path: "/api/readiness",
  tags: ["relocation"],
  summary: "Every facility's readiness checklist (power, fuel, comms, network, drawings, water & food, access, staff)",
  responses: { 200: json(ReadinessList, "Checks"), 401: errors[401] },
});

const check = createRoute({
  method: "put",
  path: "/api/sites/{id}/readiness/{key}",
  tags: ["relocation"],
  summary: "Record one readiness check of a site, over the version last seen",
  request: { params: ReadinessParam, headers: idempotencyHeaders, body: jsonBody(ReadinessUpdate) },
  responses: { 200: json(committed(ReadinessCheck), "Recorded"), ...writeErrors },
});

/** The site a route read, or the 404 when there is none. */
function knownSite(site: Site | null): Site {
  if (!site) throw notFound("site");
  return site;
}


export const siteRoutes = newApp()
  .openapi(list, async (c) => {
    const { scope, ...page } = c.req.valid("query");
    return c.json({ ...(await pageSites(c.env.DB, scope, page)), attribution: GSI_SHELTER_ATTRIBUTION }, 200);
  })
  .openapi(create, async (c) => {
    const user = c.get("user");
    const input = c.req.valid("json");
    if (!mayEditSite(user, { unitId: input.unitId })) throw forbidden("Editors register sites for their own unit only.");
    const db = c.env.DB;
    const [unitKnown, polygons, layers] = await readPreconditions(c, [
      unitById(db, input.unitId),
      polygonsRead(db, { near: { lon: input.lon, lat: input.lat } }),
      layersRead(db),
    ]);
    if (!unitKnown) throw unprocessable("unknown_unit", `No unit ${input.unitId}.`, "unitId");
    const now = nowIso();
    const site: Site = {
      ...input,
      id: crypto.randomUUID(),
      statusNote: "",
      source: "city",
      designations: "",
      ...hazardAt(input.lon, input.lat, polygons, layers),
      version: 1,
      updatedAt: now,
      updatedBy: user.id,
    };
    const checklist = newReadinessChecklist(site.id);
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [insertSite(db, site), ...insertReadiness(db, checklist)],
      changes: [
        { entityType: "site", entityId: site.id, op: "create", before: null, after: site },
        { entityType: "readiness_checklist", entityId: site.id, op: "create", before: null, after: checklist },
      ],
      data: site,
      status: 201,
    });
    return c.json(done, 201);
  })
  .openapi(read, async (c) => c.json(knownSite(await findSite(c.env.DB, c.req.valid("param").id)), 200))
  .openapi(patch, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const id = c.req.valid("param").id;
    const { version, ...changes } = c.req.valid("json");
    // The hazard where the site will stand is read with it, in case the change moves it.
    const [found, polygons, layers] = await readPreconditions(c, [
      siteById(db, id),
      polygonsNearSite(db, id, changes.lon ?? null, changes.lat ?? null),
      layersRead(db),
    ]);
    const current = knownSite(found);
    if (!mayEditSite(user, current)) throw forbidden("Only the site's own unit (or an admin) may change it.");
    if (version !== current.version) throw staleVersion(current);
    const moved = (changes.lat ?? current.lat) !== current.lat || (changes.lon ?? current.lon) !== current.lon;
    const next: Site = { ...current, ...changes, version: current.version + 1, updatedAt: nowIso(), updatedBy: user.id };
    if (moved) Object.assign(next, hazardAt(next.lon, next.lat, polygons, layers));
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [{ exactlyOne: updateSite(db, next) }],
      changes: [{ entityType: "site", entityId: next.id, op: "update", before: current, after: next }],
      data: next,
      reload: () => findSite(db, current.id),
    });
    return c.json(done, 200);
  })
  .openapi(readiness, async (c) => c.json({ items: await listReadiness(c.env.DB) }, 200))
  .openapi(check, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const { id, key } = c.req.valid("param");
    const [found, current, functions] = await readPreconditions(c, [siteById(db, id), readinessCheckOf(db, id, key), functionsRead(db)]);
    const site = knownSite(found);
    if (!current) throw notFound("readiness checklist for this site (evacuation sites and shelters have none)");
    if (!mayCheckReadiness(user, site, functions)) {
      throw forbidden("Only the site's unit, or a unit whose function would move there, may record its readiness.");
    }
    const input = c.req.valid("json");
    if (input.version !== current.version) throw staleVersion(current);
    const next: ReadinessCheck = {
      ...current,
      status: input.status,
      value: input.value === undefined ? current.value : input.value,
      note: input.note ?? current.note,
      checkedAt: nowIso(),
      checkedByName: user.displayName,
      version: current.version + 1,
    };
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [{ exactlyOne: updateReadiness(db, next, user.id) }],
      changes: [{ entityType: "readiness", entityId: `${id}:${key}`, op: "update", before: current, after: { ...next, label: checkLabel(site, key) } }],
      data: next,
      reload: () => findReadiness(db, id, key),
    });
    return c.json(done, 200);
  });
