import { createRoute } from "@hono/zod-openapi";
import { findHospitalStatus, hospitalStatusHistory, saveHospitalStatus } from "../db/hospital";
import { mayWriteForUnit } from "../domain/access";
import { nextStatus, statusWarnings } from "../domain/hospital";
import { forbidden, newApp, nowIso, staleVersion } from "../lib/app";
import { commitWrite } from "../lib/write-path";
import { committed } from "../schema/common";
import { HospitalHistory, HospitalHistoryQuery, HospitalStatus, HospitalStatusPut, HospitalStatusView } from "../schema/hospital";
import { errors, writeErrors } from "./drills-common";
import { requireIncident } from "./incidents";
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
    const incident = await requireIncident(c.env.DB, c.req.valid("param").id);
    const status = await findHospitalStatus(c.env.DB, incident.id);
    return c.json({ status, warnings: statusWarnings(status, nowIso()) }, 200);
  })
  .openapi(put, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const incident = await requireIncident(db, c.req.valid("param").id);
    if (!mayWriteForUnit(user, HOSPITAL_UNIT)) throw forbidden("Only the hospital's editors or an admin report its status.");
    const current = await findHospitalStatus(db, incident.id);
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
    const incident = await requireIncident(c.env.DB, c.req.valid("param").id);
    return c.json(await hospitalStatusHistory(c.env.DB, incident.id, c.req.valid("query")), 200);
  });
