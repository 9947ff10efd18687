import { createRoute } from "@hono/zod-openapi";
import {
  activationContext,
  findItem,
  findPerson,
  insertActivation,
  insertItems,
  itemHistory,
  listPeople,
  nextAddedPosition,
  readChecklist,
  unitNames,
  updateItem,
} from "../db/checklists";
import { incidentById } from "../db/incidents";
import { unitById } from "../db/people";
import { mayWriteForUnit } from "../domain/access";
import { applyItemPatch, progressByUnit } from "../domain/checklists";
import { ADDED_POSITION_BASE, planActivation, planAddition } from "../domain/checklists-activation";
import { checklistRows, formatJst } from "../domain/checklists-output";
import { toCsv } from "../domain/csv";
import { accepted, ApiError, forbidden, newApp, notFound, nowIso, staleVersion } from "../lib/app";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { ActivationCreate, ActivationResult, ChecklistItem, ChecklistView, ItemHistoryQuery, ItemPatch, ItemsAdd, ItemsAdded, PeopleList, ViewQuery } from "../schema/checklists";
import { ChangeOnWire } from "../schema/changes";
import { committed } from "../schema/common";
import { pageOf } from "../schema/paging";
import { errors } from "./checklists-shared";
import { knownIncident } from "./incidents";
import { csvHeaders, csvResponse, IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";

const activate = createRoute({
  method: "post",
  path: "/api/incidents/{id}/checklists/activations",
  tags: ["checklists"],
  summary: "Activate the checklists of chosen units for an incident in one step (items are copied from the templates)",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(ActivationCreate) },
  responses: {
    201: json(committed(ActivationResult), "Activated"),
    ...errors,
    422: json(errors[422].content["application/json"].schema, "The incident's onset is in the future, or the Idempotency-Key was reused"),
  },
});

const add = createRoute({
  method: "post",
  path: "/api/incidents/{id}/checklists/items",
  tags: ["checklists"],
  summary: "Add items to one unit's checklist during the incident (tasks the templates did not foresee)",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(ItemsAdd) },
  responses: {
    201: json(committed(ItemsAdded), "Added"),
    ...errors,
  },
});

const view = createRoute({
  method: "get",
  path: "/api/incidents/{id}/checklists",
  tags: ["checklists"],
  summary: "The incident's checklists: every item with its deadline, and progress per unit and element (Server-Timing reports D1 round trips)",
  request: { params: IdParam, query: ViewQuery },
  responses: { 200: json(ChecklistView, "The checklist view as of `asOf` / `seq`"), 401: errors[401], 404: errors[404] },
});

const csv = createRoute({
  method: "get",
  path: "/api/incidents/{id}/checklists.csv",
  tags: ["checklists"],
  summary: "CSV (UTF-8 with BOM) of the incident's checklist, or one unit's with ?unitId=",
  request: { params: IdParam, query: ViewQuery },
  responses: { 200: csvResponse("The checklist as CSV"), 401: errors[401], 404: errors[404] },
});

const patch = createRoute({
  method: "patch",
  path: "/api/checklists/items/{id}",
  tags: ["checklists"],
  summary: "Change an item's state, reason, owner or note over the version last seen",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(ItemPatch) },
  responses: {
    200: json(committed(ChecklistItem), "Changed"),
    ...errors,
  },
});

const history = createRoute({
  method: "get",
  path: "/api/checklists/items/{id}/history",
  tags: ["checklists"],
  summary: "The changes of one item, oldest first, a page at a time (`next` asks for the rest)",
  request: { params: IdParam, query: ItemHistoryQuery },
  responses: { 200: json(pageOf(ChangeOnWire), "Changes"), 400: errors[400], 401: errors[401], 404: errors[404] },
});

const people = createRoute({
  method: "get",
  path: "/api/checklists/people",
  tags: ["checklists"],
  summary: "People who can own checklist items (editors and admins), optionally of one unit",
  request: { query: ViewQuery },
  responses: { 200: json(PeopleList, "People"), 401: errors[401] },
});

export const itemRoutes = newApp()
  .openapi(activate, async (c) => {
    const user = c.get("user");
    const db = c.env.DB;
    const id = c.req.valid("param").id;
    const [found, context] = await readPreconditions(c, [incidentById(db, id), activationContext(db, id)]);
    const incident = knownIncident(found);
    const request = c.req.valid("json");
    const refused = request.unitIds.flatMap((unitId, i) => (mayWriteForUnit(user, unitId) ? [] : [{ path: `unitIds.${i}`, message: `you cannot act for ${unitId}` }]));
    if (refused.length > 0) throw forbidden("You may activate checklists only for your own unit.", refused);
    const now = nowIso();
    const plan = accepted(planActivation({ request, incident, now, ...context, newId: () => crypto.randomUUID() }));
    const result: ActivationResult = {
      incidentId: incident.id,
      activations: plan.activations,
      alreadyActive: plan.alreadyActive,
      itemCount: plan.items.length,
    };
    const done = await commitWrite(c, {
      stream: incident.id,
      steps: insertActivation(db, { incidentId: incident.id, activations: plan.activations, items: plan.items, at: now, userId: user.id }),
      // One summary change per activation, not one per copied item.
      changes: [{ entityType: "checklist_activation", entityId: incident.id, op: "activate", before: null, after: result }],
      data: result,
      status: 201,
    }).catch((err: unknown) => {
      // Someone activated the same unit and template a moment earlier: their batch won, ours wrote nothing.
      if (String(err).includes("checklist_activations")) {
        throw new ApiError(409, "already_activated", "Another activation of the same checklist committed first; reload to see it.");
      }
      throw err;
    });
    return c.json(done, 201);
  })
  .openapi(add, async (c) => {
    const user = c.get("user");
    const db = c.env.DB;
    const id = c.req.valid("param").id;
    const request = c.req.valid("json");
    const [found, unitKnown, firstPosition] = await readPreconditions(c, [
      incidentById(db, id),
      unitById(db, request.unitId),
      nextAddedPosition(db, id, request.unitId, ADDED_POSITION_BASE),
    ]);
    const incident = knownIncident(found);
    if (!mayWriteForUnit(user, request.unitId)) {
      throw forbidden("You may add items only to your own unit's checklist.", [{ path: "unitId", message: `you cannot act for ${request.unitId}` }]);
    }
    const now = nowIso();
    const items = accepted(planAddition({ request, incident, now, unitKnown, firstPosition, newId: () => crypto.randomUUID() }));
    const result = { incidentId: incident.id, unitId: request.unitId, itemCount: items.length, itemIds: items.map((i) => i.id) };
    const done = await commitWrite(c, {
      stream: incident.id,
      steps: insertItems(db, { incidentId: incident.id, items, at: now, userId: user.id }),
      changes: [{ entityType: "checklist_addition", entityId: incident.id, op: "create", before: null, after: result }],
      data: result,
      status: 201,
    });
    return c.json(done, 201);
  })
  .openapi(view, async (c) => {
    const read = await readChecklist(c.env.DB, c.req.valid("param").id, c.req.valid("query").unitId ?? null);
    if (!read) throw notFound("incident");
    const asOf = nowIso();
    const body: ChecklistView = {
      incidentId: read.incident.id,
      onsetAt: read.incident.onsetAt,
      incidentStatus: read.incident.status,
      asOf,
      seq: read.seq,
      units: progressByUnit(read.items, asOf),
      items: read.items,
    };
    return c.json(body, 200);
  })
  .openapi(csv, async (c) => {
    const db = c.env.DB;
    const { id } = c.req.valid("param");
    const unitId = c.req.valid("query").unitId ?? null;
    const [read, names] = await Promise.all([readChecklist(db, id, unitId), unitNames(db)]);
    if (!read) throw notFound("incident");
    const asOf = nowIso();
    const rows = checklistRows(read.items, (u) => names.get(u) ?? u, asOf);
    rows.unshift([`時点（JST）: ${formatJst(asOf)}`, `更新番号: ${read.seq}`]);
    const file = `checklist-${id}${unitId ? `-${unitId}` : ""}-${formatJst(asOf).replace(/[-: ]/g, "")}.csv`;
    return c.body(toCsv(rows), 200, csvHeaders(file));
  })
  .openapi(patch, async (c) => {
    const user = c.get("user");
    const db = c.env.DB;
    const { id } = c.req.valid("param");
    const found = await findItem(db, id);
    if (!found) throw notFound("checklist item", [{ path: "id", message: `no checklist item ${id}` }]);
    const { item, incident } = found;
    if (!mayWriteForUnit(user, item.unitId)) {
      throw forbidden("Only this unit's editors or an administrator may change its checklist items.", [{ path: "id", message: `the item belongs to unit ${item.unitId}` }]);
    }
    const body = c.req.valid("json");
    if (body.version !== item.version) throw staleVersion(item);
    let ownerName: string | null = null;
    if (body.ownerId) {
      const owner = await findPerson(db, body.ownerId);
      if (!owner) throw new ApiError(400, "invalid_request", "No such person.", { fields: [{ path: "ownerId", message: `no person ${body.ownerId}` }] });
      ownerName = owner.displayName;
    }
    const next = accepted(applyItemPatch(item, body, { now: nowIso(), userId: user.id, ownerName }));
    const done = await commitWrite(c, {
      stream: incident.id,
      steps: [{ exactlyOne: updateItem(db, next) }],
      changes: [{ entityType: "checklist_item", entityId: item.id, op: "update", before: item, after: next }],
      data: next,
      reload: async () => (await findItem(db, item.id))?.item,
    });
    return c.json(done, 200);
  })
  .openapi(history, async (c) => {
    const { id } = c.req.valid("param");
    const [found, page] = await Promise.all([findItem(c.env.DB, id), itemHistory(c.env.DB, id, c.req.valid("query"))]);
    if (!found) throw notFound("checklist item");
    return c.json(page, 200);
  })
  .openapi(people, async (c) => c.json({ items: await listPeople(c.env.DB, c.req.valid("query").unitId ?? null) }, 200));
