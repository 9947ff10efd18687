import { h, options, render, type VNode } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import type { Overview, UnitGlance } from "../../src/schema/overview";
import { OverviewModel } from "../../web/views/overview/model";
import { UnitCard, UnitGrid } from "../../web/views/overview/panels";

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
