import { createRoute } from "@hono/zod-openapi";
import { findHospitalStatus, hospitalStatusHistory, hospitalStatusOf, saveHospitalStatus } from "../db/hospital";
import { incidentById } from "../db/incidents";
import { readTogether } from "../db/together";
import { mayWriteForUnit } from "../domain/access";
import { nextStatus, statusWarnings } from "../domain/hospital";
import { forbidden, newApp, nowIso, staleVersion } from "../lib/app";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { committed } from "../schema/common";
import { HospitalHistory, HospitalHistoryQuery, HospitalStatus, HospitalStatusPut, HospitalStatusView } from "../schema/hospital";
import { errors, writeErrors } from "./drills-common";
import { knownIncident, requireIncident } from "./incidents";
import { IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";

/** The general hospital's unit: its editors report the board. */
export const HOSPITAL_UNIT = "hospital";
const tags = ["hospital"];

const read = createRoute({
  method: "get",
  path: "/api/incidents/{id}/hospital-status",
  tags,
  summary: "The hospital's status board in this incident (EMIS fields) and what falls short",
  request: { params: IdParam },
  responses: { 200: json(HospitalStatusView, "Status"), 401: errors[401], 404: errors[404] },
});

const put = createRoute({
  method: "put",
  path: "/api/incidents/{id}/hospital-status",
  tags,
  summary: "Report the hospital's current figures over the version last seen (null for the first report)",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(HospitalStatusPut) },
  responses: { 200: json(committed(HospitalStatus), "Reported"), ...writeErrors },
});

const history = createRoute({
  method: "get",
  path: "/api/incidents/{id}/hospital-status/history",
  tags,
  summary: "The reports of the hospital's status in this incident, newest first, a page at a time (`next` asks for older ones)",
  request: { params: IdParam, query: HospitalHistoryQuery },
  responses: { 200: json(HospitalHistory, "History"), 400: errors[400], 401: errors[401], 404: errors[404] },
});

export const hospitalRoutes = newApp()
  .openapi(read, async (c) => {
    const id = c.req.valid("param").id;
    const [incident, status] = await readTogether(c.env.DB, [incidentById(c.env.DB, id), hospitalStatusOf(c.env.DB, id)]);
    knownIncident(incident);
    return c.json({ status, warnings: statusWarnings(status, nowIso()) }, 200);
  })
  .openapi(put, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const id = c.req.valid("param").id;
    const [found, current] = await readPreconditions(c, [incidentById(db, id), hospitalStatusOf(db, id)]);
    const incident = knownIncident(found);
    if (!mayWriteForUnit(user, HOSPITAL_UNIT)) throw forbidden("Only the hospital's editors or an admin report its status.");
    const body = c.req.valid("json");
    if (body.version !== (current?.version ?? null)) throw staleVersion(current);
    const next = nextStatus(current, body, { incidentId: incident.id, now: nowIso(), userName: user.displayName });
    const done = await commitWrite(c, {
      stream: incident.id,
      steps: [{ exactlyOne: saveHospitalStatus(db, next) }],
      changes: [{ entityType: "hospital_status", entityId: incident.id, op: current ? "update" : "create", before: current, after: next }],
      data: next,
      reload: () => findHospitalStatus(db, incident.id),
    });
    return c.json(done, 200);
  })
  .openapi(history, async (c) => {
    const id = c.req.valid("param").id;
    // One round trip: the history is empty when the incident is unknown, and then the 404 wins.
    const [, history] = await Promise.all([requireIncident(c.env.DB, id), hospitalStatusHistory(c.env.DB, id, c.req.valid("query"))]);
    return c.json(history, 200);
  });
