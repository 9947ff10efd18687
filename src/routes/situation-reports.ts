import { createRoute } from "@hono/zod-openapi";
import { readOverview } from "../db/overview";
import { readPastRows, resolvePastPoint } from "../db/situation-as-of";
import { answeredByStoredReport } from "../db/idempotency";
import { findSituationReport, insertSituationReport, lastReportNumber, listSituationReports } from "../db/situation-reports";
import { mayWriteForUnit } from "../domain/access";
import { formatJst } from "../domain/checklists-output";
import { toCsv } from "../domain/csv";
import { buildOverview } from "../domain/overview";
import { pictureAsOf } from "../domain/situation-as-of";
import { situationContent, situationRows } from "../domain/situation-reports";
import { refusal } from "../domain/refusal";
import { ApiError, forbidden, newApp, notFound, nowIso, refuse } from "../lib/app";
import { commitWrite } from "../lib/write-path";
import { committed } from "../schema/common";
import { ReportParam, SituationReport, SituationReportCreate, SituationReportList, SituationReportListQuery } from "../schema/situation-reports";
import { HOSPITAL_UNIT } from "./hospital";
import { WATER_UNIT } from "./overview";
import { commonErrors, csvHeaders, csvResponse, IdParam, idempotencyHeaders, json, jsonBody, KEY_REUSED, refusalDoc, refusals } from "./openapi";

const tags = ["situation reports"];
const NO_SUCH = "No such incident or report";
const noSuch = refusalDoc(NO_SUCH);

const list = createRoute({
  method: "get",
  path: "/api/incidents/{id}/situation-reports",
  tags,
  summary: "The incident's situation reports (状況報告), newest first, without their content, a page at a time (`next` asks for older ones)",
  request: { params: IdParam, query: SituationReportListQuery },
  responses: { 200: json(SituationReportList, "Reports"), 400: commonErrors[400], 401: commonErrors[401], 404: noSuch },
});

const produce = createRoute({
  method: "post",
  path: "/api/incidents/{id}/situation-reports",
  tags,
  summary:
    "Produce the next numbered situation report (第N報), stored exactly as produced: as of now, or as the situation stood at an earlier seq (`atSeq`) or time (`atTime`), rebuilt from the change log. With `asOfSeq`, refused (409 moved_on) unless that is still the incident's latest seq. Server-Timing counts D1 round trips",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(SituationReportCreate) },
  responses: {
    201: json(committed(SituationReport), "Produced"),
    ...refusals({
      404: NO_SUCH,
      409: "The incident moved on past `asOfSeq`, another report took this number first, or the incident is closed",
      422: KEY_REUSED,
    }),
  },
});

const read = createRoute({
  method: "get",
  path: "/api/incidents/{id}/situation-reports/{number}",
  tags,
  summary: "One situation report, exactly as it was produced",
  request: { params: ReportParam },
  responses: { 200: json(SituationReport, "The report"), 400: commonErrors[400], 401: commonErrors[401], 404: noSuch },
});

const csv = createRoute({
  method: "get",
  path: "/api/incidents/{id}/situation-reports/{number}/csv",
  tags,
  summary: "One situation report as CSV (UTF-8 with BOM), section by section",
  request: { params: ReportParam },
  responses: { 200: csvResponse("CSV"), 401: commonErrors[401], 404: noSuch },
});

async function requireReport(db: D1Database, id: string, number: number) {
  const report = await findSituationReport(db, id, number);
  if (!report) throw notFound(`situation report ${number} for this incident`);
  return report;
}

export const situationReportRoutes = newApp()
  .openapi(list, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.env.DB;
    const [exists, page] = await Promise.all([db.prepare("SELECT 1 FROM incidents WHERE id = ?").bind(id).first(), listSituationReports(db, id, c.req.valid("query"))]);
    if (!exists) throw notFound("incident");
    return c.json(page, 200);
  })
  .openapi(produce, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const now = nowIso();
    const earlier = body.atSeq !== undefined ? { seq: body.atSeq } : body.atTime !== undefined ? { time: body.atTime } : null;
    const [present, last, point] = await Promise.all([
      readOverview(db, id, now),
      lastReportNumber(db, id),
      earlier ? resolvePastPoint(db, id, earlier) : null,
    ]);
    if (!present) throw notFound("incident");
    if (!mayWriteForUnit(user, present.incident.leadUnitId)) {
      throw forbidden("Only the leading unit's editors or an admin may issue situation reports.");
    }
    if (earlier && (!point || point.at > now)) {
      const path = "seq" in earlier ? "atSeq" : "atTime";
      refuse(
        refusal(400, "invalid_request", "There is no such earlier point in this incident's log.", [
          { path, message: `choose a ${"seq" in earlier ? "seq" : "time"} between the incident's first change and now (latest seq ${present.seq})` },
        ]),
      );
    }
    // An earlier point: the present read with every change since undone, as it stood then.
    const got = point ? pictureAsOf(present, await readPastRows(db, id, point), point) : present;
    if (!got) refuse(refusal(400, "invalid_request", "The incident did not exist yet at that point.", [{ path: "atSeq", message: "before the incident was opened" }]));
    const asOf = point ? point.at : now;
    if (body.asOfSeq !== undefined && body.asOfSeq !== got.seq) {
      throw new ApiError(409, "moved_on", `The incident has moved on to seq ${got.seq} since seq ${body.asOfSeq}; review it and produce again.`, {
        fields: [{ path: "asOfSeq", message: `the latest seq is ${got.seq}` }],
        current: { seq: got.seq },
      });
    }
    const overview = buildOverview(got, { now: asOf, hospitalUnitId: HOSPITAL_UNIT, waterUnitId: WATER_UNIT });
    const report: SituationReport = {
      incidentId: id,
      number: last + 1,
      asOf,
      seq: got.seq,
      producedBy: { id: user.id, name: user.displayName, unitId: user.unitId },
      producedAt: now,
      content: situationContent(got, overview, { now: asOf, summary: body.summary }),
    };
    const { content: _content, ...heading } = report;
    const done = await commitWrite(c, {
      stream: id,
      steps: [{ exactlyOne: insertSituationReport(db, report) }],
      // The log carries the heading; the content is the stored report itself.
      changes: [{ entityType: "situation_report", entityId: `${id}:${report.number}`, op: "create", before: null, after: heading }],
      // Stored once: the answer kept for a retry of the same key refers to this report's content.
      data: answeredByStoredReport(report),
      status: 201,
      reload: () => listSituationReports(c.env.DB, id, { limit: 1 }).then((page) => page.items[0] ?? null),
    });
    return c.json(done, 201);
  })
  .openapi(read, async (c) => {
    const { id, number } = c.req.valid("param");
    return c.json(await requireReport(c.env.DB, id, number), 200);
  })
  .openapi(csv, async (c) => {
    const { id, number } = c.req.valid("param");
    const report = await requireReport(c.env.DB, id, number);
    const file = `situation-report-${number}-${formatJst(report.asOf).replace(/[-: ]/g, "")}.csv`;
    return c.body(toCsv(situationRows(report)), 200, csvHeaders(file));
  });
