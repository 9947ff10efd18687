import { createRoute } from "@hono/zod-openapi";
import { findTemplate, insertTemplate, listTemplates, replaceTemplate, templateById } from "../db/checklists-templates";
import { mayEditTemplates } from "../domain/checklists";
import { withItemKeys } from "../domain/checklists-activation";
import { forbidden, newApp, notFound, nowIso, staleVersion } from "../lib/app";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { STANDING } from "../schema/streams";
import { Template, TemplateCreate, TemplateList, TemplatePut } from "../schema/checklists";
import { committed } from "../schema/common";
import { errors, namedUnit, refuseUnknownUnit } from "./checklists-shared";
import { IdParam, idempotencyHeaders, json, jsonBody } from "./openapi";

const list = createRoute({
  method: "get",
  path: "/api/checklists/templates",
  tags: ["checklists"],
  summary: "BCP checklist templates (six elements, water & sewer, hospital, prioritised business per unit)",
  responses: { 200: json(TemplateList, "Templates with their item counts"), 401: errors[401] },
});

const read = createRoute({
  method: "get",
  path: "/api/checklists/templates/{id}",
  tags: ["checklists"],
  summary: "One template with its sections and items",
  request: { params: IdParam },
  responses: { 200: json(Template, "The template"), 401: errors[401], 404: errors[404] },
});

const create = createRoute({
  method: "post",
  path: "/api/checklists/templates",
  tags: ["checklists"],
  summary: "Add a template (admins); duplicate or empty items are refused with their paths",
  request: { headers: idempotencyHeaders, body: jsonBody(TemplateCreate) },
  responses: { 201: json(committed(Template), "Added"), 400: errors[400], 401: errors[401], 403: errors[403], 422: errors[422] },
});

const put = createRoute({
  method: "put",
  path: "/api/checklists/templates/{id}",
  tags: ["checklists"],
  summary: "Replace a template's content over the version last seen (admins); active incidents keep their copies",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(TemplatePut) },
  responses: {
    200: json(committed(Template), "Replaced"),
    ...errors,
  },
});

const newKey = () => crypto.randomUUID().slice(0, 8);

export const templateRoutes = newApp()
  .openapi(list, async (c) => c.json({ items: await listTemplates(c.env.DB) }, 200))
  .openapi(read, async (c) => {
    const template = await findTemplate(c.env.DB, c.req.valid("param").id);
    if (!template) throw notFound("template");
    return c.json(template, 200);
  })
  .openapi(create, async (c) => {
    const user = c.get("user");
    if (!mayEditTemplates(user)) throw forbidden("Only administrators edit checklist templates.");
    const body = withItemKeys(c.req.valid("json"), newKey);
    const [unitKnown] = await readPreconditions(c, [namedUnit(c.env.DB, body.unitId)]);
    refuseUnknownUnit(body.unitId, unitKnown);
    const template: Template = { id: `tpl-${crypto.randomUUID()}`, ...body, version: 1, updatedAt: nowIso(), updatedBy: user.id };
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: insertTemplate(c.env.DB, template),
      changes: [{ entityType: "checklist_template", entityId: template.id, op: "create", before: null, after: template }],
      data: template,
      status: 201,
    });
    return c.json(done, 201);
  })
  .openapi(put, async (c) => {
    const user = c.get("user");
    const db = c.env.DB;
    if (!mayEditTemplates(user)) throw forbidden("Only administrators edit checklist templates.");
    const { version, ...body } = withItemKeys(c.req.valid("json"), newKey);
    const [current, unitKnown] = await readPreconditions(c, [templateById(db, c.req.valid("param").id), namedUnit(db, body.unitId)]);
    if (!current) throw notFound("template");
    if (version !== current.version) throw staleVersion(current);
    refuseUnknownUnit(body.unitId, unitKnown);
    const next: Template = { ...current, ...body, version: current.version + 1, updatedAt: nowIso(), updatedBy: user.id };
    const { head, rest } = replaceTemplate(db, next);
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [{ exactlyOne: head }, ...rest],
      changes: [{ entityType: "checklist_template", entityId: next.id, op: "update", before: current, after: next }],
      data: next,
      reload: () => findTemplate(db, current.id),
    });
    return c.json(done, 200);
  });
