import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { drillById, drillOfAction } from "../db/drills";
import { actionById, findAction, findReport, insertAction, listActions, pageActions, reportOf, updateReport } from "../db/drills-report";
import { milestonesRead } from "../db/drills-tags";
import { readTogether } from "../db/together";
import { mayManageDrill, wrongState } from "../domain/drills";
import { scoreCsv } from "../domain/drills-csv";
import { actionsWritable, newAction, patchReport, reportWritable, withOverdue } from "../domain/drills-report";
import { forbidden, newApp, notFound, nowIso, refuse, staleVersion } from "../lib/app";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { commitActionChange, commitNewAction } from "./corrective-actions";
import { serverTiming } from "../lib/server-timing";
import { committed, ErrorEnvelope } from "../schema/common";
import { Drill, Milestone } from "../schema/drills";
import { ActionCreate, ActionListQuery, ActionPatch, CorrectiveAction, DrillScore, Report, ReportPatch } from "../schema/drills-report";
import { streamOf } from "../schema/streams";
import { computeScore, errors, knownDrill, onlyDrillUnit, scoreReads, scoreTiming, writeErrors } from "./drills-common";
import { csvHeaders, csvResponse, IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";
import { pageOf } from "../schema/paging";

const tags = ["drills"];

const score = createRoute({
  method: "get",
  path: "/api/drills/{id}/score",
  tags,
  summary: "The drill's score (provisional while running), with the trend of earlier drills of its kind; Server-Timing: score",
  request: { params: IdParam },
  responses: { 200: json(DrillScore, "Score"), 401: errors[401], 404: errors[404], 409: json(ErrorEnvelope, "The drill has not started") },
});

const scoresCsv = createRoute({
  method: "get",
  path: "/api/drills/{id}/scores.csv",
  tags,
  summary: "Casualties and their scores as CSV",
  request: { params: IdParam },
  responses: { 200: csvResponse("CSV"), 401: errors[401], 404: errors[404] },
});

export const AfterActionReport = z.object({
  drill: Drill,
  report: Report.nullable(),
  score: DrillScore.nullable(),
  milestones: z.array(Milestone),
  actions: z.array(CorrectiveAction),
});

const bundle = createRoute({
  method: "get",
  path: "/api/drills/{id}/report",
  tags,
  summary: "The whole after-action report and improvement plan: drill overview, score, report, corrective actions",
  request: { params: IdParam },
  responses: { 200: json(AfterActionReport, "The report"), 401: errors[401], 404: errors[404] },
});

const reportPatch = createRoute({
  method: "patch",
  path: "/api/drills/{id}/report",
  tags,
  summary: "Write the after-action report: summary, strengths, areas for improvement, capability ratings",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(ReportPatch) },
  responses: { 200: json(committed(Report), "Saved"), ...writeErrors },
});

const actionList = createRoute({
  method: "get",
  path: "/api/corrective-actions",
  tags,
  summary: "Corrective actions of every drill (or one): open first, then by due date, a page at a time (`next` asks for the rest)",
  request: { query: ActionListQuery },
  responses: { 200: json(pageOf(CorrectiveAction), "Actions"), 400: errors[400], 401: errors[401] },
});

const actionCreate = createRoute({
  method: "post",
  path: "/api/drills/{id}/actions",
  tags,
  summary: "Add a corrective action to the drill's improvement plan",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(ActionCreate) },
  responses: { 201: json(committed(CorrectiveAction), "Added"), ...writeErrors },
});

const actionPatch = createRoute({
  method: "patch",
  path: "/api/corrective-actions/{id}",
  tags,
  summary: "Update a corrective action (owner, due date, status ... closing stamps the closure)",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(ActionPatch) },
  responses: { 200: json(committed(CorrectiveAction), "Changed"), ...writeErrors },
});

/** The drill and what its score reads, in one batch. */
async function drillWithScoreReads(db: D1Database, id: string) {
  const [found, ...load] = await readTogether(db, [drillById(db, id), ...scoreReads(db, id)]);
  return { drill: knownDrill(found), load };
}

/** Its score, once it has started. */
async function scoreOf(env: Env, drill: Drill, load: Parameters<typeof computeScore>[2]) {
  if (!drill.startedAt) return null;
  return computeScore(env, drill, load);
}

export const drillReportRoutes = newApp()
  .openapi(score, async (c) => {
    const { drill, load } = await drillWithScoreReads(c.env.DB, c.req.valid("param").id);
    const scored = await scoreOf(c.env, drill, load);
    if (!scored) refuse(wrongState(drill, "The drill has not started; there is nothing to score yet."));
    c.header("Server-Timing", serverTiming([scoreTiming(scored)]));
    return c.json(scored.score, 200);
  })
  .openapi(scoresCsv, async (c) => {
    const { drill, load } = await drillWithScoreReads(c.env.DB, c.req.valid("param").id);
    const scored = await scoreOf(c.env, drill, load);
    return c.body(scoreCsv(scored?.score.casualties ?? []), 200, csvHeaders(`drill-${drill.id}-scores.csv`));
  })
  .openapi(bundle, async (c) => {
    const db = c.env.DB;
    const id = c.req.valid("param").id;
    const [[found, report, reached, ...load], actions] = await Promise.all([
      readTogether(db, [drillById(db, id), reportOf(db, id), milestonesRead(db, id), ...scoreReads(db, id)]),
      listActions(db, { drillId: id }),
    ]);
    const drill = knownDrill(found);
    const scored = await scoreOf(c.env, drill, load);
    return c.json({ drill, report, score: scored?.score ?? null, milestones: reached(drill.milestoneTargets), actions: withOverdue(actions, nowIso()) }, 200);
  })
  .openapi(reportPatch, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const [found, current] = await readPreconditions(c, [drillById(db, c.req.valid("param").id), reportOf(db, c.req.valid("param").id)]);
    const drill = knownDrill(found);
    if (!mayManageDrill(user, drill)) throw forbidden(onlyDrillUnit("write the after-action report"));
    if (!current || !reportWritable(drill.status)) refuse(wrongState(drill, "The report is written after the drill ends and before it is marked reviewed."));
    const body = c.req.valid("json");
    if (body.version !== current.version) throw staleVersion(current);
    const next = patchReport(current, body, { now: nowIso(), userId: user.id });
    const done = await commitWrite(c, {
      stream: streamOf(drill),
      steps: [{ exactlyOne: updateReport(db, next) }],
      changes: [{ entityType: "drill_report", entityId: drill.id, op: "update", before: current, after: next }],
      data: next,
      reload: () => findReport(db, drill.id),
    });
    return c.json(done, 200);
  })
  .openapi(actionList, async (c) => {
    const q = c.req.valid("query");
    const page = await pageActions(c.env.DB, { drillId: q.drillId, openOnly: q.open === "1" }, q);
    return c.json({ items: withOverdue(page.items, nowIso()), next: page.next }, 200);
  })
  .openapi(actionCreate, async (c) => {
    const db = c.env.DB;
    const [found] = await readPreconditions(c, [drillById(db, c.req.valid("param").id)]);
    const drill = knownDrill(found);
    if (!mayManageDrill(c.get("user"), drill)) throw forbidden(onlyDrillUnit("add corrective actions"));
    if (!actionsWritable(drill.status)) refuse(wrongState(drill, "Corrective actions come from a drill that has ended."));
    const action = newAction(drill, c.req.valid("json"), { id: crypto.randomUUID(), now: nowIso() });
    return c.json(await commitNewAction(c, action, insertAction(db, action)), 201);
  })
  .openapi(actionPatch, async (c) => {
    const db = c.env.DB;
    const id = c.req.valid("param").id;
    const [current, found] = await readPreconditions(c, [actionById(db, id), drillOfAction(db, id)]);
    if (!current) throw notFound("corrective action");
    const drill = found!;
    if (!mayManageDrill(c.get("user"), drill)) throw forbidden(onlyDrillUnit("update corrective actions"));
    return c.json(await commitActionChange(c, current, c.req.valid("json"), () => findAction(db, current.id)), 200);
  });
