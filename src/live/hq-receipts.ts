import { HQ_UNIT } from "../domain/drills";
import type { Drill } from "../schema/drills";
import { streamOf } from "../schema/streams";
import { roomFor } from "./announce";

export type HqDelivery = {
  /** Disaster HQ screens open on the drill's stream right now. */
  screens: number;
  /** Tags no HQ console has had yet. */
  unreceived: number;
  /** When an HQ console first had each tag that reached one. */
  receivedAt: Map<string, string>;
};

/**
 * Which of a drill's tags a disaster HQ console really had, from its room's delivery receipts;
 * `seqs` (its tags' sequence numbers, `tagSeqs`) read with the drill itself.
 */
export async function hqDelivery(env: Env, drill: Pick<Drill, "id" | "incidentId">, seqs: Array<{ id: string; seq: number }>): Promise<HqDelivery> {
  const stream = streamOf(drill);
  const delivery = await roomFor(env, stream).deliveryTo(HQ_UNIT, seqs.map((s) => s.seq));
  const receivedAt = new Map<string, string>();
  for (const { id, seq } of seqs) {
    const at = delivery.at[seq];
    if (at) receivedAt.set(id, at);
  }
  return { screens: delivery.screens, unreceived: seqs.length - receivedAt.size, receivedAt };
}
