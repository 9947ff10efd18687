import { createRoute } from "@hono/zod-openapi";
import { findFunction, functionById, functionSites, getSettings, insertFunction, listFunctions, settingsRead, updateFunction, updateSettings } from "../db/relocation";
import { unitById } from "../db/people";
import { sitesById } from "../db/sites";
import { mayEditFunction, mayEditSettings, functionSiteIssues } from "../domain/relocation-rules";
import { ApiError, forbidden, newApp, notFound, nowIso, staleVersion } from "../lib/app";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { STANDING } from "../schema/streams";
import { committed } from "../schema/common";
import { RelocationSettings, RelocationSettingsPatch, type Site } from "../schema/relocation";
import { BcpFunction, FunctionCreate, FunctionList, FunctionPatch } from "../schema/relocation-board";
import { IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";
import { errors, unprocessable, writeErrors } from "./relocation-common";

/** The function registry and this area's settings: peacetime (standing) data. */

const list = createRoute({
  method: "get",
  path: "/api/relocation/functions",
  tags: ["relocation"],
  summary: "The water & sewer department's functions with targets, staff, equipment, primary and alternate sites",
  responses: { 200: json(FunctionList, "Functions"), 401: errors[401] },
});

const create = createRoute({
  method: "post",
  path: "/api/relocation/functions",
  tags: ["relocation"],
  summary: "Register a function",
  request: { headers: idempotencyHeaders, body: jsonBody(FunctionCreate) },
  responses: { 201: json(committed(BcpFunction), "Registered"), ...writeErrors },
});

const patch = createRoute({
  method: "patch",
  path: "/api/relocation/functions/{id}",
  tags: ["relocation"],
  summary: "Change a function, over the version last seen",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(FunctionPatch) },
  responses: { 200: json(committed(BcpFunction), "Changed"), ...writeErrors },
});

const settings = createRoute({
  method: "get",
  path: "/api/relocation/settings",
  tags: ["relocation"],
  summary: "Acknowledgement limit for liaison messages, required generator hours, map tiles",
  responses: { 200: json(RelocationSettings, "Settings"), 401: errors[401] },
});

const patchSettings = createRoute({
  method: "patch",
  path: "/api/relocation/settings",
  tags: ["relocation"],
  summary: "Change the settings (admins), over the version last seen",
  request: { headers: idempotencyHeaders, body: jsonBody(RelocationSettingsPatch) },
  responses: { 200: json(committed(RelocationSettings), "Changed"), ...writeErrors },
});

function checkSites(sites: Map<string, Site>, primarySiteId: string, alternateSiteIds: string[]) {
  const issues = functionSiteIssues(primarySiteId, alternateSiteIds, sites);
  if (issues.length > 0) throw new ApiError(422, "invalid_sites", "Check the function's sites.", { fields: issues });
}

export const functionRoutes = newApp()
  .openapi(list, async (c) => c.json({ items: await listFunctions(c.env.DB) }, 200))
  .openapi(create, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const input = c.req.valid("json");
    if (!mayEditFunction(user, input)) throw forbidden("Editors register functions of their own unit only.");
    const [unitKnown, sites] = await readPreconditions(c, [unitById(db, input.unitId), sitesById(db, [input.primarySiteId, ...input.alternateSiteIds])]);
    if (!unitKnown) throw unprocessable("unknown_unit", `No unit ${input.unitId}.`, "unitId");
    checkSites(sites, input.primarySiteId, input.alternateSiteIds);
    const fn: BcpFunction = { ...input, id: crypto.randomUUID(), version: 1, updatedAt: nowIso() };
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [insertFunction(db, fn, user.id)],
      changes: [{ entityType: "function", entityId: fn.id, op: "create", before: null, after: fn }],
      data: fn,
      status: 201,
    });
    return c.json(done, 201);
  })
  .openapi(patch, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const id = c.req.valid("param").id;
    const { version, ...changes } = c.req.valid("json");
    const [current, sites] = await readPreconditions(c, [
      functionById(db, id),
      functionSites(db, { functionId: id, incidentId: null, named: [changes.primarySiteId, ...(changes.alternateSiteIds ?? [])] }),
    ]);
    if (!current) throw notFound("function");
    if (!mayEditFunction(user, current)) throw forbidden("Only the function's own unit (or an admin) may change it.");
    if (version !== current.version) throw staleVersion(current);
    const next: BcpFunction = { ...current, ...changes, version: current.version + 1, updatedAt: nowIso() };
    checkSites(sites, next.primarySiteId, next.alternateSiteIds);
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [{ exactlyOne: updateFunction(db, next, user.id) }],
      changes: [{ entityType: "function", entityId: next.id, op: "update", before: current, after: next }],
      data: next,
      reload: () => findFunction(db, current.id),
    });
    return c.json(done, 200);
  })
  .openapi(settings, async (c) => c.json(await getSettings(c.env.DB), 200))
  .openapi(patchSettings, async (c) => {
    const db = c.env.DB;
    if (!mayEditSettings(c.get("user"))) throw forbidden("Only admins change these settings.");
    const [current] = await readPreconditions(c, [settingsRead(db)]);
    const { version, ...changes } = c.req.valid("json");
    if (version !== current.version) throw staleVersion(current);
    const next: RelocationSettings = { ...current, ...changes, version: current.version + 1, updatedAt: nowIso() };
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [{ exactlyOne: updateSettings(db, next) }],
      changes: [{ entityType: "relocation_settings", entityId: "1", op: "update", before: current, after: next }],
      data: next,
      reload: () => getSettings(db),
    });
    return c.json(done, 200);
  });
