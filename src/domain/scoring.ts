import { CATEGORIES, type Category, type MilestoneKey, type MilestoneTarget } from "../schema/drills";
import type { CasualtyScore, DrillScore, MilestoneScore, OfficerScore, Outcome, TrendPoint } from "../schema/drills-report";
import { URGENCY } from "./start";

export type ScoringInput = {
  drill: { id: string; title: string; startedAt: string | null; endedAt: string | null; milestoneTargets: MilestoneTarget[] };
  casualties: Array<{ id: string; tagNumber: string; startCategory: Category; expected: Category; overrideReason: string | null }>;
  tags: Array<{
    casualtyId: string;
    category: Category;
    officerId: string | null;
    officerName: string;
    taggedBy: string;
    taggedAt: string;
    hqReceivedAt: string | null;
  }>;
  milestones: Array<{ key: MilestoneKey; reachedAt: string | null }>;
  /** Earlier drills of the same kind, oldest first. */
  previous: Array<Omit<TrendPoint, "current">>;
};

export function outcomeOf(expected: Category, assigned: Category | null): Outcome {
  if (assigned === null) return "untagged";
  if (assigned === expected) return "correct";
  return URGENCY[assigned] > URGENCY[expected] ? "over" : "under";
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const ms = (iso: string) => Date.parse(iso);

/**
 * Scores a drill from its key, its tags and its milestones. The category that counts is the
 * last one a casualty was tagged with (re-triage corrects the first look); the time that counts
 * is to the first tag. Accuracy, over- and under-triage are shares of the tagged casualties (a
 * card nobody reached was not judged wrongly); coverage, tagged / all, says how many were reached.
 */
export function scoreDrill(input: ScoringInput): DrillScore {
  const { drill } = input;
  const start = drill.startedAt ? ms(drill.startedAt) : null;
  const tags = [...input.tags].sort((a, b) => ms(a.taggedAt) - ms(b.taggedAt));

  const byCasualty = new Map<string, typeof tags>();
  for (const t of tags) {
    const list = byCasualty.get(t.casualtyId);
    if (list) list.push(t);
    else byCasualty.set(t.casualtyId, [t]);
  }

  const officers = new Map<string, OfficerScore & { times: number[] }>();
  const officerOf = (t: (typeof tags)[number]) => {
    const key = t.officerId ?? `user:${t.taggedBy}`;
    let o = officers.get(key);
    if (!o) {
      o = { officerKey: key, name: t.officerName, tags: 0, assessed: 0, correct: 0, over: 0, under: 0, accuracy: null, medianIntervalMs: null, times: [] };
      officers.set(key, o);
    }
    return o;
  };
  for (const t of tags) {
    const o = officerOf(t);
    o.tags++;
    o.times.push(ms(t.taggedAt));
  }

  const matrix = CATEGORIES.map((expected) => ({ expected, assigned: { red: 0, yellow: 0, green: 0, black: 0 }, untagged: 0 }));
  const row = new Map(matrix.map((r) => [r.expected, r]));
  const counts = { correct: 0, over: 0, under: 0, untagged: 0 };
  const firstTagTimes: number[] = [];
  let overridden = 0;

  const casualties: CasualtyScore[] = input.casualties.map((c) => {
    const list = byCasualty.get(c.id) ?? [];
    const first = list[0];
    const last = list.at(-1);
    const assigned = last?.category ?? null;
    const outcome = outcomeOf(c.expected, assigned);
    counts[outcome]++;
    if (c.overrideReason !== null) overridden++;
    if (assigned) row.get(c.expected)!.assigned[assigned]++;
    else row.get(c.expected)!.untagged++;
    const timeToFirstTagMs = first && start !== null ? ms(first.taggedAt) - start : null;
    if (timeToFirstTagMs !== null) firstTagTimes.push(timeToFirstTagMs);
    if (last) {
      const o = officerOf(last);
      o.assessed++;
      if (outcome === "correct" || outcome === "over" || outcome === "under") o[outcome]++;
    }
    return {
      casualtyId: c.id,
      tagNumber: c.tagNumber,
      startCategory: c.startCategory,
      expected: c.expected,
      overrideReason: c.overrideReason,
      firstCategory: first?.category ?? null,
      assigned,
      outcome,
      timeToFirstTagMs,
      tagCount: list.length,
      officerId: last?.officerId ?? null,
      officerName: last?.officerName ?? null,
    };
  });

  const total = input.casualties.length;
  const tagged = total - counts.untagged;
  const receipts = tags.filter((t) => t.hqReceivedAt).map((t) => ms(t.hqReceivedAt!) - ms(t.taggedAt));
  const accuracy = ratio(counts.correct, tagged);
  const underTriageRate = ratio(counts.under, tagged);
  const timeToAllMs = total > 0 && counts.untagged === 0 && firstTagTimes.length === total ? Math.max(...firstTagTimes) : null;

  return {
    drillId: drill.id,
    startedAt: drill.startedAt,
    endedAt: drill.endedAt,
    total,
    tagged,
    untagged: counts.untagged,
    correct: counts.correct,
    over: counts.over,
    under: counts.under,
    accuracy,
    coverage: ratio(tagged, total),
    overTriageRate: ratio(counts.over, tagged),
    underTriageRate,
    timeToAllMs,
    medianTimeToTagMs: median(firstTagTimes),
    overridden,
    matrix,
    casualties,
    officers: [...officers.values()].map(({ times, ...o }) => ({
      ...o,
      accuracy: ratio(o.correct, o.assessed),
      medianIntervalMs: median(times.slice(1).map((t, i) => t - times[i]!)),
    })),
    hq: {
      tags: tags.length,
      received: receipts.length,
      medianMs: median(receipts),
      p90Ms: percentile(receipts, 90),
      maxMs: receipts.length ? Math.max(...receipts) : null,
    },
    milestones: scoreMilestones(drill.startedAt, drill.milestoneTargets, input.milestones),
    trend: [
      ...input.previous.map((p) => ({ ...p, current: false })),
      { drillId: drill.id, title: drill.title, endedAt: drill.endedAt ?? "", accuracy, underTriageRate, timeToAllMs, current: true },
    ],
  };
}

/** Seconds from the drill's start to a milestone, or null until both have happened. */
export function secondsToMilestone(startedAt: string | null, reachedAt: string | null): number | null {
  return reachedAt && startedAt ? Math.round((ms(reachedAt) - ms(startedAt)) / 1000) : null;
}

/** Fire drill milestones against their targets: met when reached within the target time. */
export function scoreMilestones(
  startedAt: string | null,
  targets: MilestoneTarget[],
  reached: Array<{ key: MilestoneKey; reachedAt: string | null }>,
): MilestoneScore[] {
  const at = new Map(reached.map((r) => [r.key, r.reachedAt]));
  return targets.map((t) => {
    const elapsedSeconds = secondsToMilestone(startedAt, at.get(t.key) ?? null);
    return { key: t.key, targetSeconds: t.targetSeconds, elapsedSeconds, met: elapsedSeconds === null ? null : elapsedSeconds <= t.targetSeconds };
  });
}
