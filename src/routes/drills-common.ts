import { findDrill } from "../db/drills";
import { loadScoringInput } from "../db/drills-scoring";
import { scoreDrill } from "../domain/scoring";
import { notFound } from "../lib/app";
import type { TimingEntry } from "../lib/server-timing";
import { hqDelivery } from "../live/hq-receipts";
import type { Drill } from "../schema/drills";
import type { DrillScore } from "../schema/drills-report";
import { KEY_REUSED, refusals } from "./openapi";

const NO_SUCH = "No such drill (or item)";
export const errors = refusals({ 404: NO_SUCH });
export const writeErrors = refusals({
  404: NO_SUCH,
  409: "Stale version or wrong drill state; `current` holds the state as it is now",
  422: KEY_REUSED,
});

export async function requireDrill(db: D1Database, id: string): Promise<Drill> {
  const drill = await findDrill(db, id);
  if (!drill) throw notFound("drill");
  return drill;
}

/** Who may act on a drill, for the 403 of a route that manages one. */
export const onlyDrillUnit = (what: string) => `Only the drill's own unit editors or an admin may ${what}.`;

/**
 * Loads everything the score reads (one D1 round trip, and the room's HQ receipts) and scores it, timing the whole:
 * workerd's clock stands still during pure computation, so only the whole is measurable.
 */
export async function computeScore(env: Env, drill: Drill, endedAt = drill.endedAt): Promise<{ score: DrillScore; ms: number }> {
  const t0 = performance.now();
  const [input, hq] = await Promise.all([loadScoringInput(env.DB, drill, endedAt ?? drill.startedAt ?? drill.scheduledAt), hqDelivery(env, drill)]);
  const tags = input.tags.map((t) => ({ ...t, hqReceivedAt: hq.receivedAt.get(t.id) ?? null }));
  const score = scoreDrill({ ...input, tags, drill: { ...drill, endedAt } });
  return { score, ms: performance.now() - t0 };
}

export const scoreTiming = (scored: { score: DrillScore; ms: number }): TimingEntry => ({
  name: "score",
  ms: scored.ms,
  desc: `load and score ${scored.score.total} casualties`,
});
