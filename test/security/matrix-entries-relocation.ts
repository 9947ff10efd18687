import { importBody } from "../fixtures/relocation/helpers";
import type { Fixtures } from "./matrix-fixtures";
import { type Entry, path } from "./matrix-entry";

async function liaisonMessage(fx: Fixtures, incident: string) {
  const sent = await fx.send(fx.client.hq, "POST", `/api/incidents/${incident}/liaison`, { kind: "order", toUnitId: "water", body: "配水状況を報告せよ" });
  return sent.body.data as { id: string; version: number };
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

/** Water & sewer HQ relocation: sites, hazard layers, functions, the board, liaison and reviews. */
export const RELOCATION_ENTRIES: Record<string, Entry> = {
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

};
