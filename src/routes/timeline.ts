import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { findIncident } from "../db/incidents";
import { searchTimeline } from "../db/timeline";
import { formatJst } from "../domain/checklists-output";
import { toCsv } from "../domain/csv";
import { timelineRows, toTimelineEntry } from "../domain/timeline";
import { newApp, notFound, nowIso } from "../lib/app";
import { ErrorEnvelope } from "../schema/common";
import { TimelinePage, TimelineQuery } from "../schema/timeline";
import { commonErrors, csvHeaders, IdParam, json } from "./openapi";

const tags = ["timeline"];
const CSV_MAX = 10_000;

const search = createRoute({
  method: "get",
  path: "/api/incidents/{id}/timeline",
  tags,
  summary: "Search the incident's change log by unit, entity type, actor, time range and words; newest first, paged, before → after by name",
  request: { params: IdParam, query: TimelineQuery },
  responses: { 200: json(TimelinePage, "A page of matching changes"), 400: commonErrors[400], 401: commonErrors[401], 404: json(ErrorEnvelope, "No such incident") },
});

const csv = createRoute({
  method: "get",
  path: "/api/incidents/{id}/timeline.csv",
  tags,
  summary: `The same search as CSV (UTF-8 with BOM), one row per changed field, at most ${CSV_MAX} changes`,
  request: { params: IdParam, query: TimelineQuery.omit({ limit: true, offset: true }) },
  responses: { 200: { content: { "text/csv": { schema: z.string() } }, description: "CSV" }, 400: commonErrors[400], 401: commonErrors[401], 404: json(ErrorEnvelope, "No such incident") },
});

async function run(db: D1Database, id: string, query: TimelineQuery) {
  const [incident, found] = await Promise.all([findIncident(db, id), searchTimeline(db, id, query)]);
  if (!incident) throw notFound("incident");
  return { ...found, items: found.items.map((c) => toTimelineEntry(c, found.names)) };
}

export const timelineRoutes = newApp()
  .openapi(search, async (c) => {
    const { names: _names, ...page } = await run(c.env.DB, c.req.valid("param").id, c.req.valid("query"));
    return c.json(page, 200);
  })
  .openapi(csv, async (c) => {
    const { id } = c.req.valid("param");
    const found = await run(c.env.DB, id, { ...c.req.valid("query"), limit: CSV_MAX, offset: 0 });
    const file = `timeline-${id}-${formatJst(nowIso()).replace(/[-: ]/g, "")}.csv`;
    return c.body(toCsv(timelineRows(found.items, found.names)), 200, csvHeaders(file));
  });
