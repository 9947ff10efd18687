import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cardsFromCsv, duplicateTagProblems, scenarioCsv } from "../../src/domain/drills-csv";
import { startCategory } from "../../src/domain/start";

const HEADER = "tag_number,description,age,can_walk,breathing,breathing_after_airway,respiratory_rate,radial_pulse,capillary_refill_s,follows_commands,override_category,override_reason";

describe("scenario CSV import", () => {
  it("reads cards with quoted text, Japanese yes/no and blank signs", () => {
    const r = cardsFromCsv(
      [HEADER, 'T-01,"歩行可能、右腕打撲 ""痛い""",34,はい,はい,,18,yes,1,yes,,', "T-02,意識なし,70,no,no,no,,,,no,,", "T-03,呼吸促迫,50,no,yes,,36,yes,1,yes,yellow,医師判断"].join("\r\n"),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((c) => c.description)).toEqual(['歩行可能、右腕打撲 "痛い"', "意識なし", "呼吸促迫"]);
    expect(r.value.map((c) => startCategory(c))).toEqual(["green", "black", "red"]);
    expect(r.value[2]!.override).toEqual({ category: "yellow", reason: "医師判断" });
  });

  it("names the row and field of every bad cell and returns no cards", () => {
    const r = cardsFromCsv([HEADER, "T-01,ok,30,yes,yes,,18,,,,,", "T-02,bad,30,no,yes,,-3,yes,1,yes,,", "T-03,bad,x,maybe,yes,,,,,,,"].join("\n"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.fields.map((p) => p.path)).toEqual(["rows.3.respiratory_rate", "rows.4.age", "rows.4.can_walk"]);
    expect(r.refusal.fields[0]!.message).toMatch(/^row 3, respiratory_rate/);
  });

  it("refuses impossible signs and an override without a reason, by row", () => {
    const r = cardsFromCsv([HEADER, "T-01,no breath,30,no,no,no,12,,,,,", "T-02,x,30,yes,yes,,18,,,,red,"].join("\n"));
    expect(!r.ok && r.refusal.fields.map((p) => p.path)).toEqual(["rows.2.respiratory_rate", "rows.3.override_reason"]);
  });

  it("refuses a missing column, an unknown column, an empty file and a repeated tag number", () => {
    expect(cardsFromCsv("tag_number,description,can_walk\nA,b,yes")).toMatchObject({ ok: false, refusal: { fields: [{ path: "rows.1.breathing" }] } });
    expect(cardsFromCsv(`${HEADER},colour\n`)).toMatchObject({ ok: false, refusal: { fields: [{ path: "rows.1.colour" }, { path: "rows" }] } });
    expect(cardsFromCsv("")).toMatchObject({ ok: false });
    const dup = cardsFromCsv([HEADER, "A,x,1,yes,yes,,,,,,,", "A,y,1,yes,yes,,,,,,,"].join("\n"));
    expect(!dup.ok && dup.refusal.fields[0]!.path).toBe("rows.3.tag_number");
  });

  it("names repeated tag numbers in a JSON scenario", () => {
    expect(duplicateTagProblems([{ tagNumber: "1" }, { tagNumber: "2" }, { tagNumber: "1" }])).toEqual([{ path: "casualties.2.tagNumber", message: expect.any(String) }]);
  });
});

describe("CSV export", () => {
  it("round-trips a scenario through export and import", () => {
    const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 120 }), (description, age) => {
        const card = {
          id: "x",
          sortOrder: 0,
          tagNumber: "T-1",
          description,
          age,
          canWalk: false,
          breathing: true,
          breathingAfterAirway: null,
          respiratoryRate: 20,
          radialPulse: true,
          capillaryRefillSeconds: 1.5,
          followsCommands: false,
          override: { category: "yellow" as const, reason: "理由, \"引用\"" },
          startCategory: "red" as const,
          expected: "yellow" as const,
        };
        const back = cardsFromCsv(scenarioCsv([card]));
        expect(back.ok && back.value[0]).toMatchObject({ description, age, followsCommands: false, override: card.override });
      }),
      { numRuns: 50 },
    );
  });
});
