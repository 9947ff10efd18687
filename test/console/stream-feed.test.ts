import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Change } from "../../src/schema/changes";
import { StreamFeed } from "../../web/lib/live";
import { change, changeLog, RoomSocket, settle, until } from "./wire";

let log: Change[];
let server: ReturnType<typeof changeLog>;
let feed: StreamFeed;
let seen: number[];

const seqs = () => feed.changes.value.map((c) => c.seq);

/** A feed that has loaded the log so far and whose room has said hello. */
async function liveFeed() {
  feed = new StreamFeed("i1");
  feed.subscribe((c) => seen.push(c.seq));
  await feed.start();
  RoomSocket.last.accept();
  RoomSocket.last.say({ type: "hello", stream: "i1", latestSeq: log.at(-1)?.seq ?? 0, present: 1, screens: { hq: 1 } });
  await until(() => feed.present.value, (n) => n === 1);
}

beforeEach(() => {
  log = [change(1), change(2)];
  server = changeLog(log);
  seen = [];
  RoomSocket.opened = [];
  vi.stubGlobal("fetch", server.fetch);
  vi.stubGlobal("WebSocket", RoomSocket);
});

afterEach(() => {
  feed.socket.close();
  vi.unstubAllGlobals();
});

describe("StreamFeed", () => {
  it("starts from the change log, then listens", async () => {
    await liveFeed();
    expect(seqs()).toEqual([1, 2]);
    expect(feed.latestSeq.value).toBe(2);
    expect(RoomSocket.opened).toHaveLength(1);
  });

  it("a live change that skips ahead pulls the missing ones from /changes and applies all in order", async () => {
    await liveFeed();
    log.push(change(3), change(4));
    server.asked.length = 0;
    RoomSocket.last.say({ type: "changes", changes: [change(4)] });
    await until(seqs, (s) => s.length === 4);
    expect(seqs()).toEqual([1, 2, 3, 4]);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(server.asked).toContain("/api/incidents/i1/changes?after=2&limit=1000");
  });

  it("applies out-of-order and duplicate messages once each, in sequence order", async () => {
    await liveFeed();
    log.push(change(3), change(4), change(5));
    for (const seq of [3, 3, 5, 4, 2, 5]) RoomSocket.last.say({ type: "changes", changes: [change(seq)] });
    await until(seqs, (s) => s.length >= 5);
    await settle();
    expect(seqs()).toEqual([1, 2, 3, 4, 5]);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it("applies the next change at once, without asking the log", async () => {
    await liveFeed();
    server.asked.length = 0;
    RoomSocket.last.say({ type: "changes", changes: [change(3)] });
    await until(seqs, (s) => s.length === 3);
    expect(server.asked).toEqual([]);
  });

  it("after a reconnect, pulls what was written while it was away", async () => {
    await liveFeed();
    RoomSocket.last.close(1006);
    log.push(change(3), change(4));
    // The socket waits a jittered moment, then connects again; the room's hello names the latest.
    const second = await until(() => RoomSocket.opened.length, (n) => n === 2, 20_000);
    expect(second).toBe(2);
    RoomSocket.last.accept();
    RoomSocket.last.say({ type: "hello", stream: "i1", latestSeq: 4, present: 1, screens: {} });
    await until(seqs, (s) => s.length === 4);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it("drops a message that is not the protocol, and keeps going", async () => {
    await liveFeed();
    RoomSocket.last.say({ type: "changes", changes: [{ seq: 3, entityType: "incident" }] });
    RoomSocket.last.say({ type: "changes", changes: [change(3)] });
    await until(seqs, (s) => s.length === 3);
    expect(feed.changes.value[2]).toEqual(change(3));
  });
});
