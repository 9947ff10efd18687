import { createRoute } from "@hono/zod-openapi";
import { listReadiness } from "../db/checklists-readiness";
import { readUnitsDrillsActions } from "../db/readiness-units";
import { readinessAcrossUnits } from "../domain/readiness-units";
import { newApp, nowIso } from "../lib/app";
import { STANDING } from "../schema/streams";
import { ReadinessAcrossUnits } from "../schema/readiness-units";
import { commonErrors, json } from "./openapi";

const read = createRoute({
  method: "get",
  path: "/api/readiness/units",
  tags: ["readiness"],
  summary: "Readiness across units (平常時): per unit, overdue and never-verified peacetime checks, the last drill and its score, open corrective actions; most to do first",
  responses: { 200: json(ReadinessAcrossUnits, "Every unit"), 401: commonErrors[401] },
});

export const readinessUnitsRoutes = newApp().openapi(read, async (c) => {
  const db = c.env.DB;
  const [readiness, rest] = await Promise.all([listReadiness(db, null, STANDING), readUnitsDrillsActions(db)]);
  const now = nowIso();
  return c.json({ asOf: now, seq: readiness.seq, units: readinessAcrossUnits({ ...rest, items: readiness.items }, now) }, 200);
});
