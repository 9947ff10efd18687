import { PASSWORD } from "../helpers";
import type { Fixtures } from "./matrix-fixtures";
import { type Entry, path } from "./matrix-entry";

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

/** Accounts, sessions, incidents, records and live sockets. */
export const PLATFORM_ENTRIES: Record<string, Entry> = {
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

};
