import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { startCategory } from "../../src/domain/start";
import { CasualtyCard, impossibleSigns, type Signs } from "../../src/schema/drills-casualty";

const base: Signs = {
  age: 40,
  canWalk: false,
  breathing: true,
  breathingAfterAirway: null,
  respiratoryRate: 20,
  radialPulse: true,
  capillaryRefillSeconds: 1.5,
  followsCommands: true,
};

// Each row names the START branch it exercises; the expected column was written from the
// algorithm's wording, not from the function.
const table: Array<[string, Partial<Signs>, string]> = [
  ["walks away: minor, whatever else is seen", { canWalk: true, respiratoryRate: 40, followsCommands: false }, "green"],
  ["walks with every sign normal", { canWalk: true }, "green"],
  ["not breathing, still not after airway repositioning", { breathing: false, breathingAfterAirway: false, respiratoryRate: null, radialPulse: false, capillaryRefillSeconds: null, followsCommands: false }, "black"],
  ["not breathing, breathes after airway repositioning", { breathing: false, breathingAfterAirway: true, respiratoryRate: 8, radialPulse: null, capillaryRefillSeconds: null, followsCommands: null }, "red"],
  ["breathing at 31 per minute", { respiratoryRate: 31 }, "red"],
  ["breathing at exactly 30 per minute is not over 30", { respiratoryRate: 30 }, "yellow"],
  ["radial pulse absent", { radialPulse: false, capillaryRefillSeconds: null }, "red"],
  ["radial pulse present but capillary refill 3 s", { capillaryRefillSeconds: 3 }, "red"],
  ["capillary refill exactly 2 s is not over 2", { capillaryRefillSeconds: 2 }, "yellow"],
  ["only capillary refill observed, 2.5 s", { radialPulse: null, capillaryRefillSeconds: 2.5 }, "red"],
  ["only radial pulse observed, present", { radialPulse: true, capillaryRefillSeconds: null }, "yellow"],
  ["cannot follow simple commands", { followsCommands: false }, "red"],
  ["breathing, perfused, follows commands, cannot walk", {}, "yellow"],
  ["slow breathing at 8 is not a START red by itself", { respiratoryRate: 8 }, "yellow"],
];

describe("START key", () => {
  it.each(table)("%s", (_name, over, expected) => {
    const signs = { ...base, ...over };
    expect(impossibleSigns(signs)).toEqual([]);
    expect(startCategory(signs)).toBe(expected);
  });
});

describe("impossible signs", () => {
  const card = { tagNumber: "A-1", description: "テスト", ...base };
  const pathsOf = (over: Record<string, unknown>) => {
    const r = CasualtyCard.safeParse({ ...card, ...over });
    return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
  };

  it("refuses a negative respiratory rate", () => {
    expect(pathsOf({ respiratoryRate: -4 })).toEqual(["respiratoryRate"]);
  });
  it("refuses a rate on a casualty who is not breathing", () => {
    expect(pathsOf({ breathing: false, breathingAfterAirway: false, respiratoryRate: 12, followsCommands: false })).toEqual(["respiratoryRate"]);
  });
  it("refuses a walking casualty who is not breathing", () => {
    expect(pathsOf({ canWalk: true, breathing: false, breathingAfterAirway: false, respiratoryRate: null })).toContain("breathing");
  });
  it("refuses an airway result for a casualty already breathing", () => {
    expect(pathsOf({ breathingAfterAirway: true })).toEqual(["breathingAfterAirway"]);
  });
  it("needs the airway result when the casualty is not breathing", () => {
    expect(pathsOf({ breathing: false, respiratoryRate: null, followsCommands: null })).toEqual(["breathingAfterAirway"]);
  });
  it("refuses a breathing casualty with a rate of 0", () => {
    expect(pathsOf({ respiratoryRate: 0 })).toEqual(["respiratoryRate"]);
  });
  it("refuses a non-breathing casualty who follows commands", () => {
    expect(pathsOf({ breathing: false, breathingAfterAirway: false, respiratoryRate: null, followsCommands: true })).toEqual(["followsCommands"]);
  });
  it("needs rate, perfusion and commands for a breathing casualty who cannot walk", () => {
    expect(pathsOf({ respiratoryRate: null, radialPulse: null, capillaryRefillSeconds: null, followsCommands: null }).sort()).toEqual([
      "followsCommands",
      "radialPulse",
      "respiratoryRate",
    ]);
  });
  it("refuses a capillary refill beyond 20 s and an age beyond 120", () => {
    expect(pathsOf({ capillaryRefillSeconds: 25, age: 130 }).sort()).toEqual(["age", "capillaryRefillSeconds"]);
  });
});

describe("START on any possible card", () => {
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  const signs = fc
    .record({
      age: maybe(fc.integer({ min: 0, max: 120 })),
      canWalk: fc.boolean(),
      breathing: fc.boolean(),
      breathingAfterAirway: maybe(fc.boolean()),
      respiratoryRate: maybe(fc.integer({ min: 0, max: 80 })),
      radialPulse: maybe(fc.boolean()),
      capillaryRefillSeconds: maybe(fc.double({ min: 0, max: 20, noNaN: true })),
      followsCommands: maybe(fc.boolean()),
    })
    .filter((s) => impossibleSigns(s).length === 0);

  it("tags every walking casualty green and only walking casualties green", () => {
    fc.assert(
      fc.property(signs, (s) => {
        expect(startCategory(s) === "green").toBe(s.canWalk);
      }),
    );
  });

  it("tags black exactly the casualties who do not breathe even with the airway open", () => {
    fc.assert(
      fc.property(signs, (s) => {
        expect(startCategory(s) === "black").toBe(!s.canWalk && !s.breathing && s.breathingAfterAirway === false);
      }),
    );
  });

  it("never lowers a category when breathing gets faster than 30", () => {
    fc.assert(
      fc.property(signs, (s) => {
        fc.pre(!s.canWalk && s.breathing);
        expect(startCategory({ ...s, respiratoryRate: 31 })).toBe("red");
      }),
    );
  });
});
