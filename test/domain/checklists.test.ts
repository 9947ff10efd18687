import fc from "fast-check";
import { refusalOf, valueOf } from "./refusal-of";
import { describe, expect, it } from "vitest";
import {
  applyItemPatch,
  onsetRefusal,
  attentionOrder,
  deadlineAt,
  isOverdue,
  matchesFilter,
  progressByUnit,
  TRANSITIONS,
} from "../../src/domain/checklists";
import { formatJst } from "../../src/domain/checklists-output";
import type { ChecklistItem, ItemState } from "../../src/schema/checklists";

const STATES: ItemState[] = ["todo", "in_progress", "done", "blocked", "not_applicable"];

const item = (over: Partial<ChecklistItem> = {}): ChecklistItem => ({
  id: "i1",
  incidentId: "inc",
  unitId: "water",
  templateId: "water-bcp",
  itemKey: "k",
  sectionKey: "pipes",
  sectionTitleJa: "管路",
  sectionTitleEn: "Pipes",
  position: 0,
  textJa: "漏水通報を受け付けた",
  textEn: "Took leak reports",
  targetMinutes: 180,
  deadlineAt: "2026-11-24T03:00:00.000Z",
  state: "todo",
  reason: null,
  ownerId: null,
  ownerName: null,
  note: null,
  stateChangedAt: "2026-11-24T00:00:00.000Z",
  updatedAt: "2026-11-24T00:00:00.000Z",
  updatedBy: null,
  version: 1,
  ...over,
});

const ctx = { now: "2026-11-24T01:00:00.000Z", userId: "user-water" };


describe("deadline", () => {
  it("is the onset plus the target, whatever offset the onset was written in", () => {
    expect(deadlineAt("2026-11-24T09:00:00+09:00", 180)).toBe("2026-11-24T03:00:00.000Z");
    expect(deadlineAt("2026-11-24T00:00:00.000Z", 180)).toBe("2026-11-24T03:00:00.000Z");
  });

  it("crosses midnight in Japan time: 23:30 JST + 1 h is 00:30 JST the next day", () => {
    const d = deadlineAt("2026-11-24T23:30:00+09:00", 60)!;
    expect(d).toBe("2026-11-24T15:30:00.000Z");
    expect(formatJst(d)).toBe("2026-11-25 00:30");
  });

  it("puts the day-3 water target 72 h after the onset, and 1 month at 30 days", () => {
    expect(deadlineAt("2026-11-24T09:00:00+09:00", 4320)).toBe("2026-11-27T00:00:00.000Z");
    expect(deadlineAt("2026-11-24T09:00:00+09:00", 43200)).toBe("2026-12-24T00:00:00.000Z");
  });

  it("is absent for an item without a target", () => {
    expect(deadlineAt("2026-11-24T09:00:00+09:00", null)).toBeNull();
  });

  it("always lies exactly target minutes after the onset (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 1, max: 525_600 }), (onset, minutes) => {
        const on = new Date(onset).toISOString();
        expect(Date.parse(deadlineAt(on, minutes)!) - onset).toBe(minutes * 60_000);
      }),
    );
  });

  it("refuses an onset in the future, naming the incident's onset", () => {
    const e = refusalOf(onsetRefusal("2026-11-25T09:00:00+09:00", "2026-11-24T00:00:00.000Z"));
    expect(e.status).toBe(422);
    expect(e.code).toBe("onset_in_future");
    expect(e.fields[0]!.path).toBe("incident.onsetAt");
  });

  it("accepts an onset that has passed, and one a few seconds ahead of the server clock", () => {
    expect(onsetRefusal("2026-11-24T08:00:00+09:00", "2026-11-24T00:00:00.000Z")).toBeNull();
    expect(onsetRefusal("2026-11-24T00:00:30.000Z", "2026-11-24T00:00:00.000Z")).toBeNull();
  });
});

describe("overdue", () => {
  it("starts strictly after the deadline", () => {
    const i = item({ deadlineAt: "2026-11-24T03:00:00.000Z" });
    expect(isOverdue(i, "2026-11-24T03:00:00.000Z")).toBe(false);
    expect(isOverdue(i, "2026-11-24T03:00:00.001Z")).toBe(true);
  });

  it("compares instants, so a JST-written clock and a UTC deadline agree", () => {
    const i = item({ deadlineAt: deadlineAt("2026-11-24T09:00:00+09:00", 180) });
    expect(isOverdue(i, Date.parse("2026-11-24T11:59:00+09:00"))).toBe(false);
    expect(isOverdue(i, Date.parse("2026-11-24T12:01:00+09:00"))).toBe(true);
  });

  it("never applies to done or not-applicable items, nor to items without a deadline (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATES), fc.integer({ min: -1e9, max: 1e9 }), (state, offset) => {
        const deadline = Date.parse("2026-11-24T03:00:00.000Z");
        const now = deadline + offset;
        const overdue = isOverdue(item({ state }), now);
        expect(overdue).toBe(offset > 0 && state !== "done" && state !== "not_applicable");
        expect(isOverdue(item({ state, deadlineAt: null }), now)).toBe(false);
      }),
    );
  });
});

describe("state changes", () => {
  it("moves todo to in progress, records the time of the change and bumps the version", () => {
    const next = valueOf(applyItemPatch(item(), { version: 1, state: "in_progress" }, ctx));
    expect(next).toMatchObject({ state: "in_progress", stateChangedAt: ctx.now, updatedBy: "user-water", version: 2 });
  });

  it("keeps the state time when only the note changes", () => {
    const next = valueOf(applyItemPatch(item(), { version: 1, note: "給水車2台出動" }, ctx));
    expect(next.stateChangedAt).toBe("2026-11-24T00:00:00.000Z");
    expect(next.note).toBe("給水車2台出動");
  });

  it("requires a reason for blocked and for not applicable", () => {
    for (const state of ["blocked", "not_applicable"] as const) {
      const e = refusalOf(applyItemPatch(item(), { version: 1, state }, ctx));
      expect(e.status).toBe(400);
      expect(e.fields).toEqual([{ path: "reason", message: expect.stringContaining(state) }]);
      const blank = refusalOf(applyItemPatch(item(), { version: 1, state, reason: "" }, ctx));
      expect(blank.fields[0]!.path).toBe("reason");
    }
  });

  it("keeps a blocked item's reason while it stays blocked and clears it when it moves on", () => {
    const blocked = valueOf(applyItemPatch(item(), { version: 1, state: "blocked", reason: "道路寸断で現地に行けない" }, ctx));
    expect(blocked.reason).toBe("道路寸断で現地に行けない");
    const noted = valueOf(applyItemPatch(blocked, { version: 2, note: "迂回路を検討中" }, ctx));
    expect(noted.reason).toBe("道路寸断で現地に行けない");
    const done = valueOf(applyItemPatch(noted, { version: 3, state: "done" }, ctx));
    expect(done.reason).toBeNull();
  });

  it("refuses a reason on an item that is not blocked or not applicable", () => {
    const e = refusalOf(applyItemPatch(item(), { version: 1, state: "done", reason: "済" }, ctx));
    expect(e.fields[0]!.path).toBe("reason");
  });

  it("allows exactly the transitions in the table (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATES), fc.constantFrom(...STATES), (from, to) => {
        fc.pre(from !== to);
        const current = item({ state: from, reason: from === "blocked" || from === "not_applicable" ? "理由" : null });
        const attempt = () => applyItemPatch(current, { version: 1, state: to, reason: to === "blocked" || to === "not_applicable" ? "理由" : undefined }, ctx);
        if (TRANSITIONS[from].includes(to)) expect(valueOf(attempt()).state).toBe(to);
        else expect(refusalOf(attempt()).code).toBe("invalid_transition");
      }),
    );
  });

  it("reopens a done item only through todo or in progress", () => {
    const done = item({ state: "done" });
    expect(refusalOf(applyItemPatch(done, { version: 1, state: "blocked", reason: "x" }, ctx)).status).toBe(422);
    expect(valueOf(applyItemPatch(done, { version: 1, state: "in_progress" }, ctx)).state).toBe("in_progress");
  });

  it("names the new owner and clears the name when the owner is removed", () => {
    const owned = valueOf(applyItemPatch(item(), { version: 1, ownerId: "user-water" }, { ...ctx, ownerName: "水道 太郎" }));
    expect(owned).toMatchObject({ ownerId: "user-water", ownerName: "水道 太郎" });
    expect(valueOf(applyItemPatch(owned, { version: 2, ownerId: null }, ctx))).toMatchObject({ ownerId: null, ownerName: null });
  });
});

describe("progress and order", () => {
  const now = "2026-11-24T05:00:00.000Z";
  const items = [
    item({ id: "a", unitId: "hq", sectionKey: "succession", state: "done", position: 1 }),
    item({ id: "b", unitId: "hq", sectionKey: "succession", state: "todo", position: 2 }),
    item({ id: "c", unitId: "hq", sectionKey: "communications", state: "not_applicable", reason: "無線なし", position: 3 }),
    item({ id: "d", unitId: "water", sectionKey: "pipes", state: "blocked", reason: "道路寸断", deadlineAt: "2026-11-25T00:00:00.000Z", position: 1 }),
    item({ id: "e", unitId: "water", sectionKey: "pipes", state: "in_progress", deadlineAt: "2026-11-24T04:00:00.000Z", position: 2 }),
  ];

  it("counts done over the items that apply, per unit and per element, with overdue", () => {
    const [hq, water] = progressByUnit(items, now);
    expect(hq).toMatchObject({ unitId: "hq", total: 2, done: 1, notApplicable: 1, overdue: 1 });
    expect(hq!.sections.map((s) => [s.key, s.done, s.total])).toEqual([
      ["succession", 1, 2],
      ["communications", 0, 0],
    ]);
    expect(water).toMatchObject({ unitId: "water", total: 2, blocked: 1, inProgress: 1, overdue: 1 });
  });

  it("puts the longest-overdue item first, then blocked, then the rest, done last", () => {
    const sorted = [...items].sort(attentionOrder(now)).map((i) => i.id);
    expect(sorted).toEqual(["b", "e", "d", "a", "c"]);
  });

  it("filters overdue, blocked and mine", () => {
    const mine = item({ id: "m", ownerId: "user-hq" });
    expect(matchesFilter(items[1]!, "overdue", { id: "x" }, now)).toBe(true);
    expect(matchesFilter(items[0]!, "overdue", { id: "x" }, now)).toBe(false);
    expect(matchesFilter(items[3]!, "blocked", { id: "x" }, now)).toBe(true);
    expect(matchesFilter(mine, "mine", { id: "user-hq" }, now)).toBe(true);
    expect(matchesFilter(mine, "mine", { id: "user-water" }, now)).toBe(false);
  });

  it("keeps every item's count in exactly one bucket (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ state: fc.constantFrom(...STATES), unit: fc.constantFrom("hq", "water") }), { maxLength: 40 }), (rows) => {
        const list = rows.map((r, n) => item({ id: String(n), unitId: r.unit, state: r.state, reason: "r" }));
        const units = progressByUnit(list, now);
        const all = units.reduce((s, u) => s + u.total + u.notApplicable, 0);
        expect(all).toBe(list.length);
        for (const u of units) expect(u.sections.reduce((s, x) => s + x.total, 0)).toBe(u.total);
      }),
    );
  });
});
