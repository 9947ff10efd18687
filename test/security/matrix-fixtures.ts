import { type Client, openIncident, PASSWORD, sendJson } from "../helpers";

/** Who asks: nobody, the HQ's viewer, an editor of the addressed unit, an editor of another, the admin. */
export type Subject = "signedOut" | "viewer" | "editorOwn" | "editorOther" | "admin";
export const SUBJECTS: Subject[] = ["signedOut", "viewer", "editorOther", "editorOwn", "admin"];

/**
 * Who may: `open` anyone; `read` anyone signed in; `unit` the addressed unit's editors and admins;
 * `editor` any editor or admin; `admin` admins only; `hq` members of the disaster HQ's unit.
 */
export type Rule = "open" | "read" | "unit" | "editor" | "admin" | "hq";

export function allowed(rule: Rule, who: Subject): boolean {
  if (rule === "open") return true;
  if (who === "signedOut") return false;
  switch (rule) {
    case "read":
      return true;
    case "unit":
      return who === "editorOwn" || who === "admin";
    case "editor":
      return who !== "viewer";
    case "admin":
      return who === "admin";
    case "hq":
      return who === "viewer" || who === "admin";
  }
}

/** The unit whose resources an entry addresses; the other editor is the one of the other unit. */
export type OwnUnit = "water" | "hospital";
const EDITORS: Record<OwnUnit, { own: string; other: string }> = {
  water: { own: "water", other: "hospital" },
  hospital: { own: "hospital", other: "water" },
};

export type Request = { path: string; body?: unknown; method?: string };

export type Fixtures = {
  client: Record<"hq" | "water" | "hospital" | "viewer", Client>;
  /** A fresh open incident led by the HQ (or by `lead`'s unit when an editor opens it). */
  incident: (lead?: "hq" | "water" | "hospital") => Promise<string>;
  /** A fresh hospital triage drill on the shipped scenario, in the given status. */
  drill: (status?: "planned" | "running" | "ended") => Promise<{ id: string; version: number }>;
  get: <T = any>(path: string) => Promise<T>;
  send: typeof sendJson;
};

export function loginFor(who: Subject, unit: OwnUnit): string | null {
  switch (who) {
    case "signedOut":
      return null;
    case "viewer":
      return "viewer";
    case "admin":
      return "hq";
    case "editorOwn":
      return EDITORS[unit].own;
    case "editorOther":
      return EDITORS[unit].other;
  }
}

export function makeFixtures(client: Fixtures["client"]): Fixtures {
  const get = async (path: string) => {
    const res = await client.hq.get(path);
    if (res.status !== 200) throw new Error(`fixture read ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const must = async (r: Promise<{ status: number; body: any }>, what: string) => {
    const done = await r;
    if (done.status >= 300) throw new Error(`fixture ${what}: ${done.status} ${JSON.stringify(done.body)}`);
    return done.body;
  };
  return {
    client,
    get,
    send: sendJson,
    incident: async (lead = "hq") => (await openIncident(client[lead])).id,
    drill: async (status = "planned") => {
      const made = await must(
        sendJson(client.hospital, "POST", "/api/drills", {
          kind: "triage",
          title: "権限確認訓練",
          scheduledAt: "2026-12-05T09:30:00+09:00",
          place: "正面玄関前",
          participants: [{ id: "p1", name: "佐藤医師", role: "triage_officer", zoneId: "entrance" }],
          scenarioId: "seed-tsunami-kushiro",
        }),
        "drill",
      );
      let { id, version } = made.data as { id: string; version: number };
      if (status !== "planned") {
        version = (await must(sendJson(client.hospital, "POST", `/api/drills/${id}/status`, { version, to: "running" }), "start")).data.version;
        await must(sendJson(client.hospital, "POST", `/api/drills/${id}/tags`, { casualtyId: `${id}-c0`, category: "green", zoneId: "entrance" }), "tag");
      }
      if (status === "ended") {
        version = (await must(sendJson(client.hospital, "POST", `/api/drills/${id}/status`, { version, to: "ended" }), "end")).data.version;
      }
      return { id, version };
    },
  };
}

export const PASSWORD_FOR_TESTS = PASSWORD;
