import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { listScenarioCasualties } from "../../src/db/drills-scenarios";
import { startCategory } from "../../src/domain/start";
import { impossibleSigns } from "../../src/schema/drills-casualty";

describe("the seeded tsunami scenario", () => {
  it("stores, for every card, possible signs and the START key those signs give", async () => {
    const cards = await listScenarioCasualties(env.DB, "seed-tsunami-kushiro");
    expect(cards.length).toBeGreaterThanOrEqual(25);
    for (const c of cards) {
      expect(impossibleSigns(c), c.tagNumber).toEqual([]);
      expect(c.startCategory, c.tagNumber).toBe(startCategory(c));
      expect(c.expected, c.tagNumber).toBe(c.override?.category ?? c.startCategory);
    }
  });

  it("has tag numbers unique within the scenario", async () => {
    const cards = await listScenarioCasualties(env.DB, "seed-tsunami-kushiro");
    expect(new Set(cards.map((c) => c.tagNumber)).size).toBe(cards.length);
  });
});
