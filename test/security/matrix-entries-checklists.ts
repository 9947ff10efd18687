import type { Fixtures } from "./matrix-fixtures";
import { type Entry, path } from "./matrix-entry";

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

async function readinessCheck(fx: Fixtures) {
  const made = await fx.send(fx.client.hq, "POST", "/api/checklists/readiness", { unitId: "water", element: "communications", textJa: `衛星電話 ${crypto.randomUUID()}`, intervalDays: 30 });
  return made.body.data as { id: string; version: number };
}

/** BCP checklists: templates, activations, items and readiness checks. */
export const CHECKLISTS_ENTRIES: Record<string, Entry> = {
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

};
