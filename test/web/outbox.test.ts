import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { createOutbox, type SendFailure, type Write } from "../../web/lib/outbox-queue";

/*
 * The outbox's queue rules against an in-memory IndexedDB. Every "tab" below is its own outbox
 * over the same database, as tabs of one browser are; the lock is one exclusive lock shared by all
 * of them, as a Web Lock is. The browser proof with real Chromium, IndexedDB and Web Locks is
 * test/e2e/offline.e2e.ts.
 */

let dbCount = 0;

/** One exclusive lock, queued in request order, like navigator.locks.request(name, fn). */
function sharedLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  };
}

/**
 * A server that keeps items by path with a version, remembers every Idempotency-Key it committed
 * (a repeat answers the first result and writes nothing), and answers 409 with the current item to
 * a stale version. `commits` is what it wrote, in order.
 */
function server() {
  const items = new Map<string, { version: number; [k: string]: unknown }>();
  const answered = new Map<string, unknown>();
  const commits: { key: string; path: string; body: unknown }[] = [];
  let reachable = true;
  let dropAnswers = 0;
  const fail = (f: SendFailure) => Promise.reject(f);
  return {
    items,
    commits,
    set reachable(v: boolean) {
      reachable = v;
    },
    /** The next n writes are committed but their answers are lost on the way back. */
    dropNextAnswers(n: number) {
      dropAnswers = n;
    },
    async send(w: Write): Promise<{ data: unknown }> {
      await new Promise((r) => setTimeout(r, 1));
      if (!reachable) return fail({ status: 0, code: "offline", message: "network unreachable" });
      if (answered.has(w.key)) return { data: answered.get(w.key) };
      const body = w.body as { version?: number; [k: string]: unknown };
      if (body.reject) return fail({ status: 422, code: "invalid_request", message: "not allowed" });
      const item = items.get(w.path) ?? { version: 1 };
      if (body.version !== undefined && body.version !== item.version) return fail({ status: 409, code: "stale_version", message: "stale", current: item });
      const { version: _v, ...fields } = body;
      const next = { ...item, ...fields, version: item.version + 1 };
      items.set(w.path, next);
      answered.set(w.key, next);
      commits.push({ key: w.key, path: w.path, body: w.body });
      if (dropAnswers > 0) {
        dropAnswers--;
        return fail({ status: 0, code: "offline", message: "answer lost" });
      }
      return { data: next };
    },
  };
}

function tabs(n: number, srv: ReturnType<typeof server>) {
  const dbName = `outbox-test-${++dbCount}`;
  const exclusive = sharedLock();
  let keys = 0;
  return Array.from({ length: n }, () =>
    createOutbox({ send: (w) => srv.send(w), exclusive, changed: () => {}, dbName, newKey: () => `resolved-${++keys}` }),
  );
}

const write = (key: string, path: string, body: Record<string, unknown>): Write => ({ key, method: "PATCH", path, body });

describe("outbox", () => {
  it("keeps writes across a reload and sends them once, in order, with their original keys", async () => {
    const srv = server();
    srv.reachable = false;
    const [before] = tabs(1, srv);
    await before!.enqueue(write("k1", "/a", { version: 1, phase: "initial" }));
    await before!.enqueue(write("k2", "/b", { version: 1, note: "x" }));
    await before!.enqueue(write("k1", "/a", { version: 1, phase: "initial" }));
    expect(await before!.drain()).toBe(0);

    // A new outbox over the same database is what a reloaded page or restarted browser has.
    const dbName = `outbox-test-${dbCount}`;
    srv.reachable = true;
    const after = createOutbox({ send: (w) => srv.send(w), exclusive: sharedLock(), changed: () => {}, dbName });
    expect((await after.list()).map((e) => e.key)).toEqual(["k1", "k2"]);
    expect(await after.drain()).toBe(2);
    expect(srv.commits.map((c) => c.key)).toEqual(["k1", "k2"]);
    expect(await after.list()).toEqual([]);
  });

  it("drains once across tabs that all try at the same moment", async () => {
    const srv = server();
    const [a, b, c] = tabs(3, srv);
    srv.reachable = false;
    for (let i = 0; i < 5; i++) await [a, b, c][i % 3]!.enqueue(write(`k${i}`, `/item/${i}`, { version: 1, n: i }));
    srv.reachable = true;
    const taken = await Promise.all([a!.drain(), b!.drain(), c!.drain(), a!.drain()]);
    expect(taken.reduce((x, y) => x + y, 0)).toBe(5);
    expect(srv.commits.map((c) => c.key)).toEqual(["k0", "k1", "k2", "k3", "k4"]);
  });

  it("sends a write whose answer was lost again with the same key, so the server has it exactly once", async () => {
    const srv = server();
    const [tab] = tabs(1, srv);
    await tab!.enqueue(write("k1", "/a", { version: 1, phase: "emergency" }));
    srv.dropNextAnswers(1);
    expect(await tab!.drain()).toBe(0);
    expect((await tab!.list()).map((e) => e.key)).toEqual(["k1"]);
    expect(await tab!.drain()).toBe(1);
    expect(srv.commits).toHaveLength(1);
    expect(srv.items.get("/a")).toMatchObject({ version: 2, phase: "emergency" });
  });

  it("lets this device's later edits of one item follow on from its earlier ones", async () => {
    const srv = server();
    const [tab] = tabs(1, srv);
    await tab!.enqueue(write("k1", "/a", { version: 1, phase: "initial" }));
    await tab!.enqueue(write("k2", "/a", { version: 1, phase: "emergency" }));
    expect(await tab!.drain()).toBe(2);
    expect(srv.items.get("/a")).toMatchObject({ version: 3, phase: "emergency" });
  });

  it("turns a stale base version into a conflict the person settles, holding back later writes to that item only", async () => {
    const srv = server();
    srv.items.set("/a", { version: 4, phase: "recovery" });
    const [tab] = tabs(1, srv);
    await tab!.enqueue(write("k1", "/a", { version: 1, phase: "initial" }));
    await tab!.enqueue(write("k2", "/a", { version: 1, note: "later" }));
    await tab!.enqueue(write("k3", "/b", { version: 1, note: "other item" }));
    expect(await tab!.drain()).toBe(1);
    const [conflict, held] = await tab!.list();
    expect(conflict).toMatchObject({ key: "k1", state: "conflict", status: 409, current: { version: 4, phase: "recovery" } });
    expect(held).toMatchObject({ key: "k2", state: "waiting" });
    expect(srv.items.get("/a")).toMatchObject({ version: 4, phase: "recovery" });
    expect(srv.commits.map((c) => c.key)).toEqual(["k3"]);
  });

  it("keep theirs drops this device's write; keep mine sends it over the current version with a new key", async () => {
    const srv = server();
    srv.items.set("/a", { version: 4, phase: "recovery" });
    srv.items.set("/b", { version: 7, phase: "recovery" });
    const [tab] = tabs(1, srv);
    await tab!.enqueue(write("k1", "/a", { version: 1, phase: "initial" }));
    await tab!.enqueue(write("k2", "/b", { version: 1, phase: "initial" }));
    await tab!.drain();
    await tab!.resolve("k1", { keep: "theirs" });
    await tab!.resolve("k2", { keep: "mine" });
    expect(await tab!.drain()).toBe(1);
    expect(srv.items.get("/a")).toMatchObject({ version: 4, phase: "recovery" });
    expect(srv.items.get("/b")).toMatchObject({ version: 8, phase: "initial" });
    expect(srv.commits).toEqual([{ key: "resolved-1", path: "/b", body: { version: 7, phase: "initial" } }]);
    expect(await tab!.list()).toEqual([]);
  });

  it("an edited resolution sends what the person wrote, based on the current version", async () => {
    const srv = server();
    srv.items.set("/a", { version: 2, note: "theirs" });
    const [tab] = tabs(1, srv);
    await tab!.enqueue(write("k1", "/a", { version: 1, note: "mine" }));
    await tab!.drain();
    await tab!.resolve("k1", { keep: "edited", body: { note: "both of ours" } });
    await tab!.drain();
    expect(srv.items.get("/a")).toMatchObject({ version: 3, note: "both of ours" });
  });

  it("keeps a refused write listed with the reason until it is dismissed, and goes on with the rest", async () => {
    const srv = server();
    const [tab] = tabs(1, srv);
    await tab!.enqueue(write("k1", "/a", { reject: true }));
    await tab!.enqueue(write("k2", "/b", { note: "fine" }));
    expect(await tab!.drain()).toBe(1);
    expect(await tab!.list()).toMatchObject([{ key: "k1", state: "refused", status: 422, message: "not allowed" }]);
    expect(await tab!.drain()).toBe(0);
    await tab!.dismiss("k1");
    expect(await tab!.list()).toEqual([]);
  });

  it("stops at the first write that gets no answer and keeps it and everything after it in order", async () => {
    const srv = server();
    const [tab] = tabs(1, srv);
    for (const k of ["k1", "k2", "k3"]) await tab!.enqueue(write(k, `/${k}`, { note: k }));
    srv.reachable = false;
    expect(await tab!.drain()).toBe(0);
    expect((await tab!.list()).map((e) => [e.key, e.state])).toEqual([
      ["k1", "waiting"],
      ["k2", "waiting"],
      ["k3", "waiting"],
    ]);
  });
});
