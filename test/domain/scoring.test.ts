import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median, outcomeOf, percentile, scoreDrill, scoreMilestones, type ScoringInput } from "../../src/domain/scoring";

const T0 = Date.parse("2026-11-24T01:00:00.000Z");
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const card = (id: string, expected: ScoringInput["casualties"][number]["expected"], override: string | null = null) => ({
  id,
  tagNumber: id.toUpperCase(),
  startCategory: override ? ("yellow" as const) : expected,
  expected,
  overrideReason: override,
});
const tag = (casualtyId: string, category: ScoringInput["tags"][number]["category"], s: number, officer: "A" | "B", hq: number | null = null) => ({
  casualtyId,
  category,
  officerId: `officer-${officer}`,
  officerName: `救護班${officer}`,
  taggedBy: "user-hospital",
  taggedAt: at(s),
  hqReceivedAt: hq === null ? null : at(hq),
});

// Hand-computed: six cards, two officers, one card left untagged, one re-triaged.
const drill: ScoringInput = {
  drill: { id: "d1", title: "第1回", startedAt: at(0), endedAt: at(600), milestoneTargets: [] },
  casualties: [card("c1", "red"), card("c2", "red"), card("c3", "yellow"), card("c4", "green"), card("c5", "black"), card("c6", "black", "頭部離断のため")],
  tags: [
    tag("c1", "red", 200, "B"),
    tag("c1", "yellow", 60, "A", 65),
    tag("c2", "green", 30, "A", 40),
    tag("c3", "red", 90, "A", 92),
    tag("c4", "green", 120, "B"),
    tag("c6", "black", 150, "B"),
  ],
  milestones: [],
  previous: [{ drillId: "d0", title: "第0回", endedAt: "2026-05-01T01:00:00.000Z", accuracy: 0.4, underTriageRate: 0.3, timeToAllMs: 900_000 }],
};

describe("scoring a hand-computed drill", () => {
  const s = scoreDrill(drill);

  it("gives accuracy over the tagged cards and coverage over every card, so an untagged card is not counted wrong", () => {
    expect([s.total, s.tagged, s.untagged, s.correct, s.over, s.under]).toEqual([6, 5, 1, 3, 1, 1]);
    expect(s.accuracy).toBe(3 / 5);
    expect(s.coverage).toBe(5 / 6);
    expect(s.overTriageRate).toBeCloseTo(1 / 5);
    expect(s.underTriageRate).toBeCloseTo(1 / 5);
    expect(s.overridden).toBe(1);
  });

  it("scores the last tag after re-triage but times the first", () => {
    const c1 = s.casualties.find((c) => c.casualtyId === "c1")!;
    expect(c1).toMatchObject({ firstCategory: "yellow", assigned: "red", outcome: "correct", timeToFirstTagMs: 60_000, tagCount: 2, officerId: "officer-B" });
    expect(s.casualties.find((c) => c.casualtyId === "c2")!.outcome).toBe("under");
    expect(s.casualties.find((c) => c.casualtyId === "c5")).toMatchObject({ outcome: "untagged", timeToFirstTagMs: null, assigned: null });
    expect(s.casualties.find((c) => c.casualtyId === "c6")!.overrideReason).toBe("頭部離断のため");
  });

  it("has no time-to-all while a card is untagged, and the median first-tag time", () => {
    expect(s.timeToAllMs).toBeNull();
    expect(s.medianTimeToTagMs).toBe(90_000);
  });

  it("fills the 4x4 confusion matrix with the untagged beside it", () => {
    const m = Object.fromEntries(s.matrix.map((r) => [r.expected, { ...r.assigned, untagged: r.untagged }]));
    expect(m).toEqual({
      red: { red: 1, yellow: 0, green: 1, black: 0, untagged: 0 },
      yellow: { red: 1, yellow: 0, green: 0, black: 0, untagged: 0 },
      green: { red: 0, yellow: 0, green: 1, black: 0, untagged: 0 },
      black: { red: 0, yellow: 0, green: 0, black: 1, untagged: 1 },
    });
  });

  it("gives each triage officer their own figures", () => {
    const a = s.officers.find((o) => o.officerKey === "officer-A")!;
    const b = s.officers.find((o) => o.officerKey === "officer-B")!;
    expect(a).toMatchObject({ tags: 3, assessed: 2, correct: 0, over: 1, under: 1, accuracy: 0, medianIntervalMs: 30_000 });
    expect(b).toMatchObject({ tags: 3, assessed: 3, correct: 3, over: 0, under: 0, accuracy: 1, medianIntervalMs: 40_000 });
  });

  it("measures tag to HQ time from the receipts", () => {
    expect(s.hq).toEqual({ tags: 6, received: 3, medianMs: 5_000, p90Ms: 10_000, maxMs: 10_000 });
  });

  it("puts this drill after the previous ones in the trend", () => {
    expect(s.trend.map((p) => [p.drillId, p.current, p.accuracy])).toEqual([
      ["d0", false, 0.4],
      ["d1", true, 0.6],
    ]);
  });
});

describe("a drill where every card was tagged", () => {
  it("takes time-to-all from the last first tag", () => {
    const s = scoreDrill({
      ...drill,
      casualties: [card("a", "green"), card("b", "yellow")],
      tags: [tag("a", "green", 40, "A"), tag("b", "yellow", 75, "A"), tag("a", "yellow", 300, "B")],
      previous: [],
    });
    expect(s.timeToAllMs).toBe(75_000);
    expect([s.correct, s.over]).toEqual([1, 1]);
    expect(s.trend).toHaveLength(1);
  });

  it("answers null shares for a drill with no cards", () => {
    const s = scoreDrill({ ...drill, casualties: [], tags: [], previous: [] });
    expect([s.accuracy, s.underTriageRate, s.timeToAllMs, s.hq.medianMs]).toEqual([null, null, null, null]);
  });
});

describe("outcomes by urgency", () => {
  it.each([
    ["red", "yellow", "under"],
    ["red", "black", "under"],
    ["yellow", "green", "under"],
    ["black", "red", "over"],
    ["green", "yellow", "over"],
    ["yellow", "yellow", "correct"],
    ["green", null, "untagged"],
  ] as const)("expected %s tagged %s is %s", (expected, assigned, outcome) => {
    expect(outcomeOf(expected, assigned)).toBe(outcome);
  });
});

describe("statistics", () => {
  it("medians odd and even lists, nearest-rank percentiles", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5], 99)).toBe(5);
  });
});

describe("fire drill milestones", () => {
  it("marks each milestone met or missed against its target, and unreached as null", () => {
    const r = scoreMilestones(
      at(0),
      [
        { key: "alarm_raised", targetSeconds: 60 },
        { key: "first_response", targetSeconds: 180 },
        { key: "fire_doors_closed", targetSeconds: 300 },
      ],
      [
        { key: "alarm_raised", reachedAt: at(45) },
        { key: "first_response", reachedAt: at(240) },
      ],
    );
    expect(r).toEqual([
      { key: "alarm_raised", targetSeconds: 60, elapsedSeconds: 45, met: true },
      { key: "first_response", targetSeconds: 180, elapsedSeconds: 240, met: false },
      { key: "fire_doors_closed", targetSeconds: 300, elapsedSeconds: null, met: null },
    ]);
  });
});

describe("a 500-casualty drill", () => {
  it("scores every card, re-triage included", () => {
    const cats = ["red", "yellow", "green", "black"] as const;
    const casualties = Array.from({ length: 500 }, (_, i) => card(`c${i}`, cats[i % 4]!));
    const tags = casualties.flatMap((c, i) => [tag(c.id, cats[(i * 7) % 4]!, i, i % 2 ? "A" : "B", i + 2), tag(c.id, cats[i % 4]!, 600 + i, "B")]);
    const s = scoreDrill({ ...drill, casualties, tags, previous: [] });
    expect([s.correct, s.tagged, s.hq.received]).toEqual([500, 500, 500]);
    expect(s.timeToAllMs).toBe(499_000);
  });
});

describe("scoring any drill", () => {
  const cat = fc.constantFrom("red", "yellow", "green", "black") as fc.Arbitrary<"red" | "yellow" | "green" | "black">;
  const drillArb = fc.array(fc.record({ expected: cat, tags: fc.array(fc.record({ category: cat, s: fc.integer({ min: 0, max: 900 }) }), { maxLength: 3 }) }), { maxLength: 40 });

  it("accounts for every card exactly once, in the shares and in the matrix", () => {
    fc.assert(
      fc.property(drillArb, (cards) => {
        const s = scoreDrill({
          ...drill,
          previous: [],
          casualties: cards.map((c, i) => card(`c${i}`, c.expected)),
          tags: cards.flatMap((c, i) => c.tags.map((t) => tag(`c${i}`, t.category, t.s, "A"))),
        });
        expect(s.correct + s.over + s.under + s.untagged).toBe(cards.length);
        const inMatrix = s.matrix.reduce((n, r) => n + r.untagged + r.assigned.red + r.assigned.yellow + r.assigned.green + r.assigned.black, 0);
        expect(inMatrix).toBe(cards.length);
        const diagonal = s.matrix.reduce((n, r) => n + r.assigned[r.expected], 0);
        expect(diagonal).toBe(s.correct);
        if (s.tagged) expect((s.accuracy ?? 0) + (s.overTriageRate ?? 0) + (s.underTriageRate ?? 0)).toBeCloseTo(1);
        else expect(s.accuracy).toBeNull();
        if (cards.length) expect(s.coverage).toBeCloseTo(s.tagged / cards.length);
      }),
    );
  });
});
