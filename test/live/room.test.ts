import { evictDurableObject, SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { appendChange } from "../../src/db/changes";
import type { ChangePage } from "../../src/schema/changes";
import type { ServerMessage } from "../../src/schema/live";
import { ORIGIN, openIncident, signIn, type Client } from "../helpers";
import { additionAt, additionEntry, changesOf, isChange, listen } from "./helpers";

async function setPhase(client: Client, id: string, version: number, phase: string) {
  const res = await client.send("PATCH", `/api/incidents/${id}`, { version, phase });
  return ((await res.json()) as { data: { version: number }; seq: number });
}

/** A new incident, the HQ listening to its room, and the room itself to announce to directly. */
async function listeningToNewIncident() {
  const hq = await signIn("hq");
  const incident = await openIncident(hq);
  const listener = await listen(hq, `/api/incidents/${incident.id}/live`);
  await listener.next((m) => m.type === "hello");
  return { incident, listener, room: env.LIVE_ROOM.get(env.LIVE_ROOM.idFromName(incident.id)) };
}

describe("incident live room", () => {
  it("says the latest sequence number on connect, then broadcasts each change with its seq, in order", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const water = await signIn("water");
    const listener = await listen(water, `/api/incidents/${incident.id}/live`);
    const hello = await listener.next((m) => m.type === "hello");
    expect(hello).toMatchObject({ type: "hello", latestSeq: 1 });

    let version = 1;
    for (const phase of ["emergency", "recovery", "initial"]) version = (await setPhase(hq, incident.id, version, phase)).data.version;
    await listener.next(isChange(4));
    expect(listener.changeSeqs()).toEqual([2, 3, 4]);
    const last = await listener.nextChange((c) => c.seq === 4);
    expect(last).toMatchObject({ entityType: "incident", op: "update", actor: { id: "user-hq" }, after: { phase: "initial" } });
    listener.close();
  });

  it("lets a client that missed changes catch up through /changes with no gap", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const first = await listen(hq, `/api/incidents/${incident.id}/live`);
    await first.next((m) => m.type === "hello");
    let version = (await setPhase(hq, incident.id, 1, "emergency")).data.version;
    await first.next(isChange(2));
    first.close();

    // Offline while three more changes happen.
    for (const phase of ["recovery", "initial", "emergency"]) version = (await setPhase(hq, incident.id, version, phase)).data.version;

    const again = await listen(hq, `/api/incidents/${incident.id}/live`);
    const hello = await again.next((m) => m.type === "hello");
    expect(hello).toMatchObject({ latestSeq: 5 });
    const page = (await (await hq.get(`/api/incidents/${incident.id}/changes?after=2&limit=100`)).json()) as ChangePage;
    const seen = [1, 2, ...page.items.map((c) => c.seq)];
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    again.close();
  });

  it("still broadcasts after the room is evicted from memory", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const before = await listen(hq, `/api/incidents/${incident.id}/live`);
    await before.next((m) => m.type === "hello");
    await evictDurableObject(env.LIVE_ROOM.get(env.LIVE_ROOM.idFromName(incident.id)));
    const version = (await setPhase(hq, incident.id, 1, "emergency")).data.version;
    // A socket that outlived the eviction, or a fresh one, must see what follows.
    const after = await listen(hq, `/api/incidents/${incident.id}/live`);
    await after.next((m) => m.type === "hello");
    await setPhase(hq, incident.id, version, "recovery");
    const change = await after.nextChange((c) => c.seq === 3);
    expect(change).toMatchObject({ after: { phase: "recovery" } });
    after.close();
  });

  it("sends changes in order even when they reach the room out of order", async () => {
    const { incident, listener, room } = await listeningToNewIncident();
    const change = (seq: number) => additionAt(incident.id, seq, `m-${seq}`);
    // seq 1 (the incident's creation) went out already; 3 overtakes 2 on the way to the room.
    await room.announce([change(3)]);
    await room.announce([change(2)]);
    await room.announce([change(4)]);
    await listener.next(isChange(4));
    expect(listener.changeSeqs()).toEqual([2, 3, 4]);
    listener.close();
  });

  it("sends changes that come due together as one frame, in seq order", async () => {
    const { incident, listener, room } = await listeningToNewIncident();
    const change = (seq: number) => additionAt(incident.id, seq, `m-${seq}`);
    // 3 waits for 2; when 2 comes with 4, all three are due at once.
    await room.announce([change(3)]);
    await room.announce([change(2), change(4)]);
    await listener.next(isChange(4));
    const frames = listener.messages.filter((m) => m.type === "changes");
    expect(frames.map(changesOf).map((cs) => cs.map((c) => c.seq))).toEqual([[2, 3, 4]]);
    listener.close();
  });

  it("fills a change whose announcement never came (its worker died after commit) from the log", async () => {
    const { incident, listener, room } = await listeningToNewIncident();
    const entry = (n: number) => additionEntry(incident.id, n, `lost-${n}`);
    // seq 1 (the incident's creation) went out already; 2 and 3 are committed, but only 3 is announced.
    await env.DB.batch([appendChange(env.DB, entry(2)), appendChange(env.DB, entry(3))]);
    await room.announce([{ ...entry(3), seq: 3 }]);
    await listener.next(isChange(3), 3000);
    expect(listener.changeSeqs()).toEqual([2, 3]);
    expect(await listener.nextChange((c) => c.seq === 2)).toMatchObject({ entityId: "addition-2", mutationId: "lost-2" });
    listener.close();
  });

  it("tells every console how many screens each unit has open as consoles join and leave, also after waking", async () => {
    const hq = await signIn("hq");
    const water = await signIn("water");
    const incident = await openIncident(hq);
    const path = `/api/incidents/${incident.id}/live`;
    const first = await listen(hq, path);
    expect(await first.next((m) => m.type === "hello")).toMatchObject({ present: 1, screens: { hq: 1 } });
    const [leaving, leavingAfterWake] = await Promise.all([listen(water, path), listen(water, path)]);
    const stays = await listen(hq, path);
    expect(await stays.next((m) => m.type === "hello")).toMatchObject({ present: 4, screens: { hq: 2, water: 2 } });
    // Each figure is waited for as a whole: frames in between may show a join not yet counted.
    const shows = (present: number, screens: Record<string, number>) => (m: ServerMessage) =>
      m.type === "presence" &&
      m.present === present &&
      Object.keys(m.screens).length === Object.keys(screens).length &&
      Object.entries(screens).every(([unit, n]) => m.screens[unit] === n);
    await first.next(shows(4, { hq: 2, water: 2 }));

    leaving.close();
    await first.next(shows(3, { hq: 2, water: 1 }));
    await evictDurableObject(env.LIVE_ROOM.get(env.LIVE_ROOM.idFromName(incident.id)));
    leavingAfterWake.close();
    await first.next(shows(2, { hq: 2 }));
    first.close();
    stays.close();
  });

  it("refuses a live connection without a session, or from another origin", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const anonymous = await SELF.fetch(`${ORIGIN}/api/incidents/${incident.id}/live`, { headers: { Origin: ORIGIN, Upgrade: "websocket" } });
    expect(anonymous.status).toBe(401);
    const crossSite = await SELF.fetch(`${ORIGIN}/api/incidents/${incident.id}/live`, {
      headers: { Cookie: hq.cookie, Origin: "https://evil.example", Upgrade: "websocket" },
    });
    expect(crossSite.status).toBe(403);
  });
});

describe("live incident list", () => {
  it("tells every open console about a new or closed incident", async () => {
    const viewer = await signIn("viewer");
    const listener = await listen(viewer, "/api/live");
    await listener.next((m) => m.type === "hello");
    const hq = await signIn("hq");
    const incident = await openIncident(hq, { title: "大雨洪水対応" });
    const opened = await listener.next((m) => m.type === "incident" && m.incident.id === incident.id);
    expect(opened).toMatchObject({ incident: { title: "大雨洪水対応", status: "open" } });
    await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, status: "closed" });
    const closed = await listener.next((m) => m.type === "incident" && m.incident.status === "closed");
    expect(closed).toMatchObject({ incident: { id: incident.id, version: 2 } });
    listener.close();
  });
});
