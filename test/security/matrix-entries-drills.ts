import type { Fixtures } from "./matrix-fixtures";
import { type Entry, path } from "./matrix-entry";

const card = { tagNumber: "M-1", description: "歩行可能", canWalk: true, breathing: true };

async function scenarioCard(fx: Fixtures) {
  const made = await fx.send(fx.client.hospital, "POST", "/api/scenarios", { title: "権限確認", casualties: [card] });
  const s = await fx.get(`/api/scenarios/${made.body.data.id}`);
  return { id: s.id as string, card: s.casualties[0] as { id: string; version: number } };
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

/** Hospital triage drills: drills, scenarios, tags, scores, reports, corrective actions and hospital status. */
export const DRILLS_ENTRIES: Record<string, Entry> = {
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
