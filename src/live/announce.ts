import type { Change } from "../schema/changes";
import type { Incident } from "../schema/incidents";
import { DIRECTORY } from "../schema/streams";


export const roomFor = (env: Env, stream: string) => env.LIVE_ROOM.get(env.LIVE_ROOM.idFromName(stream));

// The change is already committed: a failed announcement costs listeners a pull, never the change.
export async function announceChanges(env: Env, stream: string, changes: Change[]) {
  try {
    await roomFor(env, stream).announce(changes);
  } catch (err) {
    console.warn(`announce to ${stream} failed; listeners will catch up from the log`, err);
  }
}

export async function announceIncident(env: Env, incident: Incident) {
  try {
    await roomFor(env, DIRECTORY).announceIncident(incident);
  } catch (err) {
    console.warn("announce to the incident list failed; consoles refresh it on reconnect", err);
  }
}
