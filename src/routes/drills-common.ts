import { tagSeqs } from "../db/drills-tags";
import { type ScoringLoad, scoringRead } from "../db/drills-scoring";
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

/** The drill a route read, or the 404 when there is none. */
export function knownDrill(drill: Drill | null): Drill {
  if (!drill) throw notFound("drill");
  return drill;
}

/** Who may act on a drill, for the 403 of a route that manages one. */
export const onlyDrillUnit = (what: string) => `Only the drill's own unit editors or an admin may ${what}.`;

/**
 * What a drill's score reads from D1, to send in the same batch as the drill itself: scoring
 * against the drills ended before `endedAt` (by default before this one ended or started).
 */
export const scoreReads = (db: D1Database, drillId: string, endedAt: string | null = null) => [scoringRead(db, drillId, endedAt), tagSeqs(db, drillId)] as const;

/**
 * Scores a drill from its `scoreReads` and the room's HQ receipts, timing the whole: workerd's
 * clock stands still during pure computation, so only the whole is measurable.
 */
export async function computeScore(
  env: Env,
  drill: Drill,
  [input, seqs]: readonly [ScoringLoad, Array<{ id: string; seq: number }>],
  endedAt = drill.endedAt,
): Promise<{ score: DrillScore; ms: number }> {
  const t0 = performance.now();
  const hq = await hqDelivery(env, drill, seqs);
  const tags = input.tags.map((t) => ({ ...t, hqReceivedAt: hq.receivedAt.get(t.id) ?? null }));
  const score = scoreDrill({ ...input, tags, drill: { ...drill, endedAt } });
  return { score, ms: performance.now() - t0 };
}

export const scoreTiming = (scored: { score: DrillScore; ms: number }): TimingEntry => ({
  name: "score",
  ms: scored.ms,
  desc: `load and score ${scored.score.total} casualties`,
});
