import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, countRows, signIn, sendJson as send } from "../helpers";

let hospital: Client;
let water: Client;
let viewer: Client;
beforeAll(async () => {
  [hospital, water, viewer] = await Promise.all([signIn("hospital"), signIn("water"), signIn("viewer")]);
});


async function endedDrill(over: Record<string, unknown> = {}) {
  const created = await send(hospital, "POST", "/api/drills", {
    kind: "triage",
    title: "第2回トリアージ訓練",
    scheduledAt: "2026-11-20T10:00:00+09:00",
    place: "正面玄関",
    objectives: ["赤タッグの見落としをなくす"],
    scenarioId: "seed-tsunami-kushiro",
    ...over,
  });
  const id = created.body.data.id as string;
  await send(hospital, "POST", `/api/drills/${id}/status`, { version: 1, to: "running" });
  if (created.body.data.kind === "triage") await send(hospital, "POST", `/api/drills/${id}/tags`, { casualtyId: `${id}-c0`, category: "green", zoneId: "entrance" });
  await send(hospital, "POST", `/api/drills/${id}/status`, { version: 2, to: "ended" });
  return id;
}

const action = (over: Record<string, unknown> = {}) => ({
  capability: "情報伝達",
  issue: "本部への報告が紙伝令のみで遅れた",
  action: "タブレットからの報告手順を作成し周知する",
  owner: "総務課 山田",
  organisation: "市立釧路総合病院 総務課",
  dueDate: "2027-01-31",
  ...over,
});

describe("after-action report", () => {
  it("opens empty when the drill ends and saves over the version seen", async () => {
    const id = await endedDrill();
    const bundle = (await (await viewer.get(`/api/drills/${id}/report`)).json()) as any;
    expect(bundle.report).toMatchObject({ version: 1, strengths: [], improvements: [] });
    expect(bundle.score).toMatchObject({ total: 30, tagged: 1, untagged: 29 });
    expect(bundle.drill.objectives).toEqual(["赤タッグの見落としをなくす"]);

    const body = {
      version: 1,
      summary: "30名を想定した受入れ訓練",
      strengths: ["トリアージポストの設営が迅速"],
      improvements: [{ capability: "トリアージ", observation: "赤の見落としが1件", analysis: "呼吸数の測定を省略" }],
      capabilityRatings: [{ capability: "トリアージ", rating: "S" }],
    };
    const saved = await send(hospital, "PATCH", `/api/drills/${id}/report`, body);
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ version: 2, capabilityRatings: [{ rating: "S", note: "" }] });
    const stale = await send(hospital, "PATCH", `/api/drills/${id}/report`, body);
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(2);
    const bad = await send(hospital, "PATCH", `/api/drills/${id}/report`, { version: 2, capabilityRatings: [{ capability: "x", rating: "Z" }] });
    expect(bad.body.error.fields[0].path).toBe("capabilityRatings.0.rating");
    expect((await send(water, "PATCH", `/api/drills/${id}/report`, { version: 2, summary: "x" })).status).toBe(403);
  });

  it("is final once the drill is reviewed", async () => {
    const id = await endedDrill();
    await send(hospital, "POST", `/api/drills/${id}/status`, { version: 3, to: "reviewed" });
    const r = await send(hospital, "PATCH", `/api/drills/${id}/report`, { version: 1, summary: "後から" });
    expect(r.status).toBe(409);
  });
});

describe("corrective actions", () => {
  it("are tracked to closure, overdue ones first and flagged", async () => {
    const id = await endedDrill();
    const late = await send(hospital, "POST", `/api/drills/${id}/actions`, action({ dueDate: "2026-01-15" }));
    const onTime = await send(hospital, "POST", `/api/drills/${id}/actions`, action({ dueDate: "2099-03-31", capability: "指揮命令" }));
    expect(late.status).toBe(201);
    expect(late.body.data).toMatchObject({ overdue: true, status: "open", drillTitle: "第2回トリアージ訓練" });
    expect(onTime.body.data.overdue).toBe(false);

    const open = (await (await viewer.get("/api/corrective-actions?open=1")).json()) as { items: any[] };
    const mine = open.items.filter((a) => a.drillId === id);
    expect(mine.map((a) => a.overdue)).toEqual([true, false]);
    expect(open.items[0].overdue).toBe(true);

    const closed = await send(hospital, "PATCH", `/api/corrective-actions/${late.body.data.id}`, { version: 1, status: "closed" });
    expect(closed.body.data).toMatchObject({ status: "closed", overdue: false, closedAt: expect.any(String) });
    const reopened = await send(hospital, "PATCH", `/api/corrective-actions/${late.body.data.id}`, { version: 2, status: "in_progress" });
    expect(reopened.body.data).toMatchObject({ closedAt: null, overdue: true });
    const stale = await send(hospital, "PATCH", `/api/corrective-actions/${late.body.data.id}`, { version: 1, owner: "x" });
    expect(stale.status).toBe(409);
  });

  it("refuses an action without owner or with a bad date, and on a drill not yet ended, writing nothing", async () => {
    const id = await endedDrill();
    const before = await countRows("corrective_actions");
    const r = await send(hospital, "POST", `/api/drills/${id}/actions`, action({ owner: "", dueDate: "2027-02-30" }));
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: any) => f.path).sort()).toEqual(["dueDate", "owner"]);
    const planned = await send(hospital, "POST", "/api/drills", { kind: "fire", title: "夜間火災", scheduledAt: "2026-12-01T20:00:00+09:00", place: "5階東病棟" });
    expect((await send(hospital, "POST", `/api/drills/${planned.body.data.id}/actions`, action())).status).toBe(409);
    expect(await countRows("corrective_actions")).toBe(before);
  });
});

describe("fire drills", () => {
  it("record milestones against targets and score them at the end", async () => {
    const created = await send(hospital, "POST", "/api/drills", {
      kind: "fire",
      title: "夜間火災避難訓練",
      scheduledAt: "2026-12-01T20:00:00+09:00",
      place: "5階東病棟",
      milestoneTargets: [
        { key: "alarm_raised", targetSeconds: 60 },
        { key: "fire_doors_closed", targetSeconds: 1 },
      ],
    });
    const id = created.body.data.id;
    expect(created.body.data.casualtyCount).toBe(0);
    expect((await send(hospital, "POST", `/api/drills/${id}/milestones`, { key: "alarm_raised" })).status).toBe(409);
    const started = await send(hospital, "POST", `/api/drills/${id}/status`, { version: 1, to: "running" });
    const startedAt = Date.parse(started.body.data.startedAt);
    const alarm = await send(hospital, "POST", `/api/drills/${id}/milestones`, { key: "alarm_raised" });
    expect(alarm.status).toBe(201);
    const at = (s: number) => new Date(startedAt + s * 1000).toISOString();
    // Neither in the future nor before the start.
    const future = await send(hospital, "POST", `/api/drills/${id}/milestones`, { key: "fire_doors_closed", at: at(120) });
    expect([future.status, future.body.error.fields[0].path]).toEqual([400, "at"]);
    expect((await send(hospital, "POST", `/api/drills/${id}/milestones`, { key: "fire_doors_closed", at: at(-5) })).status).toBe(400);
    // As if the drill had started two minutes ago, the doors closed 90 s in.
    await env.DB.prepare("UPDATE drills SET started_at = ? WHERE id = ?").bind(at(-120), id).run();
    expect((await send(hospital, "POST", `/api/drills/${id}/milestones`, { key: "fire_doors_closed", at: at(-30) })).status).toBe(201);
    // Recording again corrects the time: the alarm went up 20 s in.
    expect((await send(hospital, "POST", `/api/drills/${id}/milestones`, { key: "alarm_raised", at: at(-100) })).status).toBe(201);
    const unknown = await send(hospital, "POST", `/api/drills/${id}/milestones`, { key: "ward_evacuated" });
    expect(unknown.body.error.fields[0].path).toBe("key");
    const tag = await send(hospital, "POST", `/api/drills/${id}/tags`, { casualtyId: `${id}-c0`, category: "red", zoneId: "er" });
    expect(tag.status).toBe(409);

    await send(hospital, "POST", `/api/drills/${id}/status`, { version: 2, to: "ended" });
    const score = (await (await viewer.get(`/api/drills/${id}/score`)).json()) as any;
    expect(score.milestones).toEqual([
      { key: "alarm_raised", targetSeconds: 60, elapsedSeconds: 20, met: true },
      { key: "fire_doors_closed", targetSeconds: 1, elapsedSeconds: 90, met: false },
    ]);
  });
});
