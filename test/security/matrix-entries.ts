import { importBody } from "../fixtures/relocation/helpers";
import { PASSWORD } from "../helpers";
import type { Fixtures, OwnUnit, Request, Rule } from "./matrix-fixtures";

/**
 * One entry per route of the app ("METHOD /path" as Hono lists it). `request` builds a fresh,
 * valid request for each subject (so versions are current); `crossIncident` addresses a child of
 * one incident through another incident's path, which must answer 404 and write nothing.
 * A route the app has and this table lacks fails the matrix test: a new route needs an entry here.
 */
export type Entry = {
  rule: Rule;
  unit?: OwnUnit;
  request: (fx: Fixtures) => Promise<Request>;
  crossIncident?: (fx: Fixtures) => Promise<Request>;
  /** The refusal a cross-incident request gets when not 404 (a body naming a card of another drill is a 400). */
  crossStatus?: number;
  /** Signs out or otherwise ends the session it runs in: run it on a session of its own. */
  ownSession?: boolean;
  websocket?: boolean;
};

const path = (p: string) => async () => ({ path: p });
const card = { tagNumber: "M-1", description: "歩行可能", canWalk: true, breathing: true };

/** The first object anywhere in a JSON answer that satisfies `match`. */
function findDeep(value: unknown, match: (o: any) => boolean): any {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findDeep(v, match);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    if (match(value)) return value;
    return findDeep(Object.values(value), match);
  }
  return null;
}

async function waterItem(fx: Fixtures) {
  const id = await fx.incident();
  await fx.send(fx.client.hq, "POST", `/api/incidents/${id}/checklists/activations`, { unitIds: ["water"], templateIds: ["water-bcp"] });
  const item = findDeep(await fx.get(`/api/incidents/${id}/checklists`), (o) => o.unitId === "water" && typeof o.id === "string" && typeof o.version === "number" && "state" in o);
  if (!item) throw new Error("no water checklist item");
  return { incident: id, item: item as { id: string; version: number } };
}

async function liaisonMessage(fx: Fixtures, incident: string) {
  const sent = await fx.send(fx.client.hq, "POST", `/api/incidents/${incident}/liaison`, { kind: "order", toUnitId: "water", body: "配水状況を報告せよ" });
  return sent.body.data as { id: string; version: number };
}

async function scenarioCard(fx: Fixtures) {
  const made = await fx.send(fx.client.hospital, "POST", "/api/scenarios", { title: "権限確認", casualties: [card] });
  const s = await fx.get(`/api/scenarios/${made.body.data.id}`);
  return { id: s.id as string, card: s.casualties[0] as { id: string; version: number } };
}

async function readinessCheck(fx: Fixtures) {
  const made = await fx.send(fx.client.hq, "POST", "/api/checklists/readiness", { unitId: "water", element: "communications", textJa: `衛星電話 ${crypto.randomUUID()}`, intervalDays: 30 });
  return made.body.data as { id: string; version: number };
}

async function correctiveAction(fx: Fixtures) {
  const drill = await fx.drill("ended");
  const made = await fx.send(fx.client.hospital, "POST", `/api/drills/${drill.id}/actions`, {
    capability: "情報伝達",
    issue: "報告が遅れた",
    action: "手順を作成する",
    owner: "総務課",
    organisation: "市立釧路総合病院",
    dueDate: "2027-01-31",
  });
  return made.body.data as { id: string; version: number };
}

async function account(fx: Fixtures) {
  const made = await fx.send(fx.client.hq, "POST", "/api/users", {
    login: `m-${crypto.randomUUID().slice(0, 8)}`,
    displayName: "権限確認 職員",
    unitId: "water",
    role: "editor",
    password: "matrix-password-1",
  });
  return made.body.data as { id: string; version: number };
}

async function issuedReport(fx: Fixtures) {
  const id = await fx.incident();
  await fx.send(fx.client.hq, "POST", `/api/incidents/${id}/situation-reports`, { summary: "第1報" });
  return id;
}

/** A closed drill incident in which a water function moved: it has a relocation review. */
async function reviewedDrill(fx: Fixtures) {
  const id = await fx.incident();
  await fx.send(fx.client.water, "POST", `/api/incidents/${id}/relocation/fn-supply/transitions`, { to: "relocating", version: 0 });
  await fx.send(fx.client.hq, "PATCH", `/api/incidents/${id}`, { version: 1, status: "closed" });
  return id;
}

const reviewAction = { capability: "情報伝達", issue: "報告が遅れた", action: "手順を作成する", owner: "総務課", organisation: "上下水道部", dueDate: "2027-01-31" };

async function reviewActionOf(fx: Fixtures, id: string) {
  const made = await fx.send(fx.client.water, "POST", `/api/relocation-reviews/${id}/actions`, reviewAction);
  return made.body.data as { id: string; version: number };
}

const site = (fx: Fixtures) => fx.get("/api/sites/water-hq") as Promise<{ version: number }>;

export const ENTRIES: Record<string, Entry> = {
  "GET /api/users": { rule: "admin", request: path("/api/users") },
  "POST /api/users": {
    rule: "admin",
    request: async () => ({
      path: "/api/users",
      body: { login: `m-${crypto.randomUUID().slice(0, 8)}`, displayName: "新規 職員", unitId: "water", role: "viewer", password: "matrix-password-1" },
    }),
  },
  "PATCH /api/users/:id": {
    rule: "admin",
    request: async (fx) => {
      const a = await account(fx);
      return { path: `/api/users/${a.id}`, body: { version: a.version, role: "viewer" } };
    },
  },
  "POST /api/users/:id/password": {
    rule: "admin",
    request: async (fx) => {
      const a = await account(fx);
      return { path: `/api/users/${a.id}/password`, body: { version: a.version, password: "matrix-password-2" } };
    },
  },
  // Ends every session of the person: run on sessions of its own. The new password is the old one.
  "PUT /api/session/password": {
    rule: "read",
    ownSession: true,
    request: async () => ({ path: "/api/session/password", body: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
  },
  "GET /api/relocation-reviews": { rule: "read", request: path("/api/relocation-reviews") },
  "GET /api/relocation-reviews/:id": { rule: "read", request: async (fx) => ({ path: `/api/relocation-reviews/${await reviewedDrill(fx)}` }) },
  "POST /api/relocation-reviews/:id/actions": {
    rule: "unit",
    unit: "water",
    request: async (fx) => ({ path: `/api/relocation-reviews/${await reviewedDrill(fx)}/actions`, body: reviewAction }),
  },
  "PATCH /api/relocation-reviews/:id/actions/:actionId": {
    rule: "unit",
    unit: "water",
    request: async (fx) => {
      const id = await reviewedDrill(fx);
      const a = await reviewActionOf(fx, id);
      return { path: `/api/relocation-reviews/${id}/actions/${a.id}`, body: { version: a.version, status: "in_progress" } };
    },
    crossIncident: async (fx) => {
      const a = await reviewActionOf(fx, await reviewedDrill(fx));
      return { path: `/api/relocation-reviews/${await reviewedDrill(fx)}/actions/${a.id}`, body: { version: a.version, status: "in_progress" } };
    },
  },
  "GET /api/archive/incidents": { rule: "read", request: path("/api/archive/incidents") },
  "GET /api/readiness/units": { rule: "read", request: path("/api/readiness/units") },
  "GET /api/incidents/:id/timeline": { rule: "read", request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/timeline` }) },
  "GET /api/incidents/:id/timeline.csv": { rule: "read", request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/timeline.csv` }) },
  "GET /api/incidents/:id/situation-reports": { rule: "read", request: async (fx) => ({ path: `/api/incidents/${await issuedReport(fx)}/situation-reports` }) },
  "GET /api/incidents/:id/situation-reports/:number": {
    rule: "read",
    request: async (fx) => ({ path: `/api/incidents/${await issuedReport(fx)}/situation-reports/1` }),
    crossIncident: async (fx) => {
      await issuedReport(fx);
      return { path: `/api/incidents/${await fx.incident()}/situation-reports/1` };
    },
  },
  "GET /api/incidents/:id/situation-reports/:number/csv": {
    rule: "read",
    request: async (fx) => ({ path: `/api/incidents/${await issuedReport(fx)}/situation-reports/1/csv` }),
  },
  "POST /api/incidents/:id/situation-reports": {
    rule: "unit",
    unit: "water",
    request: async (fx) => ({ path: `/api/incidents/${await fx.incident("water")}/situation-reports`, body: { summary: "第1報" } }),
  },

  "GET /api/health": { rule: "open", request: path("/api/health") },
  "GET /api/openapi.json": { rule: "open", request: path("/api/openapi.json") },
  "POST /api/session": { rule: "open", request: async () => ({ path: "/api/session", body: { login: "water", password: "correct horse" } }) },
  "GET /api/session": { rule: "read", request: path("/api/session") },
  "DELETE /api/session": { rule: "read", ownSession: true, request: path("/api/session") },
  "GET /api/units": { rule: "read", request: path("/api/units") },

  "GET /api/incidents": { rule: "read", request: path("/api/incidents") },
  "POST /api/incidents": { rule: "editor", request: async () => ({ path: "/api/incidents", body: { title: "権限確認", kind: "drill", hazard: "tsunami", onsetAt: "2026-11-24T09:00:00+09:00" } }) },
  "GET /api/incidents/:id": { rule: "read", request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}` }) },
  "PATCH /api/incidents/:id": {
    rule: "unit",
    unit: "water",
    request: async (fx) => ({ path: `/api/incidents/${await fx.incident("water")}`, body: { version: 1, phase: "emergency" } }),
  },
  "GET /api/incidents/:id/changes": { rule: "read", request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/changes` }) },
  "GET /api/incidents/:id/overview": { rule: "read", request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/overview` }) },
  "GET /api/standing/changes": { rule: "read", request: path("/api/standing/changes") },
  "GET /api/incidents/:id/live": { rule: "read", websocket: true, request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/live` }) },
  "GET /api/standing/live": { rule: "read", websocket: true, request: path("/api/standing/live") },
  "GET /api/live": { rule: "read", websocket: true, request: path("/api/live") },

  "GET /api/checklists/templates": { rule: "read", request: path("/api/checklists/templates") },
  "GET /api/checklists/templates/:id": { rule: "read", request: path("/api/checklists/templates/water-bcp") },
  "POST /api/checklists/templates": {
    rule: "admin",
    request: async () => ({
      path: "/api/checklists/templates",
      body: { titleJa: `権限確認 ${crypto.randomUUID()}`, unitId: "water", sections: [{ key: "priority_business", titleJa: "非常時優先業務", items: [{ textJa: "配水監視", targetMinutes: 180 }] }] },
    }),
  },
  "PUT /api/checklists/templates/:id": {
    rule: "admin",
    request: async (fx) => {
      const t = await fx.get("/api/checklists/templates/water-bcp");
      return { path: "/api/checklists/templates/water-bcp", body: { version: t.version, titleJa: t.titleJa, titleEn: t.titleEn, unitId: t.unitId, sortOrder: t.sortOrder, sections: t.sections } };
    },
  },
  "POST /api/incidents/:id/checklists/activations": {
    rule: "unit",
    unit: "water",
    request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/checklists/activations`, body: { unitIds: ["water"], templateIds: ["water-bcp"] } }),
  },
  "POST /api/incidents/:id/checklists/items": {
    rule: "unit",
    unit: "water",
    request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/checklists/items`, body: { unitId: "water", items: [{ textJa: `臨時 ${crypto.randomUUID()}` }] } }),
  },
  "GET /api/incidents/:id/checklists": { rule: "read", request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/checklists` }) },
  "GET /api/incidents/:id/checklists.csv": { rule: "read", request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/checklists.csv` }) },
  "PATCH /api/checklists/items/:id": {
    rule: "unit",
    unit: "water",
    request: async (fx) => {
      const { item } = await waterItem(fx);
      return { path: `/api/checklists/items/${item.id}`, body: { version: item.version, note: "確認済み" } };
    },
  },
  "GET /api/checklists/items/:id/history": {
    rule: "read",
    request: async (fx) => ({ path: `/api/checklists/items/${(await waterItem(fx)).item.id}/history` }),
  },
  "GET /api/checklists/people": { rule: "read", request: path("/api/checklists/people") },
  "GET /api/checklists/readiness": { rule: "read", request: path("/api/checklists/readiness") },
  "GET /api/checklists/readiness.csv": { rule: "read", request: path("/api/checklists/readiness.csv") },
  "POST /api/checklists/readiness": {
    rule: "unit",
    unit: "water",
    request: async () => ({ path: "/api/checklists/readiness", body: { unitId: "water", element: "communications", textJa: `無線 ${crypto.randomUUID()}`, intervalDays: 30 } }),
  },
  "PATCH /api/checklists/readiness/:id": {
    rule: "unit",
    unit: "water",
    request: async (fx) => {
      const r = await readinessCheck(fx);
      return { path: `/api/checklists/readiness/${r.id}`, body: { version: r.version, intervalDays: 60 } };
    },
  },
  "POST /api/checklists/readiness/:id/verifications": {
    rule: "unit",
    unit: "water",
    request: async (fx) => {
      const r = await readinessCheck(fx);
      return { path: `/api/checklists/readiness/${r.id}/verifications`, body: { version: r.version, note: "良好" } };
    },
  },

  "GET /api/sites": { rule: "read", request: path("/api/sites") },
  "POST /api/sites": {
    rule: "unit",
    unit: "water",
    request: async () => ({ path: "/api/sites", body: { nameJa: `仮設拠点 ${crypto.randomUUID()}`, kind: "alternate_site", lat: 43.0, lon: 144.41, unitId: "water" } }),
  },
  "GET /api/sites/:id": { rule: "read", request: path("/api/sites/water-hq") },
  "PATCH /api/sites/:id": {
    rule: "unit",
    unit: "water",
    request: async (fx) => ({ path: "/api/sites/water-hq", body: { version: (await site(fx)).version, statusNote: `点検 ${Date.now()}` } }),
  },
  "GET /api/readiness": { rule: "read", request: path("/api/readiness") },
  "PUT /api/sites/:id/readiness/:key": {
    rule: "unit",
    unit: "water",
    request: async (fx) => {
      const { items } = await fx.get("/api/readiness");
      const check = items.find((c: any) => c.siteId === "water-hq" && c.key === "comms") ?? items.find((c: any) => c.siteId === "water-hq");
      return { path: `/api/sites/water-hq/readiness/${check.key}`, body: { version: check.version, status: "ok" } };
    },
  },
  "GET /api/hazard-layers": { rule: "read", request: path("/api/hazard-layers") },
  "POST /api/hazard-layers": { rule: "unit", unit: "water", request: async () => ({ path: "/api/hazard-layers", body: importBody() }) },
  "GET /api/hazard-layers/:id/features": {
    rule: "read",
    request: async (fx) => ({ path: `/api/hazard-layers/${(await fx.send(fx.client.hq, "POST", "/api/hazard-layers", importBody())).body.data.layer.id}/features` }),
  },
  "DELETE /api/hazard-layers/:id": {
    rule: "unit",
    unit: "water",
    request: async (fx) => ({ path: `/api/hazard-layers/${(await fx.send(fx.client.hq, "POST", "/api/hazard-layers", importBody())).body.data.layer.id}` }),
  },

  "GET /api/relocation/functions": { rule: "read", request: path("/api/relocation/functions") },
  "POST /api/relocation/functions": {
    rule: "unit",
    unit: "water",
    request: async () => ({
      path: "/api/relocation/functions",
      body: { unitId: "water", nameJa: `権限確認 ${crypto.randomUUID()}`, priority: 3, targetMinutes: 180, staffNeeded: 2, primarySiteId: "water-hq" },
    }),
  },
  "PATCH /api/relocation/functions/:id": {
    rule: "unit",
    unit: "water",
    request: async (fx) => {
      const { items } = await fx.get("/api/relocation/functions");
      const fn = items.find((f: any) => f.id === "fn-supply");
      return { path: "/api/relocation/functions/fn-supply", body: { version: fn.version, staffNeeded: fn.staffNeeded } };
    },
  },
  "GET /api/relocation/settings": { rule: "read", request: path("/api/relocation/settings") },
  "PATCH /api/relocation/settings": {
    rule: "admin",
    request: async (fx) => ({ path: "/api/relocation/settings", body: { version: (await fx.get("/api/relocation/settings")).version, liaisonAckMinutes: 30 } }),
  },
  "GET /api/incidents/:id/relocation": { rule: "read", request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/relocation` }) },
  "POST /api/incidents/:id/relocation/:functionId/transitions": {
    rule: "unit",
    unit: "water",
    request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/relocation/fn-supply/transitions`, body: { to: "relocating", version: 0 } }),
  },
  "PATCH /api/incidents/:id/relocation/:functionId": {
    rule: "unit",
    unit: "water",
    request: async (fx) => {
      const id = await fx.incident();
      await fx.send(fx.client.water, "POST", `/api/incidents/${id}/relocation/fn-supply/transitions`, { to: "relocating", version: 0 });
      return { path: `/api/incidents/${id}/relocation/fn-supply`, body: { version: 1, staffPresent: 3 } };
    },
  },
  "GET /api/incidents/:id/liaison": { rule: "read", request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/liaison` }) },
  "POST /api/incidents/:id/liaison": {
    rule: "editor",
    request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/liaison`, body: { kind: "report", toUnitId: "fire", body: "配水池の水位は通常" } }),
  },
  "POST /api/incidents/:id/liaison/:messageId/ack": {
    rule: "unit",
    unit: "water",
    request: async (fx) => {
      const id = await fx.incident();
      const m = await liaisonMessage(fx, id);
      return { path: `/api/incidents/${id}/liaison/${m.id}/ack`, body: { version: m.version } };
    },
    crossIncident: async (fx) => {
      const m = await liaisonMessage(fx, await fx.incident());
      return { path: `/api/incidents/${await fx.incident()}/liaison/${m.id}/ack`, body: { version: m.version } };
    },
  },

  "GET /api/drills": { rule: "read", request: path("/api/drills") },
  "POST /api/drills": {
    rule: "editor",
    request: async () => ({ path: "/api/drills", body: { kind: "fire", title: "夜間火災", scheduledAt: "2026-12-01T20:00:00+09:00", place: "5階東病棟" } }),
  },
  "GET /api/drills/:id": { rule: "read", request: async (fx) => ({ path: `/api/drills/${(await fx.drill()).id}` }) },
  "PATCH /api/drills/:id": {
    rule: "unit",
    unit: "hospital",
    request: async (fx) => {
      const d = await fx.drill();
      return { path: `/api/drills/${d.id}`, body: { version: d.version, place: "救急外来" } };
    },
  },
  "POST /api/drills/:id/status": {
    rule: "unit",
    unit: "hospital",
    request: async (fx) => {
      const d = await fx.drill();
      return { path: `/api/drills/${d.id}/status`, body: { version: d.version, to: "running" } };
    },
  },
  "PATCH /api/drills/:id/casualties/:casualtyId": {
    rule: "unit",
    unit: "hospital",
    request: async (fx) => {
      const d = await fx.drill();
      return { path: `/api/drills/${d.id}/casualties/${d.id}-c0`, body: { version: 1, override: { category: "red", reason: "出血量を考慮" } } };
    },
    crossIncident: async (fx) => {
      const [a, b] = [await fx.drill(), await fx.drill()];
      return { path: `/api/drills/${b.id}/casualties/${a.id}-c0`, body: { version: 1, override: { category: "red", reason: "出血量を考慮" } } };
    },
  },
  "GET /api/scenarios": { rule: "read", request: path("/api/scenarios") },
  "GET /api/scenarios/:id": { rule: "read", request: path("/api/scenarios/seed-tsunami-kushiro") },
  "POST /api/scenarios": { rule: "unit", unit: "hospital", request: async () => ({ path: "/api/scenarios", body: { title: "想定", unitId: "hospital", casualties: [card] } }) },
  "POST /api/scenarios/import": {
    rule: "unit",
    unit: "hospital",
    request: async () => ({
      path: "/api/scenarios/import",
      body: {
        title: "取込",
        unitId: "hospital",
        csv: "tag_number,description,age,can_walk,breathing,breathing_after_airway,respiratory_rate,radial_pulse,capillary_refill_s,follows_commands,override_category,override_reason\nK-1,歩行可,30,true,true,,20,true,1,true,,\n",
      },
    }),
  },
  "GET /api/scenarios/:id/export.csv": { rule: "read", request: path("/api/scenarios/seed-tsunami-kushiro/export.csv") },
  "PATCH /api/scenarios/:id/casualties/:casualtyId": {
    rule: "unit",
    unit: "hospital",
    request: async (fx) => {
      const s = await scenarioCard(fx);
      return { path: `/api/scenarios/${s.id}/casualties/${s.card.id}`, body: { version: s.card.version, override: { category: "yellow", reason: "高齢" } } };
    },
    crossIncident: async (fx) => {
      const [a, b] = [await scenarioCard(fx), await scenarioCard(fx)];
      return { path: `/api/scenarios/${b.id}/casualties/${a.card.id}`, body: { version: a.card.version, override: { category: "yellow", reason: "高齢" } } };
    },
  },
  "GET /api/drills/:id/board": { rule: "read", request: async (fx) => ({ path: `/api/drills/${(await fx.drill()).id}/board` }) },
  "GET /api/drills/:id/tags": { rule: "read", request: async (fx) => ({ path: `/api/drills/${(await fx.drill()).id}/tags` }) },
  "POST /api/drills/:id/tags": {
    rule: "unit",
    unit: "hospital",
    request: async (fx) => {
      const d = await fx.drill("running");
      return { path: `/api/drills/${d.id}/tags`, body: { casualtyId: `${d.id}-c1`, category: "red", zoneId: "er" } };
    },
    crossStatus: 400,
    crossIncident: async (fx) => {
      const [a, b] = [await fx.drill("running"), await fx.drill("running")];
      return { path: `/api/drills/${b.id}/tags`, body: { casualtyId: `${a.id}-c1`, category: "red", zoneId: "er" } };
    },
  },
  "POST /api/drills/:id/milestones": {
    rule: "unit",
    unit: "hospital",
    request: async (fx) => {
      const made = await fx.send(fx.client.hospital, "POST", "/api/drills", { kind: "fire", title: "夜間火災", scheduledAt: "2026-12-01T20:00:00+09:00", place: "5階東病棟" });
      await fx.send(fx.client.hospital, "POST", `/api/drills/${made.body.data.id}/status`, { version: 1, to: "running" });
      return { path: `/api/drills/${made.body.data.id}/milestones`, body: { key: "alarm_raised" } };
    },
  },
  "GET /api/drills/:id/score": { rule: "read", request: async (fx) => ({ path: `/api/drills/${(await fx.drill("ended")).id}/score` }) },
  "GET /api/drills/:id/scores.csv": { rule: "read", request: async (fx) => ({ path: `/api/drills/${(await fx.drill("ended")).id}/scores.csv` }) },
  "GET /api/drills/:id/report": { rule: "read", request: async (fx) => ({ path: `/api/drills/${(await fx.drill("ended")).id}/report` }) },
  "PATCH /api/drills/:id/report": {
    rule: "unit",
    unit: "hospital",
    request: async (fx) => {
      const d = await fx.drill("ended");
      const r = await fx.get(`/api/drills/${d.id}/report`);
      return { path: `/api/drills/${d.id}/report`, body: { version: r.report.version, summary: "概ね良好" } };
    },
  },
  "GET /api/corrective-actions": { rule: "read", request: path("/api/corrective-actions") },
  "POST /api/drills/:id/actions": {
    rule: "unit",
    unit: "hospital",
    request: async (fx) => ({
      path: `/api/drills/${(await fx.drill("ended")).id}/actions`,
      body: { capability: "情報伝達", issue: "遅れ", action: "手順作成", owner: "総務課", organisation: "病院", dueDate: "2027-01-31" },
    }),
  },
  "PATCH /api/corrective-actions/:id": {
    rule: "unit",
    unit: "hospital",
    request: async (fx) => {
      const a = await correctiveAction(fx);
      return { path: `/api/corrective-actions/${a.id}`, body: { version: a.version, status: "in_progress" } };
    },
  },
  "GET /api/incidents/:id/hospital-status": { rule: "read", request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/hospital-status` }) },
  "PUT /api/incidents/:id/hospital-status": {
    rule: "unit",
    unit: "hospital",
    request: async (fx) => ({
      path: `/api/incidents/${await fx.incident()}/hospital-status`,
      body: {
        version: null,
        power: "generator",
        waterSupply: "tank",
        beds: { icu: 2, general: 41, pediatric: 5, maternity: 3, isolation: 1, operatingRooms: 2 },
        generatorFuelHours: 48,
        waterDays: 2.5,
        foodDays: 3,
        medicineDays: 5,
        triageTagStock: 180,
        surgeCapacity: 60,
      },
    }),
  },
  "GET /api/incidents/:id/hospital-status/history": {
    rule: "read",
    request: async (fx) => ({ path: `/api/incidents/${await fx.incident()}/hospital-status/history` }),
  },
};
