import { describe, expect, it } from "vitest";
import { countRows, openIncident, sendJson, signIn, type Client } from "../helpers";
import { isChange, listen, type Listener } from "./helpers";

type Board = { hqUnreceived: number; hqScreens: number };
type TagList = { items: Array<{ id: string; taggedAt: string; hqReceivedAt: string | null }> };

/** A running triage drill inside its own drill incident, so its stream (and room) is this test's alone. */
async function runningDrill() {
  const [hq, hospital] = await Promise.all([signIn("hq"), signIn("hospital")]);
  const incident = await openIncident(hq);
  const plan = await sendJson(hospital, "POST", "/api/drills", {
    kind: "triage",
    title: "受入れ訓練",
    scheduledAt: "2026-12-05T09:30:00+09:00",
    place: "正面玄関前",
    incidentId: incident.id,
    participants: [{ id: "p1", name: "佐藤医師", role: "triage_officer", zoneId: "entrance" }],
    scenarioId: "seed-tsunami-kushiro",
  });
  expect(plan.status).toBe(201);
  const started = await sendJson(hospital, "POST", `/api/drills/${plan.body.data.id}/status`, { version: plan.body.data.version, to: "running" });
  expect(started.status).toBe(200);
  const drillId = plan.body.data.id as string;
  const live = `/api/incidents/${incident.id}/live`;
  let next = 0;
  const tag = async () => {
    const r = await sendJson(hospital, "POST", `/api/drills/${drillId}/tags`, { casualtyId: `${drillId}-c${next++}`, category: "red", zoneId: "entrance" });
    expect(r.status).toBe(201);
    return r.body as { data: { id: string }; seq: number };
  };
  const board = async (who: Client = hospital) => (await (await who.get(`/api/drills/${drillId}/board`)).json()) as Board;
  const tags = async () => (await (await hospital.get(`/api/drills/${drillId}/tags`)).json()) as TagList;
  return { hq, hospital, drillId, live, tag, board, tags };
}

/** A console that applies what it receives and acknowledges it, as the browser's StreamFeed does. */
async function console_(client: Client, path: string): Promise<Listener> {
  const l = await listen(client, path);
  const hello = await l.next((m) => m.type === "hello");
  if (hello.type === "hello") l.send({ type: "applied", seq: hello.latestSeq });
  return l;
}

const waitFor = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("delivery receipts: reached the HQ means an HQ console had it", () => {
  it("with no HQ console open, says no HQ screen is open and nothing reached the HQ, even when another unit's console acknowledges", async () => {
    const d = await runningDrill();
    const hospitalScreen = await console_(d.hospital, d.live);
    const { seq } = await d.tag();
    await hospitalScreen.next(isChange(seq));
    hospitalScreen.send({ type: "applied", seq });
    // The hospital's own receipt is recorded for the hospital, never for the HQ.
    await hospitalScreen.next((m) => m.type === "delivered" && m.unitId === "hospital" && m.upTo === seq);
    expect(await d.board()).toEqual(expect.objectContaining({ hqUnreceived: 1, hqScreens: 0 }));
    expect((await d.tags()).items[0]!.hqReceivedAt).toBeNull();
    hospitalScreen.close();
  });

  it("counts a tag as reached once one HQ viewer's console applied it, with no write and no change-log row", async () => {
    const d = await runningDrill();
    const viewer = await signIn("viewer");
    const screen = await console_(viewer, d.live);
    expect((await d.board()).hqScreens).toBe(1);
    const logged = await countRows("change_log");
    const { seq } = await d.tag();
    await screen.next(isChange(seq));
    // Received but not yet acknowledged: not claimed.
    expect((await d.board()).hqUnreceived).toBe(1);
    screen.send({ type: "applied", seq });
    await screen.next((m) => m.type === "delivered" && m.unitId === "hq" && m.upTo === seq);
    const board = await d.board();
    expect(board).toEqual(expect.objectContaining({ hqUnreceived: 0, hqScreens: 1 }));
    const [t] = (await d.tags()).items;
    expect(Date.parse(t!.hqReceivedAt!)).toBeGreaterThanOrEqual(Date.parse(t!.taggedAt));
    // The tag's own row only: the receipt wrote nothing to the log.
    expect(await countRows("change_log")).toBe(logged + 1);
    screen.close();
  });

  it("does not let a console acknowledge a change that was never committed", async () => {
    const d = await runningDrill();
    const screen = await console_(d.hq, d.live);
    screen.send({ type: "applied", seq: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    const { seq } = await d.tag();
    await screen.next(isChange(seq));
    expect((await d.board()).hqUnreceived).toBe(1);
    screen.close();
  });

  it("after a reconnect, a tag made while the HQ console was away reaches the HQ only when it came back", async () => {
    const d = await runningDrill();
    const first = await console_(d.hq, d.live);
    const a = await d.tag();
    await first.next(isChange(a.seq));
    first.send({ type: "applied", seq: a.seq });
    await first.next((m) => m.type === "delivered" && m.upTo === a.seq);
    first.close();
    await waitFor(d.board, (b) => b.hqScreens === 0);

    const b = await d.tag();
    const away = await waitFor(d.board, () => true);
    expect(away).toEqual(expect.objectContaining({ hqUnreceived: 1, hqScreens: 0 }));

    const back = Date.now();
    const again = await console_(d.hq, d.live);
    await again.next((m) => m.type === "delivered" && m.unitId === "hq" && m.upTo === b.seq);
    expect((await d.board()).hqUnreceived).toBe(0);
    const byId = new Map((await d.tags()).items.map((t) => [t.id, t]));
    expect(Date.parse(byId.get(b.data.id)!.hqReceivedAt!)).toBeGreaterThanOrEqual(back - 5);
    expect(Date.parse(byId.get(a.data.id)!.hqReceivedAt!)).toBeLessThan(back);
    again.close();
  });
});
