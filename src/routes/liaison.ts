import { createRoute } from "@hono/zod-openapi";
import { incidentById } from "../db/incidents";
import { acknowledgeMessage, findMessage, insertMessage, listMessages, messageById } from "../db/liaison";
import { unitById } from "../db/people";
import { functionById, getSettings } from "../db/relocation";
import { siteById } from "../db/sites";
import { addressMessage, mayAcknowledge, messageLabel } from "../domain/liaison";
import { ApiError, forbidden, newApp, notFound, nowIso, staleVersion } from "../lib/app";
import { isSeenIncident, readPreconditions, seenIncident } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { committed } from "../schema/common";
import { LiaisonAck, LiaisonCreate, LiaisonList, LiaisonMessage, LiaisonParam, LiaisonQuery } from "../schema/relocation-liaison";
import { knownIncident, requireIncident } from "./incidents";
import { IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";
import { readErrors, unprocessable, writeErrors } from "./relocation-common";

/** The liaison log (連絡・報告) of one incident. */

const list = createRoute({
  method: "get",
  path: "/api/incidents/{id}/liaison",
  tags: ["relocation"],
  summary: "The reports, orders and requests of this incident, oldest first, a page at a time (`next` asks for the rest), with the acknowledgement limit in minutes",
  request: { params: IdParam, query: LiaisonQuery },
  responses: { 200: json(LiaisonList, "Messages"), ...readErrors },
});

const send = createRoute({
  method: "post",
  path: "/api/incidents/{id}/liaison",
  tags: ["relocation"],
  summary: "Send a report, order or request to another unit, or reply under a message (parentId)",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(LiaisonCreate) },
  responses: { 201: json(committed(LiaisonMessage), "Sent"), ...writeErrors },
});

const ack = createRoute({
  method: "post",
  path: "/api/incidents/{id}/liaison/{messageId}/ack",
  tags: ["relocation"],
  summary: "Acknowledge a message as the receiving unit",
  request: { params: LiaisonParam, headers: idempotencyHeaders, body: jsonBody(LiaisonAck) },
  responses: { 200: json(committed(LiaisonMessage), "Acknowledged"), ...writeErrors },
});

export const liaisonRoutes = newApp()
  .openapi(list, async (c) => {
    const id = c.req.valid("param").id;
    // One round trip: the log is empty when the incident is unknown, and then the 404 wins.
    const [, page, settings] = await Promise.all([requireIncident(c.env.DB, id), listMessages(c.env.DB, id, c.req.valid("query")), getSettings(c.env.DB)]);
    return c.json({ ...page, ackMinutes: settings.liaisonAckMinutes, now: nowIso() }, 200);
  })
  .openapi(send, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const incidentId = c.req.valid("param").id;
    const input = c.req.valid("json");
    // The addressing rule (who may send for which unit, to whom), refused as the API answers it.
    const addressOrRefuse = (parent: LiaisonMessage | null) => {
      const a = addressMessage(user, input, parent);
      if (!a.ok) throw new ApiError(a.status, a.code, a.message, { fields: [{ path: a.path, message: a.message }] });
      return a;
    };
    // Every precondition in one round trip. The sender is the named unit or the user's own; a
    // recipient taken from the parent message is a unit that exists already.
    const check = async () => {
      const [found, parent, fromOk, toOk, fn, site] = await readPreconditions(c, [
        incidentById(db, incidentId),
        input.parentId ? messageById(db, incidentId, input.parentId) : null,
        unitById(db, input.fromUnitId ?? user.unitId),
        input.toUnitId ? unitById(db, input.toUnitId) : null,
        input.functionId ? functionById(db, input.functionId) : null,
        input.siteId ? siteById(db, input.siteId) : null,
      ]);
      knownIncident(found);
      seenIncident(incidentId);
      if (input.parentId && !parent) throw unprocessable("unknown_message", "No such message in this incident to reply to.", "parentId");
      const addressed = addressOrRefuse(parent);
      if (!fromOk) throw unprocessable("unknown_unit", `No unit ${addressed.fromUnitId}.`, "fromUnitId");
      if (input.toUnitId && !toOk) throw unprocessable("unknown_unit", `No unit ${addressed.toUnitId}.`, "toUnitId");
      if (input.functionId && !fn) throw unprocessable("unknown_function", "No such function.", "functionId");
      if (input.siteId && !site) throw unprocessable("unknown_site", "No such site.", "siteId");
      return { parent, addressed };
    };
    // A new thread in an incident this isolate has seen reads nothing first: the units, function
    // and site it names are its foreign keys, which the write batch checks as it inserts, and only
    // when the batch refuses one is everything read to say which. A reply reads its parent (its
    // thread and the other unit) first, as does a write to an incident not seen here yet.
    const readFirst = input.parentId !== undefined || !isSeenIncident(incidentId);
    const { parent, addressed } = readFirst ? await check() : { parent: null, addressed: addressOrRefuse(null) };
    const id = crypto.randomUUID();
    const message: LiaisonMessage = {
      id,
      incidentId,
      threadId: addressed.threadId ?? id,
      parentId: parent?.id ?? null,
      kind: input.kind,
      priority: input.priority,
      fromUnitId: addressed.fromUnitId,
      toUnitId: addressed.toUnitId,
      body: input.body,
      functionId: input.functionId ?? null,
      siteId: input.siteId ?? null,
      sentAt: nowIso(),
      sentBy: user.id,
      sentByName: user.displayName,
      acknowledgedAt: null,
      acknowledgedBy: null,
      acknowledgedByName: null,
      version: 1,
    };
    const done = await commitWrite(c, {
      stream: incidentId,
      steps: [insertMessage(db, message)],
      changes: [{ entityType: "liaison_message", entityId: id, op: "create", before: null, after: { ...message, label: messageLabel(message) } }],
      data: message,
      status: 201,
      explain: readFirst ? undefined : check,
    });
    return c.json(done, 201);
  })
  .openapi(ack, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const { id, messageId } = c.req.valid("param");
    const [found, current] = await readPreconditions(c, [incidentById(db, id), messageById(db, id, messageId)]);
    const incident = knownIncident(found);
    if (!current) throw notFound("message");
    if (!mayAcknowledge(user, current)) throw forbidden("Only the receiving unit acknowledges a message.");
    if (current.acknowledgedAt) {
      throw new ApiError(409, "already_acknowledged", `Already acknowledged by ${current.acknowledgedByName}.`, { current });
    }
    if (c.req.valid("json").version !== current.version) throw staleVersion(current);
    const next: LiaisonMessage = {
      ...current,
      acknowledgedAt: nowIso(),
      acknowledgedBy: user.id,
      acknowledgedByName: user.displayName,
      version: current.version + 1,
    };
    const done = await commitWrite(c, {
      stream: incident.id,
      steps: [{ exactlyOne: acknowledgeMessage(db, next) }],
      changes: [{ entityType: "liaison_message", entityId: current.id, op: "acknowledge", before: current, after: { ...next, label: messageLabel(next) } }],
      data: next,
      reload: () => findMessage(db, incident.id, current.id),
    });
    return c.json(done, 200);
  });
