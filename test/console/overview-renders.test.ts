import "fake-indexeddb/auto";
import { h, options, render, type VNode } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import type { Overview, UnitGlance } from "../../src/schema/overview";
import type { AttentionEntry } from "../../src/domain/attention";
import { AttentionQueue, EntryLine } from "../../web/views/overview/attention";
import { OverviewModel } from "../../web/views/overview/model";
import { UnitCard, UnitGrid } from "../../web/views/overview/panels";
import { change, feedOf } from "./wire";

const unit = (id: string, over: Partial<UnitGlance> = {}): UnitGlance => ({
  unitId: id,
  nameJa: `部局${id}`,
  nameEn: `Unit ${id}`,
  kind: "department",
  participating: true,
  checklist: { total: 10, closed: 2, inProgress: 1, blocked: 0, overdue: 1 },
  lastReportAt: "2026-11-24T01:00:00.000Z",
  attention: 1,
  urgent: 0,
  functions: null,
  ...over,
});

function picture(seq: number, units: UnitGlance[]): Overview {
  return {
    incident: {} as Overview["incident"],
    asOf: "2026-11-24T02:00:00.000Z",
    seq,
    settings: { ackMinutes: 10, silentMinutes: 60 },
    attention: { total: 0, urgent: 0, byKind: {}, entries: [] },
    tabs: { overview: { attention: 0, urgent: 0 }, checklists: { overdue: 0 }, relocation: { unacknowledged: 0, late: 0 }, drills: { attention: 0 } },
    units,
    functions: [],
    hospital: { status: null, warnings: [] },
  };
}

// Counts each unit card's renders through Preact's own hook, called once per component render.
const renders = new Map<string, number>();
const previous = options.diffed;
options.diffed = (vnode: VNode) => {
  if (vnode.type === UnitCard) {
    const id = (vnode.props as unknown as { unitId: string }).unitId;
    renders.set(id, (renders.get(id) ?? 0) + 1);
  }
  if (vnode.type === EntryLine) {
    const key = `entry:${(vnode.props as unknown as { entryKey: string }).entryKey}`;
    renders.set(key, (renders.get(key) ?? 0) + 1);
  }
  previous?.(vnode);
};

afterEach(() => {
  renders.clear();
  render(null, document.body);
});

describe("the unit grid", () => {
  it("re-renders only the card of the unit whose figures changed", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `u${i}`);
    const model = new OverviewModel("i1", async () => picture(0, []));
    model.apply(picture(1, ids.map((id) => unit(id))));
    render(h(UnitGrid, { model }), document.body);
    expect(document.querySelectorAll(".unit-card")).toHaveLength(20);
    expect([...renders.values()].every((n) => n === 1)).toBe(true);

    // One item of u7 is done: only u7's figures differ in the next picture.
    model.apply(picture(2, ids.map((id) => (id === "u7" ? unit(id, { checklist: { total: 10, closed: 3, inProgress: 1, blocked: 0, overdue: 0 } }) : unit(id)))));
    await new Promise((r) => setTimeout(r, 0));
    expect(renders.get("u7")).toBe(2);
    for (const id of ids.filter((x) => x !== "u7")) expect(renders.get(id), id).toBe(1);
    expect(document.querySelector('[data-unit="u7"]')!.textContent).toContain("BCP 3/10");
  });
});

const overdueItem = (n: number, minutes: number): AttentionEntry => ({
  key: `overdue_item:i${n}`,
  kind: "overdue_item",
  rank: 1,
  unitId: "u1",
  since: `2026-11-24T00:${String(n).padStart(2, "0")}:00.000Z`,
  subject: `優先業務 ${n}`,
  subjectEn: `Task ${n}`,
  detail: { state: "todo", overdueMinutes: minutes, owned: true },
  link: { area: "checklists", entityType: "checklist_item", entityId: `i${n}` },
  action: null,
  version: 1,
});

describe("the attention queue", () => {
  it("re-renders only the entry of the item that changed", async () => {
    const me = { id: "user-hq", login: "hq", displayName: "本部", unitId: "hq", role: "editor" as const, expiresAt: "2027-01-01T00:00:00.000Z" };
    const withEntries = (seq: number, entries: AttentionEntry[]) => {
      const p = picture(seq, []);
      return { ...p, attention: { total: entries.length, urgent: 0, byKind: { overdue_item: entries.length }, entries } };
    };
    const model = new OverviewModel("i1", async () => picture(0, []));
    model.apply(withEntries(1, Array.from({ length: 10 }, (_, n) => overdueItem(n, 30))));
    render(h(AttentionQueue, { model, me }), document.body);
    expect(document.querySelectorAll(".attention-entry")).toHaveLength(10);

    // Item 4 was taken in hand: only its entry's figures differ in the next picture.
    model.apply(withEntries(2, Array.from({ length: 10 }, (_, n) => (n === 4 ? { ...overdueItem(n, 30), detail: { state: "in_progress", overdueMinutes: 30, owned: true } } : overdueItem(n, 30)))));
    await new Promise((r) => setTimeout(r, 0));
    expect(renders.get("entry:overdue_item:i4")).toBe(2);
    for (let n = 0; n < 10; n++) if (n !== 4) expect(renders.get(`entry:overdue_item:i${n}`), `entry ${n}`).toBe(1);
  });
});

describe("the overview store on the live model", () => {
  it("reads the picture once for a burst of changes past it, and not for changes it already reflects", async () => {
    const { feed, push, listening } = feedOf();
    let at = 5;
    let reads = 0;
    const model = new OverviewModel("i1", async () => (reads++, picture(at, [])));
    await model.attach(feed);
    expect(reads).toBe(1);
    expect(model.seq.value).toBe(5);

    // The catch-up of changes the first picture already included costs nothing.
    push(change(4));
    push(change(5));
    await new Promise((r) => setTimeout(r, 400));
    expect(reads).toBe(1);

    at = 8;
    for (const seq of [6, 7, 8]) push(change(seq));
    await new Promise((r) => setTimeout(r, 400));
    expect(reads).toBe(2);
    expect(model.seq.value).toBe(8);

    model.dispose();
    expect(listening()).toBe(0);
  });
});
