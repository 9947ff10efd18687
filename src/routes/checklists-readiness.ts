import { createRoute } from "@hono/zod-openapi";
import { unitNames } from "../db/checklists";
import { findReadiness, insertReadiness, listReadiness, nextReadinessPosition, readinessItemById, updateReadiness } from "../db/checklists-readiness";
import { mayWriteForUnit } from "../domain/access";
import { formatJst, readinessRows } from "../domain/checklists-output";
import { toCsv } from "../domain/csv";
import { newReadinessItem, patchReadinessItem, readinessByUnit, verify } from "../domain/checklists-readiness";
import { type Ctx, forbidden, newApp, notFound, nowIso, staleVersion } from "../lib/app";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { STANDING } from "../schema/streams";
import { ReadinessCreate, ReadinessItem, ReadinessPatch, ReadinessQuery, ReadinessView, Verification } from "../schema/checklists";
import { committed } from "../schema/common";
import { errors, namedUnit, refuseUnknownUnit } from "./checklists-shared";
import { csvHeaders, csvResponse, IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";

const list = createRoute({
  method: "get",
  path: "/api/checklists/readiness",
  tags: ["checklists"],
  summary: "Peacetime readiness checks (平常時) with last verified, interval and overdue counts per unit",
  request: { query: ReadinessQuery },
  responses: { 200: json(ReadinessView, "Readiness as of `asOf`"), 401: errors[401] },
});

const csv = createRoute({
  method: "get",
  path: "/api/checklists/readiness.csv",
  tags: ["checklists"],
  summary: "CSV (UTF-8 with BOM) of the readiness checks, or one unit's with ?unitId=",
  request: { query: ReadinessQuery },
  responses: { 200: csvResponse("Readiness as CSV"), 401: errors[401] },
});

const create = createRoute({
  method: "post",
  path: "/api/checklists/readiness",
  tags: ["checklists"],
  summary: "Add a readiness check to a unit (its editors or an admin)",
  request: { headers: idempotencyHeaders, body: jsonBody(ReadinessCreate) },
  responses: { 201: json(committed(ReadinessItem), "Added"), ...errors },
});

const patch = createRoute({
  method: "patch",
  path: "/api/checklists/readiness/{id}",
  tags: ["checklists"],
  summary: "Change a readiness check's wording, element or interval over the version last seen",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(ReadinessPatch) },
  responses: { 200: json(committed(ReadinessItem), "Changed"), ...errors },
});

const verification = createRoute({
  method: "post",
  path: "/api/checklists/readiness/{id}/verifications",
  tags: ["checklists"],
  summary: "Record that a readiness check was verified now; the interval restarts",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(Verification) },
  responses: { 200: json(committed(ReadinessItem), "Verified"), ...errors },
});

async function requireWritable(c: Ctx, id: string): Promise<ReadinessItem> {
  const [current] = await readPreconditions(c, [readinessItemById(c.env.DB, id)]);
  if (!current) throw notFound("readiness check");
  if (!mayWriteForUnit(c.get("user"), current.unitId)) {
    throw forbidden("Only this unit's editors or an administrator may change its readiness checks.");
  }
  return current;
}

/** Writes a check's next state over the version it was derived from (409 with the current one if someone was first). */
function commitReadiness(c: Ctx, current: ReadinessItem, next: ReadinessItem, op: "update" | "verify") {
  const db = c.env.DB;
  return commitWrite(c, {
    stream: STANDING,
    steps: [{ exactlyOne: updateReadiness(db, next) }],
    changes: [{ entityType: "readiness_item", entityId: next.id, op, before: current, after: next }],
    data: next,
    reload: () => findReadiness(db, current.id),
  });
}

export const readinessRoutes = newApp()
  .openapi(list, async (c) => {
    const { items, seq } = await listReadiness(c.env.DB, c.req.valid("query").unitId ?? null, STANDING);
    const asOf = nowIso();
    return c.json({ asOf, seq, units: readinessByUnit(items, asOf), items }, 200);
  })
  .openapi(csv, async (c) => {
    const unitId = c.req.valid("query").unitId ?? null;
    const [{ items, seq }, names] = await Promise.all([listReadiness(c.env.DB, unitId, STANDING), unitNames(c.env.DB)]);
    const asOf = nowIso();
    const rows = readinessRows(items, (u) => names.get(u) ?? u, asOf);
    rows.unshift([`時点（JST）: ${formatJst(asOf)}`, `更新番号: ${seq}`]);
    return c.body(toCsv(rows), 200, csvHeaders(`readiness${unitId ? `-${unitId}` : ""}-${formatJst(asOf).replace(/[-: ]/g, "")}.csv`));
  })
  .openapi(create, async (c) => {
    const user = c.get("user");
    const db = c.env.DB;
    const body = c.req.valid("json");
    const [unitKnown, position] = await readPreconditions(c, [namedUnit(db, body.unitId), nextReadinessPosition(db, body.unitId)]);
    refuseUnknownUnit(body.unitId, unitKnown);
    if (!mayWriteForUnit(user, body.unitId)) throw forbidden("You may add readiness checks only for your own unit.");
    const item = newReadinessItem(body, { id: `${body.unitId}-${crypto.randomUUID().slice(0, 8)}`, now: nowIso(), position });
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [insertReadiness(db, item)],
      changes: [{ entityType: "readiness_item", entityId: item.id, op: "create", before: null, after: item }],
      data: item,
      status: 201,
    });
    return c.json(done, 201);
  })
  .openapi(patch, async (c) => {
    const current = await requireWritable(c, c.req.valid("param").id);
    const body = c.req.valid("json");
    if (body.version !== current.version) throw staleVersion(current);
    const next = patchReadinessItem(current, body, nowIso());
    return c.json(await commitReadiness(c, current, next, "update"), 200);
  })
  .openapi(verification, async (c) => {
    const user = c.get("user");
    const current = await requireWritable(c, c.req.valid("param").id);
    const body = c.req.valid("json");
    if (body.version !== current.version) throw staleVersion(current);
    const next = verify(current, body, { now: nowIso(), userId: user.id, userName: user.displayName });
    return c.json(await commitReadiness(c, current, next, "verify"), 200);
  });
