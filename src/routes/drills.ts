import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import {
  copyScenarioIntoDrill,
  endDrill,
  drillById,
  drillCasualties,
  drillCasualtyById,
  findDrill,
  findDrillCasualty,
  insertDrill,
  listDrills,
  updateDrill,
  updateDrillCasualtyOverride,
} from "../db/drills";
import { insertReport } from "../db/drills-report";
import { scenarioById } from "../db/drills-scenarios";
import { milestonesRead, tagSeqs } from "../db/drills-tags";
import { readTogether } from "../db/together";
import { hqDelivery } from "../live/hq-receipts";
import { incidentById } from "../db/incidents";
import { mayCreateIncident } from "../domain/access";
import { breaksRule, DEFAULT_ZONES, mayManageDrill, newDrill, patchDrill, planProblems, transition, wrongState } from "../domain/drills";
import { emptyReport } from "../domain/drills-report";
import { accepted, ApiError, forbidden, newApp, notFound, nowIso, refuse, staleVersion } from "../lib/app";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { serverTiming } from "../lib/server-timing";
import { committed } from "../schema/common";
import { Drill, DrillCasualty, DrillCreate, DrillDetail, DrillListQuery, DrillPatch, OverridePatch, StatusChange } from "../schema/drills";
import { streamOf } from "../schema/streams";
import { computeScore, errors, onlyDrillUnit, knownDrill, scoreReads, scoreTiming, writeErrors } from "./drills-common";
import { drillLiveRoutes } from "./drills-live";
import { drillReportRoutes } from "./drills-report";
import { scenarioRoutes } from "./drills-scenarios";
import { hospitalRoutes } from "./hospital";
import { IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";
import { pageOf } from "../schema/paging";

const tags = ["drills"];
const OP = { running: "start", ended: "end", reviewed: "reviewed", cancelled: "cancelled" } as const;

const list = createRoute({
  method: "get",
  path: "/api/drills",
  tags,
  summary: "Drills: running first, then planned by date, then past ones, a page at a time (`next` asks for the rest)",
  request: { query: DrillListQuery },
  responses: { 200: json(pageOf(Drill), "Drills"), 400: errors[400], 401: errors[401] },
});

const create = createRoute({
  method: "post",
  path: "/api/drills",
  tags,
  summary: "Plan a triage or fire drill, stand-alone or within an incident of kind drill",
  request: { headers: idempotencyHeaders, body: jsonBody(DrillCreate) },
  responses: { 201: json(committed(Drill), "Planned"), ...writeErrors },
});

const read = createRoute({
  method: "get",
  path: "/api/drills/{id}",
  tags,
  summary: "One drill with its casualty cards (and their current tags) and fire milestones",
  request: { params: IdParam },
  responses: { 200: json(DrillDetail, "The drill"), 401: errors[401], 404: errors[404] },
});

const patch = createRoute({
  method: "patch",
  path: "/api/drills/{id}",
  tags,
  summary: "Change a planned drill's title, date, place, objectives, participants, zones or milestone targets",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(DrillPatch) },
  responses: { 200: json(committed(Drill), "Changed"), ...writeErrors },
});

const status = createRoute({
  method: "post",
  path: "/api/drills/{id}/status",
  tags,
  summary: "Start, end, review or cancel a drill. Ending scores it (Server-Timing: score)",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(StatusChange) },
  responses: { 200: json(committed(Drill), "Moved"), ...writeErrors },
});

const override = createRoute({
  method: "patch",
  path: "/api/drills/{id}/casualties/{casualtyId}",
  tags,
  summary: "Override (or restore) the expected category of a planned drill's casualty, with a reason",
  request: {
    params: z.object({ id: z.string().max(64), casualtyId: z.string().max(100) }),
    headers: idempotencyHeaders,
    body: jsonBody(OverridePatch),
  },
  responses: { 200: json(committed(DrillCasualty), "Changed"), ...writeErrors },
});

export const drillsRoutes = newApp()
  .openapi(list, async (c) => {
    const { limit, after, ...filter } = c.req.valid("query");
    return c.json(await listDrills(c.env.DB, filter, { limit, after }), 200);
  })
  .openapi(create, async (c) => {
    const user = c.get("user");
    const db = c.env.DB;
    if (!mayCreateIncident(user)) throw forbidden("Viewers cannot plan drills.");
    const input = c.req.valid("json");
    const problems = planProblems({ ...input, zones: input.zones ?? DEFAULT_ZONES });
    const [scenario, incident] = await readPreconditions(c, [
      input.scenarioId ? scenarioById(db, input.scenarioId) : null,
      input.incidentId ? incidentById(db, input.incidentId) : null,
    ]);
    if (input.scenarioId && !scenario) problems.push({ path: "scenarioId", message: "no such scenario" });
    if (input.incidentId && !incident) problems.push({ path: "incidentId", message: "no such incident" });
    if (incident && incident.kind !== "drill") problems.push({ path: "incidentId", message: "a drill may belong only to an incident of kind drill" });
    if (problems.length) refuse(breaksRule(problems));
    const drill = newDrill(input, { id: crypto.randomUUID(), now: nowIso(), userId: user.id, unitId: user.unitId, scenario });
    const done = await commitWrite(c, {
      stream: streamOf(drill),
      steps: [insertDrill(db, drill), ...(drill.scenarioId ? [copyScenarioIntoDrill(db, drill.id, drill.scenarioId)] : [])],
      changes: [{ entityType: "drill", entityId: drill.id, op: "create", before: null, after: drill }],
      data: drill,
      status: 201,
    });
    return c.json(done, 201);
  })
  .openapi(read, async (c) => {
    const db = c.env.DB;
    const id = c.req.valid("param").id;
    const [found, casualties, reached, seqs] = await readTogether(db, [drillById(db, id), drillCasualties(db, id), milestonesRead(db, id), tagSeqs(db, id)]);
    const drill = knownDrill(found);
    const hq = await hqDelivery(c.env, drill, seqs);
    return c.json({ drill, casualties, milestones: reached(drill.milestoneTargets), hqUnreceived: hq.unreceived, hqScreens: hq.screens }, 200);
  })
  .openapi(patch, async (c) => {
    const db = c.env.DB;
    const [found] = await readPreconditions(c, [drillById(db, c.req.valid("param").id)]);
    const current = knownDrill(found);
    if (!mayManageDrill(c.get("user"), current)) throw forbidden(onlyDrillUnit("change this drill"));
    const body = c.req.valid("json");
    if (body.version !== current.version) throw staleVersion(current);
    if (current.status !== "planned") refuse(wrongState(current, "Only a planned drill's plan can change."));
    const next = patchDrill(current, body, nowIso());
    const problems = planProblems(next);
    if (problems.length) refuse(breaksRule(problems));
    const done = await commitWrite(c, {
      stream: streamOf(current),
      steps: [{ exactlyOne: updateDrill(db, next) }],
      changes: [{ entityType: "drill", entityId: current.id, op: "update", before: current, after: next }],
      data: next,
      reload: () => findDrill(db, current.id),
    });
    return c.json(done, 200);
  })
  .openapi(status, async (c) => {
    const db = c.env.DB;
    const id = c.req.valid("param").id;
    const body = c.req.valid("json");
    const now = nowIso();
    // Ending scores the drill: what the score reads comes in the same batch as the drill.
    const [found, ...load] = await readPreconditions(c, [drillById(db, id), ...(body.to === "ended" ? scoreReads(db, id, now) : ([null, null] as const))]);
    const current = knownDrill(found);
    if (!mayManageDrill(c.get("user"), current)) throw forbidden(onlyDrillUnit("start, end or review this drill"));
    if (body.version !== current.version) throw staleVersion(current);
    const next = accepted(transition(current, body.to, now, body.reason));
    const write = {
      stream: streamOf(current),
      changes: [{ entityType: "drill" as const, entityId: current.id, op: OP[body.to], before: current, after: next }],
      data: next,
      reload: () => findDrill(db, current.id),
    };
    if (next.status !== "ended") {
      return c.json(await commitWrite(c, { ...write, steps: [{ exactlyOne: updateDrill(db, next) }] }), 200);
    }
    // Tablets may still be tagging as the coordinator ends: if a tag lands between scoring and
    // the end, the guarded end misses and the drill is scored again, so the stored score is exact.
    let [input, seqs] = load;
    for (let attempt = 1; ; attempt++) {
      if (!input || !seqs) [input, seqs] = await readTogether(db, scoreReads(db, id, now));
      const scored = await computeScore(c.env, current, [input, seqs], now);
      [input, seqs] = [null, null];
      try {
        const done = await commitWrite(c, {
          ...write,
          steps: [{ exactlyOne: endDrill(db, next, scored.score) }, insertReport(db, emptyReport(current.id, now))],
        });
        c.header("Server-Timing", serverTiming([scoreTiming(scored)]));
        return c.json(done, 200);
      } catch (err) {
        const again = err instanceof ApiError && err.code === "stale_version" && attempt < 3;
        if (!again || (await findDrill(db, current.id))?.version !== current.version) throw err;
      }
    }
  })
  .openapi(override, async (c) => {
    const db = c.env.DB;
    const { id, casualtyId } = c.req.valid("param");
    const [found, current] = await readPreconditions(c, [drillById(db, id), drillCasualtyById(db, casualtyId)]);
    const drill = knownDrill(found);
    if (!mayManageDrill(c.get("user"), drill)) throw forbidden(onlyDrillUnit("override the key"));
    if (!current || current.drillId !== drill.id) throw notFound("casualty in this drill");
    const body = c.req.valid("json");
    if (body.version !== current.version) throw staleVersion(current);
    if (drill.status !== "planned") refuse(wrongState(drill, "The key is fixed once the drill has started."));
    const next = { ...current, override: body.override, expected: body.override?.category ?? current.startCategory, version: current.version + 1 };
    const done = await commitWrite(c, {
      stream: streamOf(drill),
      steps: [{ exactlyOne: updateDrillCasualtyOverride(db, next) }],
      changes: [{ entityType: "drill_casualty", entityId: current.id, op: "override", before: current, after: next }],
      data: next,
      reload: () => findDrillCasualty(db, current.id),
    });
    return c.json(done, 200);
  })
  .route("/", scenarioRoutes)
  .route("/", drillLiveRoutes)
  .route("/", drillReportRoutes)
  .route("/", hospitalRoutes);
