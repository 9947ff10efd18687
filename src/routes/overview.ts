import { createRoute } from "@hono/zod-openapi";
import { readOverview } from "../db/overview";
import { buildOverview } from "../domain/overview";
import { newApp, notFound, nowIso } from "../lib/app";
import { serverTiming } from "../lib/server-timing";
import { Overview } from "../schema/overview";
import { errors } from "./checklists-shared";
import { HOSPITAL_UNIT } from "./hospital";
import { IdParam, json } from "./openapi";

/** The water & sewer department: its relocated functions are shown one by one. */
export const WATER_UNIT = "water";

const read = createRoute({
  method: "get",
  path: "/api/incidents/{id}/overview",
  tags: ["overview"],
  summary:
    "The HQ overview: the attention queue (要対応) across every area, every unit at a glance, the water & sewer functions, the hospital, and the tab counts, as of `seq` (Server-Timing counts D1 round trips)",
  request: { params: IdParam },
  responses: { 200: json(Overview, "The overview as of `asOf` / `seq`"), 401: errors[401], 404: errors[404] },
});

export const overviewRoutes = newApp().openapi(read, async (c) => {
  const now = nowIso();
  const started = performance.now();
  const got = await readOverview(c.env.DB, c.req.valid("param").id, now);
  const read = performance.now();
  if (!got) throw notFound("incident");
  const body = buildOverview(got, { now, hospitalUnitId: HOSPITAL_UNIT, waterUnitId: WATER_UNIT });
  // Where the request's time went: the one read (D1 and its rows) and building the picture from it.
  c.header(
    "Server-Timing",
    serverTiming([
      { name: "read", ms: read - started },
      { name: "build", ms: performance.now() - read },
    ]),
    { append: true },
  );
  return c.json(body, 200);
});
