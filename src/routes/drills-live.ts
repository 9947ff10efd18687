import { createRoute } from "@hono/zod-openapi";
import { drillById, drillCasualties, drillCasualtyById, findDrill } from "../db/drills";
import { applyTag, insertTag, listTags, milestonesRead, recordMilestone, tagSeqs } from "../db/drills-tags";
import { readTogether } from "../db/together";
import { breaksRule, countBoard, mayManageDrill, tagRefusal, wrongState } from "../domain/drills";
import { forbidden, newApp, nowIso, refuse, refuseIf } from "../lib/app";
import { hqDelivery } from "../live/hq-receipts";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { committed } from "../schema/common";
import { BoardView, Milestone, MilestoneRecord, Tag, TagCreate, TagList, TagListQuery } from "../schema/drills";
import { streamOf } from "../schema/streams";
import { errors, knownDrill, onlyDrillUnit, writeErrors } from "./drills-common";
import { IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";

const tags = ["drills"];

const board = createRoute({
  method: "get",
  path: "/api/drills/{id}/board",
  tags,
  summary: "Live counts by colour per zone and overall, the untagged, open HQ screens and the tags no HQ console has had yet",
  request: { params: IdParam },
  responses: { 200: json(BoardView, "The board"), 401: errors[401], 404: errors[404] },
});

const tagList = createRoute({
  method: "get",
  path: "/api/drills/{id}/tags",
  tags,
  summary: "The tags and re-tags of the drill, newest first, a page at a time (`next` asks for older ones)",
  request: { params: IdParam, query: TagListQuery },
  responses: { 200: json(TagList, "Tags"), 400: errors[400], 401: errors[401], 404: errors[404] },
});

const tag = createRoute({
  method: "post",
  path: "/api/drills/{id}/tags",
  tags,
  summary: "Tag (or re-tag) a casualty of this running drill with a colour, in a zone",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(TagCreate) },
  responses: { 201: json(committed(Tag), "Tagged"), ...writeErrors },
});

const milestone = createRoute({
  method: "post",
  path: "/api/drills/{id}/milestones",
  tags,
  summary: "Record when a fire drill milestone was reached (now, or a given time); recording again corrects it",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(MilestoneRecord) },
  responses: { 201: json(committed(Milestone), "Recorded"), ...writeErrors },
});

export const drillLiveRoutes = newApp()
  .openapi(board, async (c) => {
    const db = c.env.DB;
    const id = c.req.valid("param").id;
    const [found, casualties, seqs] = await readTogether(db, [drillById(db, id), drillCasualties(db, id), tagSeqs(db, id)]);
    const drill = knownDrill(found);
    const hq = await hqDelivery(c.env, drill, seqs);
    const counts = countBoard(drill, casualties.map((x) => ({ category: x.currentCategory, zoneId: x.currentZoneId })));
    return c.json({ ...counts, hqUnreceived: hq.unreceived, hqScreens: hq.screens }, 200);
  })
  .openapi(tagList, async (c) => {
    const db = c.env.DB;
    const id = c.req.valid("param").id;
    // One round trip: the page is empty when the drill is unknown, and then the 404 wins.
    const [[found, seqs], page] = await Promise.all([readTogether(db, [drillById(db, id), tagSeqs(db, id)]), listTags(db, id, c.req.valid("query"))]);
    const drill = knownDrill(found);
    const hq = await hqDelivery(c.env, drill, seqs);
    return c.json({ items: page.items.map((t) => ({ ...t, hqReceivedAt: hq.receivedAt.get(t.id) ?? null })), next: page.next }, 200);
  })
  .openapi(tag, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const input = c.req.valid("json");
    // Both reads at once: a tablet's tap should cost one round trip before the write.
    const [found, casualty] = await readPreconditions(c, [drillById(db, c.req.valid("param").id), drillCasualtyById(db, input.casualtyId)]);
    const drill = knownDrill(found);
    if (!mayManageDrill(user, drill)) throw forbidden(onlyDrillUnit("tag casualties"));
    refuseIf(tagRefusal(drill, input));
    if (!casualty || casualty.drillId !== drill.id) refuse(breaksRule([{ path: "casualtyId", message: "no such casualty in this drill" }]));
    const officer = drill.participants.find((p) => p.id === input.officerId);
    const t: Tag = {
      id: crypto.randomUUID(),
      drillId: drill.id,
      casualtyId: casualty.id,
      tagNumber: casualty.tagNumber,
      category: input.category,
      zoneId: input.zoneId,
      officerId: input.officerId,
      officerName: officer?.name ?? user.displayName,
      taggedBy: user.id,
      taggedAt: nowIso(),
      previousCategory: casualty.currentCategory,
      previousZoneId: casualty.currentZoneId,
      hqReceivedAt: null,
    };
    const done = await commitWrite(c, {
      stream: streamOf(drill),
      steps: [insertTag(db, t), { exactlyOne: applyTag(db, t) }],
      changes: [{ entityType: "drill_tag", entityId: t.id, op: casualty.tagCount ? "retag" : "tag", before: null, after: t }],
      data: t,
      status: 201,
      // Only the drill ending under this tag makes the guarded step miss.
      reload: () => findDrill(db, drill.id),
    });
    return c.json(done, 201);
  })
  .openapi(milestone, async (c) => {
    const db = c.env.DB;
    const user = c.get("user");
    const [found, reached] = await readPreconditions(c, [drillById(db, c.req.valid("param").id), milestonesRead(db, c.req.valid("param").id)]);
    const drill = knownDrill(found);
    if (!mayManageDrill(user, drill)) throw forbidden(onlyDrillUnit("record milestones"));
    if (drill.kind !== "fire") refuse(breaksRule([{ path: "key", message: "milestones belong to fire drills" }]));
    if (drill.status !== "running") refuse(wrongState(drill, "Milestones are recorded only while the drill is running."));
    const input = c.req.valid("json");
    const target = drill.milestoneTargets.find((m) => m.key === input.key);
    if (!target) refuse(breaksRule([{ path: "key", message: "this milestone is not among the drill's targets" }]));
    const now = nowIso();
    const at = input.at ?? now;
    if (at < drill.startedAt! || Date.parse(at) > Date.parse(now) + 60_000) {
      refuse(breaksRule([{ path: "at", message: "between the drill's start and now" }]));
    }
    const before = reached(drill.milestoneTargets).find((m) => m.key === input.key)!;
    const after: Milestone = { ...before, reachedAt: at, recordedBy: user.displayName };
    const done = await commitWrite(c, {
      stream: streamOf(drill),
      steps: [{ exactlyOne: recordMilestone(db, { drillId: drill.id, key: input.key, at, by: user.displayName }) }],
      changes: [{ entityType: "drill_milestone", entityId: `${drill.id}:${input.key}`, op: "record", before, after }],
      data: after,
      status: 201,
      reload: () => findDrill(db, drill.id),
    });
    return c.json(done, 201);
  });
