import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, countRows, openIncident, ORIGIN, sendJson, signIn } from "../helpers";

const SEED = "seed-tsunami-kushiro";
type Body = { data: any; seq: number; error?: any };

let hospital: Client;
let hq: Client;
let water: Client;
let viewer: Client;

beforeAll(async () => {
  [hospital, hq, water, viewer] = await Promise.all([signIn("hospital"), signIn("hq"), signIn("water"), signIn("viewer")]);
});

const plan = (over: Record<string, unknown> = {}) => ({
  kind: "triage",
  title: "多数傷病者受入れ訓練",
  scheduledAt: "2026-12-05T09:30:00+09:00",
  place: "正面玄関前",
  objectives: ["START法で30名を15分以内に一次トリアージする"],
  participants: [
    { id: "p1", name: "佐藤医師", role: "triage_officer", zoneId: "entrance" },
    { id: "p2", name: "鈴木看護師", role: "triage_officer", zoneId: "er" },
    { id: "p3", name: "高橋事務", role: "hq_liaison" },
  ],
  scenarioId: SEED,
  ...over,
});

const send = (client: Client, method: string, path: string, body?: unknown) => sendJson<Body>(client, method, path, body);

async function planDrill(over: Record<string, unknown> = {}) {
  const r = await send(hospital, "POST", "/api/drills", plan(over));
  expect(r.status).toBe(201);
  return r.body.data as { id: string; version: number; incidentId: string | null };
}

async function startDrill(over: Record<string, unknown> = {}) {
  const d = await planDrill(over);
  const r = await send(hospital, "POST", `/api/drills/${d.id}/status`, { version: d.version, to: "running" });
  expect(r.status).toBe(200);
  const detail = (await (await hospital.get(`/api/drills/${d.id}`)).json()) as { casualties: Array<{ id: string; expected: string; tagNumber: string }> };
  return { drill: r.body.data as { id: string; version: number }, casualties: detail.casualties };
}

describe("planning a drill", () => {
  it("copies the seeded scenario's 30 cards and logs the plan in the standing stream", async () => {
    const before = await countRows("change_log", "stream = 'standing' AND entity_type = 'drill'");
    const d = await planDrill();
    expect(d).toMatchObject({ status: "planned", casualtyCount: 30, scenarioTitle: expect.stringContaining("津波"), unitId: "hospital" });
    expect(await countRows("drill_casualties", "drill_id = ?", d.id)).toBe(30);
    expect(await countRows("change_log", "stream = 'standing' AND entity_type = 'drill'")).toBe(before + 1);
    const list = (await (await viewer.get("/api/drills?kind=triage")).json()) as { items: Array<{ id: string }> };
    expect(list.items.map((x) => x.id)).toContain(d.id);
  });

  it("logs a drill of a drill-kind incident in that incident's stream", async () => {
    const incident = await openIncident(hospital);
    const d = await planDrill({ incidentId: incident.id });
    expect(d.incidentId).toBe(incident.id);
    expect(await countRows("change_log", "stream = ? AND entity_type = 'drill'", incident.id)).toBe(1);
  });

  it("refuses an incident that is not a drill, an unknown scenario and a triage drill without one, writing nothing", async () => {
    const real = await openIncident(hq, { kind: "real" });
    const before = await countRows("drills");
    for (const [over, path] of [
      [{ incidentId: real.id }, "incidentId"],
      [{ scenarioId: "nope" }, "scenarioId"],
      [{ scenarioId: null }, "scenarioId"],
      [{ kind: "fire" }, "scenarioId"],
      [{ participants: [{ id: "p1", name: "x", role: "observer", zoneId: "roof" }] }, "participants.0.zoneId"],
      [{ title: "" }, "title"],
    ] as const) {
      const r = await send(hospital, "POST", "/api/drills", plan(over));
      expect(r.status).toBe(400);
      expect(r.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect(await countRows("drills")).toBe(before);
  });

  it("lets only the planning unit's editors change the plan, over the version seen, while planned", async () => {
    const d = await planDrill();
    expect((await send(water, "PATCH", `/api/drills/${d.id}`, { version: 1, title: "x" })).status).toBe(403);
    expect((await send(viewer, "POST", "/api/drills", plan())).status).toBe(403);
    const ok = await send(hospital, "PATCH", `/api/drills/${d.id}`, { version: 1, place: "救急外来" });
    expect(ok.body.data).toMatchObject({ place: "救急外来", version: 2 });
    const stale = await send(hospital, "PATCH", `/api/drills/${d.id}`, { version: 1, place: "屋上" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ place: "救急外来", version: 2 });
  });
});

describe("the drill's states", () => {
  it("refuses ending a planned drill and cancelling without a reason", async () => {
    const d = await planDrill();
    const end = await send(hospital, "POST", `/api/drills/${d.id}/status`, { version: 1, to: "ended" });
    expect(end.status).toBe(409);
    expect(end.body.error.code).toBe("wrong_state");
    const cancel = await send(hospital, "POST", `/api/drills/${d.id}/status`, { version: 1, to: "cancelled" });
    expect(cancel.status).toBe(400);
    expect(cancel.body.error.fields[0].path).toBe("reason");
    const ok = await send(hospital, "POST", `/api/drills/${d.id}/status`, { version: 1, to: "cancelled", reason: "大雪のため延期" });
    expect(ok.body.data).toMatchObject({ status: "cancelled", cancelReason: "大雪のため延期" });
  });
});

describe("tagging on tablets", () => {
  it("tags, re-tags with history, and keeps the board equal to the tags", async () => {
    const { drill, casualties } = await startDrill();
    const [a, b] = casualties;
    const first = await send(hospital, "POST", `/api/drills/${drill.id}/tags`, { casualtyId: a!.id, category: "yellow", zoneId: "entrance", officerId: "p1" });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ category: "yellow", officerName: "佐藤医師", previousCategory: null, tagNumber: a!.tagNumber });
    await send(hospital, "POST", `/api/drills/${drill.id}/tags`, { casualtyId: b!.id, category: "green", zoneId: "er" });
    const re = await send(hospital, "POST", `/api/drills/${drill.id}/tags`, { casualtyId: a!.id, category: "red", zoneId: "er", officerId: "p2" });
    expect(re.body.data).toMatchObject({ previousCategory: "yellow", previousZoneId: "entrance" });

    const board = (await (await viewer.get(`/api/drills/${drill.id}/board`)).json()) as any;
    expect(board).toMatchObject({ total: 30, untagged: 28, overall: { red: 1, yellow: 0, green: 1, black: 0 }, status: "running" });
    expect(board.zones.find((z: any) => z.zoneId === "er").counts).toEqual({ red: 1, yellow: 0, green: 1, black: 0 });
    expect(board.zones.find((z: any) => z.zoneId === "entrance").counts).toEqual({ red: 0, yellow: 0, green: 0, black: 0 });
    const history = (await (await viewer.get(`/api/drills/${drill.id}/tags`)).json()) as { items: unknown[] };
    expect(history.items).toHaveLength(3);
  });

  it("refuses a casualty of another drill, an unknown zone or officer, and a tag by another unit, writing nothing", async () => {
    const { drill } = await startDrill();
    const other = await startDrill();
    const before = await countRows("drill_tags");
    const cases: Array<[Client, Record<string, unknown>, number, string]> = [
      [hospital, { casualtyId: other.casualties[0]!.id, category: "red", zoneId: "er" }, 400, "casualtyId"],
      [hospital, { casualtyId: `${drill.id}-c0`, category: "red", zoneId: "roof" }, 400, "zoneId"],
      [hospital, { casualtyId: `${drill.id}-c0`, category: "red", zoneId: "er", officerId: "p9" }, 400, "officerId"],
      [hospital, { casualtyId: `${drill.id}-c0`, category: "purple", zoneId: "er" }, 400, "category"],
    ];
    for (const [client, body, status, path] of cases) {
      const r = await send(client, "POST", `/api/drills/${drill.id}/tags`, body);
      expect(r.status).toBe(status);
      expect(r.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect((await send(water, "POST", `/api/drills/${drill.id}/tags`, { casualtyId: `${drill.id}-c0`, category: "red", zoneId: "er" })).status).toBe(403);
    expect(await countRows("drill_tags")).toBe(before);
  });

  it("refuses tags on a drill that is not running", async () => {
    const d = await planDrill();
    const before = await countRows("drill_tags");
    const r = await send(hospital, "POST", `/api/drills/${d.id}/tags`, { casualtyId: `${d.id}-c0`, category: "red", zoneId: "er" });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain("running");
    expect(await countRows("drill_tags")).toBe(before);
  });

  it("keeps counts exact under many simultaneous tags", async () => {
    const { drill, casualties } = await startDrill();
    const colours = ["red", "yellow", "green", "black"];
    const results = await Promise.all(
      casualties.map((c, i) => send(hospital, "POST", `/api/drills/${drill.id}/tags`, { casualtyId: c.id, category: colours[i % 4], zoneId: i % 2 ? "er" : "entrance" })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const board = (await (await viewer.get(`/api/drills/${drill.id}/board`)).json()) as any;
    expect(board.untagged).toBe(0);
    expect(board.overall).toEqual({ red: 8, yellow: 8, green: 7, black: 7 });
    const seqs = results.map((r) => r.body.seq).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(30);
  });
});

describe("ending and scoring", () => {
  it("scores automatically at the end, with Server-Timing, and refuses tags afterwards", async () => {
    const { drill, casualties } = await startDrill();
    // Tag every card with its key except: the first red as green (under-triage), the first green as yellow (over).
    const firstRed = casualties.find((c) => c.expected === "red")!;
    const firstGreen = casualties.find((c) => c.expected === "green")!;
    for (const c of casualties) {
      const category = c === firstRed ? "green" : c === firstGreen ? "yellow" : c.expected;
      expect((await send(hospital, "POST", `/api/drills/${drill.id}/tags`, { casualtyId: c.id, category, zoneId: "entrance", officerId: "p1" })).status).toBe(201);
    }
    const end = await send(hospital, "POST", `/api/drills/${drill.id}/status`, { version: drill.version, to: "ended" });
    expect(end.status).toBe(200);
    expect(end.res.headers.get("Server-Timing")).toMatch(/^score;dur=\d+(\.\d)?;desc="load and score 30 casualties", app;dur=[\d.]+, d1;dur=[\d.]+;desc="\d+ round trips?, \d+ quer(y|ies)"$/);
    expect(await countRows("drill_reports", "drill_id = ?", drill.id)).toBe(1);

    const score = (await (await viewer.get(`/api/drills/${drill.id}/score`)).json()) as any;
    expect(score).toMatchObject({ total: 30, tagged: 30, correct: 28, over: 1, under: 1, untagged: 0, overridden: 1 });
    expect(score.accuracy).toBeCloseTo(28 / 30);
    expect(score.coverage).toBe(1);
    expect(score.timeToAllMs).not.toBeNull();
    expect(score.casualties.find((c: any) => c.casualtyId === firstRed.id).outcome).toBe("under");
    expect(score.officers).toEqual([expect.objectContaining({ officerKey: "p1", name: "佐藤医師", tags: 30, assessed: 30, correct: 28 })]);
    expect(score.trend.at(-1)).toMatchObject({ drillId: drill.id, current: true });

    const late = await send(hospital, "POST", `/api/drills/${drill.id}/tags`, { casualtyId: casualties[1]!.id, category: "red", zoneId: "er" });
    expect(late.status).toBe(409);

    const bytes = new Uint8Array(await (await viewer.get(`/api/drills/${drill.id}/scores.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // so Excel opens the Japanese as UTF-8
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split("\r\n")[0]).toBe("tag_number,start_category,expected,override_reason,first_category,assigned,outcome,time_to_first_tag_s,tag_count,officer");
    expect(csv.trim().split("\r\n")).toHaveLength(31);
  });

  it("stores a score covering exactly the tags the drill ended with, even while tablets are tagging", async () => {
    const { drill, casualties } = await startDrill();
    const tagging = casualties.map((c) => send(hospital, "POST", `/api/drills/${drill.id}/tags`, { casualtyId: c.id, category: "green", zoneId: "er" }));
    const end = await send(hospital, "POST", `/api/drills/${drill.id}/status`, { version: drill.version, to: "ended" });
    const tagged = await Promise.all(tagging);
    expect(end.status).toBe(200);
    // Every tag was either taken before the end or refused after it.
    expect(tagged.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const row = await env.DB.prepare("SELECT score_json FROM drills WHERE id = ?").bind(drill.id).first<{ score_json: string }>();
    const stored = JSON.parse(row!.score_json) as { hq: { tags: number } };
    expect(stored.hq.tags).toBe(await countRows("drill_tags", "drill_id = ?", drill.id));
    expect(stored.hq.tags).toBe(tagged.filter((r) => r.status === 201).length);
  });

  it("shows earlier drills of the same kind in the trend", async () => {
    for (let i = 0; i < 2; i++) {
      const { drill } = await startDrill();
      await send(hospital, "POST", `/api/drills/${drill.id}/status`, { version: drill.version, to: "ended" });
    }
    const { drill } = await startDrill();
    const end = await send(hospital, "POST", `/api/drills/${drill.id}/status`, { version: drill.version, to: "ended" });
    expect(end.status).toBe(200);
    const score = (await (await viewer.get(`/api/drills/${drill.id}/score`)).json()) as any;
    expect(score.trend.length).toBeGreaterThanOrEqual(3);
    expect(score.trend.filter((p: any) => p.current)).toHaveLength(1);
    const ended = score.trend.map((p: any) => p.endedAt);
    expect([...ended].sort()).toEqual(ended);
  });
});

describe("overriding the key of a planned drill", () => {
  it("overrides with a reason, refuses one without, and refuses once running", async () => {
    const d = await planDrill();
    const cid = `${d.id}-c3`;
    const noReason = await send(hospital, "PATCH", `/api/drills/${d.id}/casualties/${cid}`, { version: 1, override: { category: "red", reason: "" } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe("override.reason");
    const ok = await send(hospital, "PATCH", `/api/drills/${d.id}/casualties/${cid}`, { version: 1, override: { category: "red", reason: "開放骨折の出血量を考慮" } });
    expect(ok.body.data).toMatchObject({ expected: "red", startCategory: "yellow", override: { reason: "開放骨折の出血量を考慮" } });
    await send(hospital, "POST", `/api/drills/${d.id}/status`, { version: 1, to: "running" });
    const late = await send(hospital, "PATCH", `/api/drills/${d.id}/casualties/${cid}`, { version: 2, override: null });
    expect(late.status).toBe(409);
  });
});

describe("the API description", () => {
  it("lists the drill routes", async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    for (const p of ["/api/drills", "/api/drills/{id}/tags", "/api/scenarios/import", "/api/corrective-actions", "/api/incidents/{id}/hospital-status"]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
