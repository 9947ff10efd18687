import { createRoute } from "@hono/zod-openapi";
import { findIncident, incidentById } from "../db/incidents";
import {
  findRelocation,
  functionById,
  functionSiteReadiness,
  functionSites,
  insertMove,
  listFunctions,
  listMoves,
  listRelocations,
  relocationOf,
  saveRelocation,
  settingsRead,
} from "../db/relocation";
import { failedCriticalChecks, initialRelocation, moveLabel, type SiteReadiness, transition } from "../domain/relocation";
import { mayEditFunction } from "../domain/relocation-rules";
import { accepted, forbidden, newApp, notFound, nowIso, staleVersion } from "../lib/app";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { committed } from "../schema/common";
import type { Incident } from "../schema/incidents";
import type { ReadinessCheck, RelocationSettings, Site } from "../schema/relocation";
import { BoardParam, type BcpFunction, Relocation, type RelocationMove, RelocationBoard, RelocationPatch, RelocationTransition } from "../schema/relocation-board";
import { knownIncident } from "./incidents";
import { IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";
import { readErrors, writeErrors } from "./relocation-common";

/** The relocation board of one incident: where each function is, and every move. */

const board = createRoute({
  method: "get",
  path: "/api/incidents/{id}/relocation",
  tags: ["relocation"],
  summary: "The relocation board: every function's state, site and staff in this incident, and the moves so far (newest first)",
  request: { params: IdParam },
  responses: { 200: json(RelocationBoard, "The board"), ...readErrors },
});

const move = createRoute({
  method: "post",
  path: "/api/incidents/{id}/relocation/{functionId}/transitions",
  tags: ["relocation"],
  summary: "Move a function: relocating → operational at the alternate, suspended, returning → at primary. Illegal moves answer 409",
  request: { params: BoardParam, headers: idempotencyHeaders, body: jsonBody(RelocationTransition) },
  responses: { 200: json(committed(Relocation), "Moved"), ...writeErrors },
});

const patch = createRoute({
  method: "patch",
  path: "/api/incidents/{id}/relocation/{functionId}",
  tags: ["relocation"],
  summary: "Record the staff present or a note for a function, over the version last seen",
  request: { params: BoardParam, headers: idempotencyHeaders, body: jsonBody(RelocationPatch) },
  responses: { 200: json(committed(Relocation), "Recorded"), ...writeErrors },
});

/** The function and its row on the incident's board (or its never-moved start), from one batch's answers. */
function boardRow(incident: Incident | null, fn: BcpFunction | null, row: Relocation | null): { incident: Incident; fn: BcpFunction; current: Relocation } {
  const known = knownIncident(incident);
  if (!fn) throw notFound("function");
  return { incident: known, fn, current: row ?? initialRelocation(known.id, fn, known.onsetAt) };
}

/** The readiness of the sites a move can touch, as the state machine needs it. */
function readinessOf(sites: Map<string, Site>, checks: ReadinessCheck[], settings: RelocationSettings): Map<string, SiteReadiness> {
  return new Map(
    [...sites.values()].map((site) => [
      site.id,
      { site, failedCritical: failedCriticalChecks(checks.filter((ch) => ch.siteId === site.id), settings.fuelHoursRequired) },
    ]),
  );
}

export const boardRoutes = newApp()
  .openapi(board, async (c) => {
    const db = c.env.DB;
    const id = c.req.valid("param").id;
    // One round trip: the board is empty when the incident is unknown, and then the 404 wins.
    const [found, functions, rows, moves] = await Promise.all([findIncident(db, id), listFunctions(db), listRelocations(db, id), listMoves(db, id)]);
    const incident = knownIncident(found);
    const byFunction = new Map(rows.map((r) => [r.functionId, r]));
    return c.json(
      {
        incidentId: incident.id,
        onsetAt: incident.onsetAt,
        functions,
        rows: functions.map((f) => byFunction.get(f.id) ?? initialRelocation(incident.id, f, incident.onsetAt)),
        moves,
      },
      200,
    );
  })
  .openapi(move, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const { id, functionId } = c.req.valid("param");
    const input = c.req.valid("json");
    const [foundIncident, foundFn, row, siteRows, checks, settings] = await readPreconditions(c, [
      incidentById(db, id),
      functionById(db, functionId),
      relocationOf(db, id, functionId),
      functionSites(db, { functionId, incidentId: id, named: [input.siteId] }),
      functionSiteReadiness(db, { functionId, incidentId: id, named: [input.siteId] }),
      settingsRead(db),
    ]);
    const { incident, fn, current } = boardRow(foundIncident, foundFn, row);
    if (!mayEditFunction(user, fn)) throw forbidden("Only the function's own unit (or an admin) moves it.");
    if (input.version !== current.version) throw staleVersion(current);
    const now = nowIso();
    const sites = readinessOf(siteRows, checks, settings);
    const next = accepted(transition(current, input, { fn, sites, now, by: user.displayName }));
    const record: RelocationMove = {
      id: crypto.randomUUID(),
      incidentId: incident.id,
      functionId: fn.id,
      fromState: current.state,
      toState: next.state,
      siteId: next.siteId,
      at: now,
      byUser: user.id,
      byName: user.displayName,
      byUnit: user.unitId,
      staffPresent: next.staffPresent,
      note: input.note ?? "",
      overrideReason: next.overrideReason,
    };
    const done = await commitWrite(c, {
      stream: incident.id,
      steps: [{ exactlyOne: saveRelocation(db, next, user.id) }, insertMove(db, record)],
      changes: [
        { entityType: "relocation", entityId: fn.id, op: "transition", before: current, after: { ...next, label: fn.nameJa } },
        {
          entityType: "relocation_move",
          entityId: record.id,
          op: "create",
          before: null,
          after: { ...record, label: moveLabel(fn, record.fromState, record.toState, sites.get(record.siteId ?? "")?.site.nameJa ?? null) },
        },
      ],
      data: next,
      reload: () => findRelocation(db, incident.id, fn.id),
    });
    return c.json(done, 200);
  })
  .openapi(patch, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const { id, functionId } = c.req.valid("param");
    const [foundIncident, foundFn, row] = await readPreconditions(c, [incidentById(db, id), functionById(db, functionId), relocationOf(db, id, functionId)]);
    const { incident, fn, current } = boardRow(foundIncident, foundFn, row);
    if (!mayEditFunction(user, fn)) throw forbidden("Only the function's own unit (or an admin) records its staff.");
    const { version, ...changes } = c.req.valid("json");
    if (version !== current.version) throw staleVersion(current);
    const next: Relocation = { ...current, ...changes, version: current.version + 1, updatedAt: nowIso(), updatedByName: user.displayName };
    const done = await commitWrite(c, {
      stream: incident.id,
      steps: [{ exactlyOne: saveRelocation(db, next, user.id) }],
      changes: [{ entityType: "relocation", entityId: fn.id, op: "update", before: current, after: { ...next, label: fn.nameJa } }],
      data: next,
      reload: () => findRelocation(db, incident.id, fn.id),
    });
    return c.json(done, 200);
  });
