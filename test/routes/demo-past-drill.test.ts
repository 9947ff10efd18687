import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM helper shared with `npm start`
import { PAST_DRILL_DAYS, pastDrillDatesSql } from "../../scripts/demo-drill.mjs";
import { type Client, sendJson as send, signIn } from "../helpers";

type Score = { startedAt: string; endedAt: string; accuracy: number | null; timeToAllMs: number | null; trend: { drillId: string; endedAt: string; current?: boolean }[] };

let hospital: Client;
beforeAll(async () => {
  hospital = await signIn("hospital");
});

async function triageDrill(title: string) {
  const created = await send(hospital, "POST", "/api/drills", { kind: "triage", title, scheduledAt: "2026-10-02T10:00:00+09:00", place: "正面玄関", scenarioId: "seed-tsunami-kushiro" });
  const id = created.body.data.id as string;
  await send(hospital, "POST", `/api/drills/${id}/status`, { version: 1, to: "running" });
  await send(hospital, "POST", `/api/drills/${id}/tags`, { casualtyId: `${id}-c0`, category: "green", zoneId: "entrance" });
  await send(hospital, "POST", `/api/drills/${id}/status`, { version: 2, to: "ended" });
  return id;
}

const score = async (id: string) => (await (await hospital.get(`/api/drills/${id}/score`)).json()) as Score;
const daysAgo = (iso: string) => (Date.now() - Date.parse(iso)) / 86_400_000;

describe("the demo's past drill", () => {
  it("is dated on the day it was held: the drill, its score and the next drill's trend say so, with every figure as scored", async () => {
    const past = await triageDrill("デモ用 過去の訓練");
    const asScored = await score(past);
    await env.DB.exec(pastDrillDatesSql(past).replace(/\n\s*/g, " "));

    const drill = (await (await hospital.get(`/api/drills/${past}`)).json()) as { drill: { startedAt: string; endedAt: string } };
    expect(daysAgo(drill.drill.endedAt)).toBeCloseTo(PAST_DRILL_DAYS, 0);
    const shifted = await score(past);
    expect(daysAgo(shifted.endedAt)).toBeCloseTo(PAST_DRILL_DAYS, 0);
    expect(daysAgo(shifted.trend.at(-1)!.endedAt)).toBeCloseTo(PAST_DRILL_DAYS, 0);
    expect({ accuracy: shifted.accuracy, timeToAllMs: shifted.timeToAllMs }).toEqual({ accuracy: asScored.accuracy, timeToAllMs: asScored.timeToAllMs });

    // A drill held today shows the past one on its trend at the past date.
    const today = await score(await triageDrill("デモ用 今日の訓練"));
    const point = today.trend.find((p) => p.drillId === past)!;
    expect(daysAgo(point.endedAt)).toBeCloseTo(PAST_DRILL_DAYS, 0);
  });
});
