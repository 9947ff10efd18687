import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appendChange, type ChangeEntry, expectOneRowChanged, isStaleWrite, listChanges } from "../../src/db/changes";
import { findIncident, insertIncident, updateIncident } from "../../src/db/incidents";
import { newIncident } from "../../src/domain/incidents";
import { additionEntry } from "../live/helpers";

const entry = (stream: string, n: number): ChangeEntry => additionEntry(stream, n);

describe("change log", () => {
  it("numbers each stream's changes 1, 2, 3 … with no gap, whatever the interleaving", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom("a", "b", "c"), { minLength: 1, maxLength: 30 }), async (streams) => {
        const prefix = crypto.randomUUID();
        const statements = streams.map((s, i) => appendChange(env.DB, entry(`${prefix}-${s}`, i)));
        // Some in one batch, some alone: the sequence must not care.
        const half = Math.floor(statements.length / 2);
        await env.DB.batch(statements.slice(0, half).length ? statements.slice(0, half) : [statements[0]!]);
        for (const st of statements.slice(half === 0 ? 1 : half)) await st.run();
        for (const s of new Set(streams)) {
          const page = await listChanges(env.DB, `${prefix}-${s}`, 0, 100);
          const n = streams.filter((x) => x === s).length;
          expect(page.items.map((c) => c.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
          expect(page.latestSeq).toBe(n);
        }
      }),
      { numRuns: 15 },
    );
  });

  it("keeps before and after images as JSON", async () => {
    const milestone = { drillId: "d-1", key: "alarm_raised", targetSeconds: 60, reachedAt: null, recordedBy: null } as const;
    const reached = { ...milestone, reachedAt: "2026-01-01T00:01:00.000Z", recordedBy: "看護部長" };
    await appendChange(env.DB, { ...entry("images", 1), entityType: "drill_milestone", op: "record", before: milestone, after: reached }).run();
    const [c] = (await listChanges(env.DB, "images", 0, 10)).items;
    expect(c).toMatchObject({ entityType: "drill_milestone", before: milestone, after: reached, actor: { id: "user-hq" } });
  });

  it("rolls the whole batch back, change-log row included, when a guarded update hits a stale version", async () => {
    const incident = newIncident(
      { title: "t", kind: "drill", hazard: "flood", onsetAt: "2026-01-01T00:00:00.000Z", phase: "initial" },
      { id: crypto.randomUUID(), now: new Date().toISOString(), userId: "user-hq", unitId: "hq" },
    );
    await insertIncident(env.DB, incident).run();
    const stale = { ...incident, title: "上書き", version: 5 }; // derived from version 4, which never existed
    const attempt = env.DB.batch([updateIncident(env.DB, stale), expectOneRowChanged(env.DB), appendChange(env.DB, entry(incident.id, 1))]);
    const err = await attempt.catch((e: unknown) => e);
    expect(isStaleWrite(err)).toBe(true);
    expect((await findIncident(env.DB, incident.id))!.title).toBe("t");
    expect((await listChanges(env.DB, incident.id, 0, 10)).items).toHaveLength(0);

    const fresh = { ...incident, title: "正しい更新", version: 2 };
    await env.DB.batch([updateIncident(env.DB, fresh), expectOneRowChanged(env.DB), appendChange(env.DB, entry(incident.id, 1))]);
    expect((await findIncident(env.DB, incident.id))!.title).toBe("正しい更新");
    expect((await listChanges(env.DB, incident.id, 0, 10)).latestSeq).toBe(1);
  });
});
