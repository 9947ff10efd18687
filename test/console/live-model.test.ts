import { describe, expect, it } from "vitest";
import { createLiveModel, LiveCollection } from "../../web/lib/live-model";
import { change, feedOf, settle } from "./wire";

// The rows stand in for liaison messages: the model needs only an id, a version and the line it shows.
type Row = { id: string; version: number; label: string };

const row = (id: string, version: number, label = `${id}@${version}`): Row => ({ id, version, label });

function model(snapshot: () => Promise<{ rows: Row[]; seq: number }>) {
  const rows = new LiveCollection<Row>((r) => r.id);
  let reads = 0;
  const live = createLiveModel({
    load: async () => {
      reads++;
      const s = await snapshot();
      rows.replaceAll(s.rows);
      return { seq: s.seq };
    },
    changes: { liaison_message: { into: rows }, checklist_activation: "reload" },
  });
  return { rows, live, reads: () => reads };
}

describe("live model", () => {
  it("loads the snapshot, then upserts and removes rows by id from the changes it declares", async () => {
    const { feed, push } = feedOf();
    const m = model(async () => ({ rows: [row("a", 1), row("b", 1)], seq: 5 }));
    m.live.attach(feed);
    await m.live.reload();
    expect(m.rows.all.value.map((r) => r.label)).toEqual(["a@1", "b@1"]);
    push(change(6, "liaison_message", "a", row("a", 2)));
    push(change(7, "liaison_message", "c", row("c", 1)));
    push({ ...change(8, "liaison_message", "b", null), op: "delete" } as ReturnType<typeof change>);
    push(change(9, "drill", "a", row("a", 9)));
    expect(m.rows.all.value.map((r) => r.label)).toEqual(["a@2", "c@1"]);
    expect(m.live.seq.value).toBe(8);
  });

  it("never lets an older copy replace a newer one", async () => {
    const { feed, push } = feedOf();
    const m = model(async () => ({ rows: [row("a", 3)], seq: 1 }));
    m.live.attach(feed);
    await m.live.reload();
    push(change(2, "liaison_message", "a", row("a", 2)));
    expect(m.rows.get("a")?.version).toBe(3);
  });

  it("skips a change the snapshot already reflects, even one that arrives after it", async () => {
    const { feed, push } = feedOf();
    const m = model(async () => ({ rows: [row("a", 1)], seq: 5 }));
    m.live.attach(feed);
    await m.live.reload();
    push(change(5, "liaison_message", "b", row("b", 1)));
    push(change(6, "liaison_message", "c", row("c", 1)));
    expect(m.rows.all.value.map((r) => r.id)).toEqual(["a", "c"]);
  });

  it("keeps changes that arrive while the snapshot loads and applies only those it does not reflect", async () => {
    const { feed, push } = feedOf();
    let answer!: (s: { rows: Row[]; seq: number }) => void;
    const m = model(() => new Promise((r) => (answer = r)));
    m.live.attach(feed);
    push(change(10, "liaison_message", "a", row("a", 2)));
    push(change(11, "liaison_message", "b", row("b", 1)));
    answer({ rows: [row("a", 2, "from snapshot")], seq: 10 });
    await settle();
    expect(m.rows.all.value.map((r) => r.label)).toEqual(["from snapshot", "b@1"]);
  });

  it("reads the snapshot again for a change declared as reload, and stops listening when detached", async () => {
    const { feed, push, listening } = feedOf();
    const m = model(async () => ({ rows: [], seq: 0 }));
    m.live.attach(feed);
    await m.live.reload();
    const before = m.reads();
    push(change(1, "checklist_activation", "x", {}));
    await m.live.reload();
    expect(m.reads()).toBeGreaterThan(before);
    m.live.detach();
    expect(listening()).toBe(0);
  });

  it("one row's change notifies that row's signal only", async () => {
    const { feed, push } = feedOf();
    const m = model(async () => ({ rows: [row("a", 1), row("b", 1)], seq: 0 }));
    m.live.attach(feed);
    await m.live.reload();
    const b = m.rows.byId.value.get("b")!;
    const list = m.rows.byId.value;
    push(change(1, "liaison_message", "a", row("a", 2)));
    expect(m.rows.byId.value).toBe(list);
    expect(b.value.version).toBe(1);
    expect(m.rows.get("a")?.version).toBe(2);
  });

  it("a collection that holds one owner's rows lets its neighbours' changes pass by, and attach settles once the snapshot is read", async () => {
    const { feed, push } = feedOf();
    // The owner stands in for the incident (or drill) a row belongs to.
    type Owned = Row & { incidentId: string };
    const mine = new LiveCollection<Owned>((r) => r.id, undefined, (r) => r.incidentId === "d1");
    let reads = 0;
    const live = createLiveModel({
      load: async () => {
        reads++;
        mine.replaceAll([{ ...row("a", 1), incidentId: "d1" }, { ...row("x", 1), incidentId: "d2" }]);
      },
      changes: { liaison_message: { into: mine } },
    });
    await live.attach(feed);
    expect(reads).toBe(1);
    expect(live.loaded.value).toBe(true);
    push(change(1, "liaison_message", "b", { ...row("b", 1), incidentId: "d2" }));
    push(change(2, "liaison_message", "a", { ...row("a", 2), incidentId: "d1" }));
    expect(mine.all.value.map((r) => r.label)).toEqual(["a@2"]);
  });
});
