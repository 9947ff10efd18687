import { createRoute } from "@hono/zod-openapi";
import { findIncident } from "../db/incidents";
import { findReviewAction, hasRelocations, insertReview, insertReviewAction, listReviews, loadReviewInput, readReview } from "../db/relocation-review";
import { mayWriteForUnit } from "../domain/access";
import { newAction, withOverdue } from "../domain/drills-report";
import { needsReview, reviewFigures } from "../domain/relocation-review";
import { forbidden, newApp, notFound, nowIso } from "../lib/app";
import type { LoggedChange, WriteStep } from "../lib/write-path";
import { committed } from "../schema/common";
import { ActionCreate, ActionPatch, CorrectiveAction } from "../schema/drills-report";
import type { Incident } from "../schema/incidents";
import { type RelocationReview, ReviewBundle, ReviewList, ReviewListQuery } from "../schema/relocation-review";
import { commonErrors, IdParam, idempotencyHeaders, json, jsonBody, KEY_REUSED, refusalDoc, refusals } from "./openapi";
import { WATER_UNIT } from "./overview";
import { commitActionChange, commitNewAction } from "./corrective-actions";
import { z } from "zod";

const tags = ["relocation review"];
const NO_SUCH = "No such review or action";
const writeErrors = refusals({ 404: NO_SUCH, 409: "Stale version; `current` holds the action", 422: KEY_REUSED });

/**
 * The review a drill incident gets as it closes, as steps and a change for the closing write's
 * batch: the figures are taken from the incident as it ends, in the same transaction.
 */
export async function reviewOnClose(db: D1Database, closing: Incident): Promise<{ steps: WriteStep[]; changes: LoggedChange[] } | null> {
  if (closing.kind !== "drill" || !(await hasRelocations(db, closing.id))) return null;
  const input = await loadReviewInput(db, closing, WATER_UNIT);
  if (!needsReview(closing, input.relocations)) return null;
  const endedAt = closing.closedAt ?? nowIso();
  const review: RelocationReview = {
    incidentId: closing.id,
    unitId: WATER_UNIT,
    title: closing.title,
    onsetAt: closing.onsetAt,
    endedAt,
    figures: reviewFigures({ ...input, endedAt }),
    createdAt: endedAt,
  };
  return {
    steps: [insertReview(db, review)],
    changes: [{ entityType: "relocation_review", entityId: closing.id, op: "create", before: null, after: { title: review.title, headline: review.figures.headline } }],
  };
}

const list = createRoute({
  method: "get",
  path: "/api/relocation-reviews",
  tags,
  summary: "Relocation drills' after-action reviews, newest first, with their headline figures, a page at a time (`next` asks for older ones)",
  request: { query: ReviewListQuery },
  responses: { 200: json(ReviewList, "Reviews"), 400: commonErrors[400], 401: commonErrors[401] },
});

const read = createRoute({
  method: "get",
  path: "/api/relocation-reviews/{id}",
  tags,
  summary: "A relocation drill's after-action review: figures, the trend over the department's drills, corrective actions",
  request: { params: IdParam },
  responses: { 200: json(ReviewBundle, "The review"), 401: commonErrors[401], 404: refusalDoc(NO_SUCH) },
});

const addAction = createRoute({
  method: "post",
  path: "/api/relocation-reviews/{id}/actions",
  tags,
  summary: "Add a corrective action to the review's improvement plan (owned, dated, chased to closure like the hospital's)",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(ActionCreate) },
  responses: { 201: json(committed(CorrectiveAction), "Added"), ...writeErrors },
});

const ActionParam = z.object({ id: z.string().min(1).max(64), actionId: z.string().min(1).max(64) });
const changeAction = createRoute({
  method: "patch",
  path: "/api/relocation-reviews/{id}/actions/{actionId}",
  tags,
  summary: "Update a review's corrective action (owner, due date, status … closing stamps the closure)",
  request: { params: ActionParam, headers: idempotencyHeaders, body: jsonBody(ActionPatch) },
  responses: { 200: json(committed(CorrectiveAction), "Changed"), ...writeErrors },
});

async function requireReview(db: D1Database, id: string) {
  const found = await readReview(db, id);
  if (!found) throw notFound("review for this incident (a drill incident gets one when it closes after water & sewer functions moved)");
  return found;
}

const notTheirPlan = () => forbidden("Only the department's editors or an admin may change its improvement plan.");

export const relocationReviewRoutes = newApp()
  .openapi(list, async (c) => {
    const page = await listReviews(c.env.DB, c.req.valid("query"));
    return c.json({ items: page.items.map(({ figures, ...r }) => ({ ...r, headline: figures.headline })), next: page.next }, 200);
  })
  .openapi(read, async (c) => {
    const { review, history, actions } = await requireReview(c.env.DB, c.req.valid("param").id);
    const trend = history.map((h) => ({ incidentId: h.incidentId, title: h.title, endedAt: h.endedAt, headline: h.figures.headline, current: h.incidentId === review.incidentId }));
    return c.json({ review, trend, actions: withOverdue(actions, nowIso()) }, 200);
  })
  .openapi(addAction, async (c) => {
    const db = c.env.DB;
    const { review } = await requireReview(db, c.req.valid("param").id);
    if (!mayWriteForUnit(c.get("user"), review.unitId)) throw notTheirPlan();
    const action = newAction({ id: review.incidentId, title: review.title }, c.req.valid("json"), { id: crypto.randomUUID(), now: nowIso() });
    return c.json(await commitNewAction(c, action, insertReviewAction(db, action)), 201);
  })
  .openapi(changeAction, async (c) => {
    const db = c.env.DB;
    const { id, actionId } = c.req.valid("param");
    const [review, current] = await Promise.all([findIncident(db, id), findReviewAction(db, id, actionId)]);
    if (!review || !current) throw notFound("corrective action in this review");
    if (!mayWriteForUnit(c.get("user"), WATER_UNIT)) throw notTheirPlan();
    return c.json(await commitActionChange(c, current, c.req.valid("json"), () => findReviewAction(db, id, actionId)), 200);
  });
