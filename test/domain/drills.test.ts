import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countBoard, DEFAULT_ZONES, mayManageDrill, mayMoveTo, newDrill, planProblems, tagRefusal, transition } from "../../src/domain/drills";
import { DrillStatus, type Drill } from "../../src/schema/drills";

const NOW = "2026-11-24T01:00:00.000Z";
const planned = (over: Partial<Drill> = {}): Drill => ({
  ...newDrill(
    { kind: "triage", title: "訓練", scheduledAt: NOW, place: "病院", objectives: [], participants: [], scenarioId: "s1", incidentId: null },
    { id: "d1", now: NOW, userId: "u", unitId: "hospital", scenario: { title: "津波", casualtyCount: 30 } },
  ),
  ...over,
});

describe("drill state machine", () => {
  it("runs planned → running → ended → reviewed, stamping each time", () => {
    const r = transition(planned(), "running", "2026-11-24T01:05:00.000Z");
    expect(r.ok && r.value.startedAt).toBe("2026-11-24T01:05:00.000Z");
    const e = r.ok ? transition(r.value, "ended", "2026-11-24T01:30:00.000Z") : r;
    expect(e.ok && [e.value.status, e.value.endedAt, e.value.version]).toEqual(["ended", "2026-11-24T01:30:00.000Z", 3]);
    const v = e.ok ? transition(e.value, "reviewed", NOW) : e;
    expect(v.ok && v.value.status).toBe("reviewed");
  });

  it("refuses skipping a step and moving out of an end state", () => {
    expect(transition(planned(), "ended", NOW)).toMatchObject({ ok: false, refusal: { status: 409, code: "wrong_state" } });
    expect(transition(planned({ status: "reviewed" }), "running", NOW)).toMatchObject({ ok: false, refusal: { status: 409, code: "wrong_state" } });
    expect(transition(planned({ status: "cancelled" }), "running", NOW)).toMatchObject({ ok: false, refusal: { status: 409, code: "wrong_state" } });
    expect(transition(planned({ status: "ended" }), "cancelled", NOW, "x")).toMatchObject({ ok: false, refusal: { status: 409, code: "wrong_state" } });
  });

  it("needs a reason to cancel", () => {
    expect(transition(planned(), "cancelled", NOW)).toMatchObject({ ok: false, refusal: { status: 400, fields: [{ path: "reason" }] } });
    const r = transition(planned(), "cancelled", NOW, "台風接近のため");
    expect(r.ok && [r.value.cancelReason, r.value.cancelledAt]).toEqual(["台風接近のため", NOW]);
  });

  it("never leaves reviewed or cancelled and never returns to planned, whatever the path", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DrillStatus.options), { maxLength: 12 }), (path) => {
        let d = planned();
        for (const to of path) {
          const r = transition(d, to, NOW, "理由");
          if (r.ok) {
            expect(["reviewed", "cancelled"]).not.toContain(d.status);
            expect(r.value.status).not.toBe("planned");
            expect(r.value.version).toBe(d.version + 1);
            d = r.value;
          }
        }
      }),
    );
    expect(mayMoveTo("running", "planned")).toBe(false);
  });
});

describe("who may do what", () => {
  it("lets the hospital's editors and admins manage", () => {
    const d = planned();
    expect(mayManageDrill({ role: "editor", unitId: "hospital" }, d)).toBe(true);
    expect(mayManageDrill({ role: "editor", unitId: "water" }, d)).toBe(false);
    expect(mayManageDrill({ role: "viewer", unitId: "hospital" }, d)).toBe(false);
    expect(mayManageDrill({ role: "admin", unitId: "hq" }, d)).toBe(true);
  });
});

describe("plan rules", () => {
  it("needs a scenario for triage and none for fire", () => {
    expect(planProblems({ kind: "triage", scenarioId: null })).toEqual([{ path: "scenarioId", message: expect.any(String) }]);
    expect(planProblems({ kind: "fire", scenarioId: "s1" })[0]!.path).toBe("scenarioId");
    expect(planProblems({ kind: "fire", scenarioId: null })).toEqual([]);
  });
  it("names a duplicate participant and a participant in an unknown zone", () => {
    const people = [
      { id: "p1", name: "a", role: "triage_officer" as const, zoneId: "er" },
      { id: "p1", name: "b", role: "observer" as const, zoneId: "roof" },
    ];
    expect(planProblems({ kind: "triage", scenarioId: "s", zones: DEFAULT_ZONES, participants: people }).map((p) => p.path)).toEqual([
      "participants.1.id",
      "participants.1.zoneId",
    ]);
  });
});

describe("tags", () => {
  const running = planned({ status: "running", participants: [{ id: "p1", name: "a", role: "triage_officer", zoneId: null }] });
  it("are taken only while running, in a known zone, by a known officer", () => {
    expect(tagRefusal(planned(), { zoneId: "er", officerId: null })!.message).toContain("planned");
    expect(tagRefusal(running, { zoneId: "roof", officerId: null })!.fields[0]!.path).toBe("zoneId");
    expect(tagRefusal(running, { zoneId: "er", officerId: "p9" })!.fields[0]!.path).toBe("officerId");
    expect(tagRefusal(running, { zoneId: "er", officerId: "p1" })).toBeNull();
    expect(tagRefusal({ ...running, kind: "fire" }, { zoneId: "er", officerId: null })).not.toBeNull();
  });
});

describe("live board", () => {
  it("counts by colour per zone and overall, and the untagged", () => {
    const b = countBoard(planned({ status: "running" }), [
      { category: "red", zoneId: "er" },
      { category: "red", zoneId: "entrance" },
      { category: "green", zoneId: "entrance" },
      { category: null, zoneId: null },
    ]);
    expect(b.total).toBe(4);
    expect(b.untagged).toBe(1);
    expect(b.overall).toEqual({ red: 2, yellow: 0, green: 1, black: 0 });
    expect(b.zones.find((z) => z.zoneId === "entrance")!.counts).toEqual({ red: 1, yellow: 0, green: 1, black: 0 });
    expect(b.zones.find((z) => z.zoneId === "parking")!.counts).toEqual({ red: 0, yellow: 0, green: 0, black: 0 });
  });

  it("always sums the zones to the overall counts", () => {
    const cat = fc.constantFrom("red", "yellow", "green", "black", null);
    fc.assert(
      fc.property(fc.array(fc.record({ category: cat, zoneId: fc.constantFrom("er", "entrance", "parking") })), (cs) => {
        const b = countBoard(planned(), cs);
        const sum = b.zones.reduce((n, z) => n + z.counts.red + z.counts.yellow + z.counts.green + z.counts.black, 0);
        expect(sum + b.untagged).toBe(b.total);
        expect(b.overall.red + b.overall.yellow + b.overall.green + b.overall.black).toBe(sum);
      }),
    );
  });
});
