import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { databaseAnswers, listUnits } from "../db/people";
import { newApp, nowIso } from "../lib/app";
import { Unit } from "../schema/session";
import { json } from "./openapi";

const health = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["platform"],
  summary: "Liveness and database reachability; no sign-in needed",
  responses: { 200: json(z.object({ ok: z.boolean(), database: z.boolean(), time: z.string() }), "Health") },
});

const units = createRoute({
  method: "get",
  path: "/api/units",
  tags: ["platform"],
  summary: "The city's units (HQ, departments, hospital, ...)",
  responses: { 200: json(z.object({ items: z.array(Unit) }), "Units") },
});

export const platformRoutes = newApp()
  .openapi(health, async (c) => {
    const database = await databaseAnswers(c.env.DB);
    return c.json({ ok: database, database, time: nowIso() }, 200);
  })
  .openapi(units, async (c) => c.json({ items: await listUnits(c.env.DB) }, 200));
