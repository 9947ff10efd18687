import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import {
  findScenarioCasualty,
  insertScenario,
  insertScenarioCasualties,
  listScenarios,
  scenarioById,
  scenarioCasualties,
  scenarioCasualty,
  touchScenario,
  updateScenarioOverride,
} from "../db/drills-scenarios";
import { mayWriteForUnit } from "../domain/access";
import { breaksRule } from "../domain/drills";
import { cardsFromCsv, duplicateTagProblems, scenarioCsv } from "../domain/drills-csv";
import { startCategory } from "../domain/start";
import { accepted, type Ctx, forbidden, newApp, notFound, nowIso, refuse, staleVersion } from "../lib/app";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { STANDING } from "../schema/streams";
import { committed } from "../schema/common";
import { Casualty, type CasualtyCard, OverridePatch, Scenario, ScenarioCreate, ScenarioImport, ScenarioListQuery, ScenarioWithCasualties } from "../schema/drills";
import { namedUnit, refuseUnknownUnit } from "./checklists-shared";
import { readTogether } from "../db/together";
import { errors, writeErrors } from "./drills-common";
import { csvHeaders, csvResponse, IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";
import { pageOf } from "../schema/paging";

const tags = ["drills"];

const list = createRoute({
  method: "get",
  path: "/api/scenarios",
  tags,
  summary: "Triage drill scenarios (sets of casualty cards), newest first, a page at a time (`next` asks for the rest)",
  request: { query: ScenarioListQuery },
  responses: { 200: json(pageOf(Scenario), "Scenarios"), 400: errors[400], 401: errors[401] },
});

const read = createRoute({
  method: "get",
  path: "/api/scenarios/{id}",
  tags,
  summary: "One scenario with its casualty cards and their START key",
  request: { params: IdParam },
  responses: { 200: json(ScenarioWithCasualties, "The scenario"), 401: errors[401], 404: errors[404] },
});

const create = createRoute({
  method: "post",
  path: "/api/scenarios",
  tags,
  summary: "Create a scenario from casualty cards; impossible signs are refused naming the card and field",
  request: { headers: idempotencyHeaders, body: jsonBody(ScenarioCreate) },
  responses: { 201: json(committed(Scenario), "Created"), ...writeErrors },
});

const importCsv = createRoute({
  method: "post",
  path: "/api/scenarios/import",
  tags,
  summary: "Create a scenario from CSV text; any bad row refuses the whole file, naming row and column",
  request: { headers: idempotencyHeaders, body: jsonBody(ScenarioImport) },
  responses: { 201: json(committed(Scenario), "Imported"), ...writeErrors },
});

const exportCsv = createRoute({
  method: "get",
  path: "/api/scenarios/{id}/export.csv",
  tags,
  summary: "The scenario's casualty cards as CSV (the import format)",
  request: { params: IdParam },
  responses: { 200: csvResponse("CSV"), 401: errors[401], 404: errors[404] },
});

const override = createRoute({
  method: "patch",
  path: "/api/scenarios/{id}/casualties/{casualtyId}",
  tags,
  summary: "Override (or restore) a card's expected category, with a reason shown in scoring",
  request: {
    params: z.object({ id: z.string().max(64), casualtyId: z.string().max(100) }),
    headers: idempotencyHeaders,
    body: jsonBody(OverridePatch),
  },
  responses: { 200: json(committed(Casualty), "Changed"), ...writeErrors },
});

async function createScenario(
  c: Ctx,
  { unitId = c.get("user").unitId, ...head }: { title: string; description: string; hazard: string; unitId?: string },
  cards: CasualtyCard[],
) {
  const user = c.get("user");
  if (!mayWriteForUnit(user, unitId)) throw forbidden("Only the owning unit's editors (or an admin) may create its scenarios.");
  const [unitKnown] = await readPreconditions(c, [namedUnit(c.env.DB, unitId)]);
  refuseUnknownUnit(unitId, unitKnown);
  const now = nowIso();
  const scenario: Scenario = { id: crypto.randomUUID(), ...head, unitId, casualtyCount: cards.length, version: 1, createdAt: now, updatedAt: now, createdBy: user.id };
  const casualties: Casualty[] = cards.map((card, i) => {
    const start = startCategory(card);
    return { ...card, id: `${scenario.id}-${i}`, sortOrder: i, startCategory: start, expected: card.override?.category ?? start };
  });
  const db = c.env.DB;
  // The change log holds a summary; the cards themselves are read from the scenario.
  return commitWrite(c, {
    stream: STANDING,
    steps: [insertScenario(db, scenario), ...insertScenarioCasualties(db, scenario.id, casualties)],
    changes: [{ entityType: "scenario", entityId: scenario.id, op: "create", before: null, after: scenario }],
    data: scenario,
    status: 201,
  });
}

export const scenarioRoutes = newApp()
  .openapi(list, async (c) => c.json(await listScenarios(c.env.DB, c.req.valid("query")), 200))
  .openapi(read, async (c) => {
    const id = c.req.valid("param").id;
    const [scenario, casualties] = await readTogether(c.env.DB, [scenarioById(c.env.DB, id), scenarioCasualties(c.env.DB, id)]);
    if (!scenario) throw notFound("scenario");
    return c.json({ ...scenario, casualties }, 200);
  })
  .openapi(create, async (c) => {
    const { casualties, ...head } = c.req.valid("json");
    const problems = duplicateTagProblems(casualties);
    if (problems.length) refuse(breaksRule(problems));
    return c.json(await createScenario(c, head, casualties), 201);
  })
  .openapi(importCsv, async (c) => {
    const { csv, ...head } = c.req.valid("json");
    return c.json(await createScenario(c, head, accepted(cardsFromCsv(csv))), 201);
  })
  .openapi(exportCsv, async (c) => {
    const id = c.req.valid("param").id;
    const [scenario, casualties] = await readTogether(c.env.DB, [scenarioById(c.env.DB, id), scenarioCasualties(c.env.DB, id)]);
    if (!scenario) throw notFound("scenario");
    const csv = scenarioCsv(casualties);
    return c.body(csv, 200, csvHeaders(`scenario-${scenario.id}.csv`));
  })
  .openapi(override, async (c) => {
    const user = c.get("user");
    const db = c.env.DB;
    const { id, casualtyId } = c.req.valid("param");
    const [scenario, current] = await readPreconditions(c, [scenarioById(db, id), scenarioCasualty(db, id, casualtyId)]);
    if (!scenario) throw notFound("scenario");
    // The key is what later drills score against: only its own unit may change it.
    if (!mayWriteForUnit(user, scenario.unitId)) {
      throw forbidden("Only the scenario's own unit (or an admin) may change its answer key.");
    }
    if (!current) throw notFound("casualty card in this scenario");
    const body = c.req.valid("json");
    if (body.version !== current.version) throw staleVersion(current);
    const next = { ...current, override: body.override, expected: body.override?.category ?? current.startCategory, version: current.version + 1 };
    const now = nowIso();
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [{ exactlyOne: updateScenarioOverride(db, { ...next, scenarioId: id, version: current.version }) }, touchScenario(db, id, now)],
      changes: [{ entityType: "scenario_casualty", entityId: current.id, op: "override", before: current, after: next }],
      data: next,
      reload: () => findScenarioCasualty(db, id, casualtyId),
    });
    return c.json(done, 200);
  });
