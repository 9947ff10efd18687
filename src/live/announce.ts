import type { Incident } from "../schema/incidents";
import type { Committed, WriteBatch } from "./group-commit";
import { DIRECTORY } from "../schema/streams";

/** A stream's live room, which also commits the stream's writes. */
export const roomFor = (env: Env, stream: string) => env.LIVE_ROOM.get(env.LIVE_ROOM.idFromName(stream));

/** A write's batch, committed by its stream's room (which then tells the stream's listeners). */
export async function commitInRoom(env: Env, stream: string, batch: WriteBatch): Promise<Committed> {
  const outcome = await roomFor(env, stream).commit(stream, batch);
  return outcome.ok ? { ok: true, seqs: [...outcome.seqs], bookmark: outcome.bookmark } : { ok: false, error: outcome.error, bookmark: null };
}

export async function announceIncident(env: Env, incident: Incident) {
  try {
    await roomFor(env, DIRECTORY).announceIncident(incident);
  } catch (err) {
    console.warn("announce to the incident list failed; consoles refresh it on reconnect", err);
  }
}
