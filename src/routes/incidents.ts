import { createRoute } from "@hono/zod-openapi";
import { listChanges } from "../db/changes";
import { findIncident, insertIncident, listIncidents, searchArchive, updateIncident } from "../db/incidents";
import { mayCreateIncident, mayWriteForUnit } from "../domain/access";
import { newIncident, patchIncident } from "../domain/incidents";
import { forbidden, newApp, notFound, nowIso, staleVersion } from "../lib/app";
import { commitWrite } from "../lib/write-path";
import { STANDING } from "../schema/streams";
import { reviewOnClose } from "./relocation-review";
import { ChangePage, ChangesQuery } from "../schema/changes";
import { committed } from "../schema/common";
import { ArchivePage, ArchiveQuery, Incident, IncidentCreate, IncidentList, IncidentListQuery, IncidentPatch } from "../schema/incidents";
import { commonErrors, IdParam, idempotencyHeaders, json, jsonBody, KEY_REUSED, refusalDoc, refusals } from "./openapi";

const list = createRoute({
  method: "get",
  path: "/api/incidents",
  tags: ["incidents"],
  summary: "Incidents, open first, then newest onset first, a page at a time (`next` asks for the rest)",
  request: { query: IncidentListQuery },
  responses: { 200: json(IncidentList, "Incidents"), 400: commonErrors[400], 401: commonErrors[401] },
});

const archive = createRoute({
  method: "get",
  path: "/api/archive/incidents",
  tags: ["incidents"],
  summary: "Closed incidents (the archive), newest onset first, by title words, hazard and onset dates (JST)",
  request: { query: ArchiveQuery },
  responses: { 200: json(ArchivePage, "A page of closed incidents"), 400: commonErrors[400], 401: commonErrors[401] },
});

const create = createRoute({
  method: "post",
  path: "/api/incidents",
  tags: ["incidents"],
  summary: "Open an incident (real or drill)",
  request: { headers: idempotencyHeaders, body: jsonBody(IncidentCreate) },
  responses: { 201: json(committed(Incident), "Opened"), ...refusals({ 422: KEY_REUSED }) },
});

const read = createRoute({
  method: "get",
  path: "/api/incidents/{id}",
  tags: ["incidents"],
  summary: "One incident",
  request: { params: IdParam },
  responses: { 200: json(Incident, "The incident"), 401: commonErrors[401], 404: refusalDoc("No such incident") },
});

const patch = createRoute({
  method: "patch",
  path: "/api/incidents/{id}",
  tags: ["incidents"],
  summary: "Change an incident's title, hazard, onset, phase or posture (配備体制), or close it, over the version last seen",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(IncidentPatch) },
  responses: {
    200: json(committed(Incident), "Changed"),
    ...refusals({
      404: "No such incident",
      409: "Stale version (`current` holds the incident as it is now), or the incident is closed",
      422: KEY_REUSED,
    }),
  },
});

const changes = createRoute({
  method: "get",
  path: "/api/incidents/{id}/changes",
  tags: ["incidents"],
  summary: "The incident's change log after a sequence number, in order, paged",
  request: { params: IdParam, query: ChangesQuery },
  responses: { 200: json(ChangePage, "A page of changes"), 401: commonErrors[401], 404: refusalDoc("No such incident") },
});

const standingChanges = createRoute({
  method: "get",
  path: "/api/standing/changes",
  tags: ["platform"],
  summary: "The change log of peacetime (standing) data after a sequence number, in order, paged",
  request: { query: ChangesQuery },
  responses: { 200: json(ChangePage, "A page of changes"), 401: commonErrors[401] },
});

export const requireIncident = async (db: D1Database, id: string): Promise<Incident> => knownIncident(await findIncident(db, id));

/** The incident a route read, or the 404 when there is none. */
export function knownIncident(incident: Incident | null): Incident {
  if (!incident) throw notFound("incident");
  return incident;
}

export const incidentRoutes = newApp()
  .openapi(list, async (c) => c.json(await listIncidents(c.env.DB, c.req.valid("query")), 200))
  .openapi(archive, async (c) => c.json(await searchArchive(c.env.DB, c.req.valid("query")), 200))
  .openapi(create, async (c) => {
    const user = c.get("user");
    if (!mayCreateIncident(user)) throw forbidden("Viewers cannot open incidents.");
    const incident = newIncident(c.req.valid("json"), {
      id: crypto.randomUUID(),
      now: nowIso(),
      userId: user.id,
      unitId: user.unitId,
    });
    const done = await commitWrite(c, {
      stream: incident.id,
      steps: [insertIncident(c.env.DB, incident)],
      changes: [{ entityType: "incident", entityId: incident.id, op: "create", before: null, after: incident }],
      data: incident,
      status: 201,
      incident,
    });
    return c.json(done, 201);
  })
  .openapi(read, async (c) => c.json(await requireIncident(c.env.DB, c.req.valid("param").id), 200))
  .openapi(patch, async (c) => {
    const user = c.get("user");
    const db = c.env.DB;
    const current = await requireIncident(db, c.req.valid("param").id);
    if (!mayWriteForUnit(user, current.leadUnitId)) {
      throw forbidden("Only the leading unit's editors or an admin may change this incident.");
    }
    const body = c.req.valid("json");
    if (body.version !== current.version) {
      throw staleVersion(current);
    }
    const next = patchIncident(current, body, nowIso());
    // A relocation drill's after-action figures are taken as it closes, in the same batch.
    const review = next.status === "closed" && current.status !== "closed" ? await reviewOnClose(db, next) : null;
    const done = await commitWrite(c, {
      stream: current.id,
      steps: [{ exactlyOne: updateIncident(db, next) }, ...(review?.steps ?? [])],
      changes: [{ entityType: "incident", entityId: current.id, op: "update", before: current, after: next }, ...(review?.changes ?? [])],
      data: next,
      reload: () => findIncident(db, current.id),
      incident: next,
    });
    return c.json(done, 200);
  })
  .openapi(changes, async (c) => {
    const { id } = c.req.valid("param");
    const { after, limit } = c.req.valid("query");
    // One round trip: an unknown incident's stream is empty, and then the 404 wins.
    const [, page] = await Promise.all([requireIncident(c.env.DB, id), listChanges(c.env.DB, id, after, limit)]);
    return c.json(page, 200);
  })
  .openapi(standingChanges, async (c) => {
    const { after, limit } = c.req.valid("query");
    return c.json(await listChanges(c.env.DB, STANDING, after, limit), 200);
  });
