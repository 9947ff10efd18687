import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { copyScenarioIntoDrill, endDrill, findDrill, insertDrill, listDrillCasualties } from "../../src/db/drills";
import { listScenarioCasualties } from "../../src/db/drills-scenarios";
import { loadScoringInput } from "../../src/db/drills-scoring";
import { applyTag, insertTag, listTags } from "../../src/db/drills-tags";
import { newDrill, transition } from "../../src/domain/drills";
import { scoreDrill } from "../../src/domain/scoring";
import { startCategory } from "../../src/domain/start";
import type { Tag } from "../../src/schema/drills";
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


describe("drill queries", () => {
  async function drillWithCards(status: "planned" | "running") {
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    const d = {
      ...newDrill(
        { kind: "triage", title: "db", scheduledAt: now, place: "x", objectives: [], participants: [], scenarioId: "seed-tsunami-kushiro", incidentId: null },
        { id, now, userId: "user-hospital", unitId: "hospital", scenario: { title: "s", casualtyCount: 30 } },
      ),
      status,
      startedAt: status === "running" ? now : null,
    };
    await env.DB.batch([insertDrill(env.DB, d), copyScenarioIntoDrill(env.DB, id, "seed-tsunami-kushiro")]);
    return d;
  }
  const tagOf = (drillId: string, casualtyId: string, category: Tag["category"], taggedAt: string): Tag => ({
    id: crypto.randomUUID(),
    drillId,
    casualtyId,
    tagNumber: "",
    category,
    zoneId: "er",
    officerId: null,
    officerName: "x",
    taggedBy: "user-hospital",
    taggedAt,
    previousCategory: null,
    previousZoneId: null,
    hqReceivedAt: null,
  });

  it("copies every card of the scenario with its key, ids derived from the drill", async () => {
    const d = await drillWithCards("planned");
    const cards = await listDrillCasualties(env.DB, d.id);
    const key = await listScenarioCasualties(env.DB, "seed-tsunami-kushiro");
    expect(cards.map((c) => [c.id, c.tagNumber, c.expected])).toEqual(key.map((c, i) => [`${d.id}-c${i}`, c.tagNumber, c.expected]));
    expect(cards.every((c) => c.currentCategory === null && c.tagCount === 0)).toBe(true);
  });

  it("records the category before a re-tag inside the write, and moves no casualty of a drill not running", async () => {
    const d = await drillWithCards("running");
    const c0 = `${d.id}-c0`;
    for (const [cat, at] of [["yellow", "2026-11-24T01:00:00.000Z"], ["red", "2026-11-24T01:01:00.000Z"]] as const) {
      const t = tagOf(d.id, c0, cat, at);
      await env.DB.batch([insertTag(env.DB, t), applyTag(env.DB, t)]);
    }
    // Newest first.
    const tags = await listTags(env.DB, d.id, { limit: 10 });
    expect(tags.items.map((t) => [t.category, t.previousCategory, t.tagNumber])).toEqual([
      ["red", "yellow", "T-01"],
      ["yellow", null, "T-01"],
    ]);
    expect(tags.next).toBeNull();
    const planned = await drillWithCards("planned");
    const r = await applyTag(env.DB, tagOf(planned.id, `${planned.id}-c0`, "red", "2026-11-24T01:00:00.000Z")).run();
    expect(r.meta.changes).toBe(0);
  });

  it("loads what scoring reads in one batch, with overrides as reasons", async () => {
    const d = await drillWithCards("running");
    const t = tagOf(d.id, `${d.id}-c4`, "red", "2026-11-24T01:00:00.000Z");
    await env.DB.batch([insertTag(env.DB, t), applyTag(env.DB, t)]);
    const input = await loadScoringInput(env.DB, d, "2999-01-01T00:00:00.000Z");
    expect(input.casualties).toHaveLength(30);
    expect(input.casualties.filter((c) => c.overrideReason !== null).map((c) => c.tagNumber)).toEqual(["T-13"]);
    expect(input.tags).toEqual([expect.objectContaining({ casualtyId: `${d.id}-c4`, category: "red", hqReceivedAt: null })]);
    expect(input.milestones).toEqual([]);
    expect(input.previous.every((p) => p.drillId !== d.id)).toBe(true);
  });

  it("ends a drill only over the tags its score counted", async () => {
    const d = await drillWithCards("running");
    const moved = transition(d, "ended", new Date().toISOString());
    if (!moved.ok) throw new Error(moved.refusal.message);
    const scored = async () => scoreDrill({ ...(await loadScoringInput(env.DB, d, "2999-01-01T00:00:00.000Z")), drill: moved.value });
    const before = await scored();
    const late = tagOf(d.id, `${d.id}-c1`, "green", new Date().toISOString());
    await env.DB.batch([insertTag(env.DB, late), applyTag(env.DB, late)]);
    expect((await endDrill(env.DB, moved.value, before).run()).meta.changes).toBe(0);
    expect((await findDrill(env.DB, d.id))!.status).toBe("running");
    expect((await endDrill(env.DB, moved.value, await scored()).run()).meta.changes).toBe(1);
    expect((await findDrill(env.DB, d.id))!.status).toBe("ended");
  });
});
